import QtQuick
import QtTest
import Berth

// The Containers panel driven like a person would, through the real helper on the
// fixture's bus with berth-test/busybox pulled from the fixture's registry: the Run
// dialog's live command line and its inline problems, a run that ends up running, the
// list's status and colour following stop/start/pause/kill, the container page's Overview
// and Inspect, helper errors shown on the page, and Delete asking before removing.
Item {
    id: root
    width: 1180
    height: 760

    Component {
        id: workbenchComponent
        Workbench { anchors.fill: parent }
    }

    PullJob { id: pull }
    // Cleans up what an earlier run of these tests left in the fixture's store.
    ContainerListModel { id: cleaner }

    TestCase {
        name: "Containers"
        when: windowShown
        readonly property string image: testRegistry + "/berth-test/busybox:1.0"
        // Stops at once on SIGTERM (the shell traps it), so `stop` needs no SIGKILL.
        readonly property string loop: "trap 'exit 0' TERM; while true; do sleep 1; done"
        readonly property var names: ["gui-web", "gui-other", "gui-broken", "gui-from-images"]

        function initTestCase() {
            pull.reference = image
            pull.start()
            tryVerify(() => pull.finished, 60000, "pulling " + image)
            compare(pull.errorMessage, "")
            cleaner.reload(false)
            tryVerify(() => cleaner.loaded, 20000)
            for (const name of names) {
                if (cleaner.rowOf(name) >= 0) {
                    cleaner.remove(name, true, true)
                    tryVerify(() => !cleaner.busy, 30000)
                    compare(cleaner.actionError, "")
                }
            }
        }

        function openContainers() {
            const workbench = createTemporaryObject(workbenchComponent, root, { initialPage: "containers" })
            verify(workbench)
            const page = workbench.pages.currentItem
            compare(page.objectName, "containersPage")
            tryVerify(() => page.ready, 20000, "the container list should load")
            compare(page.containerModel.loadError, "")
            return page
        }

        function typeText(field, text) {
            field.forceActiveFocus()
            field.selectAll()
            keyClick(Qt.Key_Delete)
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
        }

        function row(page, name) { return findChild(page.table.list, "containerRow-" + name) }
        function statusOf(page, name) { return findChild(row(page, name), "statusChip") }

        function waitForState(page, name, state) {
            tryVerify(() => row(page, name) !== null && row(page, name).containerState === state, 30000,
                      name + " should be " + state + ", is " + (row(page, name) ? row(page, name).containerState : "absent")
                      + " (" + page.containerModel.actionError + ")")
        }

        function selectRow(page, name) {
            tryVerify(() => row(page, name) !== null, 20000, name + " should be listed")
            mouseClick(row(page, name))
            compare(page.currentName, name)
        }

        // Runs a container through the Run dialog's form without typing (for setup).
        function runQuietly(page, name, command) {
            const dialog = page.runDialog
            page.openRun(image)
            tryVerify(() => dialog.opened, 5000)
            dialog.nameField.text = name
            dialog.commandField.text = command
            verify(dialog.form.valid, dialog.form.commandProblem + dialog.form.nameProblem)
            verify(dialog.form.commandLine.startsWith("berth run -d --name " + name + " " + image + " "), dialog.form.commandLine)
            mouseClick(findChild(dialog, "runStart"))
            tryVerify(() => dialog.form.finished, 60000)
            compare(dialog.form.errorMessage, "")
            waitForState(page, name, "running")
        }

        function test_1_runDialogShowsTheCommandAndRuns() {
            const page = openContainers()
            mouseClick(findChild(page, "runButton"))
            const dialog = page.runDialog
            tryVerify(() => dialog.opened, 5000)
            compare(findChild(dialog, "runCommand").text, "$ berth run -d IMAGE")
            verify(!findChild(dialog, "runStart").enabled, "no image yet")

            // The image from the list of local ones.
            const choose = findChild(dialog, "runImageChoose")
            tryVerify(() => choose.enabled, 20000, "the local images should be listed")
            mouseClick(choose)
            const menu = findChild(dialog, "runImageMenu")
            tryVerify(() => menu.opened, 5000)
            const item = findChild(menu.contentItem, "runImageItem-" + image)
            verify(item, "the pulled image should be offered")
            waitForRendering(menu.contentItem)
            mouseClick(item)
            tryVerify(() => !menu.visible, 5000)
            compare(dialog.imageBox.text, image)
            compare(dialog.form.image, image)
            typeText(dialog.nameField, "gui-web")
            typeText(dialog.commandField, "sh -c \"" + loop + "\"")
            // Rows made by a Repeater are only visual children: look in the content item.
            const field = name => {
                tryVerify(() => findChild(dialog.contentItem, name) !== null, 5000, name + " should be there")
                return findChild(dialog.contentItem, name)
            }
            mouseClick(findChild(dialog, "runEnvAdd"))
            typeText(field("runEnv-0"), "GREETING=hello world")
            mouseClick(findChild(dialog, "runEnvAdd"))
            typeText(field("runEnv-1"), "NOVALUE")
            mouseClick(findChild(dialog, "runVolumeAdd"))
            typeText(field("runVolume-0"), testEnvDir + "/images:/data:ro")
            typeText(dialog.memoryField, "12x")
            typeText(dialog.cpusField, "0.5")
            typeText(dialog.pidsField, "50")

            // Bad input is explained where it was typed, and Run waits for a fix.
            const memoryProblem = findChild(dialog, "runMemoryProblem")
            verify(memoryProblem.visible)
            verify(memoryProblem.text.indexOf("12x") >= 0, memoryProblem.text)
            verify(dialog.form.envProblems[1].indexOf("NOVALUE") >= 0, dialog.form.envProblems[1])
            verify(!findChild(dialog, "runStart").enabled)
            typeText(dialog.memoryField, "64m")
            verify(!memoryProblem.visible)
            mouseClick(field("runEnvRemove-1"))
            compare(dialog.form.env.join("|"), "GREETING=hello world")

            // --rm and a restart policy cannot go together.
            dialog.restartBox.currentIndex = 1
            compare(dialog.form.restartPolicy, "on-failure")
            typeText(dialog.retriesField, "3")
            mouseClick(dialog.autoRemoveBox)
            verify(findChild(dialog, "runRestartProblem").visible)
            verify(!findChild(dialog, "runStart").enabled)
            mouseClick(dialog.autoRemoveBox)
            verify(!findChild(dialog, "runRestartProblem").visible)
            verify(findChild(dialog, "runStart").enabled, "the form should be valid now")

            const expected = "berth run -d --name gui-web -e 'GREETING=hello world' -v " + testEnvDir + "/images:/data:ro"
                           + " -m 64m --cpus 0.5 --pids-limit 50 --restart on-failure:3 " + image
                           + " sh -c 'trap '\\''exit 0'\\'' TERM; while true; do sleep 1; done'"
            compare(findChild(dialog, "runCommand").text, "$ " + expected)
            compare(Helper.lastCommand, expected)

            mouseClick(findChild(dialog, "runStart"))
            tryVerify(() => dialog.form.finished, 60000, "the run should finish")
            compare(dialog.form.errorMessage, "")
            tryVerify(() => !dialog.visible, 5000)
            waitForState(page, "gui-web", "running")
            tryCompare(page, "currentName", "gui-web")
            const chip = statusOf(page, "gui-web")
            verify(chip.text.startsWith("Up "), chip.text)
            compare(chip.tone, "positive")
            compare(findChild(findChild(row(page, "gui-web"), "cell-image"), "cellText").text, image)
            grabImage(root).save(testEnvDir + "/containers-list.png")
        }

        function test_2_overviewShowsWhatItWasGiven() {
            const page = openContainers()
            tryVerify(() => row(page, "gui-web") !== null, 20000, "gui-web should be running (test_1)")
            mouseDoubleClickSequence(row(page, "gui-web"))
            tryVerify(() => page.showingContainer, 5000)
            const view = page.containerView
            const details = view.details
            tryVerify(() => details.loaded, 20000)
            compare(details.error, "")
            compare(findChild(view, "containerTitle").text, "gui-web")
            compare(Helper.lastCommand, "berth inspect gui-web")
            verify(findChild(view, "containerStatus").text.startsWith("Up "))
            const fact = name => findChild(view, name)
            tryVerify(() => fact("factImage") !== null, 5000)
            compare(fact("factImage").text, image)
            compare(fact("factCommand").text, "sh -c 'trap '\\''exit 0'\\'' TERM; while true; do sleep 1; done'")
            compare(fact("factMemory").text, Helper.formatBytes(64 * 1024 * 1024))
            compare(fact("factCpus").text, "0.5")
            compare(fact("factPids").text, "50")
            compare(fact("factRestart").text, "on-failure (at most 3 retries)")
            compare(fact("factAutoRemove").text, "no")
            verify(fact("factEnv").text.indexOf("GREETING=hello world") >= 0, fact("factEnv").text)
            verify(Number(fact("factPid").text) > 0)
            verify(!fact("factExitCode").visible, "a running container has no exit code yet")
            const mount = findChild(view, "mount-0")
            verify(mount, "the bind mount should be listed")
            compare(findChild(mount, "mountText").text, testEnvDir + "/images  →  /data")
            verify(fact("factStarted").text.length > 0)
            grabImage(root).save(testEnvDir + "/container-overview.png")

            // Inspect: the JSON, and Copy puts it on the clipboard.
            mouseClick(findChild(view, "tab-inspect"))
            const json = findChild(view, "inspectJson")
            tryVerify(() => json !== null && json.visible, 5000)
            const parsed = JSON.parse(json.text)
            compare(parsed.Name, "/gui-web")
            compare(parsed.State.Status, "running")
            compare(parsed.HostConfig.Memory, 64 * 1024 * 1024)
            Clipboard.setText("something else")
            mouseClick(findChild(view, "copyInspect"))
            compare(Clipboard.text(), details.rawJson)

            // The page's own buttons act on it, and its status follows.
            mouseClick(findChild(findChild(view, "containerPageActions"), "pauseButton"))
            compare(Helper.lastCommand, "berth pause gui-web")
            tryCompare(details, "containerState", "paused", 20000)
            verify(findChild(view, "containerStatus").text.endsWith("(Paused)"))
            compare(findChild(view, "containerStatus").tone, "neutral")
            mouseClick(findChild(findChild(view, "containerPageActions"), "pauseButton"))
            compare(Helper.lastCommand, "berth unpause gui-web")
            tryCompare(details, "containerState", "running", 20000)

            keyClick(Qt.Key_Escape)
            verify(!page.showingContainer)
        }

        function test_3_stopStartPauseKillChangeTheStatus() {
            const page = openContainers()
            selectRow(page, "gui-web")
            const actions = findChild(page, "listActions")
            mouseClick(findChild(actions, "stopButton"))
            compare(Helper.lastCommand, "berth stop gui-web")
            waitForState(page, "gui-web", "exited")
            verify(statusOf(page, "gui-web").text.startsWith("Exited (0) "), statusOf(page, "gui-web").text)
            compare(statusOf(page, "gui-web").tone, "plain")
            verify(findChild(actions, "startButton").enabled)
            verify(!findChild(actions, "stopButton").enabled)

            mouseClick(findChild(actions, "startButton"))
            compare(Helper.lastCommand, "berth start gui-web")
            waitForState(page, "gui-web", "running")
            compare(statusOf(page, "gui-web").tone, "positive")

            mouseClick(findChild(actions, "pauseButton"))
            waitForState(page, "gui-web", "paused")
            compare(statusOf(page, "gui-web").tone, "neutral")
            compare(findChild(actions, "pauseButton").text, "Unpause")
            mouseClick(findChild(actions, "pauseButton"))
            waitForState(page, "gui-web", "running")

            // The context menu offers what fits the state.
            mouseClick(row(page, "gui-web"), 20, 10, Qt.RightButton)
            tryVerify(() => page.contextMenu.opened, 5000)
            compare(page.contextMenu.name, "gui-web")
            verify(findChild(page.contextMenu, "menuStop").enabled)
            verify(!findChild(page.contextMenu, "menuStart").enabled)
            // …and does it: Pause from the menu.
            mouseClick(findChild(page.contextMenu, "menuPause"))
            tryVerify(() => !page.contextMenu.visible, 5000)
            compare(Helper.lastCommand, "berth pause gui-web")
            waitForState(page, "gui-web", "paused")

            // The keyboard, while the list has it: Ctrl+P unpauses, Ctrl+T stops, Ctrl+S starts.
            page.table.list.forceActiveFocus()
            keyClick(Qt.Key_P, Qt.ControlModifier)
            compare(Helper.lastCommand, "berth unpause gui-web")
            waitForState(page, "gui-web", "running")
            keyClick(Qt.Key_T, Qt.ControlModifier)
            compare(Helper.lastCommand, "berth stop gui-web")
            waitForState(page, "gui-web", "exited")
            keyClick(Qt.Key_S, Qt.ControlModifier)
            compare(Helper.lastCommand, "berth start gui-web")
            waitForState(page, "gui-web", "running")

            // Kill: SIGKILL, exit code 137, shown in red.
            mouseClick(findChild(actions, "killButton"))
            compare(Helper.lastCommand, "berth kill gui-web")
            waitForState(page, "gui-web", "exited")
            verify(statusOf(page, "gui-web").text.startsWith("Exited (137) "), statusOf(page, "gui-web").text)
            compare(statusOf(page, "gui-web").tone, "negative")
        }

        function test_4_showStoppedAndFilter() {
            const page = openContainers()
            runQuietly(page, "gui-other", "sh -c \"" + loop + "\"")
            tryVerify(() => row(page, "gui-web") !== null, 20000)
            waitForState(page, "gui-web", "exited")
            // Without "Show stopped", as `berth ps`: the exited gui-web goes, gui-other stays.
            mouseClick(findChild(page, "showAll"))
            compare(page.filterModel.showAll, false)
            compare(Helper.lastCommand, "berth ps")
            tryVerify(() => row(page, "gui-web") === null, 5000)
            verify(row(page, "gui-other") !== null)
            mouseClick(findChild(page, "showAll"))
            compare(Helper.lastCommand, "berth ps -a")
            tryVerify(() => row(page, "gui-web") !== null, 5000)

            typeText(findChild(page, "containerFilter"), "gui-oth")
            tryCompare(page.filterModel, "count", 1)
            verify(row(page, "gui-other") !== null)
            typeText(findChild(page, "containerFilter"), "no-such-thing")
            tryCompare(page.filterModel, "count", 0)
            const empty = findChild(page.table, "emptyText")
            verify(empty.visible)
            verify(empty.text.indexOf("no-such-thing") >= 0, empty.text)
            typeText(findChild(page, "containerFilter"), "")
        }

        function test_5_helperErrorsAreShown() {
            const page = openContainers()
            // A program that is not in the image: created, but it cannot start.
            const dialog = page.runDialog
            page.openRun(image)
            tryVerify(() => dialog.opened, 5000)
            compare(dialog.imageBox.text, image)
            dialog.nameField.text = "gui-broken"
            dialog.commandField.text = "/no/such/program"
            mouseClick(findChild(dialog, "runStart"))
            tryVerify(() => dialog.form.finished, 60000)
            verify(dialog.form.errorMessage.indexOf("/no/such/program") >= 0, dialog.form.errorMessage)
            compare(findChild(dialog, "runOutcome").text, dialog.form.errorMessage)
            verify(dialog.visible, "the dialog stays open with the reason")
            mouseClick(findChild(dialog, "runClose"))
            waitForState(page, "gui-broken", "created")
            compare(statusOf(page, "gui-broken").text, "Created")

            // Its page says why.
            mouseDoubleClickSequence(row(page, "gui-broken"))
            tryVerify(() => page.containerView.details.loaded, 20000)
            const error = findChild(page.containerView, "factError")
            tryVerify(() => error !== null && error.text.indexOf("/no/such/program") >= 0, 5000)
            mouseClick(findChild(page.containerView, "backToContainers"))

            // An action the helper refuses: its words, on the page.
            page.containerModel.unpause("gui-broken")
            tryVerify(() => page.containerModel.actionError.length > 0, 20000)
            const result = findChild(page, "actionResultText")
            verify(result.visible)
            compare(result.text, page.containerModel.actionError)
            verify(result.text.indexOf("berth unpause gui-broken") >= 0, result.text)
        }

        function test_6_deleteAsksAndForceIsNeededWhileRunning() {
            const page = openContainers()
            selectRow(page, "gui-other")
            waitForState(page, "gui-other", "running")
            page.table.list.forceActiveFocus()
            keyClick(Qt.Key_Delete)
            const dialog = page.removeDialog
            tryVerify(() => dialog.opened, 5000)
            compare(dialog.name, "gui-other")
            compare(Helper.lastCommand, "berth rm gui-other")
            verify(findChild(dialog, "removeRunningNote").visible)
            verify(!findChild(dialog, "removeConfirm").enabled, "a running container needs force")
            mouseClick(findChild(dialog, "removeForce"))
            compare(Helper.lastCommand, "berth rm -f gui-other")
            mouseClick(findChild(dialog, "removeConfirm"))
            tryVerify(() => row(page, "gui-other") === null, 30000, "gui-other should be removed: " + page.containerModel.actionError)
            compare(page.containerModel.actionError, "")

            // A stopped one needs no force.
            for (const name of ["gui-web", "gui-broken"]) {
                selectRow(page, name)
                page.table.list.forceActiveFocus()
                keyClick(Qt.Key_Delete)
                tryVerify(() => dialog.opened, 5000)
                verify(!findChild(dialog, "removeForce").visible)
                verify(findChild(dialog, "removeConfirm").enabled)
                mouseClick(findChild(dialog, "removeConfirm"))
                compare(Helper.lastCommand, "berth rm " + name)
                tryVerify(() => row(page, name) === null, 30000, name + " should be removed: " + page.containerModel.actionError)
                tryVerify(() => !dialog.visible, 5000)
            }
        }

        function test_7_runFromTheImagesPanel() {
            const workbench = createTemporaryObject(workbenchComponent, root, { initialPage: "images" })
            const images = workbench.imagesPage
            tryVerify(() => images.ready, 20000)
            const imageRow = () => findChild(images.table.list, "imageRow-" + image)
            tryVerify(() => imageRow() !== null, 20000)
            mouseClick(imageRow(), 20, 10, Qt.RightButton)
            tryVerify(() => findChild(images, "menuRun") !== null && findChild(images, "menuRun").visible, 5000)
            mouseClick(findChild(images, "menuRun"))
            tryCompare(workbench.pages.currentItem, "objectName", "containersPage")
            const page = workbench.containersPage
            const dialog = page.runDialog
            tryVerify(() => dialog.opened, 5000)
            compare(dialog.form.image, image)
            compare(Helper.lastCommand, "berth run -d " + image)
            dialog.nameField.text = "gui-from-images"
            dialog.commandField.text = "sleep 600"
            mouseClick(dialog.autoRemoveBox)
            compare(Helper.lastCommand, "berth run -d --name gui-from-images --rm " + image + " sleep 600")
            mouseClick(findChild(dialog, "runStart"))
            tryVerify(() => dialog.form.finished, 60000)
            compare(dialog.form.errorMessage, "")
            waitForState(page, "gui-from-images", "running")
            // --rm: killing it removes it.
            page.containerModel.kill("gui-from-images", "KILL")
            tryVerify(() => row(page, "gui-from-images") === null, 30000, "a --rm container goes when it ends")
        }
    }
}
