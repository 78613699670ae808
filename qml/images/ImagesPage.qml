import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The local images (`berth images`): a sortable list filtered as you type; pull, load, tag,
// push, save and remove from buttons, a context menu and keys (Ctrl+S saves, Ctrl+O loads,
// Delete removes); and a page per image (inspect, history, layers).
Pane {
    id: page
    objectName: "imagesPage"
    readonly property bool ready: images.loaded || images.loadError.length > 0
    readonly property alias imageModel: images
    readonly property alias filterModel: filtered
    readonly property alias table: table
    readonly property alias pullDialog: pullDialog
    readonly property alias pushDialog: pushDialog
    readonly property alias saveDialog: saveDialog
    readonly property alias loadDialog: loadDialog
    readonly property alias details: detailsView
    readonly property bool showingDetails: stack.currentIndex === 1
    // Run… on an image: the workbench opens the Run dialog with it.
    signal runRequested(string reference)
    padding: 0
    background: null

    function activated() { images.reload() }
    function helperReturned() {
        if (!images.loading && (images.loadError.length > 0 || !images.loaded))
            images.reload()
    }
    function currentReference() { return filtered.get(table.currentIndex, "reference") || "" }
    function openImage(reference) {
        if (!reference)
            return
        detailsView.open(reference)
        stack.currentIndex = 1
    }
    function closeImage() {
        stack.currentIndex = 0
        table.list.forceActiveFocus()
    }
    function askRemove(reference) {
        if (reference) {
            images.clearAction()
            removeDialog.openFor(reference)
        }
    }
    function askPush(reference) {
        if (reference) {
            images.clearAction()
            // An untagged image's reference is its short id: it needs a name to be pushed as.
            pushDialog.openFor(reference, reference.indexOf(":") < 0)
        }
    }
    function askSave(reference) {
        if (reference) {
            images.clearAction()
            saveDialog.openFor([reference])
        }
    }
    function askLoad() {
        images.clearAction()
        loadDialog.choose()
    }
    // A file dropped on the window (or chosen elsewhere): load it with progress shown here.
    function loadArchive(url) {
        closeImage()
        images.clearAction()
        loadDialog.loadFrom(url)
    }
    function isArchiveUrl(url) { return loadDialog.job.isArchiveUrl(url) }
    function askTag(reference) {
        if (reference) {
            images.clearAction()
            tagDialog.openFor(reference)
        }
    }

    ImageListModel { id: images }
    ImageFilterModel { id: filtered; sourceModel: images }

    StackLayout {
        id: stack
        anchors.fill: parent

        ColumnLayout {
            spacing: 12

            PageHeader {
                Layout.fillWidth: true
                Layout.topMargin: 12
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                title: qsTr("Images")
                subtitle: qsTr("The templates containers start from: a stack of read-only layers plus settings. "
                               + "Double-click an image to see its settings, history and layers.")
                BusyIndicator {
                    running: images.loading || images.busy
                    visible: running
                    Layout.preferredWidth: 28
                    Layout.preferredHeight: 28
                }
                Button {
                    objectName: "loadButton"
                    text: qsTr("Load…")
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: qsTr("Load images from a .tar archive (Ctrl+O); you can also drop one on the window")
                    onClicked: page.askLoad()
                }
                Button {
                    objectName: "pullButton"
                    text: qsTr("Pull…")
                    highlighted: true
                    onClicked: pullDialog.openFresh()
                }
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                spacing: Theme.gap
                TextField {
                    id: filterField
                    objectName: "imageFilter"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Filter by name, tag or ID")
                    selectByMouse: true
                    onTextChanged: filtered.filterText = text
                    Keys.onDownPressed: table.list.forceActiveFocus()
                }
                Button {
                    objectName: "tagButton"
                    text: qsTr("Tag…")
                    enabled: table.currentIndex >= 0 && !images.busy
                    onClicked: page.askTag(page.currentReference())
                }
                Button {
                    objectName: "pushButton"
                    text: qsTr("Push…")
                    enabled: table.currentIndex >= 0 && !images.busy
                    onClicked: page.askPush(page.currentReference())
                }
                Button {
                    objectName: "saveButton"
                    text: qsTr("Save…")
                    enabled: table.currentIndex >= 0
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: qsTr("Save the image to a .tar archive (Ctrl+S)")
                    onClicked: page.askSave(page.currentReference())
                }
                Button {
                    objectName: "removeButton"
                    text: qsTr("Remove…")
                    enabled: table.currentIndex >= 0 && !images.busy
                    onClicked: page.askRemove(page.currentReference())
                }
                Button {
                    objectName: "openButton"
                    text: qsTr("Open")
                    enabled: table.currentIndex >= 0
                    onClicked: page.openImage(page.currentReference())
                }
                Button {
                    objectName: "runImageButton"
                    text: qsTr("Run…")
                    enabled: table.currentIndex >= 0
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: qsTr("Start a container from this image")
                    onClicked: page.runRequested(page.currentReference())
                }
            }

            UnreachableNotice {
                visible: images.loadError.length > 0
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                message: images.loadError
            }

            // The outcome of the last remove or tag, the helper's own words.
            Rectangle {
                objectName: "actionResult"
                visible: images.actionError.length > 0 || images.actionMessage.length > 0
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                implicitHeight: resultRow.implicitHeight + 16
                radius: Theme.radius
                color: images.actionError.length > 0 ? Theme.negativeSoft : Theme.positiveSoft
                border.color: images.actionError.length > 0 ? Theme.negative : Theme.positive
                RowLayout {
                    id: resultRow
                    anchors.fill: parent
                    anchors.margins: 8
                    Label {
                        objectName: "actionResultText"
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        text: images.actionError.length > 0 ? images.actionError : images.actionMessage
                        color: images.actionError.length > 0 ? Theme.negativeText : Theme.text
                    }
                    ToolButton {
                        text: "✕"
                        Accessible.name: qsTr("Dismiss")
                        onClicked: images.clearAction()
                    }
                }
            }

            ImageTable {
                id: table
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                Layout.bottomMargin: 12
                model: filtered
                emptyText: images.loaded && images.count === 0
                           ? qsTr("No images yet. Click Pull… to download one, for example busybox.")
                           : filtered.count === 0 && images.count > 0 ? qsTr("No image matches \"%1\".").arg(filtered.filterText) : ""
                onActivated: reference => page.openImage(reference)
                onContextMenuRequested: reference => {
                    contextMenu.reference = reference
                    contextMenu.popup()
                }
                onRemoveRequested: reference => page.askRemove(reference)
            }
        }

        ImageDetailsView {
            id: detailsView
            onBack: page.closeImage()
        }
    }

    Menu {
        id: contextMenu
        objectName: "imageContextMenu"
        property string reference
        MenuItem { text: qsTr("Open"); onTriggered: page.openImage(contextMenu.reference) }
        MenuItem { objectName: "menuRun"; text: qsTr("Run…"); onTriggered: page.runRequested(contextMenu.reference) }
        MenuItem { objectName: "menuTag"; text: qsTr("Tag…"); onTriggered: page.askTag(contextMenu.reference) }
        MenuItem { objectName: "menuPush"; text: qsTr("Push…"); onTriggered: page.askPush(contextMenu.reference) }
        MenuItem { objectName: "menuSave"; text: qsTr("Save to archive…"); onTriggered: page.askSave(contextMenu.reference) }
        MenuItem { objectName: "menuRemove"; text: qsTr("Remove…"); onTriggered: page.askRemove(contextMenu.reference) }
        MenuSeparator {}
        MenuItem { text: qsTr("Copy name"); onTriggered: Clipboard.setText(contextMenu.reference) }
    }

    Shortcut {
        sequences: [StandardKey.Save]
        enabled: page.visible && !page.showingDetails && table.currentIndex >= 0
        onActivated: page.askSave(page.currentReference())
    }
    Shortcut {
        sequences: [StandardKey.Open]
        enabled: page.visible
        onActivated: page.askLoad()
    }

    PullDialog { id: pullDialog }
    PushDialog { id: pushDialog }
    SaveDialog { id: saveDialog }
    LoadDialog { id: loadDialog }
    TagDialog { id: tagDialog; model: images }
    RemoveDialog { id: removeDialog; model: images }
}
