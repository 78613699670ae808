import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The teaching thread: the CLI command that does what the person just did in the window.
Pane {
    id: strip
    objectName: "commandStrip"
    property string command
    padding: 8
    background: Rectangle { color: "#1e2227" }

    RowLayout {
        anchors.fill: parent
        spacing: 8
        Label {
            text: qsTr("Command line:")
            color: "#9aa4ad"
        }
        Label {
            objectName: "commandText"
            Layout.fillWidth: true
            text: strip.command.length > 0 ? "$ " + strip.command : qsTr("(what you do here appears as a berth command)")
            font.family: "monospace"
            color: strip.command.length > 0 ? "#e6edf3" : "#6b7580"
            elide: Text.ElideRight
        }
        Button {
            text: qsTr("Copy")
            enabled: strip.command.length > 0
            flat: true
            onClicked: {
                copyHelper.text = strip.command
                copyHelper.selectAll()
                copyHelper.copy()
            }
        }
        TextEdit { id: copyHelper; visible: false }
    }
}
