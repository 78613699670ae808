import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// A count with its name, big enough to read at a glance.
Rectangle {
    id: tile
    property string label
    property string value

    color: Theme.view
    border.color: Theme.border
    radius: Theme.radius
    implicitHeight: column.implicitHeight + 24
    implicitWidth: column.implicitWidth + 32

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 12
        anchors.leftMargin: 16
        spacing: 2
        Label {
            text: tile.value
            font.pointSize: Qt.application.font.pointSize * 1.6
            font.weight: Font.DemiBold
            Layout.fillWidth: true
            elide: Text.ElideRight
        }
        Label {
            text: tile.label
            color: Theme.mutedText
            Layout.fillWidth: true
            elide: Text.ElideRight
        }
    }
}
