import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Logging in to a registry (`berth login SERVER -u USER`): the helper checks the login
// against the registry before storing it, for you only. The password goes to the helper
// and is kept nowhere in this window once the dialog closes.
Dialog {
    id: dialog
    objectName: "loginDialog"
    property var model
    readonly property alias serverField: serverField
    readonly property alias usernameField: usernameField
    readonly property alias passwordField: passwordField
    property string errorText

    title: qsTr("Log in to a registry")
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 40 : 520, 520)
    closePolicy: model && model.busy ? Popup.NoAutoClose : Popup.CloseOnEscape

    function openFor(server) {
        serverField.text = server || ""
        usernameField.text = ""
        passwordField.text = ""
        errorText = ""
        open()
        if (serverField.text.length > 0)
            usernameField.forceActiveFocus()
        else
            serverField.forceActiveFocus()
        showCommand()
    }
    function showCommand() {
        Helper.showCommand(model.loginCommand(serverField.text, usernameField.text))
    }
    function logIn() {
        if (model.busy || usernameField.text.length === 0 || passwordField.text.length === 0)
            return
        errorText = ""
        model.login(serverField.text, usernameField.text, passwordField.text)
    }

    onClosed: passwordField.text = ""

    Connections {
        target: dialog.model
        function onLoginFinished(ok, message) {
            if (!dialog.visible)
                return
            if (ok) {
                dialog.close()
            } else {
                dialog.errorText = message
                passwordField.selectAll()
                passwordField.forceActiveFocus()
            }
        }
    }

    contentItem: ColumnLayout {
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.mutedText
            text: qsTr("Berth checks the login with the registry, then keeps it for your user only; pulls and "
                       + "pushes to that registry use it. Leave the registry empty for Docker Hub.")
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: 10
            rowSpacing: 6
            Label { text: qsTr("Registry") }
            TextField {
                id: serverField
                objectName: "loginServer"
                Layout.fillWidth: true
                placeholderText: qsTr("registry.example.com or 127.0.0.1:5000 (empty: Docker Hub)")
                selectByMouse: true
                enabled: !dialog.model.busy
                onTextChanged: dialog.showCommand()
                onAccepted: usernameField.forceActiveFocus()
            }
            Label { text: qsTr("Username") }
            TextField {
                id: usernameField
                objectName: "loginUsername"
                Layout.fillWidth: true
                selectByMouse: true
                enabled: !dialog.model.busy
                onTextChanged: dialog.showCommand()
                onAccepted: passwordField.forceActiveFocus()
            }
            Label { text: qsTr("Password") }
            TextField {
                id: passwordField
                objectName: "loginPassword"
                Layout.fillWidth: true
                echoMode: TextInput.Password
                placeholderText: qsTr("password or access token")
                enabled: !dialog.model.busy
                onAccepted: dialog.logIn()
            }
        }
        RowLayout {
            Layout.fillWidth: true
            visible: dialog.model.busy
            BusyIndicator {
                running: dialog.model.busy
                Layout.preferredWidth: 24
                Layout.preferredHeight: 24
            }
            Label {
                text: qsTr("Checking the login with the registry…")
                color: Theme.mutedText
            }
        }
        Label {
            objectName: "loginError"
            Layout.fillWidth: true
            visible: dialog.errorText.length > 0
            text: dialog.errorText
            color: Theme.negativeText
            wrapMode: Text.WordWrap
        }
    }
    footer: DialogButtonBox {
        Button {
            objectName: "loginSubmit"
            text: qsTr("Log in")
            highlighted: true
            enabled: !dialog.model.busy && usernameField.text.length > 0 && passwordField.text.length > 0
            onClicked: dialog.logIn()
        }
        Button {
            objectName: "loginCancel"
            text: qsTr("Cancel")
            enabled: !dialog.model.busy
            onClicked: dialog.close()
        }
    }
}
