import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Asking before `berth volume prune`: which volumes go (unused anonymous ones, or with
// "Named volumes too" every unused one); the panel then says how much space came back.
Dialog {
    id: dialog
    objectName: "pruneVolumesDialog"
    property var model
    readonly property alias allBox: allBox

    title: qsTr("Prune unused volumes?")
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 40 : 540, 540)

    function openFresh() {
        allBox.checked = false
        open()
        showCommand()
    }
    function showCommand() { Helper.showCommand(dialog.model.pruneCommand(allBox.checked)) }
    function confirm() {
        dialog.model.prune(allBox.checked)
        dialog.close()
    }

    contentItem: ColumnLayout {
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: allBox.checked
                  ? qsTr("Every volume no container uses is deleted with its files, named ones included (%n unused now).", "",
                         dialog.model ? dialog.model.unusedCount : 0)
                  : qsTr("Anonymous volumes (made by -v /path without a name) that no container uses are deleted with their files. Named volumes stay.")
        }
        CheckBox {
            id: allBox
            objectName: "pruneAll"
            text: qsTr("Named volumes too (-a)")
            onCheckedChanged: dialog.showCommand()
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WrapAnywhere
            font.family: Theme.monospace
            color: Theme.mutedText
            text: dialog.model ? dialog.model.pruneCommand(allBox.checked) : ""
        }
    }
    footer: DialogButtonBox {
        Button {
            objectName: "pruneConfirm"
            text: qsTr("Prune")
            onClicked: dialog.confirm()
        }
        Button {
            objectName: "pruneCancel"
            text: qsTr("Cancel")
            onClicked: dialog.close()
        }
    }
}
