import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// A shell inside the running container, as `berth exec -it NAME sh`: the program runs on a
// new terminal shown here, sized to this view; when it ends its exit code is shown and it
// can be started again. A stopped container cannot run one, and the tab says so.
ColumnLayout {
    id: tab
    objectName: "containerTerminalTab"
    property var details
    property var model
    readonly property alias shell: shell
    readonly property alias terminal: terminalView
    readonly property string commandLine: shell.commandLine
    readonly property bool running: details ? details.containerState === "running" : false
    readonly property bool sessionActive: shell.phase === "running" || shell.phase === "starting"
    spacing: 6

    onCommandLineChanged: if (visible && shell.name.length > 0) Helper.showCommand(commandLine)

    ContainerShell {
        id: shell
        name: tab.details && tab.details.loaded ? tab.details.containerName : ""
        command: commandField.text
        channel: channel
        onPhaseChanged: if (phase === "running") terminalView.forceActiveFocus()
    }
    PtyChannel {
        id: channel
        view: terminalView
    }

    Label {
        objectName: "terminalNotRunning"
        visible: tab.details && tab.details.loaded && !tab.running && !tab.sessionActive
        text: tab.details && tab.details.containerState === "paused"
              ? qsTr("%1 is paused: its processes are frozen, so no shell can start in it. Unpause it first.").arg(shell.name)
              : qsTr("%1 is not running (%2). A shell runs among the container's own processes, so start the container first.")
                .arg(shell.name).arg(tab.details ? tab.details.statusText : "")
        wrapMode: Text.WordWrap
        color: Theme.mutedText
        Layout.fillWidth: true
    }
    Button {
        objectName: "terminalStartContainer"
        visible: tab.details && tab.details.loaded && !tab.running && tab.details.containerState !== "paused" && !tab.sessionActive
        enabled: tab.model && !tab.model.busy
        text: qsTr("Start %1").arg(shell.name)
        onClicked: tab.model.start(shell.name)
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: 10
        Label { text: qsTr("Command") }
        TextField {
            id: commandField
            objectName: "terminalCommand"
            text: "sh"
            selectByMouse: true
            enabled: !tab.sessionActive
            font.family: Theme.monospace
            Layout.preferredWidth: 260
            onAccepted: if (openButton.enabled) shell.start()
        }
        Button {
            id: openButton
            objectName: "terminalOpen"
            text: shell.phase === "exited" || shell.phase === "failed" ? qsTr("Start again") : qsTr("Open shell")
            enabled: tab.running && !tab.sessionActive && shell.commandProblem.length === 0
            onClicked: shell.start()
        }
        Button {
            objectName: "terminalClose"
            text: qsTr("Close")
            visible: tab.sessionActive
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Close the terminal: the program gets a hang-up signal (SIGHUP).")
            onClicked: shell.close()
        }
        Label {
            objectName: "terminalStatus"
            Layout.fillWidth: true
            elide: Text.ElideRight
            color: shell.phase === "failed" ? Theme.negativeText
                 : shell.phase === "exited" && shell.exitCode !== 0 ? Theme.negativeText : Theme.mutedText
            text: shell.phase === "starting" ? qsTr("Starting…")
                : shell.phase === "running" ? qsTr("%1 × %2").arg(terminalView.columns).arg(terminalView.rows)
                : shell.phase === "exited" ? qsTr("Process exited with code %1").arg(shell.exitCode)
                : shell.phase === "failed" ? shell.error
                : shell.commandProblem
        }
    }

    // A stopped container with no session yet has nothing to show here.
    Item {
        visible: !terminalFrame.visible
        Layout.fillHeight: true
    }
    Rectangle {
        id: terminalFrame
        objectName: "terminalFrame"
        visible: tab.running || shell.phase !== "idle"
        Layout.fillWidth: true
        Layout.fillHeight: true
        color: terminalView.backgroundColor
        border.color: terminalView.activeFocus ? Theme.accent : Theme.border
        radius: Theme.radius

        TerminalView {
            id: terminalView
            objectName: "terminalView"
            anchors.fill: parent
            anchors.margins: 6
            font.family: Theme.monospace
            opacity: shell.phase === "idle" ? 0.4 : 1
        }
        Label {
            anchors.centerIn: parent
            visible: shell.phase === "idle"
            text: tab.running ? qsTr("Press Open shell to run %1 in the container.").arg(commandField.text) : ""
            color: Theme.terminalText
        }
    }
}
