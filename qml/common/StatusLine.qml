import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Whether the helper is reachable and, if not, what to do about it.
Pane {
    objectName: "statusLine"
    padding: 6
    RowLayout {
        anchors.fill: parent
        spacing: 8
        Rectangle {
            width: 10; height: 10; radius: 5
            color: Helper.reachable ? "#2da44e" : "#cf222e"
        }
        Label {
            objectName: "statusText"
            Layout.fillWidth: true
            text: Helper.statusText
            wrapMode: Text.WordWrap
            maximumLineCount: 3
        }
        Button {
            visible: !Helper.reachable
            text: qsTr("Retry")
            onClicked: Helper.connectToHelper()
        }
    }
}
