import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// `berth history`: each step of the build, newest first. Steps that made no layer (ENV,
// CMD, LABEL…) only changed the settings; they are dimmed.
ColumnLayout {
    id: tab
    objectName: "historyTab"
    property var model
    spacing: 6

    Label {
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        color: Theme.mutedText
        text: qsTr("Each line is one instruction of the Dockerfile that built the image, newest first. "
                   + "Dimmed lines made no layer: they only changed the image's settings.")
    }
    Label {
        visible: tab.model.error.length > 0
        text: tab.model.error
        color: Theme.negativeText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    ListView {
        id: list
        objectName: "historyList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: tab.model
        ScrollBar.vertical: ScrollBar {}
        delegate: Rectangle {
            required property int index
            required property string instruction
            required property string createdBy
            required property string sizeText
            required property string createdText
            required property bool emptyLayer
            required property int layerIndex
            width: ListView.view.width
            height: historyRow.implicitHeight + 10
            color: index % 2 ? Theme.alternateView : Theme.view
            opacity: emptyLayer ? 0.55 : 1
            RowLayout {
                id: historyRow
                anchors.fill: parent
                anchors.leftMargin: 8
                anchors.rightMargin: 8
                spacing: 12
                Label {
                    text: layerIndex >= 0 ? qsTr("layer %1").arg(layerIndex + 1) : ""
                    Layout.preferredWidth: 70
                    color: Theme.mutedText
                }
                Label {
                    text: instruction
                    font.family: Theme.monospace
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    ToolTip.visible: hover.hovered
                    ToolTip.text: createdBy
                    HoverHandler { id: hover }
                }
                Label { text: createdText; color: Theme.mutedText; Layout.preferredWidth: 130; elide: Text.ElideRight }
                Label { text: sizeText; Layout.preferredWidth: 70; horizontalAlignment: Text.AlignRight }
            }
        }
    }
}
