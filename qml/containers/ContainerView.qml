import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// One container's page: its name, status and lifecycle buttons on top, then tabs. The tabs
// come from the `tabs` list (key, label, and the berth command the tab shows: "tab" when the
// page's own commandLine says it) and the components in `tabComponents`; Files and Isolation
// join the same way, as one entry in each.
ColumnLayout {
    id: view
    objectName: "containerView"
    property var model
    property string name
    readonly property alias details: details
    readonly property alias tabBar: tabBar
    signal back()
    signal removeRequested(string name, bool running)
    spacing: 10

    readonly property var tabs: [
        { key: "overview", label: qsTr("Overview"), command: "inspect" },
        { key: "logs", label: qsTr("Logs"), command: "tab" },
        { key: "terminal", label: qsTr("Terminal"), command: "tab" },
        { key: "stats", label: qsTr("Stats"), command: "tab" },
        { key: "processes", label: qsTr("Processes"), command: "tab" },
        { key: "files", label: qsTr("Files"), command: "tab" },
        { key: "isolation", label: qsTr("Isolation"), command: "tab" },
        { key: "inspect", label: qsTr("Inspect"), command: "inspect" }
    ]
    readonly property var tabComponents: ({ overview: overviewComponent, logs: logsComponent,
                                            terminal: terminalComponent, stats: statsComponent,
                                            processes: processesComponent, files: filesComponent,
                                            isolation: isolationComponent, inspect: inspectComponent })
    /// The loaded page of a tab, by key (null before it loads).
    function tabPage(key) {
        for (let i = 0; i < tabs.length; ++i) {
            if (tabs[i].key === key)
                return tabPages.itemAt(i) ? tabPages.itemAt(i).item : null
        }
        return null
    }

    function open(containerName) {
        name = containerName
        details.name = containerName
        tabBar.currentIndex = 0
        details.reload(true)
    }
    function showTab(key) {
        for (let i = 0; i < tabs.length; ++i) {
            if (tabs[i].key === key)
                tabBar.currentIndex = i
        }
    }
    function currentTabKey() { return tabs[tabBar.currentIndex] ? tabs[tabBar.currentIndex].key : "" }

    ContainerDetails {
        id: details
        // Removed here or elsewhere: nothing is left to show.
        onVanished: view.back()
    }

    Keys.onEscapePressed: view.back()

    RowLayout {
        Layout.fillWidth: true
        Layout.topMargin: 12
        Layout.leftMargin: Theme.margin
        Layout.rightMargin: Theme.margin
        spacing: 12
        Button {
            objectName: "backToContainers"
            text: qsTr("← Containers")
            onClicked: view.back()
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            RowLayout {
                Layout.fillWidth: true
                spacing: 10
                Label {
                    objectName: "containerTitle"
                    text: details.containerName.length > 0 ? details.containerName : view.name
                    font.pointSize: Qt.application.font.pointSize * 1.4
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                    Layout.maximumWidth: view.width * 0.4
                }
                Chip {
                    objectName: "containerStatus"
                    // Hidden by opacity, not visible: a RowLayout in a page shown later does
                    // not always place an item that becomes visible.
                    opacity: details.loaded ? 1 : 0
                    text: details.statusText
                    tone: details.tone
                }
                Item { Layout.fillWidth: true }
            }
            Label {
                text: details.loaded ? qsTr("ID %1 · %2").arg(details.shortId).arg(details.image) : ""
                color: Theme.mutedText
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
        }
        BusyIndicator {
            running: details.loading || (view.model && view.model.busy)
            visible: running
            Layout.preferredWidth: 28
            Layout.preferredHeight: 28
        }
    }

    ContainerActions {
        objectName: "containerPageActions"
        Layout.leftMargin: Theme.margin
        Layout.rightMargin: Theme.margin
        model: view.model
        name: details.containerName
        containerState: details.containerState
        onRemoveRequested: name => view.removeRequested(name, details.alive)
    }

    Label {
        objectName: "containerError"
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
        objectName: "containerTabs"
        Layout.fillWidth: true
        Layout.leftMargin: Theme.margin
        Layout.rightMargin: Theme.margin
        Repeater {
            model: view.tabs
            TabButton {
                required property var modelData
                objectName: "tab-" + modelData.key
                text: modelData.label
                width: implicitWidth + 16
            }
        }
        onCurrentIndexChanged: {
            const tab = view.tabs[currentIndex]
            if (!tab || view.name.length === 0)
                return
            // "tab": the page knows its own command line (its options change it).
            if (tab.command === "inspect")
                Helper.showCommand("berth inspect " + view.name)
            else if (tab.command === "tab" && view.tabPage(tab.key))
                Helper.showCommand(view.tabPage(tab.key).commandLine)
        }
    }

    StackLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.leftMargin: Theme.margin
        Layout.rightMargin: Theme.margin
        Layout.bottomMargin: 12
        currentIndex: tabBar.currentIndex
        Repeater {
            id: tabPages
            model: view.tabs
            Loader {
                required property var modelData
                objectName: "tabPage-" + modelData.key
                sourceComponent: view.tabComponents[modelData.key]
            }
        }
    }

    Component {
        id: overviewComponent
        ContainerOverviewTab { details: view.details }
    }
    Component {
        id: logsComponent
        ContainerLogsTab { details: view.details }
    }
    Component {
        id: terminalComponent
        ContainerTerminalTab { details: view.details; model: view.model }
    }
    Component {
        id: statsComponent
        ContainerStatsTab { details: view.details; model: view.model }
    }
    Component {
        id: processesComponent
        ContainerProcessesTab { details: view.details; model: view.model }
    }
    Component {
        id: isolationComponent
        ContainerIsolationTab { details: view.details; model: view.model }
    }
    Component {
        id: filesComponent
        ContainerFilesTab { details: view.details }
    }
    Component {
        id: inspectComponent
        ColumnLayout {
            objectName: "inspectTab"
            spacing: 6
            RowLayout {
                Layout.fillWidth: true
                Label {
                    text: qsTr("What `berth inspect %1` prints: Docker's field names, so tools written for docker inspect read it.").arg(view.name)
                    color: Theme.mutedText
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Button {
                    id: copyJson
                    objectName: "copyInspect"
                    property bool copied: false
                    text: copied ? qsTr("Copied") : qsTr("Copy JSON")
                    enabled: details.rawJson.length > 0
                    onClicked: {
                        Clipboard.setText(details.rawJson)
                        copied = true
                        copiedTimer.restart()
                    }
                    Timer {
                        id: copiedTimer
                        interval: 1500
                        onTriggered: copyJson.copied = false
                    }
                }
            }
            ScrollView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                TextArea {
                    objectName: "inspectJson"
                    readOnly: true
                    selectByMouse: true
                    text: details.rawJson
                    font.family: Theme.monospace
                    wrapMode: TextEdit.NoWrap
                    background: Rectangle { color: Theme.view; border.color: Theme.border; radius: Theme.radius }
                }
            }
        }
    }
}
