import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Pushing an image to a registry: the name to push as (prefilled with the image's tag),
// `berth push [IMAGE] NAME[:TAG]` shown as you type, then one bar per layer (Preparing,
// Pushing, Pushed, Layer already exists, Mounted from …) and the digest the registry
// stored. Cancel stops the push in the helper.
Dialog {
    id: dialog
    objectName: "pushDialog"
    readonly property alias job: job
    readonly property alias targetField: targetField
    readonly property alias layerList: progress.layerList

    title: qsTr("Push %1").arg(job.source)
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 40 : 640, 680)
    height: Math.min(parent ? parent.height - 40 : 520, 560)
    closePolicy: job.running ? Popup.NoAutoClose : Popup.CloseOnEscape

    // reference: the row's name (repository:tag, or a short id for an untagged image).
    function openFor(reference, untagged) {
        if (!job.running) {
            job.reset()
            job.source = reference
            targetField.text = untagged ? "" : reference
        }
        open()
        targetField.forceActiveFocus()
        Helper.showCommand(job.command)
    }
    function startPush() {
        if (job.running || job.inputProblem.length > 0)
            return
        job.start()
    }

    PushJob {
        id: job
        target: targetField.text
        onInputChanged: if (dialog.visible && !running) Helper.showCommand(command)
    }

    contentItem: ColumnLayout {
        spacing: 10

        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.mutedText
            text: qsTr("The name says where the image goes: registry.example.com/team/app:1.0 goes to "
                       + "registry.example.com; a name without a registry goes to Docker Hub. Log in to the "
                       + "registry first in Settings if it asks for a password.")
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 10
            Label { text: qsTr("Push as") }
            TextField {
                id: targetField
                objectName: "pushTarget"
                Layout.fillWidth: true
                placeholderText: "registry.example.com/team/app:1.0"
                selectByMouse: true
                enabled: !job.running
                onAccepted: dialog.startPush()
            }
        }
        Label {
            objectName: "pushProblem"
            Layout.fillWidth: true
            visible: targetField.text.length > 0 && job.inputProblem.length > 0 && !job.running
            text: job.inputProblem
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
                objectName: "pushCommand"
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
            listName: "pushLayers"
            outcomeName: "pushOutcome"
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "pushStart"
            text: job.finished && !job.running ? qsTr("Push again") : qsTr("Push")
            highlighted: true
            enabled: !job.running && job.inputProblem.length === 0
            onClicked: dialog.startPush()
        }
        Button {
            objectName: "pushCancel"
            text: job.cancelling ? qsTr("Cancelling…") : qsTr("Cancel push")
            visible: job.running
            enabled: !job.cancelling
            onClicked: job.cancel()
        }
        Button {
            objectName: "pushClose"
            text: qsTr("Close")
            enabled: !job.running
            onClicked: dialog.close()
        }
    }
}
