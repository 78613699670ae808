import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// One line of facts: a name, its value, and optionally a sentence on what it means.
RowLayout {
    id: fact
    property string label
    property string value
    property string explanation
    property bool monospace: false
    property int labelWidth: 150

    Layout.fillWidth: true
    spacing: 12

    Label {
        text: fact.label
        color: Theme.mutedText
        Layout.preferredWidth: fact.labelWidth
        Layout.alignment: Qt.AlignTop
        wrapMode: Text.WordWrap
    }
    ColumnLayout {
        Layout.fillWidth: true
        spacing: 2
        Label {
            objectName: fact.objectName.length > 0 ? fact.objectName + "Value" : ""
            text: fact.value
            font.family: fact.monospace ? Theme.monospace : Qt.application.font.family
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
        Label {
            visible: fact.explanation.length > 0
            text: fact.explanation
            color: Theme.mutedText
            font.pointSize: Qt.application.font.pointSize * Theme.smallScale
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
    }
}
