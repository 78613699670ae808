import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The volumes as a table, by name: name, driver, the containers that use it, created and
// mountpoint. Enter or a double-click opens the volume; Delete asks to remove it; the right
// button or the Menu key opens the context menu.
Rectangle {
    id: table
    property var model
    property string emptyText
    readonly property alias list: list
    property alias currentIndex: list.currentIndex
    signal activated(string name)
    signal contextMenuRequested(string name)
    signal removeRequested(string name)

    color: Theme.view
    border.color: Theme.border
    radius: Theme.radius

    readonly property var columns: [
        { column: "name", label: qsTr("Name") },
        { column: "driver", label: qsTr("Driver") },
        { column: "usedBy", label: qsTr("Used by") },
        { column: "created", label: qsTr("Created") },
        { column: "mountpoint", label: qsTr("Mountpoint") }
    ]
    readonly property int driverWidth: 80
    readonly property int createdWidth: width < 760 ? 0 : 150
    readonly property int mountpointWidth: width < 900 ? 0 : Math.max(160, width * 0.26)
    readonly property int usedByWidth: Math.max(150, width * 0.26)
    readonly property int nameWidth: Math.max(120, width - 2 - driverWidth - usedByWidth - createdWidth - mountpointWidth - 12)
    readonly property var columnWidths: [nameWidth, driverWidth, usedByWidth, createdWidth, mountpointWidth]

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 1
        spacing: 0

        Row {
            objectName: "volumeHeader"
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
            objectName: "volumeList"
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
            Accessible.name: qsTr("Volumes")
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

            delegate: ItemDelegate {
                id: row
                required property int index
                required property string name
                required property string shortName
                required property string driver
                required property string usedByText
                required property int usedByCount
                required property string createdText
                required property string mountpoint
                required property bool anonymous
                objectName: "volumeRow-" + name
                width: ListView.view.width
                height: 36
                padding: 0
                highlighted: ListView.isCurrentItem
                focusPolicy: Qt.NoFocus
                Accessible.name: name + ", " + (usedByCount > 0 ? qsTr("used by %1").arg(usedByText) : qsTr("unused"))
                ToolTip.visible: hovered && anonymous
                ToolTip.delay: 800
                ToolTip.text: qsTr("Anonymous volume %1").arg(name)
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
                                visible: parent.column !== "usedBy" || row.usedByCount === 0
                                anchors.fill: parent
                                leftPadding: 12
                                rightPadding: 4
                                verticalAlignment: Text.AlignVCenter
                                text: parent.column === "name" ? row.shortName
                                    : parent.column === "driver" ? row.driver
                                    : parent.column === "usedBy" ? qsTr("unused")
                                    : parent.column === "created" ? row.createdText
                                    : parent.column === "mountpoint" ? row.mountpoint : ""
                                elide: parent.column === "mountpoint" ? Text.ElideMiddle : Text.ElideRight
                                font.family: parent.column === "mountpoint" || (parent.column === "name" && row.anonymous)
                                             ? Theme.monospace : row.font.family
                                font.weight: parent.column === "name" ? Font.DemiBold : Font.Normal
                                color: parent.column === "name" ? Theme.text : Theme.mutedText
                            }
                            Chip {
                                objectName: "usedByChip"
                                visible: parent.column === "usedBy" && row.usedByCount > 0
                                anchors.verticalCenter: parent.verticalCenter
                                x: 12
                                width: Math.min(implicitWidth, parent.width - 16)
                                text: row.usedByText
                                tone: "positive"
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
