import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The top of every panel: its name, one sentence on what it is for, and its actions.
RowLayout {
    id: header
    property string title
    property string subtitle
    default property alias actions: actionRow.data

    spacing: 16

    ColumnLayout {
        Layout.fillWidth: true
        spacing: 4
        Label {
            objectName: "pageTitle"
            text: header.title
            font.pointSize: Qt.application.font.pointSize * Theme.titleScale
            font.weight: Font.DemiBold
            Layout.fillWidth: true
            elide: Text.ElideRight
        }
        Label {
            visible: header.subtitle.length > 0
            text: header.subtitle
            color: Theme.mutedText
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
    RowLayout {
        id: actionRow
        spacing: Theme.gap
        Layout.alignment: Qt.AlignTop
    }
}
