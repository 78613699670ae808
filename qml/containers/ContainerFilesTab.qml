import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Berth

// The container's own files, running or not: one folder at a time, looked up inside the
// container's root as `berth cp` does (a link leads to the container's file, never this
// computer's). A folder or a link to one opens on a double click; the selected entry
// downloads into a folder of this computer, and a file or folder of this computer uploads
// into the folder shown. Each shows its berth line.
ColumnLayout {
    id: tab
    objectName: "containerFilesTab"
    property var details
    readonly property alias files: files
    readonly property alias copyJob: copyJob
    readonly property alias list: list
    readonly property string containerName: details && details.loaded ? details.containerName : ""
    // A copy shows its own berth cp line when it starts (ContainerCopyJob).
    readonly property string commandLine: files.commandLine
    spacing: 6

    ContainerFilesModel {
        id: files
        name: tab.containerName
    }
    ContainerCopyJob {
        id: copyJob
        name: tab.containerName
        onFinished: ok => { if (ok) files.reload() }
    }
    // Listed when shown (a stopped container's root is mounted for each listing).
    function refresh() { if (visible && files.name.length > 0) files.reload() }
    onVisibleChanged: refresh()
    onContainerNameChanged: refresh()
    onCommandLineChanged: if (visible && files.name.length > 0) Helper.showCommand(commandLine)

    /// The row selected, as {name, path, isDirectory}, or null.
    readonly property var selected: list.currentIndex >= 0 && list.currentItem ? list.currentItem.entry : null

    RowLayout {
        Layout.fillWidth: true
        spacing: 8
        Button {
            objectName: "filesUp"
            text: qsTr("↑ Up")
            enabled: files.path !== "/"
            onClicked: files.up()
        }
        TextField {
            id: pathField
            objectName: "filesPath"
            // Set from the model, not bound: typing would break a binding.
            Component.onCompleted: text = files.path
            Connections {
                target: files
                function onPathChanged() { pathField.text = files.path }
                function onErrorChanged() { if (files.error.length > 0) pathField.text = files.path }
            }
            font.family: Theme.monospace
            selectByMouse: true
            Layout.fillWidth: true
            onAccepted: files.open(text)
        }
        Button {
            objectName: "filesReload"
            text: qsTr("Reload")
            onClicked: files.reload()
        }
        Button {
            objectName: "filesDownload"
            text: qsTr("Download…")
            enabled: tab.selected !== null && !copyJob.running
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Copy the selected file or folder to a folder of this computer (berth cp).")
            onClicked: {
                folderDialog.currentFolder = copyJob.startFolder()
                folderDialog.open()
            }
        }
        Button {
            objectName: "filesUploadFile"
            text: qsTr("Upload file…")
            enabled: !copyJob.running
            onClicked: {
                uploadFileDialog.currentFolder = copyJob.startFolder()
                uploadFileDialog.open()
            }
        }
        Button {
            objectName: "filesUploadFolder"
            text: qsTr("Upload folder…")
            enabled: !copyJob.running
            onClicked: {
                uploadFolderDialog.currentFolder = copyJob.startFolder()
                uploadFolderDialog.open()
            }
        }
    }

    Label {
        objectName: "filesNote"
        text: qsTr("The container's own file system (its image and its changes). Volumes and folders mounted into it are not shown here.")
        color: Theme.mutedText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Label {
        objectName: "filesError"
        visible: files.error.length > 0
        text: files.error
        color: Theme.negativeText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    RowLayout {
        visible: copyStatus.text.length > 0
        Layout.fillWidth: true
        spacing: 10
        Label {
            id: copyStatus
            objectName: "filesCopyStatus"
            text: copyJob.running ? qsTr("Copying…") : copyJob.error.length > 0 ? copyJob.error : copyJob.message
            color: copyJob.error.length > 0 ? Theme.negativeText : Theme.mutedText
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Button {
            objectName: "filesCopyCancel"
            visible: copyJob.running
            text: qsTr("Cancel")
            onClicked: copyJob.cancel()
        }
    }

    Rectangle {
        Layout.fillWidth: true
        Layout.fillHeight: true
        color: Theme.view
        border.color: Theme.border
        radius: Theme.radius

        ListView {
            id: list
            objectName: "filesList"
            anchors.fill: parent
            anchors.margins: 1
            clip: true
            model: files
            currentIndex: -1
            keyNavigationEnabled: true
            ScrollBar.vertical: ScrollBar {}
            Connections {
                target: files
                function onPathChanged() { list.currentIndex = -1 }
            }
            Keys.onReturnPressed: if (currentItem && currentItem.opens) files.open(currentItem.entry.path)
            Keys.onBackPressed: files.up()

            delegate: Rectangle {
                id: row
                required property int index
                required property string name
                required property string path
                required property real size
                required property bool isDirectory
                required property bool isLink
                required property string linkTarget
                required property bool opens
                required property string modeText
                required property string modified
                readonly property var entry: ({ name: name, path: path, isDirectory: isDirectory })
                objectName: "fileRow-" + name
                width: ListView.view.width
                height: rowLayout.implicitHeight + 8
                color: ListView.isCurrentItem ? Theme.accentSoft : index % 2 ? Theme.alternateView : Theme.view

                RowLayout {
                    id: rowLayout
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.leftMargin: 10
                    anchors.rightMargin: 10
                    spacing: 14
                    Label {
                        text: row.modeText
                        font.family: Theme.monospace
                        color: Theme.mutedText
                    }
                    Label {
                        objectName: "fileName"
                        text: row.name + (row.isDirectory ? "/" : "") + (row.isLink ? "  → " + row.linkTarget : "")
                        font.family: Theme.monospace
                        font.bold: row.opens
                        color: row.opens ? Theme.accentStrong : Theme.text
                        elide: Text.ElideMiddle
                        Layout.fillWidth: true
                    }
                    Label {
                        text: row.isDirectory || row.isLink ? "" : Helper.formatBytes(row.size)
                        color: Theme.mutedText
                        horizontalAlignment: Text.AlignRight
                        Layout.preferredWidth: 90
                    }
                    Label {
                        text: row.modified
                        color: Theme.mutedText
                        Layout.preferredWidth: 150
                    }
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: {
                        list.currentIndex = row.index
                        list.forceActiveFocus()
                    }
                    onDoubleClicked: if (row.opens) files.open(row.path)
                }
            }

            Label {
                anchors.centerIn: parent
                visible: list.count === 0 && !files.loading && files.error.length === 0
                text: qsTr("This folder is empty.")
                color: Theme.mutedText
            }
            BusyIndicator {
                anchors.centerIn: parent
                running: files.loading && list.count === 0
                visible: running
            }
        }
    }
    Label {
        visible: files.truncated
        text: qsTr("Only the first %1 entries are shown; open a folder below or use berth exec %2 ls.").arg(files.count).arg(tab.containerName)
        color: Theme.mutedText
        Layout.fillWidth: true
    }

    FolderDialog {
        id: folderDialog
        objectName: "filesDownloadDialog"
        title: qsTr("Download %1 into").arg(tab.selected ? tab.selected.name : "")
        onAccepted: if (tab.selected) copyJob.download(tab.selected.path, tab.selected.isDirectory, selectedFolder)
    }
    FileDialog {
        id: uploadFileDialog
        objectName: "filesUploadFileDialog"
        title: qsTr("Upload a file into %1").arg(files.path)
        fileMode: FileDialog.OpenFile
        onAccepted: copyJob.upload(selectedFile, files.path)
    }
    FolderDialog {
        id: uploadFolderDialog
        objectName: "filesUploadFolderDialog"
        title: qsTr("Upload a folder into %1").arg(files.path)
        onAccepted: copyJob.upload(selectedFolder, files.path)
    }
}
