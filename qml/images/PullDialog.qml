import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Pulling an image: the reference (and a platform, if wanted), `berth pull REF` shown as
// you type, then one bar per layer with docker's words for its state, an overall bar in
// bytes, the helper's messages, and the outcome. Cancel stops the pull in the helper.
Dialog {
    id: dialog
    objectName: "pullDialog"
    readonly property alias job: job
    readonly property alias referenceField: referenceField
    readonly property alias layerList: progress.layerList

    title: qsTr("Pull an image")
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 40 : 640, 680)
    height: Math.min(parent ? parent.height - 40 : 560, 600)
    closePolicy: job.running ? Popup.NoAutoClose : Popup.CloseOnEscape

    function openFresh() {
        if (!job.running)
            job.reset()
        open()
        referenceField.forceActiveFocus()
        Helper.showCommand(job.command)
    }
    function startPull() {
        if (job.running || job.referenceProblem.length > 0)
            return
        job.start()
    }

    PullJob {
        id: job
        reference: referenceField.text
        platform: platformField.text
        onInputChanged: if (dialog.visible && !running) Helper.showCommand(command)
    }

    contentItem: ColumnLayout {
        spacing: 10

        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.mutedText
            text: qsTr("An image is named [registry/]repository[:tag]. Without a registry it comes from Docker Hub "
                       + "(through your registry mirror, if you set one in Settings); without a tag, :latest is used.")
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: 10
            rowSpacing: 6
            Label { text: qsTr("Image") }
            TextField {
                id: referenceField
                objectName: "pullReference"
                Layout.fillWidth: true
                placeholderText: "busybox:latest"
                selectByMouse: true
                enabled: !job.running
                onAccepted: dialog.startPull()
            }
            Label { text: qsTr("Platform") }
            TextField {
                id: platformField
                objectName: "pullPlatform"
                Layout.fillWidth: true
                placeholderText: qsTr("optional, e.g. linux/arm64 (default: this computer's)")
                selectByMouse: true
                enabled: !job.running
                onAccepted: dialog.startPull()
            }
        }
        Label {
            objectName: "pullProblem"
            Layout.fillWidth: true
            visible: referenceField.text.length > 0 && job.referenceProblem.length > 0 && !job.running
            text: job.referenceProblem
            color: Theme.negativeText
            wrapMode: Text.WordWrap
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: commandLabel.implicitHeight + 12
            color: Theme.terminal
            radius: Theme.radius
            Label {
                id: commandLabel
                objectName: "pullCommand"
                anchors.fill: parent
                anchors.margins: 6
                anchors.leftMargin: 10
                text: "$ " + job.command
                color: Theme.terminalText
                font.family: Theme.monospace
                elide: Text.ElideMiddle
            }
        }

        JobProgressView {
            id: progress
            Layout.fillWidth: true
            Layout.fillHeight: true
            job: dialog.job
            listName: "pullLayers"
            outcomeName: "pullOutcome"
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "pullStart"
            text: job.finished && !job.running ? qsTr("Pull again") : qsTr("Pull")
            highlighted: true
            enabled: !job.running && job.referenceProblem.length === 0
            onClicked: dialog.startPull()
        }
        Button {
            objectName: "pullCancel"
            text: job.cancelling ? qsTr("Cancelling…") : qsTr("Cancel pull")
            visible: job.running
            enabled: !job.cancelling
            onClicked: job.cancel()
        }
        Button {
            objectName: "pullClose"
            text: qsTr("Close")
            enabled: !job.running
            onClicked: dialog.close()
        }
    }
}
