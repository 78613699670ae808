import QtQuick
import QtTest
import Berth

// The Volumes panel driven like a person would, through the real helper on the fixture's
// bus: Create with its live command line and inline problems, the list, a container that
// mounts the volume showing up as its user, browsing the files that container wrote (a link
// to the host's /etc leads nowhere), Inspect, Remove refused while in use (in the dialog
// and by the helper), and Prune with the space it reclaimed.
Item {
    id: root
    width: 1180
    height: 760

    Component {
        id: workbenchComponent
        Workbench { anchors.fill: parent }
    }

    PullJob { id: pull }
    RunForm { id: runForm }
    // Cleans up what an earlier run left in the fixture's store.
    ContainerListModel { id: containerCleaner }
    VolumeListModel { id: volumeCleaner }

    TestCase {
        name: "Volumes"
        when: windowShown
        readonly property string image: testRegistry + "/berth-test/busybox:1.0"
        readonly property string volume: "gui-vol"
        readonly property string user: "gui-vol-user"

        function removeLeftovers() {
            containerCleaner.reload(false)
            tryVerify(() => containerCleaner.loaded && !containerCleaner.loading, 20000)
            if (containerCleaner.rowOf(user) >= 0) {
                containerCleaner.remove(user, true, false)
                tryVerify(() => !containerCleaner.busy, 30000)
                compare(containerCleaner.actionError, "")
            }
            volumeCleaner.remove(volume, true)
            tryVerify(() => !volumeCleaner.busy, 30000)
            compare(volumeCleaner.actionError, "")
        }

        function initTestCase() {
            pull.reference = image
            pull.start()
            tryVerify(() => pull.finished, 60000, "pulling " + image)
            compare(pull.errorMessage, "")
            removeLeftovers()
        }
        function cleanupTestCase() { removeLeftovers() }

        function openVolumes() {
            const workbench = createTemporaryObject(workbenchComponent, root, { initialPage: "volumes" })
            verify(workbench)
            const page = workbench.pages.currentItem
            compare(page.objectName, "volumesPage")
            tryVerify(() => page.ready, 20000, "the volume list should load")
            compare(page.volumeModel.loadError, "")
            compare(Helper.lastCommand, "berth volume ls")
            return page
        }

        function typeText(field, text) {
            field.forceActiveFocus()
            field.selectAll()
            keyClick(Qt.Key_Delete)
            for (let i = 0; i < text.length; ++i) {
                if (text[i] === "\n")
                    keyClick(Qt.Key_Return)
                else
                    keyClick(text[i])
            }
        }

        function row(page, name) { return findChild(page.table.list, "volumeRow-" + name) }
        // Every cell has a chip and a text; only the Used by cell shows the chip.
        function usedByChip(page, name) { return findChild(findChild(row(page, name), "cell-usedBy"), "usedByChip") }
        function usedByText(page, name) { return findChild(findChild(row(page, name), "cell-usedBy"), "cellText") }
        function selectRow(page, name) {
            tryVerify(() => row(page, name) !== null, 20000, name + " should be listed")
            mouseClick(row(page, name))
            compare(page.currentName, name)
        }
        function resultText(page) {
            const results = []
            const collect = item => {
                if (item.objectName === "actionResultText" && item.visible)
                    results.push(item.text)
                for (let i = 0; i < item.children.length; ++i)
                    collect(item.children[i])
            }
            collect(page)
            return results.join(" | ")
        }
        function fileRow(page, name) { return findChild(page.volumeView.filesTab.list, "fileRow-" + name) }

        function test_1_createShowsTheCommandAndLists() {
            const page = openVolumes()
            mouseClick(findChild(page, "createButton"))
            const dialog = page.createDialog
            tryVerify(() => dialog.opened, 5000)
            compare(Helper.lastCommand, "berth volume create")

            typeText(dialog.nameField, "bad/name")
            const problem = findChild(dialog, "createProblem")
            verify(problem.visible)
            verify(problem.text.indexOf("letter or digit") >= 0, problem.text)
            verify(!findChild(dialog, "createConfirm").enabled)

            typeText(dialog.nameField, volume)
            verify(!problem.visible)
            typeText(dialog.labelsArea, "purpose=qml\nowner=tests")
            const expected = "berth volume create --label purpose=qml --label owner=tests " + volume
            compare(findChild(dialog, "createCommand").text, expected)
            compare(Helper.lastCommand, expected)
            mouseClick(findChild(dialog, "createConfirm"))
            tryVerify(() => !dialog.visible, 5000)
            tryVerify(() => resultText(page).indexOf("Created volume " + volume) >= 0, 20000, resultText(page))
            tryVerify(() => row(page, volume) !== null, 20000)
            // The new volume is selected, unused, local.
            tryCompare(page, "currentName", volume)
            compare(row(page, volume).driver, "local")
            compare(usedByChip(page, volume).visible, false)
            verify(usedByText(page, volume).visible)
            compare(usedByText(page, volume).text, "unused")
        }

        function test_2_aContainerUsingItShowsUp() {
            const page = openVolumes()
            tryVerify(() => row(page, volume) !== null, 20000)
            // It writes a file, a folder and a link to the host's /etc into the volume.
            runForm.reset()
            runForm.image = image
            runForm.name = user
            runForm.volumes = [volume + ":/data"]
            runForm.command = "sh -c \"mkdir -p /data/app && echo hello > /data/app/notes.txt && ln -s /etc /data/host-etc"
                              + " && trap 'exit 0' TERM; while true; do sleep 1; done\""
            verify(runForm.valid, JSON.stringify([runForm.imageProblem, runForm.nameProblem, runForm.commandProblem,
                                                  runForm.volumeProblems, runForm.restartProblem]))
            runForm.run()
            tryVerify(() => runForm.finished, 60000)
            compare(runForm.errorMessage, "")
            // ContainersChanged brings the user into the list.
            tryVerify(() => row(page, volume).usedByCount === 1, 20000)
            const chip = usedByChip(page, volume)
            verify(chip.visible)
            verify(!usedByText(page, volume).visible)
            compare(chip.text, user + " (/data)")

            // Typing in the filter finds the volume by the container that uses it; Down
            // goes on to the list.
            const filter = findChild(page, "volumeFilter")
            typeText(filter, user)
            tryCompare(page.filterModel, "count", 1)
            verify(row(page, volume) !== null)
            typeText(filter, "no-such-volume-here")
            tryCompare(page.filterModel, "count", 0)
            compare(findChild(page.table, "emptyText").text, "No volume matches \"no-such-volume-here\".")
            typeText(filter, "purpose=qml")
            tryCompare(page.filterModel, "count", 1)
            keyClick(Qt.Key_Down)
            verify(page.table.list.activeFocus)
            tryCompare(page, "currentName", volume)
        }

        function test_3_browseAndInspect() {
            const page = openVolumes()
            selectRow(page, volume)
            keyClick(Qt.Key_Return)
            verify(page.showingVolume)
            const view = page.volumeView
            compare(findChild(view, "volumeTitle").text, volume)
            tryVerify(() => view.filesTab && fileRow(page, "app") !== null, 20000, "the top folder should be listed")
            verify(view.filesTab.list.activeFocus, "the keys should go to the files")
            compare(Helper.lastCommand, "berth run --rm -v " + volume + ":/volume:ro busybox ls -la /volume")
            compare(findChild(view, "volumeLabels").text, "owner=tests, purpose=qml")
            // Its user, with its state.
            tryVerify(() => findChild(view, "volumeUser-" + user) !== null
                            && findChild(view, "volumeUser-" + user).text.indexOf("running") >= 0, 20000)
            compare(findChild(view, "volumeUser-" + user).text, user + " at /data · running")

            // Folders first; a link shows its target. (The image's /data was copied into the
            // empty volume first, as docker does, so there is more than what the container wrote.)
            const files = view.filesTab
            let seenNonFolder = false
            for (let i = 0; i < files.list.count; ++i) {
                const isFolder = files.list.itemAtIndex(i).type === "dir"
                verify(!(isFolder && seenNonFolder), "folders come first")
                seenNonFolder = seenNonFolder || !isFolder
            }
            compare(fileRow(page, "app").type, "dir")
            verify(fileRow(page, "host-etc").target === "/etc")
            mouseDoubleClickSequence(fileRow(page, "app"))
            tryCompare(files.directory, "path", "/app")
            tryVerify(() => fileRow(page, "notes.txt") !== null, 10000)
            compare(fileRow(page, "notes.txt").sizeText, "6B")
            compare(fileRow(page, "notes.txt").modeText, "-rw-r--r--")
            compare(Helper.lastCommand, "berth run --rm -v " + volume + ":/volume:ro busybox ls -la /volume/app")
            keyClick(Qt.Key_Backspace)
            tryCompare(files.directory, "path", "/")
            tryVerify(() => fileRow(page, "host-etc") !== null, 10000)

            // The link to /etc resolves inside the volume, where there is no etc.
            for (let i = 0; i < files.list.count; ++i) {
                if (files.list.itemAtIndex(i).name === "host-etc")
                    files.list.currentIndex = i
            }
            compare(files.list.currentItem.name, "host-etc")
            files.list.forceActiveFocus()
            keyClick(Qt.Key_Return)
            const error = findChild(view, "filesError")
            tryVerify(() => error.visible, 10000)
            verify(error.text.indexOf("host-etc points to /etc, which is not inside this volume") === 0, error.text)
            compare(files.directory.path, "/")
            verify(fileRow(page, "passwd") === null)

            mouseClick(findChild(view, "tab-inspect"))
            compare(Helper.lastCommand, "berth volume inspect " + volume)
            const json = findChild(view, "volumeInspectJson")
            tryVerify(() => json.text.length > 0, 10000)
            const inspected = JSON.parse(json.text)
            compare(inspected.length, 1)
            compare(inspected[0].Name, volume)
            compare(inspected[0].UsedBy[0].Name, user)
            tryVerify(() => findChild(view, "volumeSize").text.indexOf("B") > 0, 10000)

            mouseClick(findChild(view, "tab-files"))
            view.filesTab.list.forceActiveFocus()
            keyClick(Qt.Key_Escape)
            verify(!page.showingVolume)
            compare(Helper.lastCommand, "berth volume ls")
            verify(page.table.list.activeFocus, "back on the list, the keys go to it")
        }

        function test_4_removeIsRefusedWhileInUse() {
            const page = openVolumes()
            selectRow(page, volume)
            tryVerify(() => row(page, volume).usedByCount === 1, 20000)
            keyClick(Qt.Key_Delete)
            const dialog = page.removeDialog
            tryVerify(() => dialog.opened, 5000)
            compare(Helper.lastCommand, "berth volume rm " + volume)
            const note = findChild(dialog, "removeInUseNote")
            verify(note.visible)
            verify(note.text.indexOf(user) >= 0, note.text)
            verify(!findChild(dialog, "removeVolumeConfirm").enabled)
            mouseClick(findChild(dialog, "removeVolumeForce"))
            compare(Helper.lastCommand, "berth volume rm -f " + volume)
            verify(!findChild(dialog, "removeVolumeConfirm").enabled, "force does not remove a volume in use")
            mouseClick(findChild(dialog, "removeVolumeCancel"))
            tryVerify(() => !dialog.visible, 5000)

            // Asked anyway (another client, a list behind): the helper refuses and says who.
            page.volumeModel.remove(volume, true)
            tryVerify(() => resultText(page).indexOf("in use") >= 0, 20000, resultText(page))
            verify(resultText(page).indexOf(user) >= 0, resultText(page))
            verify(row(page, volume) !== null)

            // The context menu leads to the same dialog.
            mouseClick(row(page, volume), 20, 10, Qt.RightButton)
            tryVerify(() => page.contextMenu.opened, 5000)
            compare(page.contextMenu.name, volume)
            tryVerify(() => findChild(page.contextMenu, "menuRemove") !== null && findChild(page.contextMenu, "menuRemove").visible, 5000)
            mouseClick(findChild(page.contextMenu, "menuRemove"))
            tryVerify(() => dialog.opened, 5000)
            mouseClick(findChild(dialog, "removeVolumeCancel"))
            tryVerify(() => !dialog.visible, 5000)
        }

        function test_5_pruneSaysWhatItReclaimed() {
            const page = openVolumes()
            containerCleaner.reload(false)
            tryVerify(() => containerCleaner.rowOf(user) >= 0, 20000)
            containerCleaner.remove(user, true, false)
            tryVerify(() => !containerCleaner.busy, 30000)
            compare(containerCleaner.actionError, "")
            tryVerify(() => row(page, volume) !== null && row(page, volume).usedByCount === 0, 20000)

            mouseClick(findChild(page, "pruneButton"))
            const dialog = page.pruneDialog
            tryVerify(() => dialog.opened, 5000)
            compare(Helper.lastCommand, "berth volume prune -f")
            mouseClick(findChild(dialog, "pruneAll"))
            compare(Helper.lastCommand, "berth volume prune -f -a")
            mouseClick(findChild(dialog, "pruneConfirm"))
            tryVerify(() => resultText(page).indexOf("reclaimed") >= 0, 30000, resultText(page))
            // notes.txt held "hello\n".
            verify(/reclaimed [1-9][0-9.]*k?B/.test(resultText(page)), resultText(page))
            tryVerify(() => row(page, volume) === null, 20000)
        }
    }
}
