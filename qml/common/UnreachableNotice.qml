import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// What a panel shows instead of its data when the helper cannot be asked: what happened,
// what to do, and a way to try again.
Rectangle {
    id: notice
    objectName: "unreachableNotice"
    property string message: Helper.statusText
    property string headline: Helper.reachable ? qsTr("The helper could not answer")
                                               : qsTr("Berth's helper is not reachable")

    color: Theme.negativeSoft
    border.color: Theme.negative
    radius: Theme.radius
    implicitHeight: row.implicitHeight + 32

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: 16
        spacing: 14
        PanelIcon {
            name: "warning"
            color: Theme.negativeText
            Layout.preferredWidth: 28
            Layout.preferredHeight: 28
            Layout.alignment: Qt.AlignTop
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 6
            Label {
                objectName: "unreachableHeadline"
                text: notice.headline
                font.bold: true
                font.pointSize: Qt.application.font.pointSize * Theme.headingScale
                color: Theme.negativeText
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
            }
            Label {
                text: notice.message
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Button {
                objectName: "unreachableRetry"
                text: qsTr("Retry")
                Layout.topMargin: 4
                onClicked: Helper.connectToHelper()
            }
        }
    }
}
