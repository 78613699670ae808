import QtQuick
import QtTest
import Berth

// The container page's Stats and Processes tabs driven like a person would, through the real
// helper on the fixture's bus: a running container (a shell waiting on a sleep) shows its CPU,
// memory with its -m limit, two processes, I/O, each with units and a chart that fills as
// samples come; its processes in a table; the CLI line of each tab; sampling only while the
// tab is shown; and a stopped container's tabs say so and offer Start.
Item {
    id: root
    width: 1180
    height: 860

    Component {
        id: workbenchComponent
        Workbench { anchors.fill: parent }
    }

    PullJob { id: pull }
    ContainerListModel { id: cleaner }

    TestCase {
        name: "ContainerStats"
        when: windowShown
        readonly property string image: testRegistry + "/berth-test/busybox:1.0"
        readonly property string container: "gui-stats"
        readonly property string script: "trap 'exit 0' TERM; sleep 600 & wait"

        function removeLeftovers() {
            cleaner.reload(false)
            tryVerify(() => cleaner.loaded && !cleaner.busy, 20000)
            if (cleaner.rowOf(container) >= 0) {
                cleaner.remove(container, true, true)
                tryVerify(() => !cleaner.busy, 30000)
                compare(cleaner.actionError, "")
            }
        }

        function initTestCase() {
            pull.reference = image
            pull.start()
            tryVerify(() => pull.finished, 60000, "pulling " + image)
            compare(pull.errorMessage, "")
            removeLeftovers()
        }

        function cleanupTestCase() {
            removeLeftovers()
        }

        function row(page, name) { return findChild(page.table.list, "containerRow-" + name) }

        function openContainerPage() {
            const workbench = createTemporaryObject(workbenchComponent, root, { initialPage: "containers" })
            const page = workbench.pages.currentItem
            tryVerify(() => page.ready, 20000, "the container list should load")
            if (page.containerModel.rowOf(container) < 0) {
                const dialog = page.runDialog
                page.openRun(image)
                tryVerify(() => dialog.opened, 5000)
                dialog.nameField.text = container
                dialog.commandField.text = "sh -c \"" + script + "\""
                dialog.memoryField.text = "128m"
                verify(dialog.form.valid, dialog.form.commandProblem)
                mouseClick(findChild(dialog, "runStart"))
                tryVerify(() => dialog.form.finished, 60000)
                compare(dialog.form.errorMessage, "")
            }
            tryVerify(() => row(page, container) !== null && row(page, container).containerState === "running", 30000,
                      container + " should run")
            mouseDoubleClickSequence(row(page, container))
            tryVerify(() => page.showingContainer, 5000)
            tryVerify(() => page.containerView.details.loaded, 20000)
            return page
        }

        function text(item, name) { return findChild(item, name).text }

        function test_1_statsShowUseWithUnits() {
            const page = openContainerPage()
            const view = page.containerView
            const tab = view.tabPage("stats")
            verify(tab)
            // Not shown yet: nothing is sampled.
            verify(!tab.statsModel.sampling)
            compare(tab.statsModel.sampleCount, 0)

            mouseClick(findChild(view, "tab-stats"))
            verify(tab.visible)
            compare(Helper.lastCommand, "berth stats " + container)
            verify(tab.statsModel.sampling)
            tryVerify(() => tab.statsModel.sampleCount >= 3, 15000, "samples should come: " + tab.statsModel.error)
            compare(tab.statsModel.error, "")
            compare(findChild(tab, "statsSampling").opacity, 1)
            verify(!findChild(tab, "statsNotRunning").visible)

            const cpu = findChild(tab, "statsCpu")
            verify(/^\d+(\.\d)? %$/.test(text(cpu, "statValue")), text(cpu, "statValue"))
            verify(text(cpu, "statDetail").indexOf("CPU") >= 0, text(cpu, "statDetail"))
            compare(findChild(cpu, "statChart").values.length, tab.statsModel.sampleCount)
            verify(/ %$/.test(text(cpu, "statScale")), text(cpu, "statScale"))
            compare(text(cpu, "statEnd"), "now")

            // Memory with its -m limit, in binary units.
            const memory = findChild(tab, "statsMemory")
            verify(/^[\d.]+ (B|KiB|MiB)$/.test(text(memory, "statValue")), text(memory, "statValue"))
            verify(text(memory, "statDetail").startsWith("of 128.0 MiB limit (-m), "), text(memory, "statDetail"))
            verify(/(KiB|MiB)$/.test(text(memory, "statScale")), text(memory, "statScale"))

            // The shell and its sleep.
            const pids = findChild(tab, "statsPids")
            compare(text(pids, "statValue"), "2")
            compare(text(pids, "statDetail"), "no limit")

            // Without a network the rates stay at zero, and the tab says why.
            const network = findChild(tab, "statsNetwork")
            compare(text(network, "statValue"), "↓ 0 B/s  ↑ 0 B/s")
            const block = findChild(tab, "statsBlockIo")
            verify(/^read [\d.]+ (B|KiB|MiB)\/s  write [\d.]+ (B|KiB|MiB)\/s$/.test(text(block, "statValue")), text(block, "statValue"))

            // Each new sample moves the chart on.
            const before = tab.statsModel.sampleCount
            tryVerify(() => findChild(cpu, "statChart").values.length > before, 5000)
            grabImage(root).save(testEnvDir + "/container-stats.png")

            // Another tab: the sampling stops, the history stays.
            mouseClick(findChild(view, "tab-overview"))
            verify(!tab.visible)
            // The overview measures the container's size on request, as ps -s.
            const measure = findChild(view, "measureSize")
            tryVerify(() => measure.visible, 5000)
            mouseClick(measure)
            compare(Helper.lastCommand, "berth ps -a -s --filter name=" + container)
            tryVerify(() => /^[\d.]+k?M?G?B written \(virtual [\d.]+[kMG]?B, with its image\)$/.test(findChild(view, "factSize").text),
                      10000, findChild(view, "factSize").text)
            compare(measure.text, "Measure again")
            verify(!tab.statsModel.sampling)
            const hidden = tab.statsModel.sampleCount
            wait(1500)
            compare(tab.statsModel.sampleCount, hidden)
            mouseClick(findChild(view, "tab-stats"))
            verify(tab.statsModel.sampling)
            tryVerify(() => tab.statsModel.sampleCount > hidden, 5000)
        }

        function test_2_processesListed() {
            const page = openContainerPage()
            const view = page.containerView
            mouseClick(findChild(view, "tab-processes"))
            const tab = view.tabPage("processes")
            verify(tab.visible)
            compare(Helper.lastCommand, "berth top " + container)
            tryVerify(() => tab.processModel.loaded && tab.processModel.count === 2, 15000,
                      "two processes: " + tab.processModel.error)
            compare(tab.processModel.titles.join(" "), "UID PID PPID C STIME TTY TIME CMD")
            tryVerify(() => tab.list.count === 2, 5000)
            const commands = []
            for (let i = 0; i < tab.processModel.count; ++i)
                commands.push(tab.processModel.cellsAt(i)[7])
            compare(commands.sort().join("|"), "sh -c trap 'exit 0' TERM; sleep 600 & wait|sleep 600")
            // A row shows its PID; the header its titles.
            const pid = tab.processModel.cellsAt(0)[1]
            verify(findChild(tab.list, "processRow-" + pid) !== null)
            verify(findChild(tab, "processesHeader").visible)
            verify(findChild(tab, "processesUpdated").text.startsWith("Read at "))
            // Refresh asks again and shows the command.
            Helper.showCommand("")
            mouseClick(findChild(tab, "processesRefresh"))
            compare(Helper.lastCommand, "berth top " + container)
            grabImage(root).save(testEnvDir + "/container-processes.png")

            // Auto-refresh off: no timer; hidden: no timer either.
            verify(tab.processModel.active)
            mouseClick(findChild(tab, "processesAutoRefresh"))
            verify(!tab.processModel.active)
            mouseClick(findChild(tab, "processesAutoRefresh"))
            verify(tab.processModel.active)
            mouseClick(findChild(view, "tab-logs"))
            verify(!tab.processModel.active)
        }

        function test_3_stoppedContainerSaysSo() {
            const page = openContainerPage()
            const view = page.containerView
            mouseClick(findChild(view, "tab-stats"))
            const stats = view.tabPage("stats")
            tryVerify(() => stats.statsModel.sampleCount >= 2, 15000)
            page.containerModel.stop(container)
            tryVerify(() => !page.containerModel.busy, 30000)
            tryVerify(() => !view.details.alive, 20000)
            verify(!stats.statsModel.sampling)
            const notRunning = findChild(stats, "statsNotRunning")
            verify(notRunning.visible)
            verify(notRunning.text.indexOf("The charts keep what it used") >= 0, notRunning.text)
            verify(stats.statsModel.sampleCount >= 2)
            // The numbers were of when it ran: not shown as if current.
            compare(text(findChild(stats, "statsCpu"), "statValue"), "–")
            compare(text(findChild(stats, "statsCpu"), "statEnd"), "last sample")
            compare(findChild(findChild(stats, "statsCpu"), "statChart").values.length, stats.statsModel.sampleCount)
            verify(findChild(stats, "statsStartContainer").visible)
            grabImage(root).save(testEnvDir + "/container-stats-stopped.png")

            mouseClick(findChild(view, "tab-processes"))
            const processes = view.tabPage("processes")
            compare(processes.processModel.count, 0)
            verify(findChild(processes, "processesNotRunning").visible)
            const start = findChild(processes, "processesStartContainer")
            verify(start.visible)
            mouseClick(start)
            compare(Helper.lastCommand, "berth start " + container)
            tryVerify(() => view.details.alive, 30000)
            tryVerify(() => processes.processModel.count === 2, 15000, processes.processModel.error)
            mouseClick(findChild(view, "tab-stats"))
            verify(stats.statsModel.sampling)
            verify(!findChild(stats, "statsNotRunning").visible)
        }

        // The list's sparklines: sampled every 2 s while the list is shown and only for the
        // running containers; not while a container's page covers the list.
        function test_4_listShowsSparklines() {
            const page = openContainerPage()
            const model = page.containerModel
            verify(!model.statsSampling)
            mouseClick(findChild(page.containerView, "backToContainers"))
            tryVerify(() => !page.showingContainer, 5000)
            verify(model.sampleStats)
            verify(model.statsSampling)
            const item = row(page, container)
            tryVerify(() => findChild(item, "usageCell") && findChild(item, "usageCell").visible, 10000, "a running container's row should show its use")
            verify(/^\d+(\.\d)? % · [\d.]+ (B|KiB|MiB)$/.test(findChild(item, "usageText").text), findChild(item, "usageText").text)
            verify(findChild(item, "cpuSparkline").chart.values.length >= 1)
            const points = findChild(item, "memorySparkline").chart.values.length
            tryVerify(() => findChild(item, "memorySparkline").chart.values.length > points, 6000, "the sparkline should move on")
            grabImage(root).save(testEnvDir + "/container-list-sparklines.png")

            // Stopped (and still listed): its sparkline goes, and with nothing running nothing is asked.
            page.table.model.showAll = true
            model.stop(container)
            tryVerify(() => !model.busy, 30000)
            tryVerify(() => !findChild(row(page, container), "usageCell").visible, 10000)
            if (model.runningCount === 0)
                verify(!model.statsSampling)
        }
    }
}
