import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The list of panels, grouped. Arrow keys, Home/End and Page Up/Down move through it;
// Ctrl+1…8 anywhere in the window jump to a panel (see Main.qml).
Rectangle {
    id: sidebar
    property var panels: []
    property alias currentIndex: list.currentIndex
    readonly property alias list: list

    color: Theme.sidebar
    implicitWidth: 210

    Rectangle {
        anchors { top: parent.top; bottom: parent.bottom; right: parent.right }
        width: 1
        color: Theme.border
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.rightMargin: 1
        spacing: 0

        RowLayout {
            Layout.margins: 16
            Layout.bottomMargin: 12
            spacing: 10
            Rectangle {
                Layout.preferredWidth: 34
                Layout.preferredHeight: 34
                radius: 7
                color: Theme.accentStrong
                PanelIcon {
                    anchors.centerIn: parent
                    width: 22
                    height: 22
                    name: "containers"
                    color: "white"
                }
            }
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                Label {
                    text: "Berth"
                    font.pointSize: Qt.application.font.pointSize * 1.35
                    font.weight: Font.DemiBold
                }
                Label {
                    text: qsTr("Container workbench")
                    color: Theme.mutedText
                    font.pointSize: Qt.application.font.pointSize * Theme.smallScale
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                }
            }
        }

        ListView {
            id: list
            objectName: "sidebar"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: sidebar.panels
            focus: true
            keyNavigationEnabled: true
            keyNavigationWraps: false
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Panels")

            Keys.onPressed: event => {
                if (event.key === Qt.Key_Home) {
                    currentIndex = 0
                } else if (event.key === Qt.Key_End) {
                    currentIndex = count - 1
                } else if (event.key === Qt.Key_PageUp) {
                    currentIndex = Math.max(0, currentIndex - 4)
                } else if (event.key === Qt.Key_PageDown) {
                    currentIndex = Math.min(count - 1, currentIndex + 4)
                } else {
                    return
                }
                event.accepted = true
            }

            delegate: Column {
                id: entry
                required property var modelData
                required property int index
                readonly property bool isCurrent: ListView.isCurrentItem
                readonly property bool startsSection: index === 0 || sidebar.panels[index - 1].section !== modelData.section
                width: ListView.view.width

                Label {
                    visible: entry.startsSection
                    text: entry.modelData.section
                    leftPadding: 18
                    topPadding: entry.index === 0 ? 4 : 14
                    bottomPadding: 4
                    width: parent.width
                    elide: Text.ElideRight
                    color: Theme.faintText
                    font.pointSize: Qt.application.font.pointSize * Theme.smallScale
                    font.weight: Font.DemiBold
                    font.capitalization: Font.AllUppercase
                }

                ItemDelegate {
                    id: button
                    objectName: "sidebar-" + entry.modelData.name
                    width: parent.width
                    height: 36
                    leftPadding: 18
                    rightPadding: 12
                    focusPolicy: Qt.NoFocus
                    Accessible.name: entry.modelData.label
                    onClicked: {
                        list.currentIndex = entry.index
                        list.forceActiveFocus()
                    }

                    background: Rectangle {
                        anchors.fill: parent
                        anchors.leftMargin: 8
                        anchors.rightMargin: 8
                        radius: Theme.radius
                        color: entry.isCurrent ? Theme.accentSoft
                             : button.hovered ? Qt.rgba(0, 0, 0, 0.05) : "transparent"
                        border.width: entry.isCurrent && list.activeFocus ? 1 : 0
                        border.color: Theme.accent
                        Rectangle {
                            visible: entry.isCurrent
                            width: 3
                            radius: 1.5
                            anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: 6 }
                            color: Theme.accent
                        }
                    }

                    contentItem: RowLayout {
                        spacing: 10
                        PanelIcon {
                            name: entry.modelData.name
                            color: entry.isCurrent ? Theme.accentStrong : Theme.mutedText
                            Layout.preferredWidth: 18
                            Layout.preferredHeight: 18
                            Layout.leftMargin: 4
                        }
                        Label {
                            text: entry.modelData.label
                            font.weight: entry.isCurrent ? Font.DemiBold : Font.Normal
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                        }
                        Label {
                            visible: !entry.modelData.built
                            text: qsTr("soon")
                            color: Theme.faintText
                            font.pointSize: Qt.application.font.pointSize * Theme.smallScale
                        }
                    }
                }
            }
        }

        Label {
            text: qsTr("Version %1").arg(Qt.application.version)
            color: Theme.faintText
            font.pointSize: Qt.application.font.pointSize * Theme.smallScale
            Layout.margins: 16
            Layout.fillWidth: true
            elide: Text.ElideRight
        }
    }
}
