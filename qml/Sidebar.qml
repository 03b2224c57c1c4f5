import QtQuick
// No "pragma ComponentBehavior: Bound" here: in Qt 6.4 a bound file's
// section.delegate fails to instantiate ("Component is not ready").
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// New chat, title filter, the chats grouped by recency, and settings.
Rectangle {
    id: sidebar
    // The open conversation: Esc stops its reply before it clears a filter.
    required property ConversationController conversation
    signal settingsRequested()
    signal shortcutsRequested()
    signal chatChosen()

    function focusSearch() { search.forceActiveFocus(); search.selectAll() }
    function clearFilter() { search.text = "" }
    // A filter never hides the chat one is in (a new chat, one opened elsewhere).
    function revealCurrent() {
        if (search.text.length > 0 && ChatListController.currentChatId.length > 0
                && ChatListController.chats.indexOf(ChatListController.currentChatId) < 0)
            clearFilter()
    }
    function openTopHit() {
        if (ChatListController.chats.count === 0)
            return openMessageHit(0)
        ChatListController.openChat(ChatListController.chats.idAt(0))
        sidebar.chatChosen()
    }
    function openMessageHit(row) {
        if (row < 0 || row >= SearchController.hits.count)
            return
        ChatListController.openChatAt(SearchController.chatIdAt(row), SearchController.messageIdAt(row))
        sidebar.chatChosen()
    }
    readonly property bool showingHits: search.text.trim().length > 0 && SearchController.hits.count > 0

    color: Theme.sidebar

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap

        TextButton {
            id: newChat
            objectName: "newChatButton"
            Layout.fillWidth: true
            text: qsTr("New chat")
            icon.source: "qrc:/Teehee/icons/plus.svg"
            Accessible.name: qsTr("New chat (Ctrl+N)")
            onClicked: { ChatListController.newChat(); sidebar.clearFilter(); sidebar.chatChosen() }
        }

        Field {
            id: search
            objectName: "chatFilter"
            Layout.fillWidth: true
            placeholderText: qsTr("Search chats (Ctrl+K)")
            label: qsTr("Filter chats by title")
            onTextChanged: { ChatListController.chats.filter = text; SearchController.query = text }
            Keys.onDownPressed: list.forceActiveFocus()
            Keys.onEscapePressed: text = ""
            Keys.onReturnPressed: sidebar.openTopHit()
            Keys.onEnterPressed: sidebar.openTopHit()
        }
        // Esc clears a filter left on after the box lost focus, unless Esc has
        // a nearer job (a stream to stop, an edit to cancel, a field's own Esc).
        Shortcut {
            sequence: "Esc"
            enabled: search.text.length > 0 && !search.activeFocus && !sidebar.conversation.streaming
                     && ["editArea", "renameField"].indexOf(sidebar.Window.activeFocusItem ? sidebar.Window.activeFocusItem.objectName : "") < 0
            onActivated: sidebar.clearFilter()
        }
        Connections {
            target: ChatListController
            function onCurrentChatChanged() { Qt.callLater(sidebar.revealCurrent) }
        }

        ListView {
            id: list
            objectName: "chatList"
            Layout.fillWidth: true
            // With message hits below, the chats take only the room they need.
            Layout.fillHeight: !sidebar.showingHits
            Layout.preferredHeight: sidebar.showingHits ? Math.min(Math.max(contentHeight, Theme.rowHeight), sidebar.height / 3) : -1
            clip: true
            model: ChatListController.chats
            spacing: 2
            keyNavigationEnabled: true
            activeFocusOnTab: true
            // Kept in step by hand: indexOf() is a call, not a notifying property.
            function syncCurrent() { currentIndex = ChatListController.chats.indexOf(ChatListController.currentChatId) }
            Connections { target: ChatListController; function onCurrentChatChanged() { list.syncCurrent() } }
            Connections { target: ChatListController.chats; function onCountChanged() { list.syncCurrent() } }
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Chats")
            ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }

            section.property: "section"
            section.delegate: Text {
                required property string section
                width: list.width
                topPadding: Theme.gap2
                bottomPadding: Theme.gap / 2
                leftPadding: Theme.gap
                text: section
                color: Theme.faintText
                font.pointSize: Theme.smallSize
                font.weight: Font.DemiBold
            }
            delegate: ChatListDelegate {
                width: list.width
                current: id === ChatListController.currentChatId
                onChosen: { ChatListController.openChat(id); sidebar.chatChosen() }
            }
            Keys.onReturnPressed: if (currentIndex >= 0) { ChatListController.openChat(ChatListController.chats.idAt(currentIndex)); sidebar.chatChosen() }

            // Where the keyboard is when the list itself has it (arrows move through the chats).
            Rectangle {
                objectName: "chatListFocusRing"
                parent: list
                anchors.fill: parent
                z: 2
                radius: Theme.radiusSmall
                color: "transparent"
                border.width: 2
                border.color: Theme.focusRing
                // The list itself, reached by the keyboard; not a row's button clicked inside it.
                visible: sidebar.Window.activeFocusItem === list
            }
            Text {
                anchors.centerIn: parent
                visible: list.count === 0
                text: ChatListController.chats.filter ? qsTr("No chat matches") : qsTr("No chats yet")
                color: Theme.faintText
                font.pointSize: Theme.baseSize
            }
        }

        Text {
            visible: sidebar.showingHits
            Layout.fillWidth: true
            leftPadding: Theme.gap
            text: qsTr("In messages")
            color: Theme.faintText
            font.pointSize: Theme.smallSize
            font.weight: Font.DemiBold
            Accessible.role: Accessible.Heading
        }
        ListView {
            id: hitList
            objectName: "messageHits"
            visible: sidebar.showingHits
            Layout.fillWidth: true
            Layout.fillHeight: sidebar.showingHits
            clip: true
            spacing: 2
            model: SearchController.hits
            keyNavigationEnabled: true
            activeFocusOnTab: true
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Messages found")
            ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
            onAtYEndChanged: if (atYEnd && count > 0) SearchController.loadMore()
            Keys.onReturnPressed: sidebar.openMessageHit(currentIndex)
            delegate: ItemDelegate {
                id: hit
                required property int index
                required property string chatName
                required property string snippet
                required property string role
                width: hitList.width
                padding: Theme.gap
                focusPolicy: Qt.StrongFocus
                Accessible.name: qsTr("%1: %2").arg(chatName).arg(snippet)
                Accessible.role: Accessible.ListItem
                onClicked: sidebar.openMessageHit(index)
                background: Rectangle {
                    radius: Theme.radiusSmall
                    color: hit.hovered || hitList.currentIndex === hit.index && hitList.activeFocus ? Theme.hover : "transparent"
                    border.width: hit.visualFocus ? 2 : 0
                    border.color: Theme.focusRing
                }
                contentItem: Column {
                    spacing: 2
                    Text {
                        width: parent.width
                        text: hit.chatName
                        color: Theme.text
                        elide: Text.ElideRight
                        font.pointSize: Theme.baseSize
                    }
                    Text {
                        width: parent.width
                        // Plain text: a message's markup is shown, never interpreted.
                        textFormat: Text.PlainText
                        text: hit.snippet
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                        maximumLineCount: 2
                        elide: Text.ElideRight
                        font.pointSize: Theme.smallSize
                    }
                }
            }
        }

        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.divider }
        RowLayout {
            Layout.fillWidth: true
            TextButton {
                Layout.fillWidth: true
                text: qsTr("Settings")
                icon.source: "qrc:/Teehee/icons/settings.svg"
                Accessible.name: qsTr("Settings (Ctrl+,)")
                onClicked: sidebar.settingsRequested()
            }
            IconButton { iconName: "keyboard"; tip: qsTr("Keyboard shortcuts (F1)"); size: Theme.buttonHeight; onClicked: sidebar.shortcutsRequested() }
        }
    }
}
