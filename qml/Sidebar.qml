import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// New chat, title filter, the chats grouped by recency, and settings.
Rectangle {
    id: sidebar
    signal settingsRequested()
    signal shortcutsRequested()
    signal chatChosen()

    function focusSearch() { search.forceActiveFocus(); search.selectAll() }

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
            onClicked: { ChatListController.newChat(); sidebar.chatChosen() }
        }

        Field {
            id: search
            objectName: "chatFilter"
            Layout.fillWidth: true
            placeholderText: qsTr("Search chats (Ctrl+K)")
            label: qsTr("Filter chats by title")
            onTextChanged: ChatListController.chats.filter = text
            Keys.onDownPressed: list.forceActiveFocus()
            Keys.onEscapePressed: text = ""
        }

        ListView {
            id: list
            objectName: "chatList"
            Layout.fillWidth: true
            Layout.fillHeight: true
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
                width: ListView.view.width
                topPadding: Theme.gap2
                bottomPadding: Theme.gap / 2
                leftPadding: Theme.gap
                text: section
                color: Theme.faintText
                font.pointSize: Theme.smallSize
                font.weight: Font.DemiBold
            }
            delegate: ChatListDelegate {
                width: ListView.view.width
                current: id === ChatListController.currentChatId
                onChosen: { ChatListController.openChat(id); sidebar.chatChosen() }
            }
            Keys.onReturnPressed: if (currentIndex >= 0) { ChatListController.openChat(ChatListController.chats.idAt(currentIndex)); sidebar.chatChosen() }

            // Where the keyboard is when the list itself has it (arrows move through the chats).
            Rectangle {
                parent: list
                anchors.fill: parent
                z: 2
                radius: Theme.radiusSmall
                color: "transparent"
                border.width: 2
                border.color: Theme.focusRing
                visible: list.activeFocus
            }
            Text {
                anchors.centerIn: parent
                visible: list.count === 0
                text: ChatListController.chats.filter ? qsTr("No chat matches") : qsTr("No chats yet")
                color: Theme.faintText
                font.pointSize: Theme.baseSize
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
            IconButton { iconName: "keyboard"; tip: qsTr("Keyboard shortcuts (F1)"); size: 32; onClicked: sidebar.shortcutsRequested() }
        }
    }
}
