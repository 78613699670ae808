import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Berth

// Loading images from an archive (`berth load -i PATH`): docker save / podman save output
// or an OCI archive, plain or compressed, chosen in a file dialog or dropped on the
// window. Shows the archive being read and each layer loaded, then the images it added.
Dialog {
    id: dialog
    objectName: "loadDialog"
    readonly property alias job: job
    readonly property alias fileDialog: fileDialog

    title: qsTr("Load images")
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 40 : 640, 680)
    height: Math.min(parent ? parent.height - 40 : 460, 480)
    closePolicy: job.running ? Popup.NoAutoClose : Popup.CloseOnEscape

    // Asks for an archive, then loads it.
    function choose() {
        if (job.running) {
            open()
            return
        }
        Helper.showCommand(job.command)
        fileDialog.currentFolder = job.startFolder()
        fileDialog.open()
    }
    // What the file dialog's Open button and a drop do: load the archive at url.
    function loadFrom(url) {
        if (job.running)
            return
        job.fileUrl = url
        open()
        job.start()
    }

    LoadJob { id: job }

    FileDialog {
        id: fileDialog
        objectName: "loadFileDialog"
        title: qsTr("Load images from an archive")
        fileMode: FileDialog.OpenFile
        acceptLabel: qsTr("Load")
        nameFilters: [qsTr("Image archives (*.tar *.tar.gz *.tgz *.tar.zst *.tar.xz *.tar.bz2)"), qsTr("All files (*)")]
        onAccepted: dialog.loadFrom(selectedFile)
    }

    contentItem: ColumnLayout {
        spacing: 10
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.mutedText
            text: qsTr("Archives written by berth save, docker save or podman save, and OCI archives. "
                       + "Layers this computer already has are not stored twice.")
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: commandLabel.implicitHeight + 12
            color: Theme.terminal
            radius: Theme.radius
            Label {
                id: commandLabel
                objectName: "loadCommand"
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
            listName: "loadLayers"
            outcomeName: "loadOutcome"
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "loadChooseFile"
            text: qsTr("Load another…")
            visible: !job.running
            onClicked: dialog.choose()
        }
        Button {
            objectName: "loadCancel"
            text: job.cancelling ? qsTr("Cancelling…") : qsTr("Cancel load")
            visible: job.running
            enabled: !job.cancelling
            onClicked: job.cancel()
        }
        Button {
            objectName: "loadClose"
            text: qsTr("Close")
            enabled: !job.running
            onClicked: dialog.close()
        }
    }
}
