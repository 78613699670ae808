import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The volumes (`berth volume ls`) and which containers use each; create, inspect, browse,
// remove and prune from buttons, a context menu and keys (Enter opens, Delete removes,
// Ctrl+N creates); and a page per volume with its files and its inspect JSON.
Pane {
    id: page
    objectName: "volumesPage"
    readonly property bool ready: volumes.loaded || volumes.loadError.length > 0
    readonly property alias volumeModel: volumes
    readonly property alias filterModel: filtered
    readonly property alias table: table
    readonly property alias createDialog: createDialog
    readonly property alias removeDialog: removeDialog
    readonly property alias pruneDialog: pruneDialog
    readonly property alias volumeView: volumeView
    readonly property alias contextMenu: contextMenu
    readonly property bool showingVolume: stack.currentIndex === 1
    padding: 0
    background: null

    function activated() {
        volumes.reload(true)
        containers.reload(false)
    }
    function helperReturned() {
        if (!volumes.loading && (volumes.loadError.length > 0 || !volumes.loaded))
            volumes.reload(false)
    }
    readonly property var currentRow: table.list.currentItem
    readonly property string currentName: currentRow ? currentRow.name : ""
    function select(name) {
        const row = filtered.rowOf(name)
        if (row >= 0)
            table.currentIndex = row
    }
    // tab: "files" (the default) or "inspect".
    function openVolume(name, tab) {
        if (!name)
            return
        volumes.clearAction()
        volumeView.open(name, tab || "files")
        stack.currentIndex = 1
        // The keys go on where the eyes are: Enter opens a folder, Backspace goes up, Escape back.
        volumeView.takeFocus()
    }
    function closeVolume() {
        stack.currentIndex = 0
        select(volumeView.name)
        table.list.forceActiveFocus()
        Helper.showCommand("berth volume ls")
    }
    function askRemove(name) {
        const row = volumes.rowOf(name)
        if (row < 0)
            return
        volumes.clearAction()
        removeDialog.openFor(name, volumes.get(row, "usedByText"), volumes.get(row, "usedByCount"))
    }
    function openCreate() {
        volumes.clearAction()
        if (showingVolume)
            closeVolume()
        createDialog.openFresh()
    }
    function openPrune() {
        volumes.clearAction()
        pruneDialog.openFresh()
    }

    VolumeListModel { id: volumes }
    VolumeFilterModel { id: filtered; sourceModel: volumes }
    // Who the users are (running or not), for the volume's page.
    ContainerListModel { id: containers }
    ContainerFilterModel { id: allContainers; sourceModel: containers; showAll: true }

    // A volume just created is selected once the list shows it.
    property string pendingSelection
    Connections {
        target: volumes
        function onActionFinished(verb, name, ok, message, reclaimedBytes) {
            if (verb === "create" && ok) {
                page.pendingSelection = name
                page.selectPending()
            }
            if (verb === "rm" && ok && page.showingVolume && volumeView.name === name)
                page.closeVolume()
        }
    }
    Connections {
        target: filtered
        function onCountChanged() { page.selectPending() }
    }
    function selectPending() {
        if (pendingSelection.length > 0 && filtered.rowOf(pendingSelection) >= 0) {
            select(pendingSelection)
            pendingSelection = ""
        }
    }

    StackLayout {
        id: stack
        anchors.fill: parent

        ColumnLayout {
            spacing: 12

            PageHeader {
                Layout.fillWidth: true
                Layout.topMargin: 12
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                title: qsTr("Volumes")
                subtitle: qsTr("Storage that outlives containers. Double-click a volume to browse its files.")
                BusyIndicator {
                    running: volumes.loading || volumes.busy
                    visible: running
                    Layout.preferredWidth: 28
                    Layout.preferredHeight: 28
                }
                Button {
                    objectName: "pruneButton"
                    text: qsTr("Prune…")
                    enabled: !volumes.busy
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: qsTr("Remove volumes no container uses (berth volume prune)")
                    onClicked: page.openPrune()
                }
                Button {
                    objectName: "createButton"
                    text: qsTr("Create…")
                    highlighted: true
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: qsTr("Create a named volume (Ctrl+N)")
                    onClicked: page.openCreate()
                }
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                spacing: Theme.gap
                TextField {
                    id: filterField
                    objectName: "volumeFilter"
                    Layout.fillWidth: true
                    Layout.minimumWidth: 140
                    placeholderText: qsTr("Filter by name, label or container")
                    selectByMouse: true
                    onTextChanged: filtered.filterText = text
                    Keys.onDownPressed: table.list.forceActiveFocus()
                }
                Label {
                    color: Theme.mutedText
                    text: volumes.loaded ? qsTr("%n volume(s)", "", volumes.count) + " · " + qsTr("%n unused", "", volumes.unusedCount) : ""
                }
                Button {
                    objectName: "browseButton"
                    text: qsTr("Browse")
                    enabled: page.currentName.length > 0
                    onClicked: page.openVolume(page.currentName, "files")
                }
                Button {
                    objectName: "inspectButton"
                    text: qsTr("Inspect")
                    enabled: page.currentName.length > 0
                    onClicked: page.openVolume(page.currentName, "inspect")
                }
                Button {
                    objectName: "removeButton"
                    text: qsTr("Remove…")
                    enabled: page.currentName.length > 0 && !volumes.busy
                    onClicked: page.askRemove(page.currentName)
                }
            }

            UnreachableNotice {
                visible: volumes.loadError.length > 0
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                message: volumes.loadError
            }

            ActionResult { model: volumes }

            VolumeTable {
                id: table
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                Layout.bottomMargin: 12
                model: filtered
                emptyText: !volumes.loaded || filtered.count > 0 ? ""
                         : volumes.count > 0 ? qsTr("No volume matches \"%1\".").arg(filtered.filterText)
                         : qsTr("No volumes yet. Click Create… to make one, or run a container with -v NAME:/path.")
                onActivated: name => page.openVolume(name, "files")
                onContextMenuRequested: name => {
                    contextMenu.name = name
                    contextMenu.popup()
                }
                onRemoveRequested: name => page.askRemove(name)
            }
        }

        ColumnLayout {
            spacing: 0
            ActionResult { model: volumes; Layout.topMargin: 12 }
            VolumeView {
                id: volumeView
                Layout.fillWidth: true
                Layout.fillHeight: true
                model: volumes
                containers: allContainers
                onBack: page.closeVolume()
                onRemoveRequested: name => page.askRemove(name)
            }
        }
    }

    // The outcome of the last action, the helper's own words (both on the list and on a
    // volume's page, where a refused remove is asked for).
    component ActionResult: Rectangle {
        id: result
        property var model
        readonly property string errorText: model ? model.actionError : ""
        readonly property string messageText: model ? model.actionMessage : ""
        objectName: "actionResult"
        visible: result.errorText.length > 0 || result.messageText.length > 0
        Layout.fillWidth: true
        Layout.leftMargin: Theme.margin
        Layout.rightMargin: Theme.margin
        implicitHeight: resultRow.implicitHeight + 16
        radius: Theme.radius
        color: result.errorText.length > 0 ? Theme.negativeSoft : Theme.positiveSoft
        border.color: result.errorText.length > 0 ? Theme.negative : Theme.positive
        RowLayout {
            id: resultRow
            anchors.fill: parent
            anchors.margins: 8
            Label {
                objectName: "actionResultText"
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: result.errorText.length > 0 ? result.errorText : result.messageText
                color: result.errorText.length > 0 ? Theme.negativeText : Theme.text
            }
            ToolButton {
                text: "✕"
                Accessible.name: qsTr("Dismiss")
                onClicked: result.model.clearAction()
            }
        }
    }

    Menu {
        id: contextMenu
        objectName: "volumeContextMenu"
        property string name
        MenuItem { objectName: "menuBrowse"; text: qsTr("Browse files"); onTriggered: page.openVolume(contextMenu.name, "files") }
        MenuItem { objectName: "menuInspect"; text: qsTr("Inspect"); onTriggered: page.openVolume(contextMenu.name, "inspect") }
        MenuSeparator {}
        MenuItem { objectName: "menuRemove"; text: qsTr("Remove…"); onTriggered: page.askRemove(contextMenu.name) }
        MenuSeparator {}
        MenuItem { text: qsTr("Copy name"); onTriggered: Clipboard.setText(contextMenu.name) }
        MenuItem {
            text: qsTr("Copy mountpoint")
            onTriggered: Clipboard.setText(volumes.get(volumes.rowOf(contextMenu.name), "mountpoint") || "")
        }
    }

    Shortcut {
        sequences: [StandardKey.New]
        enabled: page.visible
        onActivated: page.openCreate()
    }

    CreateVolumeDialog { id: createDialog; model: volumes }
    RemoveVolumeDialog { id: removeDialog; model: volumes }
    PruneVolumesDialog { id: pruneDialog; model: volumes }
}
