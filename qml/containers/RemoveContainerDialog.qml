import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Asking before `berth rm NAME`: what removing deletes; a running container is removed only
// when the person ticks "force" (`rm -f` kills it first); its anonymous volumes optionally.
Dialog {
    id: dialog
    objectName: "removeContainerDialog"
    property var model
    property string name
    property bool running: false
    readonly property bool allowed: !running || forceBox.checked

    title: qsTr("Remove %1?").arg(name)
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 40 : 540, 540)

    function openFor(containerName, isRunning) {
        name = containerName
        running = isRunning
        forceBox.checked = false
        volumesBox.checked = false
        open()
        showCommand()
    }
    function showCommand() {
        Helper.showCommand(dialog.model.actionCommand("rm", dialog.name, forceBox.checked, volumesBox.checked))
    }
    function confirm() {
        if (!allowed)
            return
        dialog.model.remove(dialog.name, forceBox.checked, volumesBox.checked)
        dialog.close()
    }

    contentItem: ColumnLayout {
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("This deletes the container, its log and every file it changed or wrote outside its volumes. "
                       + "The image and named volumes stay.")
        }
        Label {
            objectName: "removeRunningNote"
            visible: dialog.running
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.negativeText
            text: qsTr("%1 is running. Stop it first, or tick Force to kill it (SIGKILL) and remove it.").arg(dialog.name)
        }
        CheckBox {
            id: forceBox
            objectName: "removeForce"
            visible: dialog.running
            text: qsTr("Force: kill it if it is running (rm -f)")
            onCheckedChanged: dialog.showCommand()
        }
        CheckBox {
            id: volumesBox
            objectName: "removeVolumes"
            text: qsTr("Also remove its anonymous volumes (rm -v)")
            onCheckedChanged: dialog.showCommand()
        }
    }
    footer: DialogButtonBox {
        Button {
            objectName: "removeConfirm"
            text: qsTr("Remove")
            enabled: dialog.allowed
            onClicked: dialog.confirm()
        }
        Button {
            objectName: "removeCancel"
            text: qsTr("Cancel")
            onClicked: dialog.close()
        }
    }
}
