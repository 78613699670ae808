import QtQuick
import QtTest
import Berth

// The Settings panel, typed into like a person would, against the real helper: its
// validation errors appear under the field, a good value is stored, and the command strip
// shows the `berth config` command that does the same.
Item {
    id: root
    width: 1180
    height: 900

    readonly property string key: "default-bridge-subnet"

    Component {
        id: workbenchComponent
        Workbench { anchors.fill: parent }
    }
    Component {
        id: modelComponent
        ConfigModel {}
    }

    TestCase {
        name: "Settings"
        when: windowShown

        // The value the helper has stored, read through a model of its own.
        function storedValue(key) {
            const model = createTemporaryObject(modelComponent, root)
            model.reload()
            tryVerify(() => !model.loading && model.rowCount() > 0, 15000, "GetConfig: " + model.loadError)
            for (let row = 0; row < model.rowCount(); ++row) {
                const index = model.index(row, 0)
                if (model.data(index, ConfigModel.KeyRole) === key)
                    return { value: model.data(index, ConfigModel.ValueRole), isDefault: model.data(index, ConfigModel.IsDefaultRole) }
            }
            fail("no row for " + key)
        }

        function resetStored() {
            const model = createTemporaryObject(modelComponent, root)
            model.reload()
            tryVerify(() => !model.loading && model.rowCount() > 0, 15000, model.loadError)
            model.reset(key)
            tryVerify(() => storedValue(key).isDefault, 15000, "could not reset " + key)
        }
        function init() { resetStored() }
        function cleanupTestCase() { resetStored() }

        function openSettings() {
            const workbench = createTemporaryObject(workbenchComponent, root, { initialPage: "settings" })
            const page = workbench.pages.currentItem
            compare(page.objectName, "settingsPage")
            tryVerify(() => page.ready, 20000, "the Settings panel should load")
            compare(page.model.loadError, "")
            compare(findChild(workbench, "commandText").text, "berth config get")
            const list = findChild(page, "settingsList")
            let rowIndex = -1
            for (let row = 0; row < page.model.rowCount(); ++row) {
                if (page.model.data(page.model.index(row, 0), ConfigModel.KeyRole) === key)
                    rowIndex = row
            }
            verify(rowIndex >= 0)
            list.positionViewAtIndex(rowIndex, ListView.Contain)
            let row = null
            tryVerify(() => (row = findChild(list, "setting-" + key)) !== null)
            return { workbench: workbench, page: page, row: row }
        }

        function replaceText(field, text) {
            mouseClick(field)
            verify(field.activeFocus)
            field.selectAll()
            keyClick(Qt.Key_Backspace)
            compare(field.text, "")
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
            compare(field.text, text)
        }

        function test_invalidThenValidSubnet() {
            const ui = openSettings()
            const field = findChild(ui.row, "field-" + key)
            const save = findChild(ui.row, "save-" + key)
            const error = findChild(ui.row, "error-" + key)
            const commandText = findChild(ui.workbench, "commandText")
            compare(field.text, "10.77.0.0/16")
            verify(!save.enabled, "nothing to save before an edit")

            replaceText(field, "10.88.0.0/33")
            verify(save.enabled)
            mouseClick(save)
            compare(commandText.text, "berth config set " + key + " 10.88.0.0/33")
            tryVerify(() => error.visible, 15000, "the helper's refusal should show under the field")
            verify(error.text.indexOf("33") >= 0 && error.text.indexOf("prefix length") >= 0, error.text)
            compare(field.text, "10.88.0.0/33", "a refused value stays in the field to be corrected")
            compare(storedValue(key).value, "10.77.0.0/16")

            replaceText(field, "10.88.0.0/16")
            keyClick(Qt.Key_Return)
            compare(commandText.text, "berth config set " + key + " 10.88.0.0/16")
            tryVerify(() => findChild(ui.row, "saved-" + key).visible, 15000, "no sign that it was saved: " + error.text)
            verify(!error.visible)
            verify(!save.enabled)
            const stored = storedValue(key)
            compare(stored.value, "10.88.0.0/16")
            compare(stored.isDefault, false)
        }

        function test_resetReturnsToDefault() {
            const ui = openSettings()
            const field = findChild(ui.row, "field-" + key)
            const reset = findChild(ui.row, "reset-" + key)
            verify(!reset.enabled, "a default cannot be reset")
            replaceText(field, "10.99.0.0/24")
            keyClick(Qt.Key_Return)
            tryVerify(() => reset.enabled, 15000)
            mouseClick(reset)
            compare(findChild(ui.workbench, "commandText").text, "berth config unset " + key)
            tryCompare(field, "text", "10.77.0.0/16", 15000)
            verify(storedValue(key).isDefault)
        }

        function test_escapeDiscardsAnEdit() {
            const ui = openSettings()
            const field = findChild(ui.row, "field-" + key)
            replaceText(field, "10.1.0.0/16")
            keyClick(Qt.Key_Escape)
            compare(field.text, "10.77.0.0/16")
            verify(!findChild(ui.row, "save-" + key).enabled)
        }
    }
}
