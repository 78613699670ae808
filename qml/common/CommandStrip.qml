import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The teaching thread: the berth command that does what the person just did in the window,
// ready to copy into a terminal.
Rectangle {
    id: strip
    objectName: "commandStrip"
    property string command

    color: Theme.terminal
    implicitHeight: Math.max(row.implicitHeight + 12, 44)

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: 16
        anchors.rightMargin: 10
        spacing: 10

        Label {
            text: qsTr("Command line")
            color: Theme.terminalMuted
            font.pointSize: Qt.application.font.pointSize * Theme.smallScale
            ToolTip.visible: hint.hovered
            ToolTip.text: qsTr("Every action in Berth has a command-line equivalent. Run it in a terminal to do the same.")
            HoverHandler { id: hint }
        }
        Label {
            text: "$"
            visible: strip.command.length > 0
            color: Theme.terminalPrompt
            font.family: Theme.monospace
            font.bold: true
        }
        Label {
            objectName: "commandText"
            Layout.fillWidth: true
            text: strip.command.length > 0 ? strip.command : qsTr("What you do here appears as a berth command.")
            font.family: strip.command.length > 0 ? Theme.monospace : Qt.application.font.family
            font.italic: strip.command.length === 0
            color: strip.command.length > 0 ? Theme.terminalText : Theme.terminalMuted
            elide: Text.ElideMiddle
        }
        ToolButton {
            id: copyButton
            objectName: "copyCommand"
            property bool copied: false
            enabled: strip.command.length > 0
            focusPolicy: Qt.TabFocus
            text: copied ? qsTr("Copied") : qsTr("Copy")
            Accessible.name: qsTr("Copy the command")
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: qsTr("Copy the command to the clipboard")
            onClicked: {
                Clipboard.setText(strip.command)
                copied = true
                copiedTimer.restart()
            }
            contentItem: RowLayout {
                spacing: 6
                PanelIcon {
                    name: copyButton.copied ? "check" : "copy"
                    color: copyButton.enabled ? Theme.terminalText : Theme.terminalMuted
                    Layout.preferredWidth: 16
                    Layout.preferredHeight: 16
                }
                Label {
                    text: copyButton.text
                    color: copyButton.enabled ? Theme.terminalText : Theme.terminalMuted
                }
            }
            background: Rectangle {
                radius: Theme.radius
                color: copyButton.down ? Qt.rgba(1, 1, 1, 0.18)
                     : copyButton.hovered || copyButton.visualFocus ? Qt.rgba(1, 1, 1, 0.1) : "transparent"
                border.width: copyButton.visualFocus ? 1 : 0
                border.color: Theme.accent
            }
            Timer {
                id: copiedTimer
                interval: 1500
                onTriggered: copyButton.copied = false
            }
        }
    }

    // A new command is a new thing to copy.
    onCommandChanged: copyButton.copied = false
}
