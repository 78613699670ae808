import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The containers (`berth ps -a`): a list filtered as you type, running ones only unless
// "Show all" is on; start, stop, restart, pause, kill and remove from buttons, a context
// menu and keys (Delete removes, Enter opens); Run… opens the Run dialog; and a page per
// container (overview and inspect).
Pane {
    id: page
    objectName: "containersPage"
    readonly property bool ready: containers.loaded || containers.loadError.length > 0
    readonly property alias containerModel: containers
    readonly property alias filterModel: filtered
    readonly property alias table: table
    readonly property alias runDialog: runDialog
    readonly property alias removeDialog: removeDialog
    readonly property alias containerView: containerView
    readonly property alias contextMenu: contextMenu
    readonly property bool showingContainer: stack.currentIndex === 1
    padding: 0
    background: null

    function activated() { containers.reload(true, filtered.showAll) }
    function helperReturned() {
        if (!containers.loading && (containers.loadError.length > 0 || !containers.loaded))
            containers.reload(false)
    }
    // The selected row's delegate: its properties follow the model, so bindings on them
    // update when the container changes state.
    readonly property var currentRow: table.list.currentItem
    readonly property string currentName: currentRow ? currentRow.name : ""
    readonly property string currentState: currentRow ? currentRow.containerState : ""
    readonly property bool currentAlive: currentState === "running" || currentState === "paused"
    function select(name) {
        const row = filtered.rowOf(name)
        if (row >= 0)
            table.currentIndex = row
    }
    function openContainer(name) {
        if (!name)
            return
        containerView.open(name)
        stack.currentIndex = 1
    }
    function closeContainer() {
        stack.currentIndex = 0
        select(containerView.name)
        table.list.forceActiveFocus()
    }
    function askRemove(name, running) {
        if (name) {
            containers.clearAction()
            removeDialog.openFor(name, running)
        }
    }
    // Opens the Run dialog, with image filled in when given (from the Images panel).
    function openRun(image) {
        containers.clearAction()
        if (showingContainer)
            closeContainer()
        runDialog.openWith(image || "")
    }

    ContainerListModel {
        id: containers
        // The sparklines are sampled only while someone can see them.
        sampleStats: table.visible && table.showsUsage
        // A failed action on a container whose page is open is shown there too.
    }
    ContainerFilterModel { id: filtered; sourceModel: containers }

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
                title: qsTr("Containers")
                subtitle: qsTr("Processes started from an image, isolated by namespaces and limited by cgroups. "
                               + "Double-click a container to see its settings.")
                BusyIndicator {
                    running: containers.loading || containers.busy
                    visible: running
                    Layout.preferredWidth: 28
                    Layout.preferredHeight: 28
                }
                Button {
                    objectName: "runButton"
                    text: qsTr("Run…")
                    highlighted: true
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: qsTr("Create and start a container from an image (Ctrl+N)")
                    onClicked: page.openRun("")
                }
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                spacing: Theme.gap
                TextField {
                    id: filterField
                    objectName: "containerFilter"
                    Layout.fillWidth: true
                    Layout.minimumWidth: 140
                    placeholderText: qsTr("Filter by name, image or ID")
                    selectByMouse: true
                    onTextChanged: filtered.filterText = text
                    Keys.onDownPressed: table.list.forceActiveFocus()
                }
                CheckBox {
                    id: showAllBox
                    objectName: "showAll"
                    text: qsTr("Show stopped")
                    checked: filtered.showAll
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: qsTr("Also list created and exited containers, as `berth ps -a`")
                    onToggled: {
                        filtered.showAll = checked
                        Helper.showCommand(checked ? "berth ps -a" : "berth ps")
                    }
                }
                ContainerActions {
                    id: toolbarActions
                    objectName: "listActions"
                    model: containers
                    name: page.currentName
                    containerState: page.currentState
                    onRemoveRequested: name => page.askRemove(name, toolbarActions.alive)
                }
                Button {
                    objectName: "openButton"
                    text: qsTr("Open")
                    enabled: table.currentIndex >= 0
                    onClicked: page.openContainer(page.currentName)
                }
            }

            UnreachableNotice {
                visible: containers.loadError.length > 0
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                message: containers.loadError
            }

            // The outcome of the last action, the helper's own words.
            Rectangle {
                objectName: "actionResult"
                visible: containers.actionError.length > 0 || containers.actionMessage.length > 0
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                implicitHeight: resultRow.implicitHeight + 16
                radius: Theme.radius
                color: containers.actionError.length > 0 ? Theme.negativeSoft : Theme.positiveSoft
                border.color: containers.actionError.length > 0 ? Theme.negative : Theme.positive
                RowLayout {
                    id: resultRow
                    anchors.fill: parent
                    anchors.margins: 8
                    Label {
                        objectName: "actionResultText"
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        text: containers.actionError.length > 0 ? containers.actionError : containers.actionMessage
                        color: containers.actionError.length > 0 ? Theme.negativeText : Theme.text
                    }
                    ToolButton {
                        text: "✕"
                        Accessible.name: qsTr("Dismiss")
                        onClicked: containers.clearAction()
                    }
                }
            }

            ContainerTable {
                id: table
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                Layout.bottomMargin: 12
                model: filtered
                emptyText: !containers.loaded ? ""
                         : containers.count === 0 ? qsTr("No containers yet. Click Run… to start one from an image.")
                         : filtered.count > 0 ? ""
                         : filtered.filterText.trim().length > 0 ? qsTr("No container matches \"%1\".").arg(filtered.filterText)
                         : qsTr("No container is running. Tick Show stopped to see the %n stopped ones.", "", containers.count)
                onActivated: name => page.openContainer(name)
                onContextMenuRequested: name => {
                    contextMenu.name = name
                    contextMenu.containerState = page.currentState
                    contextMenu.popup()
                }
                onRemoveRequested: name => page.askRemove(name, page.currentAlive)
                onActionRequested: (action, name) => {
                    // As the buttons: only what the container's state allows.
                    const state = page.currentState
                    const alive = page.currentAlive
                    if (containers.busy)
                        return
                    if (action === "start" && !alive && state !== "restarting")
                        containers.start(name)
                    else if (action === "stop" && (alive || state === "restarting"))
                        containers.stop(name)
                    else if (action === "restart")
                        containers.restart(name)
                    else if (action === "pause" && alive)
                        state === "paused" ? containers.unpause(name) : containers.pause(name)
                    else if (action === "kill" && alive)
                        containers.kill(name, "KILL")
                }
            }
        }

        ContainerView {
            id: containerView
            model: containers
            onBack: page.closeContainer()
            onRemoveRequested: (name, running) => page.askRemove(name, running)
        }
    }

    Menu {
        id: contextMenu
        objectName: "containerContextMenu"
        property string name
        property string containerState
        readonly property bool alive: containerState === "running" || containerState === "paused"
        MenuItem { objectName: "menuOpen"; text: qsTr("Open"); onTriggered: page.openContainer(contextMenu.name) }
        MenuSeparator {}
        MenuItem {
            objectName: "menuStart"
            text: qsTr("Start")
            enabled: !contextMenu.alive && contextMenu.containerState !== "restarting"
            onTriggered: containers.start(contextMenu.name)
        }
        MenuItem {
            objectName: "menuStop"
            text: qsTr("Stop")
            enabled: contextMenu.alive || contextMenu.containerState === "restarting"
            onTriggered: containers.stop(contextMenu.name)
        }
        MenuItem { objectName: "menuRestart"; text: qsTr("Restart"); onTriggered: containers.restart(contextMenu.name) }
        MenuItem {
            objectName: "menuPause"
            text: contextMenu.containerState === "paused" ? qsTr("Unpause") : qsTr("Pause")
            enabled: contextMenu.alive
            onTriggered: contextMenu.containerState === "paused" ? containers.unpause(contextMenu.name) : containers.pause(contextMenu.name)
        }
        Menu {
            title: qsTr("Send signal")
            enabled: contextMenu.alive
            Repeater {
                model: ["KILL", "TERM", "INT", "HUP", "USR1", "USR2"]
                MenuItem {
                    required property string modelData
                    objectName: "menuSignal-" + modelData
                    text: "SIG" + modelData
                    onTriggered: containers.kill(contextMenu.name, modelData)
                }
            }
        }
        MenuItem {
            objectName: "menuRemove"
            text: qsTr("Remove…")
            onTriggered: page.askRemove(contextMenu.name, contextMenu.alive)
        }
        MenuSeparator {}
        MenuItem { text: qsTr("Copy name"); onTriggered: Clipboard.setText(contextMenu.name) }
        MenuItem {
            text: qsTr("Copy ID")
            onTriggered: {
                const row = filtered.rowOf(contextMenu.name)
                Clipboard.setText(row >= 0 ? filtered.get(row, "containerId") : contextMenu.name)
            }
        }
    }

    Shortcut {
        sequences: [StandardKey.New]
        enabled: page.visible
        onActivated: page.openRun("")
    }

    RunDialog {
        id: runDialog
        onRan: (id, name) => {
            containers.reload(false)
            // Selected now if the list has it already, else as soon as it does.
            page.pendingSelection = id
            page.selectPending()
        }
    }
    // The container the Run dialog just started, to select once the list shows it.
    property string pendingSelection
    function selectPending() {
        if (pendingSelection.length > 0 && filtered.rowOf(pendingSelection) >= 0) {
            select(pendingSelection)
            pendingSelection = ""
        }
    }
    Connections {
        target: filtered
        function onCountChanged() { page.selectPending() }
    }
    RemoveContainerDialog { id: removeDialog; model: containers }
}
