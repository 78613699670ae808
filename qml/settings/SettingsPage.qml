import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The engine's settings (Docker's daemon.json): each with what it does, edited in place.
Pane {
    id: page
    objectName: "settingsPage"
    readonly property bool ready: !configModel.loading
    function activated() {
        configModel.reload()
        Helper.showCommand("berth config get")
    }

    ConfigModel { id: configModel }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        Label { text: qsTr("Settings"); font.pixelSize: 24; font.bold: true }
        Label {
            text: qsTr("The engine's settings, like Docker's daemon.json. Lists are separated by commas.")
            opacity: 0.75
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
        Label {
            visible: configModel.loadError.length > 0
            text: configModel.loadError
            color: "#cf222e"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        ListView {
            id: list
            objectName: "settingsList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 10
            model: configModel
            delegate: Frame {
                id: row
                required property string key
                required property string value
                required property bool isDefault
                required property string dockerKey
                required property string description
                required property string example
                required property bool saving
                required property string errorText
                objectName: "setting-" + key
                width: ListView.view.width
                ColumnLayout {
                    anchors.fill: parent
                    spacing: 4
                    RowLayout {
                        Label { text: row.key; font.bold: true; font.family: "monospace" }
                        Label { text: qsTr("(daemon.json: %1)").arg(row.dockerKey); opacity: 0.6 }
                        Label { visible: row.isDefault; text: qsTr("default"); opacity: 0.6; font.italic: true }
                    }
                    Label { text: row.description; wrapMode: Text.WordWrap; Layout.fillWidth: true; opacity: 0.8 }
                    RowLayout {
                        Layout.fillWidth: true
                        TextField {
                            id: field
                            objectName: "field-" + row.key
                            Layout.fillWidth: true
                            text: row.value
                            placeholderText: qsTr("e.g. %1").arg(row.example)
                            onAccepted: configModel.save(row.key, text)
                        }
                        Button {
                            objectName: "save-" + row.key
                            text: qsTr("Save")
                            enabled: !row.saving && field.text !== row.value
                            onClicked: configModel.save(row.key, field.text)
                        }
                        Button {
                            text: qsTr("Reset")
                            enabled: !row.saving && !row.isDefault
                            onClicked: configModel.reset(row.key)
                        }
                    }
                    Label {
                        objectName: "error-" + row.key
                        visible: row.errorText.length > 0
                        text: row.errorText
                        color: "#cf222e"
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }
}
