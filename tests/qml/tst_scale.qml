import QtQuick
import QtTest
import Teehee

// Controls grow with the text size (Ctrl+= / Settings), so larger text never
// overflows a fixed-height row: fields, buttons, chat rows, icon buttons, the
// header and the send button all follow Theme.scale.
Item {
    id: root
    width: 900; height: 600
    ConversationController { id: conversation; chatList: ChatListController }

    Column {
        Field { id: field; width: 200; placeholderText: "x" }
        TextButton { id: button; text: "Save" }
        IconButton { id: icon; iconName: "copy"; tip: "Copy" }
        ChatHeader { conversation: conversation; id: header; width: 600 }
        Composer { conversation: conversation; id: composer; width: 600 }
    }
    Sidebar { conversation: conversation; id: sidebar; x: 600; width: 300; height: 600 }

    TestCase {
        name: "Scale"
        when: windowShown
        property real initial: 1

        function findVisible(item, objectName) {
            if (!item) return null
            if (item.objectName === objectName && item.visible) return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = findVisible(item.children[i], objectName)
                if (found) return found
            }
            return null
        }
        function sizes() {
            const row = findVisible(sidebar, "chatList").itemAtIndex(0)
            return {
                field: field.height, button: button.height, icon: icon.height, header: header.implicitHeight,
                send: findVisible(composer, "sendButton").height, row: row ? row.height : 0
            }
        }

        function initTestCase() {
            tryVerify(() => AppStatus.ready, 10000)
            tryVerify(() => ChatListController.listLoaded, 10000)
            if (ChatListController.chats.count === 0) ChatListController.newChat()
            tryVerify(() => ChatListController.chats.count > 0, 5000)
            initial = SettingsController.textScale
        }
        function cleanupTestCase() { SettingsController.textScale = initial }

        function test_controlsFollowTheTextSize() {
            SettingsController.textScale = 1.0
            tryVerify(() => sizes().row > 0)
            const normal = sizes()
            SettingsController.textScale = 1.5
            wait(50)
            const large = sizes()
            for (const k in normal)
                verify(large[k] >= normal[k] * 1.4, k + ": " + normal[k] + " → " + large[k])
        }
    }
}
