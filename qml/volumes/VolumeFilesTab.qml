import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// A volume's files, read-only: a path bar of crumbs, then the folder's entries (folders
// first) with type, size, mode, owner and time. Enter or a double-click opens a folder or a
// link (resolved inside the volume by the helper); Backspace or Alt+Up goes up.
ColumnLayout {
    id: tab
    objectName: "volumeFilesTab"
    property string volume
    readonly property alias directory: directory
    readonly property alias list: list
    readonly property string commandLine: directory.command
    spacing: 6

    VolumeDirectoryModel {
        id: directory
        volume: tab.volume
    }

    function openEntry(name, type) {
        if (type === "dir" || type === "symlink")
            directory.enter(name)
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: 4
        Button {
            objectName: "upButton"
            text: qsTr("↑ Up")
            enabled: directory.path !== "/" && !directory.loading
            onClicked: directory.up()
        }
        Flow {
            objectName: "crumbs"
            Layout.fillWidth: true
            spacing: 2
            Repeater {
                model: directory.path.length > 0 ? directory.crumbs() : []
                ToolButton {
                    required property string modelData
                    required property int index
                    objectName: "crumb-" + modelData
                    text: index === 0 ? qsTr("%1 (top)").arg(tab.volume.length > 24 ? tab.volume.slice(0, 12) : tab.volume)
                                      : "/ " + modelData.split("/").pop()
                    font.weight: modelData === directory.path ? Font.DemiBold : Font.Normal
                    onClicked: directory.open(modelData)
                }
            }
        }
        BusyIndicator {
            running: directory.loading
            visible: running
            Layout.preferredWidth: 24
            Layout.preferredHeight: 24
        }
        Button {
            objectName: "refreshFiles"
            text: qsTr("Refresh")
            onClicked: directory.reload()
        }
    }

    Label {
        objectName: "filesError"
        visible: directory.error.length > 0
        text: directory.error
        color: Theme.negativeText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Label {
        objectName: "filesTruncated"
        visible: directory.truncated
        text: qsTr("This folder holds more entries than are shown (the first %n by name).", "", directory.count)
        color: Theme.mutedText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    Rectangle {
        Layout.fillWidth: true
        Layout.fillHeight: true
        color: Theme.view
        border.color: Theme.border
        radius: Theme.radius

        readonly property int modeWidth: 110
        readonly property int sizeWidth: 90
        readonly property int ownerWidth: width < 640 ? 0 : 90
        readonly property int modifiedWidth: width < 720 ? 0 : 150
        readonly property int nameWidth: Math.max(160, width - 2 - modeWidth - sizeWidth - ownerWidth - modifiedWidth - 12)
        id: frame

        ColumnLayout {
            anchors.fill: parent
            anchors.margins: 1
            spacing: 0
            Row {
                Layout.fillWidth: true
                Repeater {
                    model: [
                        { label: qsTr("Name"), width: frame.nameWidth },
                        { label: qsTr("Size"), width: frame.sizeWidth },
                        { label: qsTr("Mode"), width: frame.modeWidth },
                        { label: qsTr("Owner"), width: frame.ownerWidth },
                        { label: qsTr("Modified"), width: frame.modifiedWidth }
                    ]
                    Label {
                        required property var modelData
                        width: modelData.width
                        visible: width > 0
                        height: 30
                        leftPadding: 12
                        verticalAlignment: Text.AlignVCenter
                        text: modelData.label
                        font.weight: Font.DemiBold
                        Accessible.role: Accessible.ColumnHeader
                    }
                }
            }
            Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
            ListView {
                id: list
                objectName: "fileList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: directory
                keyNavigationEnabled: true
                boundsBehavior: Flickable.StopAtBounds
                activeFocusOnTab: true
                ScrollBar.vertical: ScrollBar {}
                Accessible.role: Accessible.Table
                Accessible.name: qsTr("Files of %1").arg(tab.volume)
                onCountChanged: currentIndex = count > 0 ? 0 : -1
                Keys.onReturnPressed: if (currentItem) tab.openEntry(currentItem.name, currentItem.type)
                Keys.onEnterPressed: if (currentItem) tab.openEntry(currentItem.name, currentItem.type)
                Keys.onBackPressed: directory.up()
                Keys.onPressed: event => {
                    if (event.key === Qt.Key_Backspace || (event.key === Qt.Key_Up && (event.modifiers & Qt.AltModifier))) {
                        directory.up()
                        event.accepted = true
                    }
                }

                delegate: ItemDelegate {
                    id: entry
                    required property int index
                    required property string name
                    required property string type
                    required property string sizeText
                    required property string modeText
                    required property string owner
                    required property string modifiedText
                    required property string target
                    objectName: "fileRow-" + name
                    width: ListView.view.width
                    height: 32
                    padding: 0
                    highlighted: ListView.isCurrentItem
                    focusPolicy: Qt.NoFocus
                    Accessible.name: name + ", " + type
                    onClicked: {
                        list.currentIndex = index
                        list.forceActiveFocus()
                    }
                    onDoubleClicked: tab.openEntry(name, type)
                    background: Rectangle {
                        color: entry.highlighted ? Theme.accentSoft : entry.index % 2 ? Theme.alternateView : Theme.view
                        border.width: entry.highlighted && list.activeFocus ? 1 : 0
                        border.color: Theme.accent
                    }
                    contentItem: Row {
                        Label {
                            width: frame.nameWidth
                            height: entry.availableHeight
                            leftPadding: 12
                            rightPadding: 4
                            verticalAlignment: Text.AlignVCenter
                            elide: Text.ElideRight
                            // A folder ends in "/", a link shows where it points, as ls -F and ls -l do.
                            text: entry.type === "dir" ? entry.name + "/"
                                : entry.type === "symlink" ? entry.name + "  →  " + entry.target
                                : entry.name
                            color: entry.type === "dir" ? Theme.accentStrong : Theme.text
                            font.weight: entry.type === "dir" ? Font.DemiBold : Font.Normal
                        }
                        Label {
                            width: frame.sizeWidth
                            height: entry.availableHeight
                            leftPadding: 12
                            verticalAlignment: Text.AlignVCenter
                            text: entry.type === "dir" ? "" : entry.type === "file" || entry.type === "symlink" ? entry.sizeText : entry.type
                            color: Theme.mutedText
                        }
                        Label {
                            width: frame.modeWidth
                            height: entry.availableHeight
                            leftPadding: 12
                            verticalAlignment: Text.AlignVCenter
                            text: entry.modeText
                            font.family: Theme.monospace
                            color: Theme.mutedText
                        }
                        Label {
                            width: frame.ownerWidth
                            visible: width > 0
                            height: entry.availableHeight
                            leftPadding: 12
                            verticalAlignment: Text.AlignVCenter
                            text: entry.owner
                            font.family: Theme.monospace
                            color: Theme.mutedText
                        }
                        Label {
                            width: frame.modifiedWidth
                            visible: width > 0
                            height: entry.availableHeight
                            leftPadding: 12
                            verticalAlignment: Text.AlignVCenter
                            elide: Text.ElideRight
                            text: entry.modifiedText
                            color: Theme.mutedText
                        }
                    }
                }

                Label {
                    objectName: "filesEmpty"
                    anchors.centerIn: parent
                    width: parent.width - 40
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    visible: list.count === 0 && !directory.loading && directory.error.length === 0
                    text: directory.path === "/" ? qsTr("This volume is empty. A container that mounts it (-v %1:/path) can write here.").arg(tab.volume)
                                                 : qsTr("This folder is empty.")
                    color: Theme.mutedText
                }
            }
        }
    }
}
