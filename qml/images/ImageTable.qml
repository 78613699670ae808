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

    // The columns, in order: the header and every row lay out these same cells, one
    // Repeater each over this list, with the widths from columnWidths (a width of 0 hides
    // the column in both). "column" is the model's sort key, "text" the row's property.
    readonly property var columns: [
        { column: "repository", label: qsTr("Repository"), text: "repository" },
        { column: "tag", label: qsTr("Tag"), text: "tag" },
        { column: "imageId", label: qsTr("Image ID"), text: "imageId" },
        { column: "created", label: qsTr("Created"), text: "createdText" },
        { column: "size", label: qsTr("Size"), text: "sizeText" }
    ]
    // Repository takes what is left; Created goes when the table is narrow.
    readonly property int tagWidth: Math.max(90, width * 0.14)
    readonly property int idWidth: 120
    readonly property int createdWidth: width < 800 ? 0 : 150
    readonly property int sizeWidth: 90
    readonly property int repositoryWidth: Math.max(120, width - 2 - tagWidth - idWidth - createdWidth - sizeWidth - 12)
    readonly property var columnWidths: [repositoryWidth, tagWidth, idWidth, createdWidth, sizeWidth]

    component HeaderCell: Rectangle {
        id: cell
        required property var modelData
        required property int index
        readonly property string column: modelData.column
        readonly property string label: modelData.label
        readonly property bool sorted: table.model && table.model.sortColumn === column
        objectName: "header-" + column
        width: table.columnWidths[index]
        height: 32
        visible: width > 0
        color: tap.pressed ? Theme.accentSoft : hover.hovered ? Theme.alternateView : "transparent"
        clip: true
        Accessible.role: Accessible.ColumnHeader
        Accessible.name: qsTr("Sort by %1").arg(label)
        Label {
            objectName: "headerText"
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

        Row {
            objectName: "imageHeader"
            Layout.fillWidth: true
            Repeater {
                model: table.columns
                HeaderCell {}
            }
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
                contentItem: Row {
                    Repeater {
                        model: table.columns
                        Label {
                            required property var modelData
                            required property int index
                            readonly property string column: modelData.column
                            objectName: "cell-" + column
                            width: table.columnWidths[index]
                            height: row.availableHeight
                            visible: width > 0
                            leftPadding: 12
                            verticalAlignment: Text.AlignVCenter
                            text: row[modelData.text]
                            elide: column === "repository" ? Text.ElideMiddle : Text.ElideRight
                            font.family: column === "imageId" ? Theme.monospace : row.font.family
                            color: (column === "repository" || column === "tag") ? (row.untagged ? Theme.faintText : Theme.text)
                                   : column === "size" ? Theme.text : Theme.mutedText
                        }
                    }
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
