import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

ApplicationWindow {
    id: window
    width: 1100
    height: 720
    visible: true
    title: qsTr("Berth")

    // Set from --page; empty opens the System panel.
    property string initialPage: ""
    // Read by --screenshot: true once the current panel shows its data or an error.
    property bool currentPageReady: pages.currentItem ? pages.currentItem.ready === true : false

    readonly property var panels: [
        { name: "images", label: qsTr("Images"), glyph: "▣", summary: qsTr("Pull, inspect and explore images layer by layer."), command: "berth images" },
        { name: "containers", label: qsTr("Containers"), glyph: "▶", summary: qsTr("Run, stop and look inside containers: logs, terminal, stats."), command: "berth ps -a" },
        { name: "volumes", label: qsTr("Volumes"), glyph: "◫", summary: qsTr("Named volumes and bind mounts that keep data outside containers."), command: "berth volume ls" },
        { name: "networks", label: qsTr("Networks"), glyph: "⇄", summary: qsTr("Bridges, published ports and how containers reach each other."), command: "berth network ls" },
        { name: "dockerfile", label: qsTr("Dockerfile"), glyph: "✎", summary: qsTr("Edit a Dockerfile as text or visually, and build it."), command: "berth build ." },
        { name: "learn", label: qsTr("Learn"), glyph: "?", summary: qsTr("What a container really is: layers, namespaces, cgroups, ports."), command: "" },
        { name: "system", label: qsTr("System"), glyph: "⚙", summary: "", command: "berth info" },
        { name: "settings", label: qsTr("Settings"), glyph: "☰", summary: "", command: "berth config get" }
    ]

    function indexOfPanel(name) {
        for (let i = 0; i < panels.length; ++i)
            if (panels[i].name === name)
                return i
        return -1
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Pane {
            Layout.fillHeight: true
            Layout.preferredWidth: 190
            padding: 0
            background: Rectangle { color: palette.alternateBase }

            ColumnLayout {
                anchors.fill: parent
                spacing: 0
                Label {
                    text: "Berth"
                    font.pixelSize: 22
                    font.bold: true
                    Layout.margins: 16
                }
                ListView {
                    id: sidebar
                    objectName: "sidebar"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    model: window.panels
                    currentIndex: Math.max(0, window.indexOfPanel(window.initialPage || "system"))
                    keyNavigationEnabled: true
                    focus: true
                    delegate: ItemDelegate {
                        required property var modelData
                        required property int index
                        width: ListView.view.width
                        objectName: "sidebar-" + modelData.name
                        text: modelData.glyph + "   " + modelData.label
                        highlighted: ListView.isCurrentItem
                        onClicked: sidebar.currentIndex = index
                    }
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            StackLayout {
                id: pages
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: sidebar.currentIndex
                readonly property Item currentItem: children[currentIndex] || null
                onCurrentIndexChanged: {
                    const panel = window.panels[currentIndex]
                    if (panel && panel.command)
                        Helper.showCommand(panel.command)
                    if (currentItem && currentItem.activated)
                        currentItem.activated()
                }

                Repeater {
                    model: window.panels.slice(0, 6)
                    PlaceholderPage {
                        required property var modelData
                        title: modelData.label
                        summary: modelData.summary
                        command: modelData.command
                    }
                }
                SystemPage { id: systemPage }
                SettingsPage { id: settingsPage }
            }

            CommandStrip {
                Layout.fillWidth: true
                command: Helper.lastCommand
            }
            StatusLine {
                Layout.fillWidth: true
            }
        }
    }

    Component.onCompleted: {
        const panel = panels[sidebar.currentIndex]
        if (panel.command)
            Helper.showCommand(panel.command)
        if (pages.currentItem && pages.currentItem.activated)
            pages.currentItem.activated()
    }
}
