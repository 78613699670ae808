import QtQuick
import QtTest
import Berth

// The window's frame: sidebar navigation by keyboard and mouse, placeholder panels, the
// System panel's data, the command strip and the status line.
Item {
    id: root
    width: 1180
    height: 760

    Component {
        id: workbenchComponent
        Workbench { anchors.fill: parent }
    }

    TestCase {
        name: "Workbench"
        when: windowShown

        function open(page) {
            const workbench = createTemporaryObject(workbenchComponent, root, { initialPage: page })
            verify(workbench, "Workbench.qml did not load")
            tryVerify(() => workbench.sidebar.list.activeFocus, 5000, "the sidebar should have the keyboard focus")
            return workbench
        }

        function pageName(workbench) {
            return workbench.pages.currentItem ? workbench.pages.currentItem.objectName : ""
        }

        function test_arrowKeysMoveThroughPanels() {
            const workbench = open("images")
            compare(pageName(workbench), "imagesPage")
            keyClick(Qt.Key_Down)
            compare(workbench.pages.currentIndex, 1)
            compare(pageName(workbench), "containersPage")
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Down)
            compare(pageName(workbench), "placeholder-networks")
            keyClick(Qt.Key_Up)
            compare(pageName(workbench), "volumesPage")
            keyClick(Qt.Key_End)
            compare(pageName(workbench), "settingsPage")
            keyClick(Qt.Key_Down)
            compare(pageName(workbench), "settingsPage", "Down on the last panel stays there")
            keyClick(Qt.Key_Home)
            compare(pageName(workbench), "imagesPage")
            keyClick(Qt.Key_Up)
            compare(pageName(workbench), "imagesPage", "Up on the first panel stays there")
        }

        function test_controlDigitOpensPanel() {
            const workbench = open("images")
            keyClick(Qt.Key_7, Qt.ControlModifier)
            compare(pageName(workbench), "systemPage")
            keyClick(Qt.Key_5, Qt.ControlModifier)
            compare(pageName(workbench), "placeholder-dockerfile")
        }

        function test_clickOpensPanel() {
            const workbench = open("images")
            const entry = findChild(workbench.sidebar, "sidebar-settings")
            verify(entry)
            mouseClick(entry)
            compare(pageName(workbench), "settingsPage")
            verify(workbench.sidebar.list.activeFocus, "after a click the arrow keys should go on from there")
            keyClick(Qt.Key_Up)
            compare(pageName(workbench), "systemPage")
        }

        function test_placeholderSaysItIsNotBuilt_data() {
            return [
                { tag: "networks", title: "Networks", docker: "docker network ls" },
                { tag: "dockerfile", title: "Dockerfile", docker: "docker build" },
                { tag: "learn", title: "Learn", docker: "" }
            ]
        }
        function test_placeholderSaysItIsNotBuilt(data) {
            const workbench = open(data.tag)
            const page = workbench.pages.currentItem
            compare(page.objectName, "placeholder-" + data.tag)
            compare(findChild(page, "pageTitle").text, data.title)
            const notice = findChild(page, "placeholderNotice")
            verify(notice.visible)
            verify(notice.text.indexOf("not built yet") >= 0, notice.text)
            const texts = visibleTexts(page)
            verify(texts.indexOf("berth info") >= 0, "the commands that work today are listed: " + texts)
            verify(texts.indexOf("berth config get | set | unset") >= 0)
            if (data.docker.length > 0)
                verify(texts.indexOf(data.docker) >= 0, data.docker + " should be named: " + texts)
            if (data.now !== undefined)
                verify(texts.indexOf(data.now) >= 0, data.now + " exists already and should be listed: " + texts)
        }

        function test_placeholderLeadsToWhatWorks() {
            const workbench = open("networks")
            Helper.showCommand("berth version")
            mouseClick(findChild(workbench.pages.currentItem, "open-system"))
            compare(pageName(workbench), "systemPage")
            compare(workbench.sidebar.currentIndex, 6)
            tryCompare(Helper, "lastCommand", "berth info")
        }

        function test_systemPageShowsTheHelpersFacts() {
            const workbench = open("system")
            const page = workbench.pages.currentItem
            tryVerify(() => page.ready, 20000, "the System panel should load")
            verify(page.hasInfo, "no info: " + Helper.infoError)
            compare(findChild(page, "storageRootValue").text, testEnvDir + "/root")
            // Version and Info are separate calls; both read the running kernel.
            tryVerify(() => (Helper.version.Kernel || "").length > 0, 10000)
            compare(findChild(page, "kernelValue").text, Helper.version.Kernel)
            const cgroups = findChild(page, "cgroupsValue").text
            verify(/^version [12] \((v1|v2|hybrid)\)/.test(cgroups), cgroups)
            compare(findChild(workbench, "commandText").text, "berth info")
        }

        function test_copyPutsTheCommandOnTheClipboard() {
            const workbench = open("system")
            tryCompare(Helper, "lastCommand", "berth info")
            Clipboard.setText("something else")
            const copy = findChild(workbench, "copyCommand")
            verify(copy.enabled)
            mouseClick(copy)
            compare(Clipboard.text(), "berth info")
            compare(copy.text, "Copied")
        }

        function test_statusLineSaysTheHelperIsReachable() {
            const workbench = open("system")
            tryVerify(() => Helper.reachable, 10000, Helper.statusText)
            const status = findChild(workbench, "statusText")
            verify(status.text.indexOf("Connected to Berth's helper") === 0, status.text)
            compare(findChild(workbench, "statusLight").color, Theme.positive)
            verify(!findChild(workbench, "retryButton").visible)
        }

        // The text of every visible Text under item, as a person would read it.
        function visibleTexts(item) {
            let texts = []
            if (!item.visible)
                return texts
            if (item.text !== undefined && item.font !== undefined && typeof item.text === "string")
                texts.push(item.text)
            for (let i = 0; i < item.children.length; ++i)
                texts = texts.concat(visibleTexts(item.children[i]))
            if (item.contentItem && item.contentItem !== item && item.contentItem.parent !== item)
                texts = texts.concat(visibleTexts(item.contentItem))
            return texts
        }
    }
}
