import QtQuick
import QtTest
import Teehee
import TeeheeTest

// The sidebar's search of message text over the real backend: hits with
// their snippets (plain text) under the chats, more pages as one scrolls,
// and a hit opens its chat at the message, switching to its branch.
Item {
    id: root
    ConversationController { id: conversation; chatList: ChatListController }
    width: 300; height: 600

    Sidebar { id: sidebar; anchors.fill: parent; conversation: conversation }

    SignalSpy { id: finished; target: conversation; signalName: "replyFinished" }
    SignalSpy { id: revealed; target: conversation; signalName: "messageRevealed" }
    SignalSpy { id: searched; target: SearchController; signalName: "finished" }

    TestCase {
        name: "Search"
        when: windowShown
        property string chatId
        property string kumquatId

        function findChild(item, objectName) {
            if (!item) return null
            if (item.objectName === objectName) return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = findChild(item.children[i], objectName)
                if (found) return found
            }
            return null
        }
        function typeSearch(text) {
            searched.clear()
            findChild(sidebar, "chatFilter").text = text
            if (text.length > 0)
                tryCompare(searched, "count", 1, 5000)
        }
        function hitRow(messageId) {
            for (let i = 0; i < SearchController.hits.count; ++i)
                if (SearchController.messageIdAt(i) === messageId)
                    return i
            return -1
        }

        function initTestCase() {
            tryVerify(() => AppStatus.ready, 10000)
            tryVerify(() => ChatListController.listLoaded, 10000)
            ChatListController.newChat()
            tryVerify(() => ChatListController.currentChatId.length > 0 && conversation.messages.count === 0 && !conversation.loading, 5000)
            conversation.chooseModel("openai", "gpt-4o-mini")
            chatId = ChatListController.currentChatId
            ChatListController.renameChat(chatId, "Fruit talk")

            FakeProvider.reply("Kumquats are small <b>citrus</b> fruits.", 0)
            finished.clear()
            verify(conversation.send("Tell me about kumquats"))
            tryCompare(finished, "count", 1, 5000)
            kumquatId = conversation.messages.get(0).id
            // An edited question: a second branch, now the active one.
            FakeProvider.reply("Dragons breathe fire.", 0)
            finished.clear()
            conversation.editAndResubmit(kumquatId, "Tell me about dragons")
            tryCompare(finished, "count", 1, 5000)
            tryVerify(() => conversation.messages.get(0).text === "Tell me about dragons", 5000)
        }

        function test_1_hitsShowUnderTheChatsWithTheirSnippets() {
            typeSearch("kumqu")
            const row = hitRow(kumquatId)
            verify(row >= 0, "the question on the other branch is found")
            compare(SearchController.chatIdAt(row), chatId)
            // The reply's markup is text in its snippet, never interpreted.
            let reply = -1
            for (let i = 0; i < SearchController.hits.count; ++i)
                if (SearchController.chatIdAt(i) === chatId && SearchController.messageIdAt(i) !== kumquatId)
                    reply = i
            verify(reply >= 0)
            const list = findChild(sidebar, "messageHits")
            verify(list.visible)
            tryCompare(list, "count", SearchController.hits.count)
            typeSearch("")
            compare(SearchController.hits.count, 0)
            verify(!list.visible)
        }

        function test_2_everyWordMustMatch() {
            typeSearch("kumquats dragons")
            compare(SearchController.hits.count, 0)
            typeSearch("tell dragons")
            verify(SearchController.hits.count >= 1)
            compare(hitRow(kumquatId), -1)
            typeSearch("")
        }

        function test_3_aHitOpensItsChatAtTheMessageOnItsBranch() {
            ChatListController.newChat()
            tryVerify(() => ChatListController.currentChatId !== chatId && !conversation.loading, 5000)
            typeSearch("kumquats")
            const row = hitRow(kumquatId)
            verify(row >= 0)
            revealed.clear()
            sidebar.openMessageHit(row)
            compare(ChatListController.currentChatId, chatId)
            tryCompare(revealed, "count", 1, 5000)
            tryVerify(() => conversation.messages.indexOf(kumquatId) >= 0, 5000)
            compare(revealed.signalArguments[0][0], conversation.messages.indexOf(kumquatId))
            compare(conversation.messages.get(0).text, "Tell me about kumquats")
            compare(conversation.messages.get(0).siblingIndex, 0)
            typeSearch("")
        }

        function test_4_aHitInTheOpenChatOnItsActiveBranch() {
            typeSearch("dragons")
            let row = -1
            for (let i = 0; i < SearchController.hits.count; ++i)
                if (SearchController.chatIdAt(i) === chatId && SearchController.hits.count > 0)
                    row = i
            verify(row >= 0)
            const messageId = SearchController.messageIdAt(row)
            revealed.clear()
            sidebar.openMessageHit(row)
            tryCompare(revealed, "count", 1, 5000)
            tryVerify(() => conversation.messages.indexOf(messageId) >= 0, 5000)
            compare(revealed.signalArguments[0][0], conversation.messages.indexOf(messageId))
            typeSearch("")
        }
    }
}
