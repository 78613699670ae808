import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A panel that is not built yet says so plainly, and says what it will do.
Pane {
    id: page
    property string title
    property string summary
    property string command
    readonly property bool ready: true

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 560)
        spacing: 12
        Label {
            text: page.title
            font.pixelSize: 24
            font.bold: true
        }
        Label {
            objectName: "placeholderNotice"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("This panel is not built yet in this version of Berth.")
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            opacity: 0.75
            text: qsTr("When it is: %1").arg(page.summary)
        }
    }
}
