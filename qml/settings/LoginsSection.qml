import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The registries you are logged in to (your user's logins only; passwords never leave the
// helper), with Log in… and a Log out button per registry.
ColumnLayout {
    id: section
    objectName: "loginsSection"
    readonly property alias model: logins
    readonly property alias loginDialog: loginDialog
    readonly property alias loginRepeater: repeater
    spacing: 8

    function reload() { logins.reload() }

    LoginModel { id: logins }

    RowLayout {
        Layout.fillWidth: true
        Layout.topMargin: 10
        Label {
            Layout.fillWidth: true
            text: qsTr("Registry logins")
            font.pointSize: Qt.application.font.pointSize * 1.15
            font.weight: Font.DemiBold
        }
        BusyIndicator {
            running: logins.loading || logins.busy
            visible: running
            Layout.preferredWidth: 24
            Layout.preferredHeight: 24
        }
        Button {
            objectName: "loginButton"
            text: qsTr("Log in…")
            enabled: !logins.busy
            onClicked: {
                logins.clearAction()
                loginDialog.openFor("")
            }
        }
    }

    Rectangle {
        Layout.fillWidth: true
        color: Theme.view
        border.color: Theme.border
        radius: Theme.radius
        implicitHeight: rows.implicitHeight + 28

        ColumnLayout {
            id: rows
            anchors.fill: parent
            anchors.margins: 14
            spacing: 8

            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.mutedText
                text: qsTr("Pulls and pushes use these logins for their registry. They are kept by Berth's helper "
                           + "for your user only, readable only by root.")
            }
            Label {
                objectName: "loginsEmpty"
                visible: logins.loaded && logins.count === 0 && logins.loadError.length === 0
                text: qsTr("You are not logged in to any registry.")
                color: Theme.faintText
            }
            Label {
                objectName: "loginsLoadError"
                visible: logins.loadError.length > 0
                Layout.fillWidth: true
                text: logins.loadError
                color: Theme.negativeText
                wrapMode: Text.WordWrap
            }
            Repeater {
                id: repeater
                model: logins
                delegate: RowLayout {
                    id: loginRow
                    required property string server
                    required property string username
                    objectName: "login-" + server
                    Layout.fillWidth: true
                    spacing: 10
                    PanelIcon {
                        name: "check"
                        color: Theme.positive
                        Layout.preferredWidth: 16
                        Layout.preferredHeight: 16
                    }
                    Label {
                        text: loginRow.server
                        font.family: Theme.monospace
                        font.bold: true
                    }
                    Label {
                        objectName: "loginUser"
                        Layout.fillWidth: true
                        text: qsTr("as %1").arg(loginRow.username)
                        color: Theme.mutedText
                        elide: Text.ElideRight
                    }
                    Button {
                        objectName: "logout-" + loginRow.server
                        text: qsTr("Log out")
                        enabled: !logins.busy
                        onClicked: {
                            logins.clearAction()
                            logins.logout(loginRow.server)
                        }
                    }
                }
            }
            Label {
                objectName: "loginsAction"
                visible: text.length > 0
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: logins.actionError.length > 0 ? logins.actionError : logins.actionMessage
                color: logins.actionError.length > 0 ? Theme.negativeText : "#1c7a44"
            }
        }
    }

    LoginDialog {
        id: loginDialog
        model: logins
    }
}
