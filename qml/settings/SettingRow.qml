import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// One engine setting: what it is, its value in an editable field, Save and Reset, and the
// helper's verdict right under the field.
Rectangle {
    id: row
    required property string key
    required property string value
    required property bool isDefault
    required property string defaultValue
    required property string dockerKey
    required property string title
    required property string description
    required property string example
    required property bool saving
    required property string errorText
    // The model whose save/reset this row calls.
    property var settings
    property bool justSaved: false
    readonly property bool edited: field.text !== value

    objectName: "setting-" + key
    color: Theme.view
    border.color: errorText.length > 0 ? Theme.negative : Theme.border
    radius: Theme.radius
    implicitHeight: column.implicitHeight + 28

    function save() {
        justSaved = false
        settings.save(key, field.text)
    }

    // The field follows the stored value: after loading, after a save returns the
    // canonical form, and when another client changes it.
    onValueChanged: field.text = value

    Connections {
        target: row.settings
        function onSaved(key, value) {
            if (key === row.key) {
                row.justSaved = true
                savedTimer.restart()
            }
        }
    }
    Timer {
        id: savedTimer
        interval: 4000
        onTriggered: row.justSaved = false
    }

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 14
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            spacing: 10
            Label {
                text: row.title
                font.bold: true
            }
            Label {
                text: row.key
                font.family: Theme.monospace
                color: Theme.mutedText
            }
            Chip {
                visible: row.isDefault
                text: qsTr("default")
            }
            Item { Layout.fillWidth: true }
            Label {
                // The engine marks keys Docker has no counterpart for as "(Berth only)".
                text: row.dockerKey.startsWith("(") ? qsTr("not in Docker's daemon.json")
                                                    : qsTr("daemon.json: %1").arg(row.dockerKey)
                color: Theme.faintText
                font.pointSize: Qt.application.font.pointSize * Theme.smallScale
                elide: Text.ElideRight
                Layout.maximumWidth: row.width / 3
            }
        }
        Label {
            text: row.description
            color: Theme.mutedText
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: 4
            spacing: Theme.gap
            TextField {
                id: field
                objectName: "field-" + row.key
                Layout.fillWidth: true
                text: row.value
                font.family: Theme.monospace
                placeholderText: qsTr("e.g. %1").arg(row.example)
                selectByMouse: true
                Accessible.name: row.title
                Accessible.description: row.description
                onAccepted: row.save()
                Keys.onEscapePressed: text = row.value
                onTextEdited: row.justSaved = false
            }
            Button {
                objectName: "save-" + row.key
                text: qsTr("Save")
                highlighted: row.edited
                enabled: !row.saving && row.edited
                onClicked: row.save()
            }
            Button {
                objectName: "reset-" + row.key
                text: qsTr("Reset")
                enabled: !row.saving && !row.isDefault
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: row.defaultValue.length > 0 ? qsTr("Return to the default, %1").arg(row.defaultValue)
                                                          : qsTr("Return to the default (empty)")
                onClicked: {
                    row.justSaved = false
                    row.settings.reset(row.key)
                }
            }
        }
        RowLayout {
            visible: row.errorText.length > 0
            Layout.fillWidth: true
            spacing: 6
            PanelIcon {
                name: "warning"
                color: Theme.negativeText
                Layout.preferredWidth: 16
                Layout.preferredHeight: 16
                Layout.alignment: Qt.AlignTop
            }
            Label {
                objectName: "error-" + row.key
                text: row.errorText
                color: Theme.negativeText
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
        RowLayout {
            visible: row.justSaved && row.errorText.length === 0
            spacing: 6
            PanelIcon {
                name: "check"
                color: Theme.positive
                Layout.preferredWidth: 16
                Layout.preferredHeight: 16
            }
            Label {
                objectName: "saved-" + row.key
                text: qsTr("Saved. New containers and pulls use it.")
                color: "#1c7a44"
            }
        }
    }
}
