import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Berth

// Saving images to a tar archive (`berth save -o PATH NAME…`): a file dialog to choose
// where, then the job's progress per layer, cancellable. Berth opens the file itself, so
// it is written with your permissions; a failed or cancelled save leaves no file behind.
Dialog {
    id: dialog
    objectName: "saveDialog"
    readonly property alias job: job
    readonly property alias fileDialog: fileDialog

    title: qsTr("Save %1").arg(job.names.join(", "))
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 40 : 640, 680)
    height: Math.min(parent ? parent.height - 40 : 460, 480)
    closePolicy: job.running ? Popup.NoAutoClose : Popup.CloseOnEscape

    // Asks where to save names (a list of image names), then saves them there.
    function openFor(names) {
        if (job.running) {
            open()
            return
        }
        job.reset()
        job.names = names
        job.path = ""
        Helper.showCommand(job.command)
        fileDialog.currentFolder = job.startFolder()
        fileDialog.selectedFile = fileDialog.currentFolder + "/" + job.suggestedFileName(names)
        fileDialog.open()
    }
    // What the file dialog's Save button does: write the archive to url.
    function saveTo(url) {
        if (job.running)
            return
        job.fileUrl = url
        open()
        job.start()
    }

    SaveJob {
        id: job
        onInputChanged: if (dialog.visible && !running) Helper.showCommand(command)
    }

    FileDialog {
        id: fileDialog
        objectName: "saveFileDialog"
        title: qsTr("Save images as")
        fileMode: FileDialog.SaveFile
        acceptLabel: qsTr("Save")
        defaultSuffix: "tar"
        nameFilters: [qsTr("Image archives (*.tar)"), qsTr("All files (*)")]
        onAccepted: dialog.saveTo(selectedFile)
    }

    contentItem: ColumnLayout {
        spacing: 10
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.mutedText
            text: qsTr("The archive holds the images' layers and settings, as docker save writes it: "
                       + "load it on another computer with Berth, docker load or podman load.")
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: commandLabel.implicitHeight + 12
            color: Theme.terminal
            radius: Theme.radius
            Label {
                id: commandLabel
                objectName: "saveCommand"
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
            listName: "saveLayers"
            outcomeName: "saveOutcome"
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "saveChooseFile"
            text: qsTr("Choose file…")
            visible: !job.running && job.finished && !job.succeeded
            onClicked: dialog.openFor(job.names)
        }
        Button {
            objectName: "saveCancel"
            text: job.cancelling ? qsTr("Cancelling…") : qsTr("Cancel save")
            visible: job.running
            enabled: !job.cancelling
            onClicked: job.cancel()
        }
        Button {
            objectName: "saveClose"
            text: qsTr("Close")
            enabled: !job.running
            onClicked: dialog.close()
        }
    }
}
