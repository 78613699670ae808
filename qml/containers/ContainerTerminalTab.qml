import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// A shell inside the running container, as `berth exec -it NAME sh`: the program runs on a
// new terminal shown here, sized to this view; when it ends its exit code is shown and it
// can be started again. A stopped container cannot run one, and the tab says so.
// A container run with -t also offers Attach, as `berth attach NAME`: the view then shows the
// terminal of the container's own main process; detaching leaves it running.
ColumnLayout {
    id: tab
    objectName: "containerTerminalTab"
    property var details
    property var model
    readonly property alias shell: shell
    readonly property alias attachment: attachment
    readonly property alias terminal: terminalView
    /// "shell" (exec a program) or "attach" (the main process's terminal).
    property string mode: "shell"
    readonly property bool canAttach: details ? details.loaded && details.tty : false
    readonly property string commandLine: mode === "attach" ? attachment.commandLine : shell.commandLine
    readonly property bool running: details ? details.containerState === "running" : false
    readonly property bool sessionActive: shell.phase === "running" || shell.phase === "starting"
                                          || attachment.phase === "attached"
    spacing: 6

    onCommandLineChanged: if (visible && shell.name.length > 0) Helper.showCommand(commandLine)
    onCanAttachChanged: if (!canAttach && attachment.phase !== "attached") mode = "shell"

    ContainerShell {
        id: shell
        name: tab.details && tab.details.loaded ? tab.details.containerName : ""
        command: commandField.text
        channel: channel
        onPhaseChanged: if (phase === "running") terminalView.forceActiveFocus()
    }
    PtyChannel {
        id: channel
        // Keys go to the session of the mode shown, never to both.
        view: tab.mode === "shell" ? terminalView : null
    }
    ContainerAttachment {
        id: attachment
        name: shell.name
        view: tab.mode === "attach" ? terminalView : null
        sendInput: tab.details ? tab.details.openStdin : false
        onPhaseChanged: if (phase === "attached") terminalView.forceActiveFocus()
    }

    RowLayout {
        objectName: "terminalModes"
        visible: tab.canAttach
        spacing: 0
        Button {
            objectName: "terminalModeShell"
            text: qsTr("New shell (exec)")
            checkable: true
            checked: tab.mode === "shell"
            enabled: !tab.sessionActive
            onClicked: tab.mode = "shell"
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Run another program in the container, on a terminal of its own.")
        }
        Button {
            objectName: "terminalModeAttach"
            text: qsTr("Main process (attach)")
            checkable: true
            checked: tab.mode === "attach"
            enabled: !tab.sessionActive
            onClicked: tab.mode = "attach"
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Show the terminal of the container's own command, started with -t.")
        }
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
        visible: tab.mode === "shell"
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

    RowLayout {
        visible: tab.mode === "attach"
        Layout.fillWidth: true
        spacing: 10
        Button {
            objectName: "terminalAttach"
            text: attachment.phase === "idle" ? qsTr("Attach") : qsTr("Attach again")
            visible: attachment.phase !== "attached"
            enabled: tab.running
            onClicked: attachment.attach()
        }
        Button {
            objectName: "terminalDetach"
            text: qsTr("Detach")
            visible: attachment.phase === "attached"
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Stop showing it here; the container keeps running. Keys: ctrl-p ctrl-q.")
            onClicked: attachment.detach()
        }
        Label {
            objectName: "attachStatus"
            Layout.fillWidth: true
            elide: Text.ElideRight
            color: attachment.phase === "failed" || (attachment.phase === "exited" && attachment.exitCode !== 0)
                   ? Theme.negativeText : Theme.mutedText
            text: attachment.phase === "attached"
                  ? (attachment.sendInput ? qsTr("Attached: keys go to the container's main process; ctrl-p ctrl-q detaches.")
                                          : qsTr("Attached, watching only: it was started without -i, so it takes no keys."))
                : attachment.phase === "detached" ? qsTr("Detached; %1 keeps running.").arg(shell.name)
                : attachment.phase === "exited" ? qsTr("The container exited with code %1").arg(attachment.exitCode)
                : attachment.phase === "failed" ? attachment.error
                : qsTr("Its main process runs on a terminal (-t): attach to see it and type into it.")
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
        visible: tab.running || shell.phase !== "idle" || attachment.phase !== "idle"
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
            opacity: (tab.mode === "shell" ? shell.phase : attachment.phase) === "idle" ? 0.4 : 1
        }
        Label {
            anchors.centerIn: parent
            visible: (tab.mode === "shell" ? shell.phase : attachment.phase) === "idle"
            text: !tab.running ? ""
                : tab.mode === "shell" ? qsTr("Press Open shell to run %1 in the container.").arg(commandField.text)
                : qsTr("Press Attach to show the container's own terminal.")
            color: Theme.terminalText
        }
    }
}
