import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// InspectContainer laid out: what the container runs, when it ran and how it ended, the
// limits and restart policy it was given, and what is mounted into it.
ScrollView {
    id: tab
    objectName: "containerOverviewTab"
    property var details
    contentWidth: availableWidth
    clip: true

    component Fact: RowLayout {
        property string label
        property string value
        property string name
        property bool monospace: true
        visible: value.length > 0
        Layout.fillWidth: true
        spacing: 12
        Label {
            text: parent.label
            color: Theme.mutedText
            Layout.preferredWidth: 160
            Layout.alignment: Qt.AlignTop
            wrapMode: Text.WordWrap
        }
        TextEdit {
            objectName: parent.name
            text: parent.value
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.WrapAnywhere
            font.family: parent.monospace ? Theme.monospace : Qt.application.font.family
            color: Theme.text
            Layout.fillWidth: true
        }
    }

    ColumnLayout {
        width: tab.availableWidth
        spacing: 12

        Card {
            Layout.fillWidth: true
            title: qsTr("Container")
            Fact { label: qsTr("ID"); value: tab.details.id; name: "factId" }
            Fact { label: qsTr("Image"); value: tab.details.image; name: "factImage" }
            Fact { label: qsTr("Image ID"); value: tab.details.imageId; name: "factImageId" }
            Fact { label: qsTr("Command"); value: tab.details.command; name: "factCommand" }
            Fact { label: qsTr("Entrypoint"); value: tab.details.entrypoint; name: "factEntrypoint" }
            Fact { label: qsTr("Working directory"); value: tab.details.workingDir }
            Fact { label: qsTr("User"); value: tab.details.user }
            Fact { label: qsTr("Host name"); value: tab.details.hostname; name: "factHostname" }
            Fact { label: qsTr("Network"); value: tab.details.networkMode; name: "factNetwork" }
        }
        Card {
            Layout.fillWidth: true
            title: qsTr("Life")
            subtitle: qsTr("When it was created, started and last stopped, and how its last run ended.")
            Fact { label: qsTr("Status"); value: tab.details.statusText; name: "factStatus"; monospace: false }
            Fact { label: qsTr("Created"); value: tab.details.createdText; name: "factCreated"; monospace: false }
            Fact { label: qsTr("Started"); value: tab.details.startedText; name: "factStarted"; monospace: false }
            Fact {
                label: qsTr("Finished")
                value: tab.details.alive ? "" : tab.details.finishedText
                name: "factFinished"
                monospace: false
            }
            Fact {
                label: qsTr("Exit code")
                value: tab.details.loaded && !tab.details.alive && tab.details.finishedText.length > 0
                       ? String(tab.details.exitCode) + (tab.details.oomKilled ? "  " + qsTr("(killed: out of memory)") : "")
                       : ""
                name: "factExitCode"
            }
            Fact { label: qsTr("Main process (host PID)"); value: tab.details.pid > 0 ? String(tab.details.pid) : ""; name: "factPid" }
            Fact { label: qsTr("Error"); value: tab.details.stateError; name: "factError"; monospace: false }
            RowLayout {
                visible: tab.details.loaded
                Layout.fillWidth: true
                spacing: 12
                Label {
                    text: qsTr("Size on disk")
                    color: Theme.mutedText
                    Layout.preferredWidth: 160
                }
                Label {
                    objectName: "factSize"
                    visible: text.length > 0
                    text: tab.details.sizeText
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                }
                Button {
                    objectName: "measureSize"
                    text: tab.details.measuringSize ? qsTr("Measuring…") : tab.details.sizeText.length > 0 ? qsTr("Measure again") : qsTr("Measure")
                    enabled: !tab.details.measuringSize
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Add up the files it wrote to its own layer (berth ps -s); a container that wrote much takes a while.")
                    onClicked: tab.details.measureSize()
                }
            }
        }
        Card {
            Layout.fillWidth: true
            title: qsTr("Limits and restart")
            subtitle: qsTr("Set at creation with -m, --cpus, --pids-limit, --restart and --rm; enforced by cgroups.")
            Fact {
                label: qsTr("Restart policy")
                value: tab.details.restartPolicy + (tab.details.restartCount > 0 ? "  " + qsTr("(restarted %n times)", "", tab.details.restartCount) : "")
                name: "factRestart"
            }
            Fact { label: qsTr("Removed when it exits"); value: tab.details.loaded ? (tab.details.autoRemove ? qsTr("yes") : qsTr("no")) : ""; name: "factAutoRemove"; monospace: false }
            Fact { label: qsTr("Memory"); value: tab.details.loaded ? (tab.details.memoryLimit || qsTr("no limit")) : ""; name: "factMemory" }
            Fact { label: qsTr("CPUs"); value: tab.details.loaded ? (tab.details.cpuLimit || qsTr("no limit")) : ""; name: "factCpus" }
            Fact { label: qsTr("Processes"); value: tab.details.loaded ? (tab.details.pidsLimit || qsTr("no limit")) : ""; name: "factPids" }
        }
        Card {
            Layout.fillWidth: true
            title: qsTr("Mounts")
            subtitle: tab.details.mounts.length === 0 ? qsTr("Nothing of this computer is mounted into it: its files live in its own layer only.")
                                                      : qsTr("Folders of this computer and volumes it sees, at the paths it sees them.")
            Repeater {
                model: tab.details.mounts
                RowLayout {
                    required property var modelData
                    required property int index
                    objectName: "mount-" + index
                    Layout.fillWidth: true
                    spacing: 10
                    Label {
                        objectName: "mountText"
                        text: modelData.source + "  →  " + modelData.destination
                        font.family: Theme.monospace
                        wrapMode: Text.WrapAnywhere
                        Layout.fillWidth: true
                    }
                    Chip {
                        text: modelData.readOnly ? qsTr("read-only") : qsTr("read-write")
                        tone: modelData.readOnly ? "plain" : "neutral"
                    }
                }
            }
        }
        Card {
            Layout.fillWidth: true
            visible: tab.details.env.length > 0
            title: qsTr("Environment")
            Fact { label: qsTr("Variables"); value: tab.details.env.join("\n"); name: "factEnv" }
        }
    }
}
