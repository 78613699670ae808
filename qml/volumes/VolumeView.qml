import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// One volume's page: its facts (driver, mountpoint, created, size, labels) and the
// containers that use it, then two tabs: Files (browse it, read-only) and Inspect (what
// `berth volume inspect` prints).
ColumnLayout {
    id: view
    objectName: "volumeView"
    property var model
    // The page's containers, for the state of each user.
    property var containers
    property string name
    readonly property alias details: details
    readonly property alias tabBar: tabBar
    // Bumped when the volumes or containers change, so bindings that read rows through
    // get() are evaluated again.
    property int revision: 0
    readonly property int row: revision >= 0 && model && name.length > 0 ? model.rowOf(name) : -1
    readonly property var usedBy: field("usedBy") || []
    readonly property var filesTab: filesLoader.item
    signal back()
    signal removeRequested(string name)
    spacing: 10

    function field(role) { return revision >= 0 && row >= 0 ? model.get(row, role) : "" }
    function open(volumeName, tab) {
        const same = name === volumeName
        name = volumeName
        // Opened again: from the top, read afresh (another volume is read when name changes).
        if (same && filesLoader.item)
            filesLoader.item.directory.open("/")
        tabBar.currentIndex = tab === "inspect" ? 1 : 0
        details.load(volumeName, tab === "inspect")
        if (tab !== "inspect" && filesLoader.item)
            Helper.showCommand(filesLoader.item.commandLine)
    }
    function takeFocus() {
        if (tabBar.currentIndex === 0 && filesLoader.item)
            filesLoader.item.list.forceActiveFocus()
        else
            tabBar.forceActiveFocus()
    }
    function containerState(containerName) {
        if (!containers || revision < 0)
            return ""
        const at = containers.rowOf(containerName)
        return at >= 0 ? containers.get(at, "containerState") : ""
    }

    VolumeDetails { id: details }

    Connections {
        target: view.model
        function onDataChanged() { view.revision++ }
        function onRowsInserted() { view.revision++ }
        function onRowsRemoved() { view.revision++ }
        function onRowsMoved() { view.revision++ }
        function onModelReset() { view.revision++ }
        // Removed here or elsewhere: nothing is left to show.
        function onCountChanged() {
            if (view.visible && view.name.length > 0 && view.model.loaded && view.model.rowOf(view.name) < 0)
                view.back()
        }
    }

    Connections {
        target: view.containers
        function onDataChanged() { view.revision++ }
        function onCountChanged() { view.revision++ }
    }
    // The size and the inspect text follow changes too (a container wrote, one was removed).
    Connections {
        target: view.model
        function onLoadingChanged() {
            if (!view.model.loading && view.visible && view.name.length > 0 && view.model.rowOf(view.name) >= 0)
                details.load(view.name, false)
        }
    }

    Keys.onEscapePressed: view.back()

    RowLayout {
        Layout.fillWidth: true
        Layout.topMargin: 12
        Layout.leftMargin: Theme.margin
        Layout.rightMargin: Theme.margin
        spacing: 12
        Button {
            objectName: "backToVolumes"
            text: qsTr("← Volumes")
            onClicked: view.back()
        }
        Label {
            objectName: "volumeTitle"
            text: view.name
            font.pointSize: Qt.application.font.pointSize * 1.4
            font.weight: Font.DemiBold
            elide: Text.ElideMiddle
            Layout.fillWidth: true
        }
        BusyIndicator {
            running: details.loading || (view.model && view.model.busy)
            visible: running
            Layout.preferredWidth: 28
            Layout.preferredHeight: 28
        }
        Button {
            objectName: "volumePageRemove"
            text: qsTr("Remove…")
            enabled: view.model && !view.model.busy
            onClicked: view.removeRequested(view.name)
        }
    }

    GridLayout {
        objectName: "volumeFacts"
        Layout.fillWidth: true
        Layout.leftMargin: Theme.margin
        Layout.rightMargin: Theme.margin
        columns: 4
        columnSpacing: 16
        rowSpacing: 4
        Label { text: qsTr("Driver"); color: Theme.mutedText }
        Label { text: view.field("driver"); Layout.fillWidth: true }
        Label { text: qsTr("Size"); color: Theme.mutedText }
        Label {
            objectName: "volumeSize"
            Layout.fillWidth: true
            text: details.sizeText.length > 0 ? details.sizeText : details.loading ? qsTr("measuring…") : ""
        }
        Label { text: qsTr("Created"); color: Theme.mutedText }
        Label {
            text: view.field("createdText")
            Layout.fillWidth: true
        }
        Label { text: qsTr("Labels"); color: Theme.mutedText }
        Label {
            objectName: "volumeLabels"
            Layout.fillWidth: true
            elide: Text.ElideRight
            text: {
                const labels = view.field("labelsText")
                return labels.length > 0 ? labels : qsTr("none")
            }
        }
        Label { text: qsTr("Mountpoint"); color: Theme.mutedText }
        TextEdit {
            objectName: "volumeMountpoint"
            Layout.columnSpan: 3
            Layout.fillWidth: true
            readOnly: true
            selectByMouse: true
            text: view.field("mountpoint")
            font.family: Theme.monospace
            color: Theme.text
        }
        Label { text: qsTr("Used by"); color: Theme.mutedText; Layout.alignment: Qt.AlignTop }
        Flow {
            objectName: "volumeUsers"
            Layout.columnSpan: 3
            Layout.fillWidth: true
            spacing: 6
            Label {
                visible: view.usedBy.length === 0
                text: qsTr("No container uses it. Mount it with: berth run -v %1:/data IMAGE").arg(view.name)
                color: Theme.mutedText
            }
            Repeater {
                model: view.usedBy
                Chip {
                    required property var modelData
                    readonly property string containerState: view.containerState(modelData.name)
                    objectName: "volumeUser-" + modelData.name
                    text: qsTr("%1 at %2").arg(modelData.name).arg(modelData.destination)
                          + (containerState.length > 0 ? " · " + containerState : "")
                    tone: containerState === "running" ? "positive" : containerState === "paused" ? "neutral" : "plain"
                }
            }
        }
    }

    Label {
        objectName: "volumeError"
        visible: details.error.length > 0
        text: details.error
        color: Theme.negativeText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Layout.leftMargin: Theme.margin
        Layout.rightMargin: Theme.margin
    }

    TabBar {
        id: tabBar
        objectName: "volumeTabs"
        Layout.fillWidth: true
        Layout.leftMargin: Theme.margin
        Layout.rightMargin: Theme.margin
        TabButton { objectName: "tab-files"; text: qsTr("Files"); width: implicitWidth + 16 }
        TabButton { objectName: "tab-inspect"; text: qsTr("Inspect"); width: implicitWidth + 16 }
        onCurrentIndexChanged: {
            if (view.name.length === 0)
                return
            if (currentIndex === 1)
                details.load(view.name, true)
            else if (filesLoader.item)
                Helper.showCommand(filesLoader.item.commandLine)
        }
    }

    StackLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.leftMargin: Theme.margin
        Layout.rightMargin: Theme.margin
        Layout.bottomMargin: 12
        currentIndex: tabBar.currentIndex
        Loader {
            id: filesLoader
            objectName: "tabPage-files"
            sourceComponent: VolumeFilesTab { volume: view.name }
        }
        ColumnLayout {
            objectName: "volumeInspectTab"
            spacing: 6
            RowLayout {
                Layout.fillWidth: true
                Label {
                    text: qsTr("What `berth volume inspect %1` prints: Docker's field names, plus UsedBy and the measured UsageData.").arg(view.name)
                    color: Theme.mutedText
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "copyVolumeInspect"
                    text: qsTr("Copy JSON")
                    enabled: details.inspectText.length > 0
                    onClicked: Clipboard.setText(details.inspectText)
                }
            }
            ScrollView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                TextArea {
                    objectName: "volumeInspectJson"
                    readOnly: true
                    selectByMouse: true
                    text: details.inspectText
                    font.family: Theme.monospace
                    wrapMode: TextEdit.NoWrap
                    background: Rectangle { color: Theme.view; border.color: Theme.border; radius: Theme.radius }
                }
            }
        }
    }
}
