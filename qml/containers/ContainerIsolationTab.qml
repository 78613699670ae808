import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// What keeps this container apart from the computer, read from the kernel while it runs
// (ContainerIsolation): its first process's PID inside and outside, each namespace against
// the host's, its hostname, mounts, cgroup limits, capabilities and system-call filter, each
// with a sentence saying what it means. A stopped container has none of these: the tab says
// so and offers Start.
ScrollView {
    id: tab
    objectName: "containerIsolationTab"
    property var details
    property var model
    readonly property alias report: report
    readonly property bool running: details ? details.alive : false
    readonly property string containerName: details && details.loaded ? details.containerName : ""
    // The closest the CLI comes: the same kernel files, read from inside.
    readonly property string commandLine: "berth exec " + containerName + " cat /proc/1/status /proc/1/mountinfo"
    contentWidth: availableWidth
    clip: true
    onCommandLineChanged: if (visible && containerName.length > 0) Helper.showCommand(commandLine)

    IsolationReport {
        id: report
        name: tab.containerName
    }
    function refresh() {
        if (tab.visible && tab.running && tab.containerName.length > 0)
            report.reload()
    }
    onVisibleChanged: if (visible) refresh()
    onRunningChanged: refresh()
    onContainerNameChanged: refresh()
    // A restart gives it a new first process, with new namespaces.
    Connections {
        target: tab.details
        function onChanged() {
            if (tab.details.startedText !== tab.lastStarted) {
                tab.lastStarted = tab.details.startedText
                tab.refresh()
            }
        }
    }
    property string lastStarted

    readonly property bool showing: tab.running && report.loaded

    function namespaceMeaning(type, shared) {
        switch (type) {
        case "mnt": return shared ? qsTr("It sees this computer's mounts.")
                                  : qsTr("Its own list of mounts: its image's files are its /, and this computer's other mounts are out of sight.")
        case "pid": return shared ? qsTr("It sees every process of this computer (--pid host).")
                                  : qsTr("Its own process numbers: it sees only its own processes, the first one as PID 1.")
        case "uts": return shared ? qsTr("It shares this computer's hostname.")
                                  : qsTr("Its own hostname: renaming itself does not rename this computer.")
        case "ipc": return shared ? qsTr("It shares this computer's shared memory and message queues.")
                                  : qsTr("Its own shared memory and message queues, out of reach of this computer's programs.")
        case "net": return shared ? qsTr("It uses this computer's network interfaces and ports (--network host).")
                                  : qsTr("Its own network interfaces, routes and ports; with --network none only a loopback.")
        case "cgroup": return shared ? qsTr("It sees the cgroup tree with this computer's paths; its limits apply all the same.")
                                     : qsTr("Its own view of the cgroup tree: its cgroup looks like the root.")
        case "user": return shared ? qsTr("User ids are this computer's: root inside is root here, held back by the capabilities and the filter below.")
                                   : qsTr("Its own user ids: root inside maps to an unprivileged user here.")
        }
        return ""
    }
    function microsecondsText(quota, period) {
        if (quota <= 0 || period <= 0)
            return qsTr("no limit")
        return qsTr("%1 CPUs (%2 µs of CPU time every %3 µs)").arg(Number(quota / period).toLocaleString(Qt.locale(), "f", 2)).arg(quota).arg(period)
    }
    function bytesOrNone(value) {
        return value > 0 ? Helper.formatBytes(value) : qsTr("no limit")
    }
    function seccompText(mode) {
        return mode === 2 ? qsTr("2: filter. An allow-list of system calls; the others fail with \"operation not permitted\" (Docker's default profile).")
             : mode === 1 ? qsTr("1: strict. Only read, write, exit and sigreturn are allowed.")
             : qsTr("0: off. Every system call reaches the kernel (--privileged or --security-opt seccomp=unconfined).")
    }

    component Fact: RowLayout {
        property string label
        property string value
        property string name
        property bool monospace: true
        Layout.fillWidth: true
        spacing: 12
        Label {
            text: parent.label
            color: Theme.mutedText
            Layout.preferredWidth: 190
            Layout.alignment: Qt.AlignTop
            wrapMode: Text.WordWrap
        }
        TextEdit {
            objectName: parent.name
            text: parent.value
            readOnly: true
            selectByMouse: true
            // Sentences break between words; paths and ids anywhere.
            wrapMode: parent.monospace ? TextEdit.WrapAnywhere : TextEdit.Wrap
            font.family: parent.monospace ? Theme.monospace : Qt.application.font.family
            color: Theme.text
            Layout.fillWidth: true
        }
    }

    ColumnLayout {
        width: tab.availableWidth
        spacing: 12

        RowLayout {
            Layout.fillWidth: true
            spacing: 10
            Label {
                objectName: "isolationIntro"
                text: tab.running
                      ? qsTr("A container is an ordinary process of this computer that the kernel keeps apart. Below is what the kernel says about %1's first process right now.").arg(tab.containerName)
                      : ""
                visible: tab.running
                color: Theme.mutedText
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            BusyIndicator {
                running: report.loading
                visible: running
                Layout.preferredWidth: 24
                Layout.preferredHeight: 24
            }
            Button {
                objectName: "isolationRefresh"
                visible: tab.running
                text: qsTr("Read again")
                enabled: !report.loading
                onClicked: report.reload()
            }
        }

        Label {
            objectName: "isolationNotRunning"
            visible: tab.details && tab.details.loaded && !tab.running
            text: qsTr("%1 is not running (%2). Namespaces, cgroup limits and capabilities belong to running processes, so start it to see them.")
                  .arg(tab.containerName).arg(tab.details ? tab.details.statusText : "")
            wrapMode: Text.WordWrap
            color: Theme.mutedText
            Layout.fillWidth: true
        }
        Button {
            objectName: "isolationStartContainer"
            visible: tab.details && tab.details.loaded && !tab.running
            enabled: tab.model && !tab.model.busy
            text: qsTr("Start %1").arg(tab.containerName)
            onClicked: tab.model.start(tab.containerName)
        }
        Label {
            objectName: "isolationError"
            visible: tab.running && report.error.length > 0
            text: report.error
            color: Theme.negativeText
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        Card {
            objectName: "isolationProcess"
            visible: tab.showing
            Layout.fillWidth: true
            title: qsTr("Its first process")
            subtitle: qsTr("Inside, the first process sees itself as PID %1 and sees only the container's processes. This computer knows the same process as PID %2: a pid namespace gives the container its own numbering.")
                      .arg(report.pidInside).arg(report.hostPid)
            Fact { label: qsTr("PID inside"); value: String(report.pidInside); name: "isolationPidInside" }
            Fact { label: qsTr("PID on this computer"); value: String(report.hostPid); name: "isolationHostPid" }
            Fact {
                label: qsTr("PID in each namespace")
                value: (report.report.NSpid || []).join(" → ")
                name: "isolationNSpid"
            }
            Fact { label: qsTr("Command"); value: report.report.Command || ""; name: "isolationCommand" }
        }

        Card {
            objectName: "isolationNamespaces"
            visible: tab.showing
            Layout.fillWidth: true
            title: qsTr("Namespaces")
            subtitle: qsTr("Each namespace gives the container its own copy of one kind of thing. The numbers are the kernel's identities (inodes in /proc/PID/ns): different from this computer's means separate.")
                      + (report.report.HostNamespacesOf === "/proc/self"
                         ? " " + qsTr("This computer's are read from berth-helper's own, as PID 1's cannot be read here.") : "")
            Repeater {
                model: report.namespaces
                RowLayout {
                    required property var modelData
                    objectName: "namespace-" + modelData.Type
                    readonly property bool shared: modelData.Shared
                    Layout.fillWidth: true
                    spacing: 12
                    Label {
                        text: modelData.Type
                        font.family: Theme.monospace
                        font.bold: true
                        Layout.preferredWidth: 60
                        Layout.alignment: Qt.AlignTop
                    }
                    Chip {
                        text: modelData.Shared ? qsTr("shared") : qsTr("separate")
                        tone: modelData.Shared ? "neutral" : "positive"
                        Layout.preferredWidth: 80
                        Layout.alignment: Qt.AlignTop
                    }
                    ColumnLayout {
                        spacing: 2
                        Layout.fillWidth: true
                        Label {
                            text: tab.namespaceMeaning(modelData.Type, modelData.Shared)
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                        Label {
                            text: modelData.Shared ? qsTr("%1 here and on this computer").arg(modelData.Container)
                                                   : qsTr("%1 here, %2 on this computer").arg(modelData.Container).arg(modelData.Host)
                            font.family: Theme.monospace
                            color: Theme.mutedText
                            Layout.fillWidth: true
                        }
                    }
                }
            }
        }

        Card {
            objectName: "isolationHostname"
            visible: tab.showing
            Layout.fillWidth: true
            title: qsTr("Hostname")
            subtitle: report.report.Hostname === report.report.HostHostname
                      ? qsTr("Read inside its uts namespace: it has this computer's name.")
                      : qsTr("Read inside its uts namespace: the container has a name of its own (--hostname), while this computer keeps its own.")
            Fact { label: qsTr("Inside"); value: report.report.Hostname || ""; name: "isolationHostnameInside" }
            Fact { label: qsTr("This computer"); value: report.report.HostHostname || "" }
        }

        Card {
            objectName: "isolationMounts"
            visible: tab.showing
            Layout.fillWidth: true
            title: qsTr("Mounts")
            subtitle: qsTr("What it sees mounted, from its /proc/PID/mountinfo: %n mounts, the first its root. This computer has %1 of its own that the container cannot see.", "", report.mounts.length)
                      .arg(report.report.HostMountCount || 0)
            Repeater {
                model: report.mounts
                RowLayout {
                    required property var modelData
                    required property int index
                    objectName: "isolationMount-" + index
                    Layout.fillWidth: true
                    spacing: 10
                    Label {
                        text: modelData.MountPoint
                        font.family: Theme.monospace
                        font.bold: index === 0
                        elide: Text.ElideMiddle
                        Layout.preferredWidth: 230
                    }
                    Label {
                        text: modelData.FsType + "  " + modelData.Source
                        font.family: Theme.monospace
                        color: Theme.mutedText
                        elide: Text.ElideMiddle
                        Layout.fillWidth: true
                    }
                    Chip {
                        text: modelData.ReadOnly ? qsTr("read-only") : qsTr("read-write")
                        tone: modelData.ReadOnly ? "plain" : "neutral"
                    }
                }
            }
        }

        Card {
            objectName: "isolationCgroup"
            visible: tab.showing
            Layout.fillWidth: true
            title: qsTr("Cgroup limits")
            subtitle: qsTr("Its processes are in the cgroup %1 (cgroup %2). The kernel counts what they use there and holds them to these limits, whatever they try.")
                      .arg(report.cgroup.Path || "").arg(report.cgroup.Mode || "")
            Fact { label: qsTr("Memory"); value: tab.bytesOrNone(report.cgroup.MemoryLimit); name: "isolationMemoryLimit" }
            Fact { label: qsTr("Memory and swap"); value: tab.bytesOrNone(report.cgroup.MemorySwapLimit); name: "isolationSwapLimit" }
            Fact { label: qsTr("CPU"); value: tab.microsecondsText(report.cgroup.CpuQuota, report.cgroup.CpuPeriod); name: "isolationCpuLimit" }
            Fact {
                label: report.cgroup.CpuWeight !== undefined ? qsTr("CPU weight") : qsTr("CPU shares")
                value: String(report.cgroup.CpuWeight !== undefined ? report.cgroup.CpuWeight : report.cgroup.CpuShares)
                name: "isolationCpuShares"
            }
            Fact {
                label: qsTr("Processes")
                value: report.cgroup.PidsLimit > 0 ? String(report.cgroup.PidsLimit) : qsTr("no limit")
                name: "isolationPidsLimit"
            }
            Label {
                text: qsTr("Files read")
                color: Theme.mutedText
            }
            Repeater {
                model: report.cgroup.Files || []
                Label {
                    required property var modelData
                    text: modelData.File + " = " + modelData.Value
                    font.family: Theme.monospace
                    font.pointSize: Qt.application.font.pointSize * Theme.smallScale
                    color: Theme.mutedText
                    elide: Text.ElideLeft
                    Layout.fillWidth: true
                }
            }
        }

        Card {
            objectName: "isolationCapabilities"
            visible: tab.showing
            Layout.fillWidth: true
            title: qsTr("Capabilities")
            subtitle: qsTr("Root's powers come in pieces. Its processes hold %1 of the %2 this computer has (CapEff %3); the rest, such as mounting file systems or loading kernel modules, are gone for good.")
                      .arg(report.effectiveCapabilities.length).arg(report.hostCapabilities.length)
                      .arg(report.report.Capabilities ? report.report.Capabilities.Effective.Mask : "")
            Flow {
                objectName: "isolationEffective"
                Layout.fillWidth: true
                spacing: 6
                Repeater {
                    model: report.effectiveCapabilities
                    Chip { required property string modelData; text: modelData; tone: "positive" }
                }
            }
            Label {
                text: qsTr("Dropped")
                color: Theme.mutedText
            }
            Flow {
                objectName: "isolationDropped"
                Layout.fillWidth: true
                spacing: 6
                Repeater {
                    model: report.droppedCapabilities
                    Chip { required property string modelData; text: modelData }
                }
            }
        }

        Card {
            objectName: "isolationSeccomp"
            visible: tab.showing
            Layout.fillWidth: true
            title: qsTr("System calls")
            subtitle: qsTr("A seccomp filter checks each system call before the kernel runs it; no_new_privs stops a program from gaining privileges through setuid files.")
            Fact { label: qsTr("Seccomp"); value: tab.seccompText(report.seccompMode); name: "isolationSeccompMode"; monospace: false }
            Fact {
                label: qsTr("no_new_privs")
                value: report.noNewPrivileges ? qsTr("1: set (--security-opt no-new-privileges). A setuid program runs without gaining its owner's rights.")
                                              : qsTr("0: not set, as Docker leaves it unless run with --security-opt no-new-privileges. A setuid program inside may gain its owner's rights, within the capabilities above.")
                name: "isolationNoNewPrivs"
                monospace: false
            }
        }
    }
}
