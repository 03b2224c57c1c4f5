import QtQuick
import QtTest
import Teehee
import TeeheeTest

// The sidebar over the real backend: new chats on top, inline rename,
// filter by title (Enter opens the top hit, Esc clears it from anywhere, a
// new chat is never hidden), delete with undo.
Item {
    id: root
    ConversationController { id: conversation; chatList: ChatListController }
    width: 300; height: 600

    Sidebar { id: sidebar; anchors.fill: parent; conversation: conversation }

    TestCase {
        name: "ChatList"
        when: windowShown

        function findChild(item, objectName) {
            if (!item) return null
            if (item.objectName === objectName) return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = findChild(item.children[i], objectName)
                if (found) return found
            }
            return null
        }
        SignalSpy { id: finished; target: conversation; signalName: "replyFinished" }
        function initTestCase() { tryVerify(() => ChatListController.listLoaded, 10000) }

        function test_1_newChatsAppearMostRecentFirst() {
            const before = ChatListController.chats.totalCount
            ChatListController.newChat()
            tryCompare(ChatListController.chats, "totalCount", before + 1)
            const first = ChatListController.currentChatId
            ChatListController.renameChat(first, "Alpha plans")
            // An empty current chat is reused, so send nothing but create another through the backend.
            conversation.messages.count // (no messages)
            const list = findChild(sidebar, "chatList")
            verify(list)
            tryCompare(list, "count", ChatListController.chats.count)
            compare(ChatListController.chats.idAt(0), first)
            compare(ChatListController.currentChatName, "Alpha plans")
        }

        function test_2_filterByTitle() {
            const filter = findChild(sidebar, "chatFilter")
            filter.forceActiveFocus()
            filter.text = "zzz-no-such"
            compare(ChatListController.chats.count, 0)
            filter.text = "alpha"
            compare(ChatListController.chats.count, 1)
            filter.text = ""
            verify(ChatListController.chats.count >= 1)
        }

        function test_3_renameInline() {
            const list = findChild(sidebar, "chatList")
            const row = list.itemAtIndex(0)
            verify(row)
            mouseDoubleClickSequence(row)
            const editor = findChild(row, "renameField")
            tryVerify(() => editor.visible && editor.activeFocus)
            editor.selectAll()
            keyClick(Qt.Key_Delete)
            keyClick(Qt.Key_B)
            keyClick(Qt.Key_E); keyClick(Qt.Key_T); keyClick(Qt.Key_A)
            keyClick(Qt.Key_Return)
            tryCompare(ChatListController, "currentChatName", "beta")
            // And it is saved: a fresh list from the backend agrees.
            ChatListController.refresh()
            tryVerify(() => ChatListController.chats.count > 0 && ChatListController.chats.indexOf(ChatListController.currentChatId) === 0)
            wait(200)
            compare(ChatListController.currentChatName, "beta")
        }

        function test_4_deleteWithUndo() {
            const id = ChatListController.currentChatId
            const total = ChatListController.chats.totalCount
            ChatListController.deleteChat(id)
            compare(ChatListController.chats.totalCount, total - 1)
            compare(ChatListController.pendingDeleteName, "beta")
            ChatListController.undoDelete()
            compare(ChatListController.chats.totalCount, total)
            tryCompare(ChatListController, "currentChatId", id)
            // Deleting for good: once the undo window is closed the backend forgets it.
            ChatListController.deleteChat(id)
            ChatListController.commitPendingDelete()
            ChatListController.refresh()
            wait(300)
            compare(ChatListController.chats.indexOf(id), -1)
        }
    
        function test_5_filterEnterOpensTopHitEscClearsNewChatsStayVisible() {
            // A chat with a message (so a new chat is really new), named for the filter.
            tryVerify(() => AppStatus.ready, 10000)
            conversation.chooseModel("openai", "gpt-4o-mini")
            // (test 4 left no chat open: sending makes one)
            FakeProvider.reply("Noted.", 0)
            finished.clear()
            verify(conversation.send("Remember this"))
            tryCompare(finished, "count", 1, 5000)
            const gamma = ChatListController.currentChatId
            ChatListController.renameChat(gamma, "Gamma notes")
            ChatListController.newChat()
            tryVerify(() => ChatListController.currentChatId.length > 0 && ChatListController.currentChatId !== gamma, 5000)

            const filter = findChild(sidebar, "chatFilter")
            const list = findChild(sidebar, "chatList")
            filter.forceActiveFocus()
            filter.text = "gamma"
            tryCompare(ChatListController.chats, "count", 1)
            keyClick(Qt.Key_Return)
            tryCompare(ChatListController, "currentChatId", gamma, 5000)

            // Esc once the focus has left the box.
            list.forceActiveFocus()
            verify(!filter.activeFocus)
            keyClick(Qt.Key_Escape)
            compare(filter.text, "")
            compare(ChatListController.chats.filter, "")

            // A chat made while a filter is on shows up.
            filter.text = "gamma"
            tryCompare(ChatListController.chats, "count", 1)
            ChatListController.newChat()
            tryVerify(() => ChatListController.currentChatId.length > 0 && ChatListController.currentChatId !== gamma, 5000)
            tryVerify(() => ChatListController.chats.indexOf(ChatListController.currentChatId) >= 0)
            filter.text = ""
        }

        function test_6_clickingARowDrawsNoFocusFrame() {
            const list = findChild(sidebar, "chatList")
            tryVerify(() => list.count > 1)
            mouseClick(list.itemAtIndex(1))
            const ring = findChild(sidebar, "chatListFocusRing")
            verify(ring)
            verify(!ring.visible)
            verify(!list.itemAtIndex(1).visualFocus)
            // The click opened that chat: let it load before the next test file starts.
            tryVerify(() => !conversation.loading, 5000)
        }
    }
}
