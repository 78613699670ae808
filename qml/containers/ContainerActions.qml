import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The lifecycle buttons for one container, enabled by its state: start, stop, restart,
// pause or unpause, kill, remove. The list's toolbar and the container page share them.
RowLayout {
    id: actions
    property var model
    // The container's name (what the berth commands take) and its state.
    property string name
    property string containerState
    readonly property bool hasContainer: name.length > 0
    readonly property bool alive: containerState === "running" || containerState === "paused"
    readonly property bool busy: model ? model.busy : false
    signal removeRequested(string name)
    spacing: Theme.gap

    Button {
        objectName: "startButton"
        text: qsTr("Start")
        enabled: actions.hasContainer && !actions.alive && actions.containerState !== "restarting" && !actions.busy
        onClicked: actions.model.start(actions.name)
    }
    Button {
        objectName: "stopButton"
        text: qsTr("Stop")
        enabled: actions.hasContainer && (actions.alive || actions.containerState === "restarting") && !actions.busy
        ToolTip.visible: hovered
        ToolTip.delay: 600
        ToolTip.text: qsTr("Send the stop signal, then SIGKILL if it is still running after its timeout (10 s)")
        onClicked: actions.model.stop(actions.name)
    }
    Button {
        objectName: "restartButton"
        text: qsTr("Restart")
        enabled: actions.hasContainer && !actions.busy
        onClicked: actions.model.restart(actions.name)
    }
    Button {
        objectName: "pauseButton"
        readonly property bool paused: actions.containerState === "paused"
        text: paused ? qsTr("Unpause") : qsTr("Pause")
        enabled: actions.hasContainer && actions.alive && !actions.busy
        ToolTip.visible: hovered
        ToolTip.delay: 600
        ToolTip.text: paused ? qsTr("Let its processes run again (cgroup freezer)")
                             : qsTr("Freeze all its processes (cgroup freezer) without stopping them")
        onClicked: paused ? actions.model.unpause(actions.name) : actions.model.pause(actions.name)
    }
    Button {
        objectName: "killButton"
        text: qsTr("Kill")
        enabled: actions.hasContainer && actions.alive && !actions.busy
        ToolTip.visible: hovered
        ToolTip.delay: 600
        ToolTip.text: qsTr("Send SIGKILL: the processes end at once, without cleaning up")
        onClicked: actions.model.kill(actions.name, "KILL")
    }
    Button {
        objectName: "removeButton"
        text: qsTr("Remove…")
        enabled: actions.hasContainer && !actions.busy
        onClicked: actions.removeRequested(actions.name)
    }
}
