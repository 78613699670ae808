import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Giving an image another name (`berth tag SOURCE TARGET`), checked as you type.
Dialog {
    id: dialog
    objectName: "tagDialog"
    property var model
    property string source
    readonly property string problem: model ? model.referenceProblem(targetField.text) : ""

    title: qsTr("Tag %1").arg(source)
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 40 : 520, 520)

    function openFor(reference) {
        source = reference
        targetField.text = ""
        open()
        targetField.forceActiveFocus()
        Helper.showCommand(dialog.model.tagCommand(source, "TARGET"))
    }
    function apply() {
        if (problem.length > 0)
            return
        model.tag(source, targetField.text)
        close()
    }

    contentItem: ColumnLayout {
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.mutedText
            text: qsTr("A tag is another name for the same image: no layer is copied. Push uses the name to know which registry to send the image to.")
        }
        TextField {
            id: targetField
            objectName: "tagTarget"
            Layout.fillWidth: true
            placeholderText: "registry.example.com/team/app:1.0"
            selectByMouse: true
            onTextChanged: Helper.showCommand(dialog.model.tagCommand(dialog.source, text.length > 0 ? text : "TARGET"))
            onAccepted: dialog.apply()
        }
        Label {
            Layout.fillWidth: true
            visible: targetField.text.length > 0 && dialog.problem.length > 0
            text: dialog.problem
            color: Theme.negativeText
            wrapMode: Text.WordWrap
        }
    }
    footer: DialogButtonBox {
        Button {
            objectName: "tagApply"
            text: qsTr("Tag")
            highlighted: true
            enabled: dialog.problem.length === 0
            onClicked: dialog.apply()
        }
        Button {
            text: qsTr("Cancel")
            onClicked: dialog.close()
        }
    }
}
