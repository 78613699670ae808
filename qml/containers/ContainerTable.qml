import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The container list as a table, newest first: name, image, command, created, status (with
// its colour), CPU and memory sparklines of the running ones, and short id. Enter or a double-click opens the container; Delete asks to
// remove it; the right button or the Menu key opens the context menu. While the list has the
// keyboard, Ctrl+S starts, Ctrl+T stops, Ctrl+R restarts, Ctrl+P pauses or unpauses and
// Ctrl+K kills the current container (only here: a terminal needs those keys for itself).
Rectangle {
    id: table
    property var model
    property string emptyText
    readonly property alias list: list
    property alias currentIndex: list.currentIndex
    signal activated(string name)
    signal contextMenuRequested(string name)
    signal removeRequested(string name)
    /// start, stop, restart, pause (or unpause) or kill, from the keyboard.
    signal actionRequested(string action, string name)

    color: Theme.view
    border.color: Theme.border
    radius: Theme.radius

    // Two minutes of one measure, in a faint frame: with few points yet it still reads as a chart.
    component Sparkline: Rectangle {
        readonly property alias chart: chart
        width: 38
        height: 22
        color: "transparent"
        border.color: Theme.border
        radius: 2
        TimeSeriesChart {
            id: chart
            anchors.fill: parent
            anchors.margins: 1
            span: 120
            gap: 7
            gridLines: 0
        }
    }

    // The header and every row lay out these cells, with the widths from columnWidths (a
    // width of 0 hides the column in both).
    readonly property var columns: [
        { column: "name", label: qsTr("Name") },
        { column: "image", label: qsTr("Image") },
        { column: "command", label: qsTr("Command") },
        { column: "created", label: qsTr("Created") },
        { column: "status", label: qsTr("Status") },
        { column: "usage", label: qsTr("CPU · Memory") },
        { column: "shortId", label: qsTr("Container ID") }
    ]
    readonly property int statusWidth: 190
    readonly property int idWidth: 124
    // The sparklines matter more at a glance than the command and the creation time, which the
    // container's page shows too: those give way first when the window narrows.
    readonly property int usageWidth: width < 700 ? 0 : 200
    readonly property int createdWidth: width < 1100 ? 0 : 160
    readonly property int commandWidth: width < 1000 ? 0 : Math.max(120, width * 0.14)
    readonly property int imageWidth: Math.max(120, width * 0.2)
    readonly property bool showsUsage: usageWidth > 0
    readonly property int nameWidth: Math.max(110, width - 2 - imageWidth - commandWidth - createdWidth - statusWidth - usageWidth
                                                   - idWidth - 12)
    readonly property var columnWidths: [nameWidth, imageWidth, commandWidth, createdWidth, statusWidth, usageWidth, idWidth]

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 1
        spacing: 0

        Row {
            objectName: "containerHeader"
            Layout.fillWidth: true
            Repeater {
                model: table.columns
                Label {
                    required property var modelData
                    required property int index
                    objectName: "header-" + modelData.column
                    width: table.columnWidths[index]
                    height: 32
                    visible: width > 0
                    leftPadding: 12
                    verticalAlignment: Text.AlignVCenter
                    text: modelData.label
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                    Accessible.role: Accessible.ColumnHeader
                }
            }
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }

        ListView {
            id: list
            objectName: "containerList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: table.model
            currentIndex: -1
            keyNavigationEnabled: true
            boundsBehavior: Flickable.StopAtBounds
            activeFocusOnTab: true
            ScrollBar.vertical: ScrollBar {}
            Accessible.role: Accessible.Table
            Accessible.name: qsTr("Containers")
            onCountChanged: {
                if (count > 0 && currentIndex < 0)
                    currentIndex = 0
                else if (currentIndex >= count)
                    currentIndex = count - 1
            }

            Keys.onReturnPressed: if (currentItem) table.activated(currentItem.name)
            Keys.onEnterPressed: if (currentItem) table.activated(currentItem.name)
            Keys.onDeletePressed: if (currentItem) table.removeRequested(currentItem.name)
            Keys.onMenuPressed: if (currentItem) table.contextMenuRequested(currentItem.name)
            Keys.onPressed: event => {
                if (!currentItem || event.modifiers !== Qt.ControlModifier)
                    return
                const actions = { [Qt.Key_S]: "start", [Qt.Key_T]: "stop", [Qt.Key_R]: "restart",
                                  [Qt.Key_P]: "pause", [Qt.Key_K]: "kill" }
                const action = actions[event.key]
                if (action) {
                    table.actionRequested(action, currentItem.name)
                    event.accepted = true
                }
            }

            delegate: ItemDelegate {
                id: row
                required property int index
                required property string name
                required property string image
                required property string command
                required property string createdText
                required property string statusText
                required property string tone
                required property string shortId
                required property string containerState
                required property var cpuHistory
                required property var memoryHistory
                required property var statsTimes
                required property string usageText
                objectName: "containerRow-" + name
                width: ListView.view.width
                height: 36
                padding: 0
                highlighted: ListView.isCurrentItem
                focusPolicy: Qt.NoFocus
                Accessible.name: name + ", " + statusText
                onClicked: {
                    list.currentIndex = index
                    list.forceActiveFocus()
                }
                onDoubleClicked: table.activated(name)
                TapHandler {
                    acceptedButtons: Qt.RightButton
                    onTapped: {
                        list.currentIndex = row.index
                        list.forceActiveFocus()
                        table.contextMenuRequested(row.name)
                    }
                }
                background: Rectangle {
                    color: row.highlighted ? Theme.accentSoft : row.index % 2 ? Theme.alternateView : Theme.view
                    border.width: row.highlighted && list.activeFocus ? 1 : 0
                    border.color: Theme.accent
                }
                contentItem: Row {
                    Repeater {
                        model: table.columns
                        Item {
                            required property var modelData
                            required property int index
                            readonly property string column: modelData.column
                            objectName: "cell-" + column
                            width: table.columnWidths[index]
                            height: row.availableHeight
                            visible: width > 0
                            clip: true
                            Label {
                                objectName: "cellText"
                                visible: parent.column !== "status" && parent.column !== "usage"
                                anchors.fill: parent
                                leftPadding: 12
                                rightPadding: 4
                                verticalAlignment: Text.AlignVCenter
                                text: parent.column === "name" ? row.name
                                    : parent.column === "image" ? row.image
                                    : parent.column === "command" ? row.command
                                    : parent.column === "created" ? row.createdText
                                    : parent.column === "shortId" ? row.shortId : ""
                                elide: parent.column === "image" ? Text.ElideMiddle : Text.ElideRight
                                font.family: parent.column === "shortId" || parent.column === "command" ? Theme.monospace : row.font.family
                                font.weight: parent.column === "name" ? Font.DemiBold : Font.Normal
                                color: parent.column === "name" || parent.column === "image" ? Theme.text : Theme.mutedText
                            }
                            // Only the usage cell makes the charts: one pair a row, not one a column.
                            Loader {
                                active: parent.column === "usage"
                                anchors.verticalCenter: parent.verticalCenter
                                x: 12
                                sourceComponent: Row {
                                    objectName: "usageCell"
                                    visible: row.usageText.length > 0
                                    spacing: 5
                                    HoverHandler { id: usageHover }
                                    ToolTip.visible: usageHover.hovered
                                    ToolTip.delay: 600
                                    ToolTip.text: qsTr("CPU (blue; 100 % is one CPU) and memory (purple) over the last 2 minutes, as `berth stats` reads them")
                                    Sparkline {
                                        objectName: "cpuSparkline"
                                        chart.values: row.cpuHistory
                                        chart.times: row.statsTimes
                                        chart.minimumScale: 10
                                        chart.color: "#2980b9"
                                    }
                                    Sparkline {
                                        objectName: "memorySparkline"
                                        chart.values: row.memoryHistory
                                        chart.times: row.statsTimes
                                        chart.minimumScale: 1024 * 1024
                                        chart.binaryScale: true
                                        chart.color: "#8e44ad"
                                    }
                                    Label {
                                        objectName: "usageText"
                                        anchors.verticalCenter: parent.verticalCenter
                                        text: row.usageText
                                        color: Theme.mutedText
                                        font.pointSize: Qt.application.font.pointSize * Theme.smallScale
                                    }
                                }
                            }
                            Chip {
                                objectName: "statusChip"
                                visible: parent.column === "status"
                                anchors.verticalCenter: parent.verticalCenter
                                x: 12
                                width: Math.min(implicitWidth, parent.width - 16)
                                text: row.statusText
                                tone: row.tone
                            }
                        }
                    }
                }
            }

            Label {
                objectName: "emptyText"
                anchors.centerIn: parent
                width: parent.width - 40
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                visible: table.emptyText.length > 0
                text: table.emptyText
                color: Theme.mutedText
            }
        }
    }
}
