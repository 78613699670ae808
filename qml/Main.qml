import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

ApplicationWindow {
    id: window
    width: 1180
    height: 760
    minimumWidth: 820
    minimumHeight: 540
    visible: true
    title: qsTr("Berth")
    color: Theme.window

    palette.window: Theme.window
    palette.windowText: Theme.text
    palette.base: Theme.view
    palette.alternateBase: Theme.alternateView
    palette.text: Theme.text
    palette.button: "#f6f7f7"
    palette.buttonText: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: "#ffffff"
    palette.placeholderText: Theme.faintText
    palette.toolTipBase: Theme.text
    palette.toolTipText: Theme.window
    palette.link: Theme.accentStrong
    palette.mid: Theme.border
    // Setting a colour sets it for every state; disabled controls must still look disabled.
    palette.disabled.windowText: Theme.faintText
    palette.disabled.text: Theme.faintText
    palette.disabled.buttonText: Theme.faintText

    // Set from --page; empty opens the System panel.
    property string initialPage: ""
    // Read by --screenshot: true once the current panel shows its data or an error.
    readonly property bool currentPageReady: workbench.currentPageReady

    Workbench {
        id: workbench
        anchors.fill: parent
        initialPage: window.initialPage
    }
}
