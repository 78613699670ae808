import QtQuick
import QtTest
import Berth

// Moving images in and out, driven like a person would: push through the push dialog to
// the fixture's registry (a bar per layer, the digest), save through the save dialog and
// load the archive back after removing the image, each with its berth command shown. The
// file dialogs themselves are not driven (they belong to the platform): the tests check
// that they open, then call what their Save/Open buttons call.
Item {
    id: root
    width: 1180
    height: 760

    Component {
        id: workbenchComponent
        Workbench { anchors.fill: parent }
    }

    TestCase {
        name: "ImageTransfer"
        when: windowShown
        readonly property string reference: testRegistry + "/berth-test/busybox:1.0"

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

        function row(page, name) { return findChild(page.table.list, "imageRow-" + name) }

        // Selects the row of name, pulling it first if this store does not have it.
        function selectImage(page, name) {
            if (!row(page, name)) {
                const job = page.pullDialog.job
                job.reference = name
                job.start()
                tryVerify(() => job.finished, 60000, "pulling " + name)
                compare(job.errorMessage, "")
            }
            tryVerify(() => row(page, name) !== null, 20000)
            mouseClick(row(page, name))
            compare(page.currentReference(), name)
        }

        function test_1_pushShowsEachLayerAndTheDigest() {
            const page = openImages()
            selectImage(page, reference)
            mouseClick(findChild(page, "pushButton"))
            const dialog = page.pushDialog
            tryVerify(() => dialog.opened, 5000)
            // Prefilled with the image's own name: `berth push NAME`.
            compare(dialog.targetField.text, reference)
            tryCompare(Helper, "lastCommand", "berth push " + reference)

            typeText(dialog.targetField, "Not A Name")
            verify(findChild(dialog, "pushProblem").visible)
            verify(!findChild(dialog, "pushStart").enabled)

            const target = testRegistry + "/berth-test/pushed-from-gui:v1"
            typeText(dialog.targetField, target)
            compare(findChild(dialog, "pushCommand").text, "$ berth push " + reference + " " + target)
            mouseClick(findChild(dialog, "pushStart"))
            verify(dialog.job.running)
            tryVerify(() => dialog.job.finished, 60000, "the push should finish")
            compare(dialog.job.errorMessage, "")
            compare(Helper.lastCommand, "berth push " + reference + " " + target)
            verify(dialog.job.resultDigest.startsWith("sha256:"), dialog.job.resultDigest)
            compare(findChild(dialog, "pushOutcome").text, "Pushed " + target)
            verify(dialog.job.messages.join("\n").indexOf("v1: digest: " + dialog.job.resultDigest) >= 0,
                   dialog.job.messages.join("\n"))
            compare(dialog.job.layers.count, 3)
            compare(dialog.job.fraction, 1)
            const list = dialog.layerList
            tryCompare(list, "count", 3)
            for (let i = 0; i < list.count; ++i) {
                list.currentIndex = i
                const stage = findChild(list.currentItem, "layerStage").text
                verify(stage === "Pushed" || stage === "Layer already exists" || stage.startsWith("Mounted from "), stage)
            }
            // A picture of the dialog for people to look at (resources/screenshots).
            grabImage(root).save(testEnvDir + "/push-dialog.png")
            mouseClick(findChild(dialog, "pushClose"))
            tryVerify(() => !dialog.visible, 5000)
        }

        function test_2_pushFromTheContextMenuToAMissingImageFails() {
            const page = openImages()
            selectImage(page, reference)
            page.table.contextMenuRequested(reference)
            const menu = findChild(page, "imageContextMenu")
            tryVerify(() => menu.opened, 5000)
            mouseClick(findChild(menu, "menuPush"))
            const dialog = page.pushDialog
            tryVerify(() => dialog.opened, 5000)
            // A registry that is not there: the helper's error is shown, the dialog stays usable.
            typeText(dialog.targetField, "127.0.0.1:9/berth-test/nowhere:1")
            mouseClick(findChild(dialog, "pushStart"))
            tryVerify(() => dialog.job.finished, 60000)
            verify(!dialog.job.succeeded)
            verify(dialog.job.errorMessage.length > 0)
            compare(findChild(dialog, "pushOutcome").text, dialog.job.errorMessage)
            verify(findChild(dialog, "pushStart").enabled)
            mouseClick(findChild(dialog, "pushClose"))
        }

        function test_3_saveThenLoadBringsTheImageBack() {
            const page = openImages()
            selectImage(page, reference)
            // Ctrl+S asks where to save, with a file name made from the image's.
            page.table.list.forceActiveFocus()
            keySequence(StandardKey.Save)
            const dialog = page.saveDialog
            tryVerify(() => dialog.fileDialog.visible, 5000, "Ctrl+S should open the file dialog")
            verify(dialog.fileDialog.selectedFile.toString().endsWith("/busybox-1.0.tar"), dialog.fileDialog.selectedFile)
            compare(Helper.lastCommand, "berth save -o FILE.tar " + reference)
            waitForRendering(root)
            grabImage(root).save(testEnvDir + "/save-file-dialog.png")
            dialog.fileDialog.reject()
            tryVerify(() => !dialog.fileDialog.visible, 5000)

            // What the file dialog's Save button does.
            const path = testEnvDir + "/gui-save-test.tar"
            dialog.saveTo("file://" + path)
            tryVerify(() => dialog.opened, 5000)
            tryVerify(() => dialog.job.finished, 60000, "the save should finish")
            compare(dialog.job.errorMessage, "")
            compare(Helper.lastCommand, "berth save -o " + path + " " + reference)
            compare(findChild(dialog, "saveOutcome").text, "Saved 1 image(s) to " + path)
            compare(dialog.job.fraction, 1)
            verify(dialog.job.layers.count >= 3)
            mouseClick(findChild(dialog, "saveClose"))
            tryVerify(() => !dialog.visible, 5000)

            // Remove it, then load the archive: it is back, under the same name.
            page.imageModel.remove([reference], true)
            tryVerify(() => row(page, reference) === null, 20000, "the image should be removed")
            mouseClick(findChild(page, "loadButton"))
            const load = page.loadDialog
            tryVerify(() => load.fileDialog.visible, 5000, "Load… should open the file dialog")
            compare(Helper.lastCommand, "berth load -i FILE.tar")
            load.fileDialog.reject()
            load.loadFrom("file://" + path)
            tryVerify(() => load.opened, 5000)
            tryVerify(() => load.job.finished, 60000, "the load should finish")
            compare(load.job.errorMessage, "")
            compare(Helper.lastCommand, "berth load -i " + path)
            verify(load.job.loadedLines.indexOf("Loaded image: " + reference) >= 0, load.job.loadedLines.join("\n"))
            compare(findChild(load, "loadOutcome").text, "Loaded 1 image(s) from gui-save-test.tar")
            tryVerify(() => row(page, reference) !== null, 20000, "the loaded image should be listed")
            grabImage(root).save(testEnvDir + "/load-dialog.png")
            mouseClick(findChild(load, "loadClose"))
        }

        function test_4_aSaveThatFailsSaysWhy() {
            const page = openImages()
            const dialog = page.saveDialog
            dialog.openFor(["berth-test/not-here:1"])
            tryVerify(() => dialog.fileDialog.visible, 5000)
            dialog.fileDialog.reject()
            dialog.saveTo("file://" + testEnvDir + "/gui-save-missing.tar")
            tryVerify(() => dialog.job.finished, 60000)
            verify(!dialog.job.succeeded)
            verify(dialog.job.errorMessage.indexOf("not-here") >= 0, dialog.job.errorMessage)
            verify(findChild(dialog, "saveChooseFile").visible)
            mouseClick(findChild(dialog, "saveClose"))

            // A load of something that is no archive: the helper's reason is shown.
            const load = page.loadDialog
            load.loadFrom("file://" + testEnvDir + "/registry/port")
            tryVerify(() => load.job.finished, 60000)
            verify(!load.job.succeeded)
            verify(load.job.errorMessage.length > 0)
            compare(findChild(load, "loadOutcome").text, load.job.errorMessage)
            mouseClick(findChild(load, "loadClose"))
        }
    }
}
