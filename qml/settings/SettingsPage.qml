import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The engine's settings (Docker's daemon.json), grouped, each with what it does, edited in
// place; saving shows the `berth config set` command that does the same. Below them, the
// registries you are logged in to (`berth login` / `berth logout`).
Pane {
    id: page
    objectName: "settingsPage"
    readonly property bool ready: !configModel.loading && (list.count > 0 || configModel.loadError.length > 0)
    readonly property alias model: configModel
    // The Logins section (in the list's footer, created with the list).
    readonly property var logins: list.footerItem ? list.footerItem.section : null
    padding: 0
    background: null

    function activated() {
        configModel.reload()
        if (logins)
            logins.reload()
    }
    function helperReturned() {
        if (!configModel.loading && (configModel.loadError.length > 0 || list.count === 0))
            configModel.reload()
        if (logins && (logins.model.loadError.length > 0 || !logins.model.loaded))
            logins.reload()
    }

    ConfigModel { id: configModel }

    ListView {
        id: list
        objectName: "settingsList"
        anchors.fill: parent
        clip: true
        spacing: 10
        model: configModel
        boundsBehavior: Flickable.StopAtBounds
        // Tab moves between the fields; keep the focused one in view.
        keyNavigationEnabled: false
        ScrollBar.vertical: ScrollBar {}

        header: ColumnLayout {
            width: list.width - 2 * Theme.margin
            x: Theme.margin
            spacing: 12
            Item { Layout.preferredHeight: 8 }
            PageHeader {
                Layout.fillWidth: true
                title: qsTr("Settings")
                subtitle: qsTr("The engine's settings, like Docker's daemon.json. Lists are separated by commas. "
                               + "A change applies to containers and pulls started after it.")
                BusyIndicator {
                    running: configModel.loading
                    visible: running
                    Layout.preferredWidth: 28
                    Layout.preferredHeight: 28
                }
                Button {
                    objectName: "reloadSettings"
                    text: qsTr("Reload")
                    enabled: !configModel.loading
                    onClicked: configModel.reload()
                }
            }
            UnreachableNotice {
                visible: configModel.loadError.length > 0
                Layout.fillWidth: true
                message: configModel.loadError
            }
            Item { Layout.preferredHeight: 2 }
        }

        section.property: "group"
        section.delegate: Label {
            required property string section
            x: Theme.margin
            width: list.width - 2 * Theme.margin
            topPadding: 10
            bottomPadding: 2
            text: section
            font.pointSize: Qt.application.font.pointSize * 1.15
            font.weight: Font.DemiBold
        }

        delegate: SettingRow {
            x: Theme.margin
            width: list.width - 2 * Theme.margin
            settings: configModel
        }

        footer: Item {
            readonly property alias section: loginsSection
            width: list.width
            implicitHeight: loginsSection.implicitHeight + 2 * Theme.margin
            height: implicitHeight
            LoginsSection {
                id: loginsSection
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.leftMargin: Theme.margin
                anchors.rightMargin: Theme.margin
                y: Theme.margin / 2
                Component.onCompleted: reload()
            }
        }
    }
}
