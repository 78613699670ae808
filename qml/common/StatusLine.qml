import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Whether the helper is reachable and, if not, what to do about it.
Rectangle {
    id: line
    objectName: "statusLine"

    color: Helper.reachable ? Theme.window : Theme.negativeSoft
    implicitHeight: row.implicitHeight + 10

    Rectangle {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: 1
        color: Helper.reachable ? Theme.border : Theme.negative
    }

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: 14
        anchors.rightMargin: 10
        anchors.topMargin: 5
        anchors.bottomMargin: 5
        spacing: 8

        Rectangle {
            objectName: "statusLight"
            Layout.preferredWidth: 10
            Layout.preferredHeight: 10
            Layout.alignment: Helper.reachable ? Qt.AlignVCenter : Qt.AlignTop
            Layout.topMargin: Helper.reachable ? 0 : 4
            radius: 5
            color: Helper.reachable ? Theme.positive : Theme.negative
            Accessible.role: Accessible.Indicator
            Accessible.name: Helper.reachable ? qsTr("Helper reachable") : qsTr("Helper not reachable")
        }
        Label {
            objectName: "statusText"
            Layout.fillWidth: true
            text: Helper.statusText
            color: Helper.reachable ? Theme.mutedText : Theme.negativeText
            wrapMode: Text.WordWrap
            maximumLineCount: 4
            elide: Text.ElideRight
        }
        Button {
            objectName: "retryButton"
            visible: !Helper.reachable
            text: qsTr("Retry")
            Layout.alignment: Qt.AlignVCenter
            onClicked: Helper.connectToHelper()
        }
    }
}
