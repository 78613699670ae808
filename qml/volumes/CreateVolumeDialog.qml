import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// `berth volume create`: a name (empty for a generated one) and labels, one KEY=VALUE a
// line; the command is shown as it is typed.
Dialog {
    id: dialog
    objectName: "createVolumeDialog"
    property var model
    readonly property string problem: model ? model.createProblem(nameField.text.trim(), labelsArea.text) : ""
    readonly property string commandText: model ? model.createCommand(nameField.text.trim(), labelsArea.text) : ""
    readonly property alias nameField: nameField
    readonly property alias labelsArea: labelsArea

    title: qsTr("Create a volume")
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 40 : 540, 540)

    function openFresh() {
        nameField.text = ""
        labelsArea.text = ""
        open()
        nameField.forceActiveFocus()
        Helper.showCommand(commandText)
    }
    function confirm() {
        if (problem.length > 0)
            return
        model.create(nameField.text.trim(), labelsArea.text)
        close()
    }
    onCommandTextChanged: if (visible) Helper.showCommand(commandText)

    contentItem: ColumnLayout {
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("A named volume keeps data apart from any container: mount it with -v NAME:/path, and it stays when the container is removed.")
        }
        Label { text: qsTr("Name"); font.weight: Font.DemiBold }
        TextField {
            id: nameField
            objectName: "volumeNameField"
            Layout.fillWidth: true
            placeholderText: qsTr("e.g. app-data (empty: a generated name)")
            selectByMouse: true
            onAccepted: dialog.confirm()
        }
        Label { text: qsTr("Labels (one KEY=VALUE a line)"); font.weight: Font.DemiBold }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: 80
            TextArea {
                id: labelsArea
                objectName: "volumeLabelsField"
                placeholderText: "purpose=database"
                font.family: Theme.monospace
                selectByMouse: true
                background: Rectangle { color: Theme.view; border.color: Theme.border; radius: Theme.radius }
            }
        }
        Label {
            objectName: "createProblem"
            visible: dialog.problem.length > 0
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.negativeText
            text: dialog.problem
        }
        Label {
            objectName: "createCommand"
            Layout.fillWidth: true
            wrapMode: Text.WrapAnywhere
            font.family: Theme.monospace
            color: Theme.mutedText
            text: dialog.commandText
        }
    }
    footer: DialogButtonBox {
        Button {
            objectName: "createConfirm"
            text: qsTr("Create")
            highlighted: true
            enabled: dialog.problem.length === 0
            onClicked: dialog.confirm()
        }
        Button {
            objectName: "createCancel"
            text: qsTr("Cancel")
            onClicked: dialog.close()
        }
    }
}
