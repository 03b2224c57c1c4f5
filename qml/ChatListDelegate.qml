import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// One chat in the sidebar: click opens, double-click or F2 renames in place,
// the context menu renames, forks, exports or deletes (with undo).
ItemDelegate {
    id: row
    required property string id
    required property string name
    required property int index
    property bool current: false
    property bool editing: false
    signal chosen()

    function startRename() { editing = true; editor.text = name; editor.forceActiveFocus(); editor.selectAll() }
    function finishRename(save) {
        if (save && editor.text.trim().length > 0 && editor.text !== name)
            ChatListController.renameChat(id, editor.text)
        editing = false
    }

    height: Theme.rowHeight
    padding: 0
    focusPolicy: Qt.StrongFocus
    highlighted: current
    Accessible.name: name
    Accessible.role: Accessible.ListItem
    onClicked: chosen()
    onDoubleClicked: startRename()
    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_F2) { startRename(); event.accepted = true }
        else if (event.key === Qt.Key_Delete) { ChatListController.deleteChat(id); event.accepted = true }
    }

    background: Rectangle {
        radius: Theme.radiusSmall
        color: row.current ? Theme.selected : row.hovered ? Theme.hover : "transparent"
        border.width: row.visualFocus ? 2 : 0
        border.color: Theme.focusRing
    }

    contentItem: Item {
        Text {
            anchors.fill: parent
            anchors.leftMargin: Theme.gap + 2
            anchors.rightMargin: menuButton.width + Theme.gap
            visible: !row.editing
            verticalAlignment: Text.AlignVCenter
            text: row.name
            color: Theme.text
            elide: Text.ElideRight
            font.pointSize: Theme.baseSize
            font.weight: row.current ? Font.DemiBold : Font.Normal
        }
        TextField {
            id: editor
            objectName: "renameField"
            anchors.fill: parent
            anchors.margins: 2
            visible: row.editing
            color: Theme.text
            font.pointSize: Theme.baseSize
            selectionColor: Theme.accent
            selectedTextColor: Theme.accentText
            Accessible.name: qsTr("Chat name")
            background: Rectangle { radius: Theme.radiusSmall; color: Theme.surface; border.color: Theme.focusRing; border.width: 2 }
            Keys.onReturnPressed: row.finishRename(true)
            Keys.onEnterPressed: row.finishRename(true)
            Keys.onEscapePressed: row.finishRename(false)
            onActiveFocusChanged: if (!activeFocus && row.editing) row.finishRename(true)
        }
        IconButton {
            id: menuButton
            anchors.right: parent.right
            anchors.rightMargin: 4
            anchors.verticalCenter: parent.verticalCenter
            visible: !row.editing && (row.hovered || row.current || row.activeFocus)
            iconName: "more"
            size: Theme.smallIconButton
            tip: qsTr("Chat actions")
            onClicked: menu.popup(menuButton, 0, menuButton.height)
        }
    }

    TapHandler { acceptedButtons: Qt.RightButton; onTapped: menu.popup() }

    Menu {
        id: menu
        MenuItem { text: qsTr("Rename"); onTriggered: row.startRename() }
        MenuItem { text: qsTr("Fork"); onTriggered: ChatListController.forkChat(row.id) }
        MenuItem { text: qsTr("Export as Markdown…"); onTriggered: TransferController.requestChatExport(row.id, row.name, "markdown") }
        MenuItem { text: qsTr("Export as JSON…"); onTriggered: TransferController.requestChatExport(row.id, row.name, "json") }
        MenuItem { text: qsTr("Delete"); onTriggered: ChatListController.deleteChat(row.id) }
    }
}
