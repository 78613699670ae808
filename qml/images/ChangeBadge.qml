import QtQuick
import QtQuick.Controls
import Berth

// A small letter for a change in a layer: A added, M modified, D deleted, O opaque.
Rectangle {
    id: badge
    property string change
    readonly property color tone: change === "added" ? Theme.positive
                                : change === "modified" ? "#c9a100"
                                : change === "deleted" ? Theme.negative
                                : change === "opaque" ? "#8e44ad" : "transparent"
    implicitWidth: 20
    implicitHeight: 18
    radius: 3
    color: change.length > 0 ? Qt.lighter(tone, 1.75) : "transparent"
    border.color: tone
    border.width: change.length > 0 ? 1 : 0
    Label {
        anchors.centerIn: parent
        text: badge.change === "added" ? "A" : badge.change === "modified" ? "M"
            : badge.change === "deleted" ? "D" : badge.change === "opaque" ? "O" : ""
        font.bold: true
        font.pointSize: Qt.application.font.pointSize * 0.8
        color: Qt.darker(badge.tone, 1.4)
    }
}
