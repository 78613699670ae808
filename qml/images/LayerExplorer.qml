import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The layer explorer (like `dive`): the image's layers, base first, each with its size and
// the instruction that made it; for the chosen layer, the files it adds, changes and
// removes, as a tree. This is what an image is: a stack of such change sets.
SplitView {
    id: explorer
    objectName: "layerExplorer"
    property string imageName
    property var history
    property var diffIds: []
    readonly property alias changes: changes
    readonly property alias layerList: layerList
    readonly property alias tree: tree
    readonly property var layers: history ? history.layers : []
    // True while this tab is the one shown: only then does choosing a layer change the
    // command strip (the explorer also picks a layer while another tab is open).
    property bool shown: false

    function showLayerCommand() {
        if (shown && changes.layer >= 0)
            Helper.showCommand("berth image diff " + imageName + " --layer " + (changes.layer + 1))
    }
    function reset() {
        shown = false
        layerList.currentIndex = -1
        changes.layer = -1
        changes.filterText = ""
        filterField.text = ""
        changes.reload()
    }
    function activate() {
        shown = true
        Helper.showCommand("berth history " + imageName)
        if (layerList.currentIndex < 0 && layers.length > 0)
            selectLayer(0)
        showLayerCommand()
        // The arrow keys walk the stack as soon as the tab is open.
        layerList.forceActiveFocus()
    }
    function selectLayer(index) {
        layerList.currentIndex = index
        if (index < 0 || index >= layers.length)
            return
        changes.name = imageName
        changes.layer = layers[index].layer
        changes.reload()
        // The same list from the command line, numbered from 1 at the base as shown here.
        showLayerCommand()
    }
    onLayersChanged: if (visible && layerList.currentIndex < 0 && layers.length > 0) selectLayer(0)

    LayerChangesModel { id: changes }

    orientation: width < 820 ? Qt.Vertical : Qt.Horizontal

    ColumnLayout {
        SplitView.preferredWidth: explorer.orientation === Qt.Horizontal ? Math.max(260, explorer.width * 0.36) : explorer.width
        SplitView.preferredHeight: explorer.orientation === Qt.Vertical ? explorer.height * 0.35 : explorer.height
        SplitView.minimumWidth: 200
        spacing: 6

        Label {
            text: qsTr("Layers, base first")
            font.weight: Font.DemiBold
        }
        ListView {
            id: layerList
            objectName: "layerList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: explorer.layers
            currentIndex: -1
            keyNavigationEnabled: true
            activeFocusOnTab: true
            ScrollBar.vertical: ScrollBar {}
            onCurrentIndexChanged: if (currentIndex >= 0 && explorer.layers[currentIndex] && changes.layer !== explorer.layers[currentIndex].layer) explorer.selectLayer(currentIndex)
            delegate: ItemDelegate {
                id: layerRow
                required property int index
                required property var modelData
                objectName: "layerRow-" + index
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                focusPolicy: Qt.NoFocus
                onClicked: {
                    explorer.selectLayer(index)
                    layerList.forceActiveFocus()
                }
                background: Rectangle {
                    color: layerRow.highlighted ? Theme.accentSoft : layerRow.index % 2 ? Theme.alternateView : Theme.view
                    border.color: layerRow.highlighted ? Theme.accent : Theme.border
                    border.width: 1
                    radius: Theme.radius
                }
                contentItem: ColumnLayout {
                    spacing: 2
                    RowLayout {
                        Label {
                            text: qsTr("Layer %1").arg(layerRow.modelData.layer + 1)
                            font.weight: Font.DemiBold
                            Layout.fillWidth: true
                        }
                        Label { text: layerRow.modelData.sizeText; color: Theme.mutedText }
                    }
                    Label {
                        text: layerRow.modelData.instruction
                        font.family: Theme.monospace
                        font.pointSize: Qt.application.font.pointSize * Theme.smallScale
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        maximumLineCount: 2
                        wrapMode: Text.WrapAnywhere
                    }
                    Label {
                        visible: explorer.diffIds.length > layerRow.modelData.layer
                        text: (explorer.diffIds[layerRow.modelData.layer] || "").substring(0, 19)
                        font.family: Theme.monospace
                        font.pointSize: Qt.application.font.pointSize * 0.8
                        color: Theme.faintText
                    }
                }
            }
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.mutedText
            font.pointSize: Qt.application.font.pointSize * Theme.smallScale
            text: qsTr("A layer is a set of file changes packed as a tar. Stacked in order, the layers make the container's file system. "
                       + "A deleted file is recorded as a whiteout (.wh.NAME); an opaque directory (.wh..wh..opq) hides "
                       + "everything the layers below had in it.")
        }
    }

    ColumnLayout {
        spacing: 6
        SplitView.fillWidth: true

        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: "layerHeading"
                text: layerList.currentIndex >= 0 && explorer.layers[layerList.currentIndex]
                      ? qsTr("Changes of layer %1").arg(explorer.layers[layerList.currentIndex].layer + 1) : qsTr("Changes")
                font.weight: Font.DemiBold
            }
            Item { Layout.fillWidth: true }
            Label {
                objectName: "changeCounts"
                text: qsTr("%1 added · %2 modified · %3 deleted · %4 opaque")
                      .arg(changes.addedCount).arg(changes.modifiedCount).arg(changes.deletedCount).arg(changes.opaqueCount)
                color: Theme.mutedText
                elide: Text.ElideLeft
                Layout.maximumWidth: explorer.width * 0.5
            }
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.mutedText
            font.pointSize: Qt.application.font.pointSize * Theme.smallScale
            text: qsTr("Only what this layer changes is listed; grey folders are unchanged and only show where things are.")
        }
        TextField {
            id: filterField
            objectName: "changeFilter"
            Layout.fillWidth: true
            placeholderText: qsTr("Filter paths")
            selectByMouse: true
            onTextChanged: changes.filterText = text
        }
        Label {
            visible: changes.error.length > 0 || changes.truncated
            text: changes.error.length > 0 ? changes.error
                                           : qsTr("Only the first %1 changes are shown.").arg(changes.limit)
            color: changes.error.length > 0 ? Theme.negativeText : Theme.neutral
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.view
            border.color: Theme.border
            radius: Theme.radius
            ListView {
                id: tree
                objectName: "changeTree"
                anchors.fill: parent
                anchors.margins: 1
                clip: true
                model: changes
                ScrollBar.vertical: ScrollBar {}
                BusyIndicator {
                    anchors.centerIn: parent
                    running: changes.loading
                    visible: running
                }
                delegate: ItemDelegate {
                    id: node
                    required property int index
                    required property string path
                    required property string fileName
                    required property int depth
                    required property string change
                    required property string fileType
                    required property string sizeText
                    required property string modeText
                    required property string target
                    required property bool hasChildren
                    required property bool expanded
                    objectName: "change-" + path
                    width: ListView.view.width
                    height: 26
                    padding: 0
                    focusPolicy: Qt.NoFocus
                    onClicked: if (hasChildren) changes.toggle(path)
                    Accessible.name: path + " " + change
                    background: Rectangle { color: node.index % 2 ? Theme.alternateView : Theme.view }
                    contentItem: RowLayout {
                        spacing: 6
                        Item { Layout.preferredWidth: 8 + node.depth * 16 }
                        Label {
                            text: node.hasChildren ? (node.expanded ? "▾" : "▸") : ""
                            Layout.preferredWidth: 12
                            color: Theme.mutedText
                        }
                        ChangeBadge { change: node.change }
                        Label {
                            objectName: "changeName"
                            text: node.fileName + (node.fileType === "dir" ? "/" : "")
                                  + (node.target.length > 0 ? " → " + node.target : "")
                            font.family: Theme.monospace
                            font.strikeout: node.change === "deleted"
                            font.italic: node.change === "opaque"
                            color: node.change === "added" ? "#1c7a44"
                                 : node.change === "modified" ? "#8a6d00"
                                 : node.change === "deleted" ? Theme.negativeText
                                 : node.change === "opaque" ? "#6c3483" : Theme.faintText
                            Layout.fillWidth: true
                            elide: Text.ElideMiddle
                        }
                        Label {
                            visible: node.change === "opaque"
                            text: qsTr("opaque: hides the lower layers' contents")
                            color: "#6c3483"
                            font.pointSize: Qt.application.font.pointSize * Theme.smallScale
                        }
                        Label { text: node.modeText; font.family: Theme.monospace; color: Theme.mutedText }
                        Label {
                            text: node.sizeText
                            Layout.preferredWidth: 70
                            horizontalAlignment: Text.AlignRight
                            Layout.rightMargin: 8
                        }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: !changes.loading && tree.count === 0 && changes.layer >= 0 && changes.error.length === 0
                    text: changes.filterText.length > 0 ? qsTr("No path matches.") : qsTr("This layer changes no file.")
                    color: Theme.mutedText
                }
            }
        }
    }
}
