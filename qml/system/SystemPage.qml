import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// What berth-helper knows of itself and this computer (`berth info`), laid out and
// explained: this page is where a newcomer first meets the kernel features a container
// is made of.
ScrollView {
    id: page
    objectName: "systemPage"
    readonly property var info: Helper.info
    readonly property bool hasInfo: Object.keys(info).length > 0
    readonly property bool failed: Helper.infoError.length > 0 || (!Helper.reachable && !hasInfo && !Helper.infoLoading)
    readonly property bool ready: !Helper.infoLoading && (hasInfo || failed)
    readonly property bool wide: availableWidth >= 860
    signal openPanel(string name)

    function activated() { Helper.refreshInfo() }
    function helperReturned() {
        if (!Helper.infoLoading && (failed || !hasInfo))
            Helper.refreshInfo()
    }
    function yesNo(flag) { return flag ? qsTr("yes") : qsTr("no") }
    function listOrNone(values) {
        return values && values.length > 0 ? values.join("\n") : qsTr("(none)")
    }
    function cgroupModeText(mode) {
        switch (mode) {
        case "v2": return qsTr("This computer uses cgroup v2: one unified tree holds every controller.")
        case "hybrid": return qsTr("This computer uses a hybrid layout: the old per-controller v1 trees do the limiting, and a v2 tree is mounted beside them.")
        case "v1": return qsTr("This computer uses cgroup v1: one tree per controller.")
        default: return qsTr("No cgroup hierarchy was found, so containers cannot be limited.")
        }
    }

    contentWidth: availableWidth
    clip: true

    ColumnLayout {
        width: page.availableWidth - 2 * Theme.margin
        x: Theme.margin
        spacing: 16

        Item { Layout.preferredHeight: 4 }

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("System")
            subtitle: qsTr("What Berth's engine reports about itself and this computer, and what each part is for.")
            BusyIndicator {
                running: Helper.infoLoading
                visible: running
                Layout.preferredWidth: 28
                Layout.preferredHeight: 28
            }
            Button {
                objectName: "refreshInfo"
                text: qsTr("Refresh")
                enabled: !Helper.infoLoading
                onClicked: Helper.refreshInfo()
            }
        }

        UnreachableNotice {
            visible: page.failed
            Layout.fillWidth: true
            message: Helper.infoError.length > 0 ? Helper.infoError : Helper.statusText
        }

        // Counts and space first: what someone opening the panel most often wants.
        GridLayout {
            visible: page.hasInfo
            Layout.fillWidth: true
            columns: page.wide ? 4 : 2
            columnSpacing: 12
            rowSpacing: 12
            StatTile { Layout.fillWidth: true; Layout.preferredWidth: 1; label: qsTr("Images"); value: String(page.info.Images ?? 0) }
            StatTile { Layout.fillWidth: true; Layout.preferredWidth: 1; label: qsTr("Containers"); value: String(page.info.Containers ?? 0) }
            StatTile { Layout.fillWidth: true; Layout.preferredWidth: 1; label: qsTr("Volumes"); value: String(page.info.Volumes ?? 0) }
            StatTile {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                label: qsTr("free of %1").arg(Helper.formatBytes(page.info.StorageTotalBytes || 0))
                value: Helper.formatBytes(page.info.StorageFreeBytes || 0)
            }
        }

        GridLayout {
            visible: page.hasInfo
            Layout.fillWidth: true
            columns: page.wide ? 2 : 1
            columnSpacing: 12
            rowSpacing: 12

            Card {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                title: qsTr("Engine")
                FactRow { label: qsTr("Version"); value: page.info.ServerVersion || "" }
                FactRow {
                    objectName: "storageRoot"
                    label: qsTr("Storage root")
                    value: page.info.StorageRoot || ""
                    monospace: true
                    explanation: qsTr("Where images, layers, containers and volumes are kept.")
                }
                FactRow {
                    label: qsTr("Storage driver")
                    value: qsTr("%1 on %2").arg(page.info.StorageDriver || "").arg(page.info.StorageFilesystem || "")
                }
            }
            Card {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                title: qsTr("This computer")
                FactRow {
                    objectName: "kernel"
                    label: qsTr("Kernel")
                    value: page.info.KernelVersion || ""
                    monospace: true
                    explanation: qsTr("Containers share this computer's kernel; there is no second operating system inside them.")
                }
                FactRow { label: qsTr("Operating system"); value: page.info.OperatingSystem || "" }
                FactRow {
                    label: qsTr("Processors and memory")
                    value: qsTr("%n CPU(s), %1", "", page.info.NCPU || 0).arg(Helper.formatBytes(page.info.MemTotal || 0))
                           + " · " + (page.info.Architecture || "")
                }
            }
        }

        ColumnLayout {
            visible: page.hasInfo
            Layout.fillWidth: true
            Layout.topMargin: 8
            spacing: 4
            Label {
                text: qsTr("Kernel features containers are made of")
                font.pointSize: Qt.application.font.pointSize * 1.3
                font.weight: Font.DemiBold
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
            }
            Label {
                text: qsTr("A container is an ordinary process that the kernel isolates and limits. "
                           + "The helper checked each of these features when it started.")
                color: Theme.mutedText
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
            }
        }

        GridLayout {
            visible: page.hasInfo
            Layout.fillWidth: true
            columns: page.wide ? 2 : 1
            columnSpacing: 12
            rowSpacing: 12

            FeatureCard {
                objectName: "namespaces"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                name: qsTr("Namespaces")
                available: true
                details: qsTr("user namespaces: %1 (%2)").arg(page.yesNo(page.info.UserNamespaces)).arg(page.info.UserNamespacesDetail || "")
                explanation: qsTr("Give a process its own view of the system: its own process numbers (it sees itself as PID 1), "
                                  + "mounts, network, host name and users. This isolation is what makes a process a container.")
                note: qsTr("User namespaces let root inside a container be an unprivileged user outside it.")
            }
            FeatureCard {
                objectName: "cgroups"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                name: "cgroups"
                available: (page.info.CgroupMode || "none") !== "none"
                details: qsTr("version %1 (%2)").arg(page.info.CgroupVersion || "?").arg(page.info.CgroupMode || "")
                         + ((page.info.CgroupV1Controllers || []).length > 0
                            ? "\n" + qsTr("v1 controllers: %1").arg(page.info.CgroupV1Controllers.join(", ")) : "")
                         + ((page.info.CgroupUnifiedMount || "").length > 0
                            ? "\n" + qsTr("v2 controllers: %1 (at %2)").arg((page.info.CgroupV2Controllers || []).join(", ") || qsTr("(none)"))
                                                                    .arg(page.info.CgroupUnifiedMount) : "")
                explanation: qsTr("Control groups count and limit what a group of processes may use: memory, CPU time, "
                                  + "the number of processes. Each container gets its own group.")
                note: page.cgroupModeText(page.info.CgroupMode || "none")
            }
            FeatureCard {
                objectName: "overlayfs"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                name: "overlayfs"
                available: page.info.OverlaySupported === true
                details: page.info.OverlayDetail || ""
                explanation: qsTr("Shows an image's read-only layers as one directory tree and puts a writable layer on top "
                                  + "for each container, so many containers share one copy of the image.")
            }
            FeatureCard {
                objectName: "seccomp"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                name: "seccomp"
                available: page.info.Seccomp === true
                details: qsTr("%1, libseccomp %2").arg(page.info.SeccompDetail || "").arg(page.info.LibseccompVersion || "?")
                explanation: qsTr("A filter on system calls, the requests a process makes to the kernel. A container is "
                                  + "refused calls it should never need, such as loading kernel modules.")
            }
        }

        Card {
            visible: page.hasInfo
            Layout.fillWidth: true
            Layout.topMargin: 8
            title: qsTr("Registries")
            subtitle: qsTr("Where images are pulled from besides Docker Hub.")
            FactRow { label: qsTr("Mirrors"); value: page.listOrNone(page.info.RegistryMirrors); monospace: true }
            FactRow { label: qsTr("Insecure registries"); value: page.listOrNone(page.info.InsecureRegistries); monospace: true }
            Button {
                text: qsTr("Change in Settings")
                onClicked: page.openPanel("settings")
            }
        }

        Item { Layout.preferredHeight: Theme.margin }
    }
}
