import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// One measure of the Stats tab: its current value in words and units, a line saying what it
// means, and its chart over the last minutes with the top of the scale and the time marked.
Card {
    id: card
    property string valueText
    property string detailText
    property string explanation
    property alias values: chart.values
    property alias secondValues: chart.secondValues
    property alias times: chart.times
    property alias span: chart.span
    property alias gap: chart.gap
    property alias minimumScale: chart.minimumScale
    property alias binaryScale: chart.binaryScale
    property alias lineColor: chart.color
    property alias secondLineColor: chart.secondColor
    /// Names of the two series for the legend; empty: no legend.
    property string firstLabel
    property string secondLabel
    /// What the right end of the time axis is: now while sampling, else the last sample.
    property string endLabel: qsTr("now")
    /// Formats a value on the scale, with its unit.
    property var formatScale: value => String(value)
    readonly property alias chart: chart
    padding: 12

    RowLayout {
        Layout.fillWidth: true
        spacing: 8
        Label {
            objectName: "statValue"
            text: card.valueText
            font.pointSize: Qt.application.font.pointSize * 1.5
            font.weight: Font.DemiBold
        }
        Label {
            objectName: "statDetail"
            text: card.detailText
            color: Theme.mutedText
            elide: Text.ElideRight
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignBaseline
        }
    }
    Label {
        text: card.explanation
        color: Theme.mutedText
        font.pointSize: Qt.application.font.pointSize * Theme.smallScale
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    RowLayout {
        visible: card.firstLabel.length > 0
        spacing: 14
        Repeater {
            model: [{ label: card.firstLabel, color: chart.color }, { label: card.secondLabel, color: chart.secondColor }]
            RowLayout {
                required property var modelData
                spacing: 5
                Rectangle { width: 14; height: 3; color: parent.modelData.color }
                Label {
                    text: parent.modelData.label
                    font.pointSize: Qt.application.font.pointSize * Theme.smallScale
                    color: Theme.mutedText
                }
            }
        }
    }
    Item {
        Layout.fillWidth: true
        Layout.preferredHeight: 96
        TimeSeriesChart {
            id: chart
            objectName: "statChart"
            anchors.fill: parent
            anchors.rightMargin: scaleLabel.width + 6
            gridColor: Theme.border
        }
        Label {
            id: scaleLabel
            objectName: "statScale"
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.topMargin: -height / 2
            text: card.formatScale(chart.ceiling)
            font.pointSize: Qt.application.font.pointSize * 0.8
            color: Theme.faintText
        }
        Label {
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            anchors.bottomMargin: -height / 2
            text: card.formatScale(0)
            font.pointSize: Qt.application.font.pointSize * 0.8
            color: Theme.faintText
        }
    }
    RowLayout {
        Layout.fillWidth: true
        Label {
            text: qsTr("%n minute(s) ago", "", Math.round(chart.span / 60))
            font.pointSize: Qt.application.font.pointSize * 0.8
            color: Theme.faintText
        }
        Item { Layout.fillWidth: true }
        Label {
            objectName: "statEnd"
            text: card.endLabel
            font.pointSize: Qt.application.font.pointSize * 0.8
            color: Theme.faintText
            Layout.rightMargin: scaleLabel.width + 6
        }
    }
}
