import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Pulling an image: the reference (and a platform, if wanted), `berth pull REF` shown as
// you type, then one bar per layer with docker's words for its state, an overall bar in
// bytes, the helper's messages, and the outcome. Cancel stops the pull in the helper.
Dialog {
    id: dialog
    objectName: "pullDialog"
    readonly property alias job: job
    readonly property alias referenceField: referenceField
    readonly property alias layerList: layerList

    title: qsTr("Pull an image")
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 40 : 640, 680)
    height: Math.min(parent ? parent.height - 40 : 560, 600)
    closePolicy: job.running ? Popup.NoAutoClose : Popup.CloseOnEscape

    function openFresh() {
        if (!job.running)
            job.reset()
        open()
        referenceField.forceActiveFocus()
        Helper.showCommand(job.command)
    }
    function startPull() {
        if (job.running || job.referenceProblem.length > 0)
            return
        job.start()
    }

    PullJob {
        id: job
        reference: referenceField.text
        platform: platformField.text
        onCommandChanged: if (dialog.visible && !running) Helper.showCommand(command)
    }

    contentItem: ColumnLayout {
        spacing: 10

        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.mutedText
            text: qsTr("An image is named [registry/]repository[:tag]. Without a registry it comes from Docker Hub "
                       + "(through your registry mirror, if you set one in Settings); without a tag, :latest is used.")
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: 10
            rowSpacing: 6
            Label { text: qsTr("Image") }
            TextField {
                id: referenceField
                objectName: "pullReference"
                Layout.fillWidth: true
                placeholderText: "busybox:latest"
                selectByMouse: true
                enabled: !job.running
                onAccepted: dialog.startPull()
            }
            Label { text: qsTr("Platform") }
            TextField {
                id: platformField
                objectName: "pullPlatform"
                Layout.fillWidth: true
                placeholderText: qsTr("optional, e.g. linux/arm64 (default: this computer's)")
                selectByMouse: true
                enabled: !job.running
                onAccepted: dialog.startPull()
            }
        }
        Label {
            objectName: "pullProblem"
            Layout.fillWidth: true
            visible: referenceField.text.length > 0 && job.referenceProblem.length > 0 && !job.running
            text: job.referenceProblem
            color: Theme.negativeText
            wrapMode: Text.WordWrap
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: commandLabel.implicitHeight + 12
            color: Theme.terminal
            radius: Theme.radius
            Label {
                id: commandLabel
                objectName: "pullCommand"
                anchors.fill: parent
                anchors.margins: 6
                anchors.leftMargin: 10
                text: "$ " + job.command
                color: Theme.terminalText
                font.family: Theme.monospace
                elide: Text.ElideMiddle
            }
        }

        // Overall progress, in bytes.
        RowLayout {
            Layout.fillWidth: true
            visible: job.running || job.finished
            spacing: 10
            ProgressBar {
                objectName: "overallProgress"
                Layout.fillWidth: true
                from: 0
                to: 1
                value: job.fraction
                indeterminate: job.running && job.layers.count === 0
            }
            Label {
                objectName: "overallBytes"
                text: job.bytesText
                color: Theme.mutedText
            }
        }

        ListView {
            id: layerList
            objectName: "pullLayers"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 60
            clip: true
            model: job.layers
            spacing: 2
            ScrollBar.vertical: ScrollBar {}
            header: Column {
                width: layerList.width
                Repeater {
                    model: job.messages
                    Label {
                        required property string modelData
                        width: layerList.width
                        text: modelData
                        font.family: Theme.monospace
                        font.pointSize: Qt.application.font.pointSize * Theme.smallScale
                        elide: Text.ElideMiddle
                        color: Theme.mutedText
                    }
                }
            }
            delegate: RowLayout {
                id: layerRow
                required property string layerId
                required property string stage
                required property string stageText
                required property double fraction
                required property string bytesText
                objectName: "layer-" + layerId
                width: ListView.view.width
                spacing: 10
                Label {
                    text: layerRow.layerId
                    font.family: Theme.monospace
                    Layout.preferredWidth: 120
                    elide: Text.ElideRight
                }
                ProgressBar {
                    Layout.fillWidth: true
                    from: 0
                    to: 1
                    value: layerRow.fraction
                }
                Label {
                    objectName: "layerStage"
                    text: layerRow.stageText
                    Layout.preferredWidth: 130
                    elide: Text.ElideRight
                    color: layerRow.stage === "failed" ? Theme.negativeText
                         : layerRow.stage === "done" || layerRow.stage === "already-exists" ? "#1c7a44" : Theme.text
                }
                Label {
                    text: layerRow.bytesText
                    Layout.preferredWidth: 130
                    color: Theme.mutedText
                    elide: Text.ElideLeft
                }
            }
        }

        Label {
            objectName: "pullOutcome"
            Layout.fillWidth: true
            visible: text.length > 0
            wrapMode: Text.WordWrap
            text: job.errorMessage.length > 0 ? job.errorMessage : job.statusText
            color: job.errorMessage.length > 0 ? Theme.negativeText : "#1c7a44"
            font.bold: true
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "pullStart"
            text: job.finished && !job.running ? qsTr("Pull again") : qsTr("Pull")
            highlighted: true
            enabled: !job.running && job.referenceProblem.length === 0
            onClicked: dialog.startPull()
        }
        Button {
            objectName: "pullCancel"
            text: job.cancelling ? qsTr("Cancelling…") : qsTr("Cancel pull")
            visible: job.running
            enabled: !job.cancelling
            onClicked: job.cancel()
        }
        Button {
            objectName: "pullClose"
            text: qsTr("Close")
            enabled: !job.running
            onClicked: dialog.close()
        }
    }
}
