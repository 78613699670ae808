import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The progress of one helper job, as the pull, push, save and load dialogs show it: an
// overall bar in bytes, the helper's messages, then one bar per layer with docker's word
// for its state, and the outcome.
ColumnLayout {
    id: view
    // An ImageJob (PullJob, PushJob, SaveJob, LoadJob).
    property var job
    property string listName: "jobLayers"
    property string outcomeName: "jobOutcome"
    readonly property alias layerList: layerList
    spacing: 10

    RowLayout {
        Layout.fillWidth: true
        visible: view.job.running || view.job.finished
        spacing: 10
        ProgressBar {
            objectName: "overallProgress"
            Layout.fillWidth: true
            from: 0
            to: 1
            value: view.job.fraction
            indeterminate: view.job.running && view.job.layers.count === 0
        }
        Label {
            objectName: "overallBytes"
            text: view.job.bytesText
            color: Theme.mutedText
        }
    }

    ListView {
        id: layerList
        objectName: view.listName
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: 60
        clip: true
        model: view.job.layers
        spacing: 2
        ScrollBar.vertical: ScrollBar {}
        header: Column {
            width: layerList.width
            Repeater {
                model: view.job.messages
                Label {
                    required property string modelData
                    width: layerList.width
                    text: modelData
                    font.family: Theme.monospace
                    font.pointSize: Qt.application.font.pointSize * Theme.smallScale
                    elide: Text.ElideMiddle
                    color: Theme.mutedText
                }
            }
        }
        delegate: RowLayout {
            id: layerRow
            required property string layerId
            required property string stage
            required property string stageText
            required property double fraction
            required property string bytesText
            required property bool layerFinished
            required property bool layerFailed
            objectName: "layer-" + layerId
            width: ListView.view.width
            spacing: 10
            Label {
                text: layerRow.layerId
                font.family: Theme.monospace
                Layout.preferredWidth: 120
                elide: Text.ElideRight
            }
            ProgressBar {
                Layout.fillWidth: true
                from: 0
                to: 1
                value: layerRow.fraction
            }
            Label {
                objectName: "layerStage"
                text: layerRow.stageText
                Layout.preferredWidth: 170
                // "Mounted from REPOSITORY": the end of the name tells repositories apart.
                elide: Text.ElideMiddle
                color: layerRow.layerFailed ? Theme.negativeText : layerRow.layerFinished ? "#1c7a44" : Theme.text
            }
            Label {
                text: layerRow.bytesText
                Layout.preferredWidth: 120
                color: Theme.mutedText
                elide: Text.ElideLeft
            }
        }
    }

    Label {
        objectName: view.outcomeName
        Layout.fillWidth: true
        visible: text.length > 0
        wrapMode: Text.WordWrap
        text: view.job.errorMessage.length > 0 ? view.job.errorMessage : view.job.statusText
        color: view.job.errorMessage.length > 0 ? Theme.negativeText : "#1c7a44"
        font.bold: true
    }
}
