import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The container's processes, as `berth top NAME` prints them (ps -ef on the host, kept to the
// container's cgroup): a table read again every few seconds while the tab is shown, Refresh,
// and a word on why the PIDs are not the ones the container sees.
ColumnLayout {
    id: tab
    objectName: "containerProcessesTab"
    property var details
    property var model
    readonly property alias processModel: processModel
    readonly property alias list: list
    readonly property string commandLine: processModel.commandLine
    readonly property bool alive: details ? details.alive : false
    spacing: 6

    onCommandLineChanged: if (visible && processModel.name.length > 0) Helper.showCommand(commandLine)
    onVisibleChanged: if (visible && !autoBox.checked) processModel.refresh(false)

    ContainerProcessModel {
        id: processModel
        name: tab.details && tab.details.loaded ? tab.details.containerName : ""
        running: tab.alive
        active: tab.visible && autoBox.checked
        interval: 3000
    }

    FontMetrics {
        id: cellMetrics
        font.family: Theme.monospace
    }
    // Each column as wide as its widest cell (capped by the model); the last one takes the rest.
    readonly property var columnWidths: {
        const widths = []
        const characters = processModel.columnCharacters
        let used = 0
        for (let i = 0; i < characters.length; ++i) {
            const width = Math.ceil(characters[i] * cellMetrics.averageCharacterWidth) + 20
            widths.push(width)
            used += width
        }
        if (widths.length > 0)
            widths[widths.length - 1] = Math.max(widths[widths.length - 1], list.width - (used - widths[widths.length - 1]))
        return widths
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: 10
        Label {
            text: qsTr("PIDs here are the host's: inside the container its first process sees itself as PID 1 in a PID namespace of its own.")
            color: Theme.mutedText
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        CheckBox {
            id: autoBox
            objectName: "processesAutoRefresh"
            text: qsTr("Refresh every %n second(s)", "", processModel.interval / 1000)
            checked: true
        }
        Label {
            objectName: "processesUpdated"
            visible: processModel.updatedText.length > 0 && tab.alive
            text: qsTr("Read at %1").arg(processModel.updatedText)
            color: Theme.mutedText
        }
        Button {
            objectName: "processesRefresh"
            text: qsTr("Refresh")
            enabled: tab.alive && processModel.name.length > 0
            onClicked: processModel.refresh(true)
        }
    }

    Label {
        objectName: "processesNotRunning"
        visible: tab.details && tab.details.loaded && !tab.alive
        text: qsTr("%1 is not running (%2), so it has no processes. Start it to see them.")
              .arg(processModel.name).arg(tab.details ? tab.details.statusText : "")
        wrapMode: Text.WordWrap
        color: Theme.mutedText
        Layout.fillWidth: true
    }
    Button {
        objectName: "processesStartContainer"
        visible: tab.details && tab.details.loaded && !tab.alive
        enabled: tab.model && !tab.model.busy
        text: qsTr("Start %1").arg(processModel.name)
        onClicked: tab.model.start(processModel.name)
    }
    Label {
        objectName: "processesError"
        visible: processModel.error.length > 0 && tab.alive
        text: processModel.error
        color: Theme.negativeText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    Rectangle {
        visible: tab.alive
        Layout.fillWidth: true
        Layout.fillHeight: true
        color: Theme.view
        border.color: Theme.border
        radius: Theme.radius

        ColumnLayout {
            anchors.fill: parent
            anchors.margins: 1
            spacing: 0

            Row {
                objectName: "processesHeader"
                Layout.fillWidth: true
                Repeater {
                    model: processModel.titles
                    Label {
                        required property string modelData
                        required property int index
                        width: tab.columnWidths[index] || 0
                        height: 30
                        leftPadding: 10
                        verticalAlignment: Text.AlignVCenter
                        text: modelData
                        font.family: Theme.monospace
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                        Accessible.role: Accessible.ColumnHeader
                    }
                }
            }
            Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }

            ListView {
                id: list
                objectName: "processList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: processModel
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {}
                Accessible.role: Accessible.Table
                Accessible.name: qsTr("Processes")

                delegate: Rectangle {
                    id: processRow
                    required property int index
                    required property var cells
                    required property string pid
                    required property string command
                    objectName: "processRow-" + pid
                    width: ListView.view.width
                    height: 26
                    color: index % 2 ? Theme.alternateView : Theme.view
                    // A long command is cut at the edge: hovering the row shows all of it.
                    HoverHandler { id: rowHover }
                    ToolTip.visible: rowHover.hovered && processRow.command.length > 0
                    ToolTip.delay: 700
                    ToolTip.text: processRow.command
                    Row {
                        anchors.fill: parent
                        Repeater {
                            model: processRow.cells
                            Label {
                                required property string modelData
                                required property int index
                                width: tab.columnWidths[index] || 0
                                height: processRow.height
                                leftPadding: 10
                                rightPadding: 4
                                verticalAlignment: Text.AlignVCenter
                                text: modelData
                                font.family: Theme.monospace
                                elide: Text.ElideRight
                                color: index === processRow.cells.length - 1 ? Theme.text : Theme.mutedText
                            }
                        }
                    }
                }

                Label {
                    anchors.centerIn: parent
                    width: parent.width - 40
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    visible: list.count === 0 && processModel.error.length === 0
                    text: processModel.loading || !processModel.loaded ? qsTr("Reading the processes…")
                                                                       : qsTr("No process is left in the container.")
                    color: Theme.mutedText
                }
            }
        }
    }
    Item {
        visible: !tab.alive
        Layout.fillHeight: true
    }
}
