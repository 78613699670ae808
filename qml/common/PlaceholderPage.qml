import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A panel that is not built yet says so plainly, says what it will do, and points to what
// works today.
ScrollView {
    id: page
    // { name, label, summary, plans: [..], dockerCommands: [..], commandsNow: [..] } from
    // Workbench.qml's panels.
    property var panel: ({})
    readonly property bool ready: true
    signal openPanel(string name)

    objectName: "placeholder-" + (panel.name || "")
    contentWidth: availableWidth
    clip: true

    // What exists on the command line now; each row leads to the panel that shows it.
    readonly property var availableCommands: [
        { command: "berth info", what: qsTr("what the engine and this computer support"), panel: "system", panelLabel: qsTr("Open System") },
        { command: "berth config get | set | unset", what: qsTr("the engine's settings, like Docker's daemon.json"), panel: "settings", panelLabel: qsTr("Open Settings") },
        { command: "berth version", what: qsTr("the versions of the client and the helper"), panel: "", panelLabel: "" }
    ]

    ColumnLayout {
        width: Math.min(page.availableWidth - 2 * Theme.margin, 900)
        x: Theme.margin
        spacing: 16

        Item { Layout.preferredHeight: 4 }

        PageHeader {
            Layout.fillWidth: true
            title: page.panel.label || ""
            subtitle: page.panel.summary || ""
            Chip {
                text: qsTr("Not built yet")
                tone: "neutral"
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: notice.implicitHeight + 24
            radius: Theme.radius
            color: Theme.neutralSoft
            border.color: Theme.neutral
            Label {
                id: notice
                objectName: "placeholderNotice"
                anchors.fill: parent
                anchors.margins: 12
                wrapMode: Text.WordWrap
                text: qsTr("This panel is not built yet in this version of Berth. Nothing on it works today; "
                           + "the commands listed below do.")
            }
        }

        Card {
            Layout.fillWidth: true
            title: qsTr("What it will do")
            Repeater {
                model: page.panel.plans || []
                RowLayout {
                    required property string modelData
                    Layout.fillWidth: true
                    spacing: 10
                    Rectangle {
                        Layout.preferredWidth: 6
                        Layout.preferredHeight: 6
                        Layout.alignment: Qt.AlignTop
                        Layout.topMargin: 7
                        radius: 3
                        color: Theme.accent
                    }
                    Label {
                        text: modelData
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                }
            }
            Label {
                visible: (page.panel.dockerCommands || []).length > 0
                text: qsTr("Docker users know this as:")
                color: Theme.mutedText
                Layout.topMargin: 4
            }
            Flow {
                visible: (page.panel.dockerCommands || []).length > 0
                Layout.fillWidth: true
                spacing: 6
                Repeater {
                    model: page.panel.dockerCommands || []
                    Rectangle {
                        required property string modelData
                        implicitWidth: dockerText.implicitWidth + 14
                        implicitHeight: dockerText.implicitHeight + 6
                        radius: Theme.radius
                        color: Theme.alternateView
                        border.color: Theme.border
                        Label {
                            id: dockerText
                            anchors.centerIn: parent
                            text: parent.modelData
                            font.family: Theme.monospace
                        }
                    }
                }
            }
        }

        Card {
            Layout.fillWidth: true
            title: qsTr("What works today")
            subtitle: qsTr("These berth commands exist now, in a terminal and in the panels beside them:")
            Repeater {
                model: (page.panel.commandsNow || []).concat(page.availableCommands)
                RowLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: 12
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            text: modelData.command
                            font.family: Theme.monospace
                            Layout.fillWidth: true
                            wrapMode: Text.WrapAnywhere
                        }
                        Label {
                            text: modelData.what
                            color: Theme.mutedText
                            Layout.fillWidth: true
                            wrapMode: Text.WordWrap
                        }
                    }
                    Button {
                        objectName: "open-" + modelData.panel
                        visible: modelData.panel.length > 0
                        Layout.minimumWidth: 120
                        text: modelData.panelLabel
                        // Top, not centred: Qt 6.4 can leave this row's height stale after the
                        // wrapped labels settle, which would centre the button into the next row.
                        Layout.alignment: Qt.AlignTop
                        onClicked: page.openPanel(modelData.panel)
                    }
                }
            }
        }

        Item { Layout.preferredHeight: Theme.margin }
    }
}
