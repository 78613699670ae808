import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQml.Models
import Berth

// Running a container from an image (`berth run -d …`): image, name, command, environment
// and volume rows, limits, restart policy and --rm, each checked as you type; the command
// line is shown live, and Run creates the container and starts it.
Dialog {
    id: dialog
    objectName: "runDialog"
    readonly property alias form: form
    readonly property alias imageBox: imageBox
    readonly property alias nameField: nameField
    readonly property alias commandField: commandField
    readonly property alias memoryField: memoryField
    readonly property alias cpusField: cpusField
    readonly property alias pidsField: pidsField
    readonly property alias restartBox: restartBox
    readonly property alias retriesField: retriesField
    readonly property alias autoRemoveBox: autoRemoveBox
    readonly property alias interactiveBox: interactiveBox
    readonly property alias envEditor: envEditor
    readonly property alias volumeEditor: volumeEditor
    // The container was created and started.
    signal ran(string id, string name)

    title: qsTr("Run a container")
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 40 : 720, 760)
    height: Math.min(parent ? parent.height - 40 : 680, 720)
    closePolicy: form.running ? Popup.NoAutoClose : Popup.CloseOnEscape

    // Opens an empty form; image (if given) is filled in, e.g. from the Images panel.
    function openWith(image) {
        if (form.running) {
            open()
            return
        }
        form.reset()
        envModel.clear()
        volumeModel.clear()
        imageBox.text = image || ""
        nameField.text = ""
        commandField.text = ""
        memoryField.text = ""
        cpusField.text = ""
        pidsField.text = ""
        retriesField.text = ""
        restartBox.currentIndex = 0
        autoRemoveBox.checked = false
        interactiveBox.checked = false
        form.image = imageBox.text
        images.reload(false)
        open()
        if (image)
            nameField.forceActiveFocus()
        else
            imageBox.forceActiveFocus()
        Helper.showCommand(form.commandLine)
    }
    function addEnvRow(text) {
        envModel.append({ text: text || "" })
        dialog.syncRows()
    }
    function addVolumeRow(text) {
        volumeModel.append({ text: text || "" })
        dialog.syncRows()
    }
    function rowsOf(listModel) {
        const rows = []
        for (let i = 0; i < listModel.count; ++i)
            rows.push(listModel.get(i).text)
        return rows
    }
    function syncRows() {
        form.env = rowsOf(envModel)
        form.volumes = rowsOf(volumeModel)
    }
    function runNow() {
        if (!form.valid || form.running)
            return
        form.run()
    }

    ImageListModel { id: images }
    ListModel { id: envModel }
    ListModel { id: volumeModel }

    RunForm {
        id: form
        onInputChanged: if (dialog.visible && !running) Helper.showCommand(commandLine)
        onStarted: (id, name) => {
            dialog.ran(id, name)
            dialog.close()
        }
    }

    // A field's label, its editor and, under it, why what is typed is wrong.
    component Problem: Label {
        property string problem
        visible: problem.length > 0
        text: problem
        color: Theme.negativeText
        wrapMode: Text.WordWrap
        font.pointSize: Qt.application.font.pointSize * Theme.smallScale
        Layout.fillWidth: true
    }
    component FieldLabel: Label {
        Layout.alignment: Qt.AlignTop | Qt.AlignLeft
        Layout.topMargin: 8
        Layout.preferredWidth: 120
        wrapMode: Text.WordWrap
    }
    contentItem: ColumnLayout {
        spacing: 10

        ScrollView {
            id: scroller
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true

            GridLayout {
                width: scroller.availableWidth - 12
                columns: 2
                columnSpacing: 12
                rowSpacing: 8

                FieldLabel { text: qsTr("Image") }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 4
                        TextField {
                            id: imageBox
                            objectName: "runImage"
                            Layout.fillWidth: true
                            placeholderText: qsTr("an image of this computer, e.g. busybox:latest")
                            selectByMouse: true
                            enabled: !form.running
                            onTextChanged: form.image = text
                            onAccepted: dialog.runNow()
                            Keys.onDownPressed: localImages.popup(imageBox, 0, imageBox.height)
                            Accessible.name: qsTr("Image")
                        }
                        Button {
                            objectName: "runImageChoose"
                            text: qsTr("Local images ▾")
                            enabled: !form.running && images.count > 0
                            ToolTip.visible: hovered
                            ToolTip.delay: 600
                            ToolTip.text: qsTr("Choose one of the images this computer has (Down arrow in the field)")
                            onClicked: localImages.popup(imageBox, 0, imageBox.height)
                        }
                        Menu {
                            id: localImages
                            objectName: "runImageMenu"
                            Instantiator {
                                model: images
                                delegate: MenuItem {
                                    required property string reference
                                    objectName: "runImageItem-" + reference
                                    text: reference
                                    onTriggered: {
                                        imageBox.text = reference
                                        nameField.forceActiveFocus()
                                    }
                                }
                                onObjectAdded: (index, object) => localImages.insertItem(index, object)
                                onObjectRemoved: (index, object) => localImages.removeItem(object)
                            }
                        }
                    }
                    Problem {
                        objectName: "runImageProblem"
                        problem: imageBox.text.length > 0 ? form.imageProblem : ""
                    }
                    Label {
                        visible: images.loaded && images.count === 0
                        text: qsTr("No local images yet: type a name (it must be pulled first, on the Images panel).")
                        color: Theme.mutedText
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                        font.pointSize: Qt.application.font.pointSize * Theme.smallScale
                    }
                }

                FieldLabel { text: qsTr("Name") }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    TextField {
                        id: nameField
                        objectName: "runName"
                        Layout.fillWidth: true
                        placeholderText: qsTr("optional; Berth makes one up when empty")
                        selectByMouse: true
                        enabled: !form.running
                        onTextChanged: form.name = text
                        onAccepted: dialog.runNow()
                    }
                    Problem { objectName: "runNameProblem"; problem: form.nameProblem }
                }

                FieldLabel { text: qsTr("Command") }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    TextField {
                        id: commandField
                        objectName: "runCommandField"
                        Layout.fillWidth: true
                        placeholderText: qsTr("optional; e.g. sleep 3600 (empty: the image's own command)")
                        font.family: Theme.monospace
                        selectByMouse: true
                        enabled: !form.running
                        onTextChanged: form.command = text
                        onAccepted: dialog.runNow()
                    }
                    Problem { objectName: "runCommandProblem"; problem: form.commandProblem }
                }

                FieldLabel { text: qsTr("Environment") }
                RowsEditor {
                    id: envEditor
                    rows: envModel
                    problems: form.envProblems
                    placeholder: "NAME=value"
                    addText: qsTr("+ Add variable")
                    rowName: "runEnv"
                    editable: !form.running
                    onAccepted: dialog.runNow()
                    onEdited: dialog.syncRows()
                    onAddRequested: dialog.addEnvRow("")
                }

                FieldLabel { text: qsTr("Volumes") }
                RowsEditor {
                    id: volumeEditor
                    rows: volumeModel
                    problems: form.volumeProblems
                    placeholder: qsTr("/host/folder:/data  or  volume-name:/data:ro")
                    addText: qsTr("+ Add volume or folder")
                    rowName: "runVolume"
                    editable: !form.running
                    onAccepted: dialog.runNow()
                    onEdited: dialog.syncRows()
                    onAddRequested: dialog.addVolumeRow("")
                }

                FieldLabel { text: qsTr("Limits") }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 8
                        Label { text: qsTr("Memory") }
                        TextField {
                            id: memoryField
                            objectName: "runMemory"
                            Layout.fillWidth: true
                            placeholderText: qsTr("e.g. 256m")
                            selectByMouse: true
                            enabled: !form.running
                            onTextChanged: form.memory = text
                            onAccepted: dialog.runNow()
                        }
                        Label { text: qsTr("CPUs") }
                        TextField {
                            id: cpusField
                            objectName: "runCpus"
                            Layout.fillWidth: true
                            placeholderText: qsTr("e.g. 0.5")
                            selectByMouse: true
                            enabled: !form.running
                            onTextChanged: form.cpus = text
                            onAccepted: dialog.runNow()
                        }
                        Label { text: qsTr("Processes") }
                        TextField {
                            id: pidsField
                            objectName: "runPids"
                            Layout.fillWidth: true
                            placeholderText: qsTr("e.g. 100")
                            selectByMouse: true
                            enabled: !form.running
                            onTextChanged: form.pidsLimit = text
                            onAccepted: dialog.runNow()
                        }
                    }
                    Problem { objectName: "runMemoryProblem"; problem: form.memoryProblem }
                    Problem { objectName: "runCpusProblem"; problem: form.cpusProblem }
                    Problem { objectName: "runPidsProblem"; problem: form.pidsProblem }
                }

                FieldLabel { text: qsTr("Restart") }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 8
                        ComboBox {
                            id: restartBox
                            objectName: "runRestart"
                            Layout.preferredWidth: 220
                            enabled: !form.running
                            textRole: "label"
                            valueRole: "policy"
                            model: [
                                { policy: "no", label: qsTr("no (never restart)") },
                                { policy: "on-failure", label: qsTr("on-failure (exit code ≠ 0)") },
                                { policy: "always", label: qsTr("always") },
                                { policy: "unless-stopped", label: qsTr("unless-stopped") }
                            ]
                            onCurrentValueChanged: form.restartPolicy = currentValue
                        }
                        Label {
                            visible: form.restartPolicy === "on-failure"
                            text: qsTr("at most")
                        }
                        TextField {
                            id: retriesField
                            objectName: "runRetries"
                            visible: form.restartPolicy === "on-failure"
                            Layout.preferredWidth: 110
                            placeholderText: qsTr("∞ retries")
                            selectByMouse: true
                            enabled: !form.running
                            onTextChanged: form.maximumRetries = text
                        }
                        Item { Layout.fillWidth: true }
                    }
                    CheckBox {
                        id: autoRemoveBox
                        objectName: "runAutoRemove"
                        text: qsTr("Remove the container when it exits (--rm)")
                        enabled: !form.running
                        onCheckedChanged: form.autoRemove = checked
                    }
                    CheckBox {
                        id: interactiveBox
                        objectName: "runInteractive"
                        text: qsTr("Give it a terminal and keep its input open, to attach to later (-it)")
                        enabled: !form.running
                        onCheckedChanged: form.interactive = checked
                    }
                    Problem { objectName: "runRestartProblem"; problem: form.restartProblem }
                }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: commandLabel.implicitHeight + 16
            color: Theme.terminal
            radius: Theme.radius
            Label {
                id: commandLabel
                objectName: "runCommand"
                anchors.fill: parent
                anchors.margins: 8
                anchors.leftMargin: 10
                text: "$ " + form.commandLine
                color: Theme.terminalText
                font.family: Theme.monospace
                wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                maximumLineCount: 4
                elide: Text.ElideRight
            }
        }

        RowLayout {
            Layout.fillWidth: true
            visible: outcome.text.length > 0
            spacing: 8
            BusyIndicator {
                running: form.running
                visible: running
                Layout.preferredWidth: 24
                Layout.preferredHeight: 24
            }
            Label {
                id: outcome
                objectName: "runOutcome"
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: form.running ? form.stage : form.errorMessage
                color: form.errorMessage.length > 0 && !form.running ? Theme.negativeText : Theme.mutedText
            }
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "runStart"
            text: qsTr("Run")
            highlighted: true
            enabled: form.valid && !form.running
            onClicked: dialog.runNow()
        }
        Button {
            objectName: "runClose"
            text: qsTr("Close")
            enabled: !form.running
            onClicked: dialog.close()
        }
    }
}
