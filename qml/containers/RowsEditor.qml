import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQml.Models
import Berth

// Rows of free text for the Run dialog (NAME=value, SOURCE:/path): each with a remove
// button and, under it, why it is wrong; an Add button below. Edits go to the ListModel
// in place, so the fields keep their focus as you type.
ColumnLayout {
    id: editor
    property ListModel rows
    // One entry per row, empty where the row is fine.
    property var problems: []
    property string placeholder
    property string addText
    // Prefix of the rows' object names: NAME-0, NAMERemove-0, NAMEAdd.
    property string rowName
    property bool editable: true
    readonly property alias repeater: rowRepeater
    signal edited()
    signal addRequested()
    signal accepted()
    spacing: 4
    Layout.fillWidth: true

    Repeater {
        id: rowRepeater
        model: editor.rows
        delegate: ColumnLayout {
            id: rowItem
            required property int index
            required property string text
            readonly property Item field: rowField
            spacing: 2
            Layout.fillWidth: true
            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: rowField
                    objectName: editor.rowName + "-" + rowItem.index
                    Layout.fillWidth: true
                    text: rowItem.text
                    placeholderText: editor.placeholder
                    font.family: Theme.monospace
                    selectByMouse: true
                    enabled: editor.editable
                    onTextEdited: {
                        editor.rows.setProperty(rowItem.index, "text", text)
                        editor.edited()
                    }
                    onAccepted: editor.accepted()
                }
                ToolButton {
                    objectName: editor.rowName + "Remove-" + rowItem.index
                    text: "✕"
                    enabled: editor.editable
                    Accessible.name: qsTr("Remove this row")
                    onClicked: {
                        // Removing the row destroys this delegate: keep what is needed after.
                        const owner = editor
                        owner.rows.remove(rowItem.index)
                        owner.edited()
                    }
                }
            }
            Label {
                objectName: editor.rowName + "Problem-" + rowItem.index
                readonly property string problem: editor.problems[rowItem.index] || ""
                visible: problem.length > 0
                text: problem
                color: Theme.negativeText
                wrapMode: Text.WordWrap
                font.pointSize: Qt.application.font.pointSize * Theme.smallScale
                Layout.fillWidth: true
            }
        }
    }
    Button {
        objectName: editor.rowName + "Add"
        text: editor.addText
        enabled: editor.editable
        flat: true
        onClicked: {
            editor.addRequested()
            // The new row's field, ready to type in.
            const last = rowRepeater.itemAt(rowRepeater.count - 1)
            if (last)
                last.field.forceActiveFocus()
        }
    }
}
