import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// What the container uses, as `berth stats NAME` prints it, and how that changed over the last
// minutes: CPU, memory, processes, network and disk, each a number with its unit, a line on
// what it means and a chart. Sampled once a second, only while this tab is shown and the
// container runs; when it stops, the charts keep what it used until then.
ScrollView {
    id: tab
    objectName: "containerStatsTab"
    property var details
    property var model
    readonly property alias statsModel: statsModel
    readonly property string commandLine: statsModel.commandLine
    readonly property bool alive: details ? details.alive : false
    /// Numbers are shown only while they are current; a stopped container's charts stay.
    readonly property bool current: alive && statsModel.sampleCount > 0
    contentWidth: availableWidth
    clip: true

    onCommandLineChanged: if (visible && statsModel.name.length > 0) Helper.showCommand(commandLine)

    ContainerStatsModel {
        id: statsModel
        name: tab.details && tab.details.loaded ? tab.details.containerName : ""
        running: tab.alive
        active: tab.visible
        interval: 1000
        historySeconds: 180
    }

    function bytesPerSecond(value) { return Helper.formatBytes(Math.round(value)) + qsTr("/s") }
    function percent(value) { return value.toLocaleString(Qt.locale(), "f", value < 10 ? 1 : 0) + " %" }
    // The scale's ends are round numbers: no decimals.
    function wholePercent(value) { return Math.round(value) + " %" }

    ColumnLayout {
        width: tab.availableWidth
        spacing: 10

        RowLayout {
            Layout.fillWidth: true
            spacing: 10
            Label {
                text: qsTr("Read from the container's cgroup, the kernel's accounting of everything its processes use. The same numbers as `%1`.")
                      .arg(statsModel.commandLine)
                color: Theme.mutedText
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "statsSampling"
                // Opacity, not visible: a RowLayout does not always place an item that turns
                // visible after the page was laid out.
                opacity: statsModel.sampling ? 1 : 0
                text: qsTr("● live, every %n second(s)", "", statsModel.interval / 1000)
                color: Theme.positive
            }
        }

        Label {
            objectName: "statsNotRunning"
            visible: tab.details && tab.details.loaded && !tab.alive
            text: statsModel.sampleCount > 0
                  ? qsTr("%1 is not running (%2): nothing is sampled now. The charts keep what it used while it ran.")
                    .arg(statsModel.name).arg(tab.details ? tab.details.statusText : "")
                  : qsTr("%1 is not running (%2). A stopped container uses no CPU or memory; start it to watch it work.")
                    .arg(statsModel.name).arg(tab.details ? tab.details.statusText : "")
            wrapMode: Text.WordWrap
            color: Theme.mutedText
            Layout.fillWidth: true
        }
        Button {
            objectName: "statsStartContainer"
            visible: tab.details && tab.details.loaded && !tab.alive
            enabled: tab.model && !tab.model.busy
            text: qsTr("Start %1").arg(statsModel.name)
            onClicked: tab.model.start(statsModel.name)
        }
        Label {
            objectName: "statsError"
            visible: statsModel.error.length > 0
            text: statsModel.error
            color: Theme.negativeText
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "statsWaiting"
            visible: statsModel.sampling && statsModel.sampleCount === 0 && statsModel.error.length === 0
            text: qsTr("Taking the first samples… CPU use is the change between two of them, so it shows after a second.")
            color: Theme.mutedText
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        GridLayout {
            id: grid
            Layout.fillWidth: true
            columns: tab.availableWidth > 820 ? 2 : 1
            columnSpacing: 10
            rowSpacing: 10

            StatsChartCard {
                objectName: "statsCpu"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                title: qsTr("CPU")
                valueText: tab.current ? tab.percent(statsModel.cpuPercent) : "–"
                detailText: tab.details && tab.details.cpuLimit.length > 0
                            ? qsTr("limit %1 CPUs (--cpus)").arg(tab.details.cpuLimit)
                            : qsTr("of %n CPU(s), no limit", "", statsModel.onlineCpus)
                explanation: qsTr("100 % is one CPU kept busy for the whole second; with %n CPU(s) it can reach %1 %.", "", statsModel.onlineCpus)
                             .arg(statsModel.onlineCpus * 100)
                values: statsModel.cpuHistory
                times: statsModel.timeHistory
                span: statsModel.historySeconds
                endLabel: tab.alive ? qsTr("now") : qsTr("last sample")
                gap: statsModel.interval / 1000 * 3
                minimumScale: 10
                lineColor: "#2980b9"
                formatScale: value => tab.wholePercent(value)
            }
            StatsChartCard {
                objectName: "statsMemory"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                title: qsTr("Memory")
                valueText: tab.current ? Helper.formatBytes(statsModel.memoryUsage) : "–"
                detailText: !tab.current ? ""
                            : tab.details && tab.details.memoryLimit.length > 0
                              ? qsTr("of %1 limit (-m), %2").arg(Helper.formatBytes(statsModel.memoryLimit)).arg(tab.percent(statsModel.memoryPercent))
                              : qsTr("no limit: it may use the host's %1").arg(Helper.formatBytes(statsModel.memoryLimit))
                explanation: qsTr("Memory its processes hold, without file cache the kernel can drop. Past a limit, the kernel kills a process (OOM).")
                values: statsModel.memoryHistory
                times: statsModel.timeHistory
                span: statsModel.historySeconds
                endLabel: tab.alive ? qsTr("now") : qsTr("last sample")
                gap: statsModel.interval / 1000 * 3
                minimumScale: 1024 * 1024
                binaryScale: true
                lineColor: "#8e44ad"
                formatScale: value => Helper.formatBytes(value)
            }
            StatsChartCard {
                objectName: "statsPids"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                title: qsTr("Processes")
                valueText: tab.current ? String(statsModel.pids) : "–"
                detailText: tab.details && tab.details.pidsLimit.length > 0
                            ? qsTr("limit %1 (--pids-limit)").arg(tab.details.pidsLimit) : qsTr("no limit")
                explanation: qsTr("Processes and threads in the container (PIDS in `berth stats`); the Processes tab lists them.")
                values: statsModel.pidsHistory
                times: statsModel.timeHistory
                span: statsModel.historySeconds
                endLabel: tab.alive ? qsTr("now") : qsTr("last sample")
                gap: statsModel.interval / 1000 * 3
                minimumScale: 5
                lineColor: "#16a085"
                formatScale: value => String(value)
            }
            StatsChartCard {
                objectName: "statsNetwork"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                title: qsTr("Network")
                valueText: tab.current
                           ? qsTr("↓ %1  ↑ %2").arg(tab.bytesPerSecond(statsModel.networkReceiveRate)).arg(tab.bytesPerSecond(statsModel.networkSendRate))
                           : "–"
                detailText: tab.current
                            ? qsTr("%1 in, %2 out in all").arg(Helper.formatBytes(statsModel.networkReceived)).arg(Helper.formatBytes(statsModel.networkSent))
                            : ""
                explanation: tab.details && tab.details.networkMode === "none"
                             ? qsTr("Bytes received and sent each second. It runs with --network none: only its own loopback, so this stays at zero.")
                             : qsTr("Bytes received and sent each second on its network interfaces (NET I/O).")
                values: statsModel.networkReceiveHistory
                secondValues: statsModel.networkSendHistory
                times: statsModel.timeHistory
                span: statsModel.historySeconds
                endLabel: tab.alive ? qsTr("now") : qsTr("last sample")
                gap: statsModel.interval / 1000 * 3
                minimumScale: 1024
                binaryScale: true
                lineColor: "#2980b9"
                secondLineColor: "#d35400"
                firstLabel: qsTr("received")
                secondLabel: qsTr("sent")
                formatScale: value => tab.bytesPerSecond(value)
            }
            StatsChartCard {
                objectName: "statsBlockIo"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                title: qsTr("Disk (block I/O)")
                valueText: tab.current
                           ? qsTr("read %1  write %2").arg(tab.bytesPerSecond(statsModel.blockReadRate)).arg(tab.bytesPerSecond(statsModel.blockWriteRate))
                           : "–"
                detailText: tab.current
                            ? qsTr("%1 read, %2 written in all").arg(Helper.formatBytes(statsModel.blockRead)).arg(Helper.formatBytes(statsModel.blockWritten))
                            : ""
                explanation: tab.current && statsModel.sampleCount > 3 && statsModel.blockRead === 0 && statsModel.blockWritten === 0
                             ? qsTr("Bytes read from and written to disks each second (BLOCK I/O). Nothing counted yet: reads served from the page cache never reach a disk, and with cgroup v1 recent kernels count block I/O only on disks that have an I/O limit set.")
                             : qsTr("Bytes read from and written to disks each second (BLOCK I/O). Writes wait in the page cache first, so they show when the kernel flushes them.")
                values: statsModel.blockReadHistory
                secondValues: statsModel.blockWriteHistory
                times: statsModel.timeHistory
                span: statsModel.historySeconds
                endLabel: tab.alive ? qsTr("now") : qsTr("last sample")
                gap: statsModel.interval / 1000 * 3
                minimumScale: 1024
                binaryScale: true
                lineColor: "#27ae60"
                secondLineColor: "#c0392b"
                firstLabel: qsTr("read")
                secondLabel: qsTr("written")
                formatScale: value => tab.bytesPerSecond(value)
            }
        }
    }
}
