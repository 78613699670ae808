import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Asking before `berth volume rm NAME`: the files in it are deleted for good. A volume a
// container uses cannot be removed (not even with -f, as with docker): the dialog says which
// containers to remove first instead of offering a button that would fail. (The helper
// refuses too, should the list be behind; the panel then shows its answer.)
Dialog {
    id: dialog
    objectName: "removeVolumeDialog"
    property var model
    property string name
    property string usedByText
    property int usedByCount: 0
    readonly property bool inUse: usedByCount > 0

    title: qsTr("Remove volume %1?").arg(name.length > 24 ? name.slice(0, 12) + "…" : name)
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 40 : 540, 540)

    function openFor(volumeName, users, userCount) {
        name = volumeName
        usedByText = users
        usedByCount = userCount
        forceBox.checked = false
        open()
        showCommand()
    }
    function showCommand() {
        Helper.showCommand(dialog.model.removeCommand(dialog.name, forceBox.checked))
    }
    function confirm() {
        dialog.model.remove(dialog.name, forceBox.checked)
        dialog.close()
    }

    contentItem: ColumnLayout {
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("This deletes the volume and every file in it. It cannot be undone.")
        }
        Label {
            objectName: "removeInUseNote"
            visible: dialog.inUse
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.negativeText
            text: qsTr("%1 is used by %2. Remove those containers first (stopping is not enough: a stopped container still holds its volumes), then remove the volume.")
                      .arg(dialog.name).arg(dialog.usedByText)
        }
        CheckBox {
            id: forceBox
            objectName: "removeVolumeForce"
            text: qsTr("Force: no error if it is already gone (-f)")
            onCheckedChanged: dialog.showCommand()
        }
    }
    footer: DialogButtonBox {
        Button {
            objectName: "removeVolumeConfirm"
            text: qsTr("Remove")
            enabled: !dialog.inUse
            onClicked: dialog.confirm()
        }
        Button {
            objectName: "removeVolumeCancel"
            text: qsTr("Cancel")
            onClicked: dialog.close()
        }
    }
}
