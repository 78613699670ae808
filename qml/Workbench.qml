import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQml.Models
import Berth

// The whole workbench below the title bar: sidebar, the current panel, the command strip
// and the status line. Main.qml puts it in a window; the QML tests put it in theirs.
Item {
    id: workbench
    objectName: "workbench"
    implicitWidth: 1180
    implicitHeight: 760

    // Set from --page; empty opens the System panel.
    property string initialPage: ""
    readonly property alias sidebar: sidebar
    readonly property alias pages: pages
    readonly property alias imagesPage: imagesPage
    readonly property alias containersPage: containersPage
    readonly property alias volumesPage: volumesPage
    readonly property alias dropArea: dropArea
    // Read by --screenshot: true once the current panel shows its data or an error.
    property bool currentPageReady: pages.currentItem ? pages.currentItem.ready === true : false

    readonly property var panels: [
        {
            name: "images", label: qsTr("Images"), section: qsTr("Workbench"), built: true,
            summary: qsTr("The templates containers start from: a stack of read-only layers plus settings."),
            plans: [qsTr("Pull an image from a registry, through your registry mirror if you set one."),
                    qsTr("See each image's tags, size and history, and what every layer added."),
                    qsTr("Browse the files of a layer, and remove images you no longer need.")],
            dockerCommands: ["docker pull", "docker images", "docker history", "docker rmi", "docker push", "docker save", "docker load"],
            // Already in the CLI, ahead of this panel.
            commandsNow: [
                { command: "berth pull IMAGE", what: qsTr("download an image, through your registry mirror if you set one"), panel: "", panelLabel: "" },
                { command: "berth images", what: qsTr("list the images this computer has"), panel: "", panelLabel: "" },
                { command: "berth image inspect IMAGE", what: qsTr("an image's configuration and layers, as JSON"), panel: "", panelLabel: "" }
            ]
        },
        {
            name: "containers", label: qsTr("Containers"), section: qsTr("Workbench"), built: true,
            summary: qsTr("Processes started from an image, isolated by namespaces and limited by cgroups."),
            plans: [qsTr("Run a container from an image, with ports, volumes and limits chosen in a form."),
                    qsTr("Start, stop and remove containers; read their logs as they are written."),
                    qsTr("Open a terminal inside a running container and watch its CPU and memory.")],
            dockerCommands: ["docker run", "docker ps -a", "docker logs", "docker exec", "docker stats"]
        },
        {
            name: "volumes", label: qsTr("Volumes"), section: qsTr("Workbench"), built: true,
            summary: qsTr("Storage that outlives containers: named volumes and folders of this computer."),
            plans: [qsTr("Create and remove named volumes, and see which containers use each."),
                    qsTr("Browse the files in a volume.")],
            dockerCommands: ["docker volume create", "docker volume ls", "docker volume rm"]
        },
        {
            name: "networks", label: qsTr("Networks"), section: qsTr("Workbench"), built: false,
            summary: qsTr("How containers reach each other and the outside: bridges, addresses and published ports."),
            plans: [qsTr("See each bridge network, its subnet, and the containers attached to it."),
                    qsTr("See which ports of this computer lead into which container.")],
            dockerCommands: ["docker network ls", "docker network inspect", "docker port"]
        },
        {
            name: "dockerfile", label: qsTr("Dockerfile"), section: qsTr("Workbench"), built: false,
            summary: qsTr("The recipe an image is built from, one instruction per layer."),
            plans: [qsTr("Edit a Dockerfile as text or as a list of steps, with mistakes pointed out as you type."),
                    qsTr("Build it and follow each step's output, with steps taken from the cache marked.")],
            dockerCommands: ["docker build"]
        },
        {
            name: "learn", label: qsTr("Learn"), section: qsTr("Understand"), built: false,
            summary: qsTr("What a container really is, shown with the engine on this computer."),
            plans: [qsTr("Short lessons that run real commands: layers, namespaces, cgroups, ports."),
                    qsTr("Each lesson links to the panel and the berth command that does the same.")],
            dockerCommands: []
        },
        {
            name: "system", label: qsTr("System"), section: qsTr("Engine"), built: true,
            summary: "", plans: [], dockerCommands: []
        },
        {
            name: "settings", label: qsTr("Settings"), section: qsTr("Engine"), built: true,
            summary: "", plans: [], dockerCommands: []
        }
    ]

    function indexOfPanel(name) {
        for (let i = 0; i < panels.length; ++i) {
            if (panels[i].name === name)
                return i
        }
        return -1
    }

    function showPanel(name) {
        const index = indexOfPanel(name)
        if (index >= 0)
            sidebar.currentIndex = index
    }

    function activateCurrentPage() {
        pages.currentItem = pages.children[pages.currentIndex] || null
        if (pages.currentItem && pages.currentItem.activated)
            pages.currentItem.activated()
    }

    // Ctrl+1 … Ctrl+8 open the panels in sidebar order, wherever the focus is.
    Instantiator {
        model: workbench.panels.length
        delegate: Shortcut {
            required property int index
            sequence: "Ctrl+" + (index + 1)
            onActivated: workbench.sidebar.currentIndex = index
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            Sidebar {
                id: sidebar
                Layout.fillHeight: true
                Layout.preferredWidth: workbench.width < 1000 ? 200 : 216
                panels: workbench.panels
                currentIndex: Math.max(0, workbench.indexOfPanel(workbench.initialPage || "system"))
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 0

                StackLayout {
                    id: pages
                    objectName: "pages"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    currentIndex: sidebar.currentIndex
                    // Set by hand: a binding on children[currentIndex] is not re-evaluated when
                    // the pages are added.
                    property Item currentItem: null
                    onCurrentIndexChanged: workbench.activateCurrentPage()

                    // In sidebar order: the StackLayout shows child N for panel N.
                    ImagesPage {
                        id: imagesPage
                        // Run… on an image: the Run dialog on the Containers panel, image filled in.
                        onRunRequested: reference => {
                            workbench.showPanel("containers")
                            containersPage.openRun(reference)
                        }
                    }
                    ContainersPage { id: containersPage }
                    VolumesPage { id: volumesPage }
                    PlaceholderPage { panel: workbench.panels[3]; onOpenPanel: name => workbench.showPanel(name) }
                    PlaceholderPage { panel: workbench.panels[4]; onOpenPanel: name => workbench.showPanel(name) }
                    PlaceholderPage { panel: workbench.panels[5]; onOpenPanel: name => workbench.showPanel(name) }
                    SystemPage { onOpenPanel: name => workbench.showPanel(name) }
                    SettingsPage {}
                }

                CommandStrip {
                    Layout.fillWidth: true
                    command: Helper.lastCommand
                }
            }
        }

        StatusLine {
            Layout.fillWidth: true
        }
    }

    // When the helper comes back (Retry, or it was started), a panel that could not load
    // asks again.
    Connections {
        target: Helper
        function onReachableChanged() {
            if (Helper.reachable && pages.currentItem && pages.currentItem.helperReturned)
                pages.currentItem.helperReturned()
        }
    }

    // An image archive dropped anywhere on the window is loaded (`berth load -i PATH`),
    // with its progress on the Images panel.
    DropArea {
        id: dropArea
        objectName: "archiveDropArea"
        anchors.fill: parent
        // The one dropped file, if it is an archive Berth can load; else the drop is refused.
        property url archiveUrl
        onEntered: drag => {
            const usable = drag.hasUrls && drag.urls.length === 1 && imagesPage.isArchiveUrl(drag.urls[0])
            archiveUrl = usable ? drag.urls[0] : ""
            drag.accepted = usable
            if (usable)
                drag.acceptProposedAction()
        }
        onExited: archiveUrl = ""
        onDropped: drop => {
            if (archiveUrl.toString().length === 0) {
                drop.accepted = false
                return
            }
            const url = archiveUrl
            archiveUrl = ""
            drop.acceptProposedAction()
            workbench.showPanel("images")
            imagesPage.loadArchive(url)
        }

        Rectangle {
            objectName: "dropHint"
            anchors.fill: parent
            anchors.margins: 8
            visible: dropArea.containsDrag && dropArea.archiveUrl.toString().length > 0
            color: Qt.rgba(0.84, 0.93, 0.97, 0.85)
            border.color: Theme.accent
            border.width: 3
            radius: 8
            Label {
                anchors.centerIn: parent
                width: parent.width - 80
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                text: qsTr("Drop to load the images in %1").arg(decodeURIComponent(dropArea.archiveUrl.toString().split("/").pop()))
                font.pointSize: Qt.application.font.pointSize * Theme.headingScale
                font.weight: Font.DemiBold
                color: Theme.accentStrong
            }
        }
    }

    Component.onCompleted: {
        activateCurrentPage()
        sidebar.list.forceActiveFocus()
    }
}
