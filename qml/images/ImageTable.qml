import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The image list as a table: a header that sorts (click again to reverse) and one row per
// tag. Enter or a double-click opens the image; Delete asks to remove it; the right
// button opens the context menu.
Rectangle {
    id: table
    property var model
    property string emptyText
    readonly property alias list: list
    property alias currentIndex: list.currentIndex
    signal activated(string reference)
    signal contextMenuRequested(string reference)
    signal removeRequested(string reference)

    color: Theme.view
    border.color: Theme.border
    radius: Theme.radius

    // Column widths: repository takes what is left.
    readonly property int tagWidth: Math.max(90, width * 0.14)
    readonly property int idWidth: 120
    readonly property int createdWidth: width < 800 ? 0 : 150
    readonly property int sizeWidth: 90
    readonly property int repositoryWidth: Math.max(120, width - 2 - tagWidth - idWidth - createdWidth - sizeWidth - 12)

    component HeaderCell: Rectangle {
        id: cell
        property string column
        property string label
        readonly property bool sorted: table.model && table.model.sortColumn === column
        objectName: "header-" + column
        implicitHeight: 32
        color: tap.pressed ? Theme.accentSoft : hover.hovered ? Theme.alternateView : "transparent"
        clip: true
        Accessible.role: Accessible.ColumnHeader
        Accessible.name: qsTr("Sort by %1").arg(label)
        Label {
            anchors.fill: parent
            leftPadding: 12
            verticalAlignment: Text.AlignVCenter
            text: cell.label + (cell.sorted ? (table.model.ascending ? "  ▲" : "  ▼") : "")
            font.weight: Font.DemiBold
            elide: Text.ElideRight
        }
        HoverHandler { id: hover }
        TapHandler { id: tap; onTapped: table.model.sortBy(cell.column) }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 1
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            spacing: 0
            HeaderCell { column: "repository"; label: qsTr("Repository"); Layout.preferredWidth: table.repositoryWidth }
            HeaderCell { column: "tag"; label: qsTr("Tag"); Layout.preferredWidth: table.tagWidth }
            HeaderCell { column: "imageId"; label: qsTr("Image ID"); Layout.preferredWidth: table.idWidth }
            HeaderCell { column: "created"; label: qsTr("Created"); Layout.preferredWidth: table.createdWidth; visible: table.createdWidth > 0 }
            HeaderCell { column: "size"; label: qsTr("Size"); Layout.preferredWidth: table.sizeWidth }
            Item { Layout.fillWidth: true }
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }

        ListView {
            id: list
            objectName: "imageList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: table.model
            currentIndex: -1
            keyNavigationEnabled: true
            boundsBehavior: Flickable.StopAtBounds
            activeFocusOnTab: true
            ScrollBar.vertical: ScrollBar {}
            Accessible.role: Accessible.Table
            Accessible.name: qsTr("Images")
            onCountChanged: if (count > 0 && currentIndex < 0) currentIndex = 0

            Keys.onReturnPressed: if (currentItem) table.activated(currentItem.reference)
            Keys.onEnterPressed: if (currentItem) table.activated(currentItem.reference)
            Keys.onDeletePressed: if (currentItem) table.removeRequested(currentItem.reference)
            Keys.onMenuPressed: if (currentItem) table.contextMenuRequested(currentItem.reference)

            delegate: ItemDelegate {
                id: row
                required property int index
                required property string repository
                required property string tag
                required property string reference
                required property string imageId
                required property string createdText
                required property string sizeText
                required property bool untagged
                objectName: "imageRow-" + reference
                width: ListView.view.width
                height: 34
                padding: 0
                highlighted: ListView.isCurrentItem
                focusPolicy: Qt.NoFocus
                Accessible.name: reference
                onClicked: {
                    list.currentIndex = index
                    list.forceActiveFocus()
                }
                onDoubleClicked: table.activated(reference)
                TapHandler {
                    acceptedButtons: Qt.RightButton
                    onTapped: {
                        list.currentIndex = row.index
                        table.contextMenuRequested(row.reference)
                    }
                }
                background: Rectangle {
                    color: row.highlighted ? Theme.accentSoft : row.index % 2 ? Theme.alternateView : Theme.view
                    border.width: row.highlighted && list.activeFocus ? 1 : 0
                    border.color: Theme.accent
                }
                contentItem: RowLayout {
                    spacing: 0
                    Label {
                        Layout.preferredWidth: table.repositoryWidth
                        leftPadding: 12
                        text: row.repository
                        elide: Text.ElideMiddle
                        color: row.untagged ? Theme.faintText : Theme.text
                    }
                    Label {
                        Layout.preferredWidth: table.tagWidth
                        leftPadding: 12
                        text: row.tag
                        elide: Text.ElideRight
                        color: row.untagged ? Theme.faintText : Theme.text
                    }
                    Label {
                        Layout.preferredWidth: table.idWidth
                        leftPadding: 12
                        text: row.imageId
                        font.family: Theme.monospace
                        color: Theme.mutedText
                    }
                    Label {
                        visible: table.createdWidth > 0
                        Layout.preferredWidth: table.createdWidth
                        leftPadding: 12
                        text: row.createdText
                        elide: Text.ElideRight
                        color: Theme.mutedText
                    }
                    Label {
                        Layout.preferredWidth: table.sizeWidth
                        leftPadding: 12
                        text: row.sizeText
                    }
                    Item { Layout.fillWidth: true }
                }
            }

            Label {
                objectName: "emptyText"
                anchors.centerIn: parent
                width: parent.width - 40
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                visible: table.emptyText.length > 0
                text: table.emptyText
                color: Theme.mutedText
            }
        }
    }
}
