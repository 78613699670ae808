import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// What berth-helper knows of itself and this machine: `berth info`, laid out and explained.
ScrollView {
    id: page
    objectName: "systemPage"
    readonly property var info: Helper.info
    readonly property bool ready: (!Helper.infoLoading && Object.keys(info).length > 0) || Helper.infoError.length > 0 || !Helper.reachable
    function activated() { Helper.refreshInfo() }
    contentWidth: availableWidth

    component Fact: RowLayout {
        property string label
        property string value
        property string explanation
        Layout.fillWidth: true
        spacing: 12
        Label { text: label; Layout.preferredWidth: 180; font.bold: true; Layout.alignment: Qt.AlignTop }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label { text: value; Layout.fillWidth: true; wrapMode: Text.WrapAnywhere }
            Label { text: explanation; visible: explanation.length > 0; Layout.fillWidth: true; wrapMode: Text.WordWrap; opacity: 0.7; font.pixelSize: 12 }
        }
    }

    function yesNo(flag) { return flag ? qsTr("yes") : qsTr("no") }

    ColumnLayout {
        width: page.availableWidth
        spacing: 16
        anchors.margins: 24

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 24
            Label { text: qsTr("System"); font.pixelSize: 24; font.bold: true; Layout.fillWidth: true }
            BusyIndicator { running: Helper.infoLoading; visible: running; implicitHeight: 28; implicitWidth: 28 }
            Button { text: qsTr("Refresh"); onClicked: Helper.refreshInfo() }
        }
        Label {
            objectName: "infoError"
            visible: Helper.infoError.length > 0
            text: Helper.infoError
            color: "#cf222e"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Layout.leftMargin: 24; Layout.rightMargin: 24
        }

        GroupBox {
            title: qsTr("Engine")
            visible: Object.keys(page.info).length > 0
            Layout.fillWidth: true
            Layout.leftMargin: 24; Layout.rightMargin: 24
            ColumnLayout {
                anchors.fill: parent
                Fact { label: qsTr("Version"); value: page.info.ServerVersion || "" }
                Fact { label: qsTr("Storage root"); value: page.info.StorageRoot || "" }
                Fact {
                    label: qsTr("Free space")
                    value: qsTr("%1 of %2 (%3)").arg(Helper.formatBytes(page.info.StorageFreeBytes || 0))
                                               .arg(Helper.formatBytes(page.info.StorageTotalBytes || 0))
                                               .arg(page.info.StorageFilesystem || "")
                }
                Fact {
                    label: qsTr("Images / containers / volumes")
                    value: (page.info.Images || 0) + " / " + (page.info.Containers || 0) + " / " + (page.info.Volumes || 0)
                }
            }
        }
        GroupBox {
            title: qsTr("Kernel features containers are made of")
            visible: Object.keys(page.info).length > 0
            Layout.fillWidth: true
            Layout.leftMargin: 24; Layout.rightMargin: 24
            ColumnLayout {
                anchors.fill: parent
                Fact { label: qsTr("Kernel"); value: (page.info.KernelVersion || "") + " — " + (page.info.OperatingSystem || "") + ", " + (page.info.Architecture || "") }
                Fact {
                    label: qsTr("overlayfs")
                    value: page.yesNo(page.info.OverlaySupported) + " (" + (page.info.OverlayDetail || "") + ")"
                    explanation: qsTr("Stacks an image's read-only layers and a container's writable layer into one directory tree.")
                }
                Fact {
                    objectName: "cgroupFact"
                    label: qsTr("cgroups")
                    value: qsTr("version %1 (%2)").arg(page.info.CgroupVersion || "").arg(page.info.CgroupMode || "")
                           + ((page.info.CgroupV1Controllers || []).length ? "\n" + qsTr("v1 controllers: %1").arg(page.info.CgroupV1Controllers.join(", ")) : "")
                           + ((page.info.CgroupUnifiedMount || "").length ? "\n" + qsTr("v2 controllers: %1").arg((page.info.CgroupV2Controllers || []).join(", ") || qsTr("(none)")) : "")
                    explanation: qsTr("Control groups limit and count what a container may use: memory, CPU, processes. \"hybrid\" means both the old (v1) and the new (v2) hierarchy are mounted.")
                }
                Fact {
                    label: qsTr("Namespaces")
                    value: qsTr("user namespaces: %1 (%2)").arg(page.yesNo(page.info.UserNamespaces)).arg(page.info.UserNamespacesDetail || "")
                    explanation: qsTr("Namespaces give a container its own view of processes, mounts, network and host name.")
                }
                Fact {
                    label: qsTr("seccomp")
                    value: page.yesNo(page.info.Seccomp) + " (" + (page.info.SeccompDetail || "") + ", libseccomp " + (page.info.LibseccompVersion || "") + ")"
                    explanation: qsTr("A filter on system calls: a container is refused calls it should never need.")
                }
                Fact { label: qsTr("CPUs / memory"); value: (page.info.NCPU || 0) + " / " + Helper.formatBytes(page.info.MemTotal || 0) }
            }
        }
        GroupBox {
            title: qsTr("Registries")
            visible: Object.keys(page.info).length > 0
            Layout.fillWidth: true
            Layout.leftMargin: 24; Layout.rightMargin: 24
            ColumnLayout {
                anchors.fill: parent
                Fact { label: qsTr("Mirrors"); value: (page.info.RegistryMirrors || []).join("\n") || qsTr("(none)") }
                Fact { label: qsTr("Insecure registries"); value: (page.info.InsecureRegistries || []).join("\n") || qsTr("(none)") }
            }
        }
        Item { Layout.preferredHeight: 16 }
    }
}
