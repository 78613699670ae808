import QtQuick
import QtTest
import Berth

// The Logins section of the Settings page against the fixture's TLS registry with
// htpasswd: a wrong password is refused with the registry's reason, the right one adds a
// row (server and username, no password anywhere), and Log out removes it — each with
// its berth command in the strip.
Item {
    id: root
    width: 1180
    height: 760

    Component {
        id: workbenchComponent
        Workbench { anchors.fill: parent }
    }

    TestCase {
        name: "Logins"
        when: windowShown

        function typeText(field, text) {
            field.forceActiveFocus()
            field.selectAll()
            keyClick(Qt.Key_Delete)
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
        }

        function openLogins() {
            const workbench = createTemporaryObject(workbenchComponent, root, { initialPage: "settings" })
            verify(workbench)
            const page = workbench.pages.currentItem
            compare(page.objectName, "settingsPage")
            tryVerify(() => page.logins !== null && page.logins.model.loaded, 20000, "the logins should load")
            // The section is below the settings: scroll to it as a person would.
            const list = findChild(page, "settingsList")
            tryVerify(() => list.count > 0, 20000)
            list.positionViewAtEnd()
            waitForRendering(list)
            return page.logins
        }

        function test_loginListAndLogout() {
            verify(testLoginRegistry.length > 0 && testLoginPassword.length > 0, "the fixture's login is missing")
            const logins = openLogins()
            const row = () => findChild(logins, "login-" + testLoginRegistry)
            verify(row() === null, "not logged in yet")

            mouseClick(findChild(logins, "loginButton"))
            const dialog = logins.loginDialog
            tryVerify(() => dialog.opened, 5000)
            typeText(dialog.serverField, testLoginRegistry)
            typeText(dialog.usernameField, testLoginUser)
            compare(Helper.lastCommand, "berth login " + testLoginRegistry + " -u " + testLoginUser)

            // A wrong password: the registry refuses, the dialog says so and stays open.
            typeText(dialog.passwordField, "wrong-" + testLoginPassword)
            mouseClick(findChild(dialog, "loginSubmit"))
            tryVerify(() => findChild(dialog, "loginError").visible, 60000, "a wrong password should be refused")
            verify(dialog.opened)
            verify(findChild(dialog, "loginError").text.indexOf(testLoginPassword) < 0, "the password was shown")
            verify(row() === null)

            grabImage(root).save(testEnvDir + "/login-dialog.png")
            typeText(dialog.passwordField, testLoginPassword)
            keyClick(Qt.Key_Return)
            tryVerify(() => !dialog.visible, 60000, "the login should succeed and close the dialog")
            compare(dialog.passwordField.text, "", "the password is not kept after the dialog closes")
            tryVerify(() => row() !== null, 20000, "the new login should be listed")
            compare(findChild(row(), "loginUser").text, "as " + testLoginUser)
            verify(Helper.lastCommand.indexOf(testLoginPassword) < 0)
            compare(findChild(logins, "loginsAction").text, "Login Succeeded: " + testLoginRegistry)
            waitForRendering(root)
            grabImage(root).save(testEnvDir + "/logins.png")

            mouseClick(findChild(row(), "logout-" + testLoginRegistry))
            tryVerify(() => row() === null, 20000, "Log out should remove the row")
            compare(Helper.lastCommand, "berth logout " + testLoginRegistry)
            compare(findChild(logins, "loginsAction").text, "Removing login credentials for " + testLoginRegistry)
            verify(findChild(logins, "loginsEmpty").visible || logins.model.count > 0)
        }
    }
}
