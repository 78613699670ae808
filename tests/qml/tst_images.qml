import QtQuick
import QtTest
import Berth

// The Images panel driven like a person would: pull through the dialog (typing, the
// command shown, a bar per layer reaching Pull complete / Already exists), a bad
// reference, a cancelled pull, and the layer explorer on berth-test/busybox, whose third
// layer deletes /etc/hello and makes /data/dir opaque with a new /data/dir/c.
Item {
    id: root
    width: 1180
    height: 760

    Component {
        id: workbenchComponent
        Workbench { anchors.fill: parent }
    }

    TestCase {
        name: "Images"
        when: windowShown
        readonly property string repository: testRegistry + "/berth-test/busybox"

        function openImages() {
            const workbench = createTemporaryObject(workbenchComponent, root, { initialPage: "images" })
            verify(workbench)
            const page = workbench.pages.currentItem
            compare(page.objectName, "imagesPage")
            tryVerify(() => page.ready, 20000, "the image list should load")
            return page
        }

        function typeText(field, text) {
            field.forceActiveFocus()
            field.selectAll()
            keyClick(Qt.Key_Delete)
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
        }

        function pullThroughDialog(page, reference) {
            mouseClick(findChild(page, "pullButton"))
            const dialog = page.pullDialog
            tryVerify(() => dialog.opened, 5000)
            typeText(dialog.referenceField, reference)
            compare(dialog.job.reference, reference)
            tryCompare(Helper, "lastCommand", "berth pull " + reference)
            compare(findChild(dialog, "pullCommand").text, "$ berth pull " + reference)
            mouseClick(findChild(dialog, "pullStart"))
            tryVerify(() => dialog.job.finished, 60000, "the pull should finish")
            return dialog
        }

        function test_1_pullShowsEachLayer() {
            const page = openImages()
            const dialog = pullThroughDialog(page, repository + ":1.0")
            compare(dialog.job.errorMessage, "")
            verify(dialog.job.statusText.startsWith("Status: "), dialog.job.statusText)
            compare(findChild(dialog, "pullOutcome").text, dialog.job.statusText)
            compare(dialog.job.layers.count, 3)
            compare(dialog.job.fraction, 1)
            const list = dialog.layerList
            tryCompare(list, "count", 3)
            for (let i = 0; i < list.count; ++i) {
                list.currentIndex = i
                const stage = findChild(list.currentItem, "layerStage").text
                verify(stage === "Pull complete" || stage === "Already exists", stage)
            }
            findChild(dialog, "pullClose").clicked()
            tryVerify(() => !dialog.visible, 5000)
            // The pulled image is in the list.
            tryVerify(() => findChild(page.table.list, "imageRow-" + repository + ":1.0") !== null, 20000)
        }

        function test_2_badReferenceIsExplained() {
            const page = openImages()
            mouseClick(findChild(page, "pullButton"))
            const dialog = page.pullDialog
            tryVerify(() => dialog.opened, 5000)
            typeText(dialog.referenceField, "Not A Name")
            verify(findChild(dialog, "pullProblem").visible)
            verify(!findChild(dialog, "pullStart").enabled)
            // A well-formed name the registry does not have: the helper's error is shown.
            typeText(dialog.referenceField, testRegistry + "/berth-test/absent:1")
            verify(findChild(dialog, "pullStart").enabled)
            mouseClick(findChild(dialog, "pullStart"))
            tryVerify(() => dialog.job.finished, 60000)
            verify(dialog.job.errorMessage.length > 0)
            compare(findChild(dialog, "pullOutcome").text, dialog.job.errorMessage)
            findChild(dialog, "pullClose").clicked()
        }

        function test_3_cancelStopsThePull() {
            const page = openImages()
            mouseClick(findChild(page, "pullButton"))
            const dialog = page.pullDialog
            tryVerify(() => dialog.opened, 5000)
            typeText(dialog.referenceField, repository + ":latest")
            mouseClick(findChild(dialog, "pullStart"))
            verify(dialog.job.running)
            const cancel = findChild(dialog, "pullCancel")
            verify(cancel.visible)
            mouseClick(cancel)
            tryVerify(() => dialog.job.finished && !dialog.job.running, 60000)
            // The image is small: the pull may have ended before the cancel reached it.
            if (!dialog.job.succeeded) {
                verify(dialog.job.cancelled, dialog.job.errorMessage)
                verify(dialog.job.errorMessage.length > 0)
            }
            findChild(dialog, "pullClose").clicked()
        }

        function test_4_layerExplorerShowsWhiteoutsAndOpaqueDirectories() {
            const page = openImages()
            const reference = repository + ":1.0"
            const row = () => findChild(page.table.list, "imageRow-" + reference)
            tryVerify(() => row() !== null, 20000, "pull " + reference + " first (test_1)")
            mouseDoubleClickSequence(row())
            tryVerify(() => page.showingDetails, 5000)
            const details = page.details
            tryVerify(() => details.imageDetails.loaded, 20000)
            compare(findChild(details, "imageTitle").text, reference)
            tryCompare(Helper, "lastCommand", "berth image inspect " + reference)
            verify(findChild(details, "factPlatform").text.indexOf("linux/") === 0)
            verify(details.imageDetails.rawJson.indexOf("\"RepoTags\"") >= 0)

            mouseClick(findChild(details, "layersTab"))
            const explorer = details.layerExplorer
            tryCompare(explorer.layerList, "count", 3, 20000)
            // The base layer is chosen on opening; the arrow keys go up the stack.
            compare(explorer.changes.layer, 0)
            verify(explorer.layerList.activeFocus)
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Down)
            compare(explorer.changes.layer, 2)
            compare(Helper.lastCommand, "berth image diff " + reference + " --layer 3")
            tryVerify(() => !explorer.changes.loading && explorer.tree.count > 0, 20000)
            compare(findChild(explorer, "layerHeading").text, "Changes of layer 3")

            const node = path => findChild(explorer.tree, "change-" + path)
            tryVerify(() => node("/etc/hello") !== null, 5000)
            compare(node("/etc/hello").change, "deleted")
            verify(findChild(node("/etc/hello"), "changeName").font.strikeout, "a deleted file is struck through")
            compare(node("/data/dir").change, "opaque")
            compare(node("/data/dir/c").change, "added")
            verify(node("/data/dir/c").depth > node("/data/dir").depth)
            // A picture of the explorer for people to look at (resources/screenshots).
            grabImage(root).save(testEnvDir + "/layer-explorer.png")

            // Filter as you type.
            typeText(findChild(explorer, "changeFilter"), "hello")
            tryVerify(() => node("/data/dir/c") === null, 5000)
            verify(node("/etc/hello") !== null)

            // Back to the list.
            mouseClick(findChild(details, "backToImages"))
            verify(!page.showingDetails)
        }

        // Each header sits exactly over its column's cells, Created included, at both a wide
        // window and one too narrow for the Created column; a header click still sorts.
        function checkHeadersOverCells(table, expected) {
            const first = table.list.itemAtIndex(0)
            verify(first, "the list should have a first row")
            // Rows place their children when next polished: let both settle first.
            verify(waitForItemPolished(findChild(table, "imageHeader")), "the header was not laid out")
            verify(waitForItemPolished(first.contentItem), "the first row was not laid out")
            let right = 0
            for (const column of ["repository", "tag", "imageId", "created", "size"]) {
                const header = findChild(table, "header-" + column)
                const cell = findChild(first, "cell-" + column)
                verify(header, "no header for " + column)
                verify(cell, "no cell for " + column)
                const shown = expected.indexOf(column) >= 0
                compare(header.visible, shown, "header " + column + " shown")
                compare(cell.visible, shown, "cell " + column + " shown")
                if (!shown)
                    continue
                const headerX = header.mapToItem(table, 0, 0).x
                const cellX = cell.mapToItem(table, 0, 0).x
                compare(headerX, cellX, "x of the " + column + " header and its cells")
                compare(header.width, cell.width, "width of the " + column + " header and its cells")
                verify(header.width > 0, column + " has no width")
                verify(headerX >= right, column + " overlaps the column before it")
                right = headerX + header.width
            }
            verify(right <= table.width, "the last column ends past the table: " + right + " > " + table.width)
        }

        function test_5_headersLineUpWithTheirCells() {
            const page = openImages()
            const table = page.table
            tryVerify(() => table.list.count > 0 && table.list.itemAtIndex(0) !== null, 20000,
                      "pull " + repository + ":1.0 first (test_1)")
            const labels = ["Repository", "Tag", "Image ID", "Created", "Size"]
            const columns = ["repository", "tag", "imageId", "created", "size"]
            for (let i = 0; i < columns.length; ++i)
                verify(findChild(table, "header-" + columns[i]).label === labels[i], columns[i])
            verify(table.width >= 800, "the window should leave room for Created: " + table.width)
            checkHeadersOverCells(table, columns)
            grabImage(root).save(testEnvDir + "/images-table.png")

            // Narrow: Created goes, header and cells alike, and the rest stays aligned.
            const oldWidth = root.width
            root.width = 880
            tryVerify(() => table.width < 800, 5000)
            checkHeadersOverCells(table, ["repository", "tag", "imageId", "size"])
            root.width = oldWidth
            tryVerify(() => table.width >= 800, 5000)
            checkHeadersOverCells(table, columns)

            // A header click sorts by its column; a second click reverses.
            const size = findChild(table, "header-size")
            mouseClick(size)
            compare(table.model.sortColumn, "size")
            const ascending = table.model.ascending
            mouseClick(size)
            compare(table.model.sortColumn, "size")
            compare(table.model.ascending, !ascending)
            verify(findChild(size, "headerText").text.indexOf(ascending ? "▼" : "▲") > 0)
            mouseClick(findChild(table, "header-repository"))
            compare(table.model.sortColumn, "repository")
        }
    }
}
