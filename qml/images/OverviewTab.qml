import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// InspectImage laid out: what the image is, and the settings a container started from it
// gets unless `berth run` overrides them.
ScrollView {
    id: tab
    objectName: "overviewTab"
    property var details
    contentWidth: availableWidth
    clip: true

    component Fact: RowLayout {
        property string label
        property string value
        property string name
        visible: value.length > 0
        Layout.fillWidth: true
        spacing: 12
        Label {
            text: parent.label
            color: Theme.mutedText
            Layout.preferredWidth: 150
            Layout.alignment: Qt.AlignTop
            wrapMode: Text.WordWrap
        }
        TextEdit {
            objectName: parent.name
            text: parent.value
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.WrapAnywhere
            font.family: Theme.monospace
            color: Theme.text
            Layout.fillWidth: true
        }
    }

    ColumnLayout {
        width: tab.availableWidth
        spacing: 12

        Card {
            Layout.fillWidth: true
            title: qsTr("Image")
            Fact { label: qsTr("ID"); value: tab.details.id; name: "factId" }
            Fact { label: qsTr("Tags"); value: tab.details.repoTags.join("\n"); name: "factTags" }
            Fact { label: qsTr("Digests"); value: tab.details.repoDigests.join("\n"); name: "factDigests" }
            Fact { label: qsTr("Created"); value: tab.details.createdText }
            Fact { label: qsTr("Size"); value: tab.details.sizeText }
            Fact { label: qsTr("Platform"); value: tab.details.platform; name: "factPlatform" }
            Fact { label: qsTr("Author"); value: tab.details.author }
            Fact { label: qsTr("Layers"); value: tab.details.diffIds.length > 0 ? String(tab.details.diffIds.length) : "" }
        }
        Card {
            Layout.fillWidth: true
            title: qsTr("What a container starts with")
            subtitle: qsTr("Defaults from the image's config; `berth run` options override them.")
            Fact { label: qsTr("Entrypoint"); value: tab.details.entrypoint }
            Fact { label: qsTr("Command"); value: tab.details.cmd; name: "factCmd" }
            Fact { label: qsTr("Working directory"); value: tab.details.workingDir }
            Fact { label: qsTr("User"); value: tab.details.user }
            Fact { label: qsTr("Environment"); value: tab.details.env.join("\n"); name: "factEnv" }
            Fact { label: qsTr("Exposed ports"); value: tab.details.exposedPorts.join(", ") }
            Fact { label: qsTr("Volumes"); value: tab.details.volumes.join("\n") }
            Fact { label: qsTr("Stop signal"); value: tab.details.stopSignal }
            Fact {
                label: qsTr("Labels")
                value: tab.details.labels.map(l => l.key + "=" + l.value).join("\n")
            }
        }
    }
}
