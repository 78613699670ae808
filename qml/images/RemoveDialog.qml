import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Asking before `berth rmi NAME`: what removing a tag does, and a force option.
Dialog {
    id: dialog
    objectName: "removeDialog"
    property var model
    property string reference

    title: qsTr("Remove %1?").arg(reference)
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 40 : 520, 520)

    function openFor(name) {
        reference = name
        forceBox.checked = false
        open()
        Helper.showCommand(dialog.model.removeCommand([reference], false))
    }

    contentItem: ColumnLayout {
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("This removes the name. The image's layers are deleted only when no other name or container still uses them.")
        }
        CheckBox {
            id: forceBox
            objectName: "removeForce"
            text: qsTr("Force (also when the image has other names)")
            onCheckedChanged: Helper.showCommand(dialog.model.removeCommand([dialog.reference], checked))
        }
    }
    footer: DialogButtonBox {
        Button {
            objectName: "removeConfirm"
            text: qsTr("Remove")
            onClicked: {
                dialog.model.remove([dialog.reference], forceBox.checked)
                dialog.close()
            }
        }
        Button {
            text: qsTr("Cancel")
            onClicked: dialog.close()
        }
    }
}
