import QtQuick
import QtQuick.Controls

// A small coloured tag: "Available", "Not built yet", "default".
Rectangle {
    id: chip
    property alias text: label.text
    // "positive", "negative", "neutral" or "plain"
    property string tone: "plain"

    implicitWidth: label.implicitWidth + 16
    implicitHeight: label.implicitHeight + 4
    radius: height / 2
    color: tone === "positive" ? Theme.positiveSoft
         : tone === "negative" ? Theme.negativeSoft
         : tone === "neutral" ? Theme.neutralSoft : Theme.alternateView
    border.color: tone === "positive" ? Theme.positive
                : tone === "negative" ? Theme.negative
                : tone === "neutral" ? Theme.neutral : Theme.border

    Label {
        id: label
        anchors.centerIn: parent
        font.pointSize: Qt.application.font.pointSize * Theme.smallScale
        color: chip.tone === "positive" ? "#1c7a44"
             : chip.tone === "negative" ? Theme.negativeText
             : chip.tone === "neutral" ? "#a04d00" : Theme.mutedText
    }
}
