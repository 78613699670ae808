import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// A kernel feature containers are made of: whether this computer has it, what the helper
// found, and what it is for.
Card {
    id: feature
    property string name
    property bool available
    property string details
    property string explanation
    property string note

    ColumnLayout {
        Layout.fillWidth: true
        spacing: 8
        RowLayout {
            Layout.fillWidth: true
            spacing: 10
            Label {
                text: feature.name
                font.bold: true
                font.pointSize: Qt.application.font.pointSize * Theme.headingScale
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
            Chip {
                text: feature.available ? qsTr("Available") : qsTr("Missing")
                tone: feature.available ? "positive" : "negative"
            }
        }
        Label {
            objectName: feature.objectName.length > 0 ? feature.objectName + "Value" : ""
            text: feature.details
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: 1
            color: Theme.border
        }
        Label {
            text: feature.explanation
            color: Theme.mutedText
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
        Label {
            visible: feature.note.length > 0
            text: feature.note
            color: Theme.mutedText
            font.italic: true
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
    }
}
