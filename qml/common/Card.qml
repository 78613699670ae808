import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A titled box on a page: the unit every panel groups its content in.
Rectangle {
    id: card
    property string title
    property string subtitle
    property int padding: 16
    default property alias content: body.data

    color: Theme.view
    border.color: Theme.border
    radius: Theme.radius
    implicitWidth: column.implicitWidth + 2 * padding
    implicitHeight: column.implicitHeight + 2 * padding

    // Pinned to the top: cards side by side share a height, and their titles should line up.
    ColumnLayout {
        id: column
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.margins: card.padding
        spacing: 10

        ColumnLayout {
            visible: card.title.length > 0
            spacing: 2
            Layout.fillWidth: true
            Label {
                text: card.title
                font.bold: true
                font.pointSize: Qt.application.font.pointSize * Theme.headingScale
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
            }
            Label {
                visible: card.subtitle.length > 0
                text: card.subtitle
                color: Theme.mutedText
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
            }
        }
        ColumnLayout {
            id: body
            spacing: 10
            Layout.fillWidth: true
        }
    }
}
