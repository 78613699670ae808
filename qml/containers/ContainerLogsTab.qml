import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// What the container wrote, as `berth logs -f --tail 1000` shows it: one row a line, its
// standard error marked, new lines followed while it runs (until the person scrolls up), a
// search that keeps only the matching lines and marks the match, and Copy.
ColumnLayout {
    id: tab
    objectName: "containerLogsTab"
    property var details
    readonly property alias logModel: logModel
    readonly property alias filterModel: filterModel
    readonly property alias list: list
    readonly property alias following: followBox.checked
    readonly property string commandLine: logModel.commandLine
    spacing: 6

    onCommandLineChanged: if (visible && logModel.name.length > 0) Helper.showCommand(commandLine)

    ContainerLogModel {
        id: logModel
        // Running first: the stream opened for the name then already follows.
        running: tab.details ? tab.details.alive : false
        name: tab.details && tab.details.loaded ? tab.details.containerName : ""
        timestamps: timestampsBox.checked
        tail: tailBox.currentValue !== undefined ? tailBox.currentValue : 1000
        since: sinceBox.currentValue !== undefined ? sinceBox.currentValue : ""
        onLinesAppended: Qt.callLater(tab.keepEndInView)
    }
    ContainerLogFilterModel {
        id: filterModel
        sourceModel: logModel
        search: searchField.text
    }

    // Not while the person scrolls: that would pull the view from under their hand.
    function keepEndInView() {
        if (followBox.checked && !list.moving && !list.dragging && !scrollBar.pressed)
            list.positionViewAtEnd()
    }
    function escapeHtml(text) {
        return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/ /g, "&nbsp;")
    }
    // The line with each match of the search on a coloured background.
    function highlighted(text, search) {
        const lower = text.toLowerCase()
        const wanted = search.toLowerCase()
        let html = ""
        let from = 0
        for (let at = lower.indexOf(wanted); at >= 0 && wanted.length > 0; at = lower.indexOf(wanted, from)) {
            html += escapeHtml(text.slice(from, at))
                  + "<span style=\"background-color:" + Theme.accentSoft + ";color:" + Theme.text + "\">"
                  + escapeHtml(text.slice(at, at + wanted.length)) + "</span>"
            from = at + wanted.length
        }
        return html + escapeHtml(text.slice(from))
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: 10
        TextField {
            id: searchField
            objectName: "logSearch"
            placeholderText: qsTr("Search the log")
            selectByMouse: true
            Layout.preferredWidth: 260
        }
        ComboBox {
            id: tailBox
            objectName: "logTail"
            textRole: "text"
            valueRole: "value"
            currentIndex: 1
            model: [
                { text: qsTr("Last 100 lines"), value: 100 },
                { text: qsTr("Last 1000 lines"), value: 1000 },
                { text: qsTr("Last 10000 lines"), value: 10000 },
                { text: qsTr("All lines"), value: 0 }
            ]
        }
        ComboBox {
            id: sinceBox
            objectName: "logSince"
            textRole: "text"
            valueRole: "value"
            currentIndex: 0
            model: [
                { text: qsTr("Any time"), value: "" },
                { text: qsTr("Last 10 minutes"), value: "10m" },
                { text: qsTr("Last hour"), value: "1h" },
                { text: qsTr("Last day"), value: "24h" }
            ]
        }
        CheckBox {
            id: timestampsBox
            objectName: "logTimestamps"
            text: qsTr("Timestamps")
        }
        CheckBox {
            id: followBox
            objectName: "logFollow"
            text: qsTr("Follow")
            checked: true
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Keep the newest line in view. Scrolling up stops it; scrolling to the end or ticking it again resumes.")
            onToggled: if (checked) list.positionViewAtEnd()
        }
        Label {
            objectName: "logCount"
            color: Theme.mutedText
            text: searchField.text.length > 0
                  ? qsTr("%1 of %2 lines").arg(filterModel.count).arg(logModel.count)
                  : qsTr("%n line(s)", "", logModel.count)
                    + (logModel.droppedLines > 0 ? qsTr(" (older ones dropped)") : "")
        }
        Item { Layout.fillWidth: true }
        Label {
            objectName: "logStreaming"
            visible: logModel.streaming && logModel.running
            text: qsTr("● live")
            color: Theme.positive
        }
        Button {
            id: copyButton
            objectName: "logCopy"
            property bool copied: false
            text: copied ? qsTr("Copied") : qsTr("Copy")
            enabled: filterModel.count > 0
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Copy the lines shown (only the matching ones while searching).")
            onClicked: {
                Clipboard.setText(logModel.text(timestampsBox.checked, searchField.text))
                copied = true
                copiedTimer.restart()
            }
            Timer {
                id: copiedTimer
                interval: 1500
                onTriggered: copyButton.copied = false
            }
        }
        Button {
            objectName: "logReload"
            text: qsTr("Reload")
            enabled: logModel.name.length > 0
            onClicked: logModel.reload()
        }
    }

    Label {
        objectName: "logError"
        visible: logModel.error.length > 0
        text: logModel.error
        color: Theme.negativeText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    Rectangle {
        Layout.fillWidth: true
        Layout.fillHeight: true
        color: Theme.view
        border.color: Theme.border
        radius: Theme.radius

        ListView {
            id: list
            objectName: "logList"
            anchors.fill: parent
            anchors.margins: 1
            clip: true
            model: filterModel
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { id: scrollBar }
            // Scrolled by the person: follow only while they stay at the end.
            onContentYChanged: {
                if (moving || flicking || scrollBar.pressed)
                    followBox.checked = atYEnd
            }
            onCountChanged: Qt.callLater(tab.keepEndInView)

            delegate: Rectangle {
                id: line
                required property int index
                required property string time
                required property string stream
                required property string text
                required property bool isError
                objectName: "logLine-" + index
                width: ListView.view.width - scrollBar.width
                implicitHeight: lineRow.implicitHeight + 2
                color: isError ? Theme.negativeSoft : (index % 2 ? Theme.alternateView : Theme.view)

                RowLayout {
                    id: lineRow
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.leftMargin: 6
                    anchors.rightMargin: 6
                    spacing: 8
                    Label {
                        objectName: "logTime"
                        visible: timestampsBox.checked
                        text: line.time
                        color: Theme.faintText
                        font.family: Theme.monospace
                        Layout.alignment: Qt.AlignTop
                    }
                    Rectangle {
                        objectName: "logStderrMarker"
                        // Kept in the layout for stdout too, so the text columns line up.
                        opacity: line.isError ? 1 : 0
                        color: Theme.negative
                        radius: 3
                        implicitWidth: markerText.implicitWidth + 8
                        implicitHeight: markerText.implicitHeight + 2
                        Layout.alignment: Qt.AlignTop
                        Label {
                            id: markerText
                            anchors.centerIn: parent
                            text: "stderr"
                            color: "white"
                            font.family: Theme.monospace
                            font.pointSize: Qt.application.font.pointSize * 0.75
                        }
                    }
                    Label {
                        objectName: "logText"
                        text: searchField.text.length > 0 ? tab.highlighted(line.text, searchField.text) : line.text
                        textFormat: searchField.text.length > 0 ? Text.RichText : Text.PlainText
                        color: line.isError ? Theme.negativeText : Theme.text
                        font.family: Theme.monospace
                        wrapMode: Text.WrapAnywhere
                        Layout.fillWidth: true
                    }
                }
            }
        }

        Label {
            objectName: "logEmpty"
            anchors.centerIn: parent
            width: parent.width - 40
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            visible: list.count === 0 && logModel.error.length === 0
            color: Theme.mutedText
            text: searchField.text.length > 0 && logModel.count > 0
                  ? qsTr("No line contains “%1”.").arg(searchField.text)
                  : logModel.streaming ? qsTr("No output yet. Lines appear here as the container writes them.")
                                       : qsTr("The container has written nothing.")
        }
    }
}
