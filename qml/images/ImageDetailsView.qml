import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// One image's page: its settings laid out (Overview), the raw inspect JSON, its history,
// and the layer explorer.
ColumnLayout {
    id: view
    objectName: "imageDetails"
    property string reference
    readonly property alias imageDetails: imageDetails
    readonly property alias history: history
    readonly property alias tabs: tabs
    readonly property alias layerExplorer: layerExplorer
    signal back()
    spacing: 10

    function open(name) {
        reference = name
        tabs.currentIndex = 0
        imageDetails.name = name
        history.name = name
        layerExplorer.reset()
        imageDetails.reload(true)
        history.reload(false)
    }
    function showTab(index) {
        tabs.currentIndex = index
    }

    ImageDetails { id: imageDetails }
    ImageHistoryModel { id: history }

    Keys.onEscapePressed: view.back()

    RowLayout {
        Layout.fillWidth: true
        Layout.topMargin: 12
        Layout.leftMargin: Theme.margin
        Layout.rightMargin: Theme.margin
        spacing: 12
        Button {
            objectName: "backToImages"
            text: qsTr("← Images")
            onClicked: view.back()
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                objectName: "imageTitle"
                text: view.reference
                font.pointSize: Qt.application.font.pointSize * 1.4
                font.weight: Font.DemiBold
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
            Label {
                text: imageDetails.loaded ? qsTr("ID %1 · %2 · %3").arg(imageDetails.shortId).arg(imageDetails.platform).arg(imageDetails.sizeText) : ""
                color: Theme.mutedText
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
        BusyIndicator {
            running: imageDetails.loading || history.loading
            visible: running
            Layout.preferredWidth: 28
            Layout.preferredHeight: 28
        }
    }

    Label {
        objectName: "detailsError"
        visible: imageDetails.error.length > 0
        text: imageDetails.error
        color: Theme.negativeText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Layout.leftMargin: Theme.margin
        Layout.rightMargin: Theme.margin
    }

    TabBar {
        id: tabs
        objectName: "imageTabs"
        Layout.fillWidth: true
        Layout.leftMargin: Theme.margin
        Layout.rightMargin: Theme.margin
        TabButton { text: qsTr("Overview"); width: implicitWidth + 16 }
        TabButton { text: qsTr("History"); width: implicitWidth + 16 }
        TabButton { objectName: "layersTab"; text: qsTr("Layers"); width: implicitWidth + 16 }
        TabButton { text: qsTr("Raw JSON"); width: implicitWidth + 16 }
        onCurrentIndexChanged: {
            layerExplorer.shown = false
            if (currentIndex === 0 || currentIndex === 3)
                Helper.showCommand(imageDetails.name.length > 0 ? "berth image inspect " + imageDetails.name : "")
            else if (currentIndex === 1)
                Helper.showCommand("berth history " + history.name)
            else if (currentIndex === 2)
                layerExplorer.activate()
        }
    }

    StackLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.leftMargin: Theme.margin
        Layout.rightMargin: Theme.margin
        Layout.bottomMargin: 12
        currentIndex: tabs.currentIndex

        OverviewTab { details: imageDetails }
        HistoryTab { model: history }
        LayerExplorer {
            id: layerExplorer
            imageName: view.reference
            history: history
            diffIds: imageDetails.diffIds
        }
        ScrollView {
            objectName: "rawJsonView"
            clip: true
            TextArea {
                objectName: "rawJson"
                readOnly: true
                selectByMouse: true
                text: imageDetails.rawJson
                font.family: Theme.monospace
                wrapMode: TextEdit.NoWrap
                background: Rectangle { color: Theme.view; border.color: Theme.border; radius: Theme.radius }
            }
        }
    }
}
