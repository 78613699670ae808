import QtQuick
import QtTest
import Berth

// The container page's Isolation and Files tabs driven like a person would, through the real
// helper on the fixture's bus: a container run with a memory limit shows PID 1 inside and its
// host PID, separate pid/mnt/uts namespaces, seccomp filter mode, Docker's 14 capabilities
// and the limit; stopped, the tab offers Start and reads the new process after it; the Files
// tab lists folders, opens them, and a file goes to this computer and back in again.
Item {
    id: root
    width: 1180
    height: 760

    Component {
        id: workbenchComponent
        Workbench { anchors.fill: parent }
    }

    PullJob { id: pull }
    ContainerListModel { id: cleaner }

    TestCase {
        name: "ContainerIsolation"
        when: windowShown
        readonly property string image: testRegistry + "/berth-test/busybox:1.0"
        readonly property string container: "gui-isolation"
        readonly property string script: "echo isolation-note > /note.txt; trap 'exit 0' TERM; while true; do sleep 1; done"

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

        // The Containers panel with the test container (made on first use, -m 64m) running
        // and its page open.
        function openContainerPage() {
            const workbench = createTemporaryObject(workbenchComponent, root, { initialPage: "containers" })
            const page = workbench.pages.currentItem
            tryVerify(() => page.ready, 20000, "the container list should load")
            if (page.containerModel.rowOf(container) < 0) {
                const dialog = page.runDialog
                page.openRun(image)
                tryVerify(() => dialog.opened, 5000)
                dialog.nameField.text = container
                dialog.memoryField.text = "64m"
                dialog.commandField.text = "sh -c \"" + script + "\""
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

        function namespaceRow(tab, type) { return findChild(tab, "namespace-" + type) }

        function test_1_runningContainerAsTheKernelSeesIt() {
            const page = openContainerPage()
            const view = page.containerView
            mouseClick(findChild(view, "tab-isolation"))
            const tab = findChild(view, "containerIsolationTab")
            verify(tab && tab.visible)
            compare(Helper.lastCommand, "berth exec " + container + " cat /proc/1/status /proc/1/mountinfo")
            tryVerify(() => tab.report.loaded, 20000, "the isolation should be read: " + tab.report.error)
            compare(tab.report.error, "")

            compare(tab.report.pidInside, 1)
            compare(tab.report.hostPid, view.details.pid)
            compare(findChild(tab, "isolationPidInside").text, "1")
            compare(findChild(tab, "isolationHostPid").text, String(view.details.pid))
            verify(findChild(tab, "isolationProcess").subtitle.indexOf("PID " + view.details.pid) >= 0)

            for (const type of ["pid", "mnt", "uts"]) {
                const line = namespaceRow(tab, type)
                verify(line !== null, type)
                verify(!line.shared, type + " should be separate")
            }
            verify(namespaceRow(tab, "user").shared)

            compare(tab.report.seccompMode, 2)
            verify(findChild(tab, "isolationSeccompMode").text.startsWith("2: filter"))
            // Docker's default, kept by Berth: no_new_privs only with --security-opt no-new-privileges.
            verify(!tab.report.noNewPrivileges)
            compare(tab.report.effectiveCapabilities.length, 14)
            verify(tab.report.effectiveCapabilities.indexOf("CAP_NET_BIND_SERVICE") >= 0)
            verify(tab.report.droppedCapabilities.indexOf("CAP_SYS_ADMIN") >= 0)
            verify(tab.report.effectiveCapabilities.indexOf("CAP_SYS_ADMIN") < 0)

            compare(tab.report.cgroup.MemoryLimit, 64 * 1024 * 1024)
            compare(findChild(tab, "isolationMemoryLimit").text, Helper.formatBytes(64 * 1024 * 1024))
            compare(findChild(tab, "isolationPidsLimit").text, "no limit")

            compare(tab.report.mounts[0].MountPoint, "/")
            verify(findChild(tab, "isolationMount-0") !== null)
            compare(findChild(tab, "isolationHostnameInside").text, tab.report.report.Hostname)
            grabImage(root).save(testEnvDir + "/container-isolation.png")
            // The lower cards, as a person scrolling down sees them.
            tab.contentItem.contentY = findChild(tab, "isolationMounts").y
            wait(50)
            grabImage(root).save(testEnvDir + "/container-isolation-limits.png")
            tab.contentItem.contentY = tab.contentItem.contentHeight - tab.height
            wait(50)
            grabImage(root).save(testEnvDir + "/container-isolation-capabilities.png")
            tab.contentItem.contentY = 0
        }

        function test_2_stoppedContainerOffersStart() {
            const page = openContainerPage()
            const view = page.containerView
            mouseClick(findChild(view, "tab-isolation"))
            const tab = findChild(view, "containerIsolationTab")
            tryVerify(() => tab.report.loaded, 20000)
            const firstPid = tab.report.hostPid
            page.containerModel.stop(container)
            tryCompare(view.details, "containerState", "exited", 30000)
            const notice = findChild(tab, "isolationNotRunning")
            tryVerify(() => notice.visible, 5000)
            verify(notice.text.indexOf("not running") >= 0, notice.text)
            verify(!findChild(tab, "isolationProcess").visible)
            grabImage(root).save(testEnvDir + "/container-isolation-stopped.png")

            const start = findChild(tab, "isolationStartContainer")
            verify(start.visible)
            mouseClick(start)
            compare(Helper.lastCommand, "berth start " + container)
            tryCompare(view.details, "containerState", "running", 30000)
            // A new first process, read afresh.
            tryVerify(() => tab.report.loaded && tab.report.hostPid !== firstPid && tab.report.hostPid === view.details.pid, 20000,
                      "the new process should be shown")
            compare(tab.report.pidInside, 1)
            verify(findChild(tab, "isolationProcess").visible)
        }

        function test_3_filesBrowseDownloadUpload() {
            const page = openContainerPage()
            const view = page.containerView
            mouseClick(findChild(view, "tab-files"))
            const tab = findChild(view, "containerFilesTab")
            verify(tab && tab.visible)
            const files = tab.files
            tryVerify(() => files.count > 0, 20000, "the root should be listed: " + files.error)
            compare(files.path, "/")
            compare(Helper.lastCommand, "berth exec " + container + " ls -la /")
            verify(files.rowOf("etc") >= 0)
            verify(files.rowOf("note.txt") >= 0)
            // Folders come first.
            verify(files.rowOf("etc") < files.rowOf("note.txt"))

            tryVerify(() => findChild(tab.list, "fileRow-etc") !== null, 5000)
            mouseDoubleClickSequence(findChild(tab.list, "fileRow-etc"))
            tryCompare(files, "path", "/etc", 10000)
            compare(Helper.lastCommand, "berth exec " + container + " ls -la /etc")
            mouseClick(findChild(tab, "filesUp"))
            tryCompare(files, "path", "/", 10000)
            // A path typed in the field, cleaned.
            const field = findChild(tab, "filesPath")
            field.text = "/etc/../tmp/."
            field.accepted()
            tryCompare(files, "path", "/tmp", 10000)
            compare(field.text, "/tmp")
            files.open("/")
            tryCompare(files, "path", "/", 10000)

            // Download note.txt into the fixture's folder, then upload it into /tmp.
            const folder = "file://" + testEnvDir
            mouseClick(findChild(tab.list, "fileRow-note.txt"))
            compare(tab.selected.name, "note.txt")
            grabImage(root).save(testEnvDir + "/container-files-root.png")
            verify(findChild(tab, "filesDownload").enabled)
            tab.copyJob.download(tab.selected.path, tab.selected.isDirectory, folder)
            compare(Helper.lastCommand, "berth cp " + container + ":/note.txt " + testEnvDir)
            tryVerify(() => !tab.copyJob.running, 20000)
            compare(tab.copyJob.error, "")
            compare(tab.copyJob.message, "Downloaded /note.txt to " + testEnvDir + ".")

            files.open("/tmp")
            tryCompare(files, "path", "/tmp", 10000)
            tab.copyJob.upload(folder + "/note.txt", files.path)
            compare(Helper.lastCommand, "berth cp " + testEnvDir + "/note.txt " + container + ":/tmp")
            tryVerify(() => !tab.copyJob.running, 20000)
            compare(tab.copyJob.error, "")
            tryVerify(() => files.rowOf("note.txt") >= 0, 10000, "the upload should be listed")
            compare(files.data(files.index(files.rowOf("note.txt"), 0), ContainerFilesModel.SizeRole), 15)
            grabImage(root).save(testEnvDir + "/container-files.png")

            // A folder goes the same way, under its own name.
            tab.copyJob.download("/bin", true, folder)
            tryVerify(() => !tab.copyJob.running, 30000)
            compare(tab.copyJob.error, "")
            tab.copyJob.upload(folder + "/bin", files.path)
            tryVerify(() => !tab.copyJob.running, 30000)
            compare(tab.copyJob.error, "")
            tryVerify(() => files.rowOf("bin") >= 0, 10000, "the uploaded folder should be listed")
            files.open("/tmp/bin")
            tryCompare(files, "path", "/tmp/bin", 10000)
            verify(files.rowOf("sh") >= 0)
            files.open("/tmp")
            tryCompare(files, "path", "/tmp", 10000)

            // Cancel stops a copy at once and says so; the helper and the next copy are fine.
            tab.copyJob.download("/bin", true, folder)
            verify(tab.copyJob.running)
            verify(findChild(tab, "filesCopyCancel").visible)
            tab.copyJob.cancel()
            tryVerify(() => !tab.copyJob.running, 20000)
            verify(tab.copyJob.error.startsWith("Download cancelled; what had arrived by then is in "), tab.copyJob.error)
            verify(!findChild(tab, "filesCopyCancel").visible)
            tab.copyJob.upload(folder + "/bin", files.path)
            tab.copyJob.cancel()
            tryVerify(() => !tab.copyJob.running, 20000)
            compare(tab.copyJob.error, "Upload cancelled; what had arrived by then is in /tmp.")
            tab.copyJob.download("/tmp/note.txt", false, folder)
            tryVerify(() => !tab.copyJob.running, 20000)
            compare(tab.copyJob.error, "")
            compare(tab.copyJob.message, "Downloaded /tmp/note.txt to " + testEnvDir + ".")

            // A file is no folder: the listing says so and stays where it was.
            files.open("/tmp/note.txt")
            tryVerify(() => files.error.length > 0, 10000)
            compare(files.path, "/tmp")
        }
    }
}
