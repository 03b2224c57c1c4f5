import QtQuick
import QtTest
import Teehee
import TeeheeTest

// The branch switcher alone, then real branches: regenerate and
// edit-and-resubmit make siblings, the switcher moves between them.
Item {
    id: root
    ConversationController { id: conversation; chatList: ChatListController }
    width: 900; height: 700

    BranchSwitcher { conversation: conversation; id: lone; messageId: "none"; index: 1; count: 3 }

    SignalSpy { id: finished; target: conversation; signalName: "replyFinished" }

    TestCase {
        name: "Branches"
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
        function initTestCase() {
            tryVerify(() => AppStatus.ready, 10000)
            tryVerify(() => ChatListController.listLoaded, 10000)
            tryVerify(() => !conversation.loading)
            ChatListController.newChat()
            tryVerify(() => ChatListController.currentChatId.length > 0 && conversation.messages.count === 0 && !conversation.loading, 5000)
            // The model is the chat's: chosen once the (possibly reused) empty chat is open.
            conversation.chooseModel("openai", "gpt-4o-mini")
        }

        function test_1_switcherShowsPositionAndLimits() {
            compare(findChild(lone, "branchLabel").text, "2 / 3")
            verify(findChild(lone, "previousBranch").enabled)
            verify(findChild(lone, "nextBranch").enabled)
            lone.index = 0
            verify(!findChild(lone, "previousBranch").enabled)
            lone.index = 2
            verify(!findChild(lone, "nextBranch").enabled)
            lone.count = 1
            verify(!lone.visible)
        }

        function test_2_regenerateMakesASiblingAndSwitchingShowsEach() {
            FakeProvider.reply("First answer", 0)
            finished.clear()
            verify(conversation.send("Question"))
            tryCompare(finished, "count", 1, 5000)
            tryCompare(conversation.messages, "count", 2)
            const first = conversation.messages.get(1)
            compare(first.text, "First answer")

            FakeProvider.reply("Second answer", 0)
            finished.clear()
            conversation.regenerate(first.id)
            tryCompare(finished, "count", 1, 5000)
            tryVerify(() => conversation.messages.get(1).text === "Second answer", 5000)
            compare(conversation.messages.get(1).siblingCount, 2)
            compare(conversation.messages.get(1).siblingIndex, 1)

            conversation.switchBranch(conversation.messages.get(1).id, -1)
            tryVerify(() => conversation.messages.get(1).text === "First answer", 5000)
            compare(conversation.messages.get(1).siblingIndex, 0)
        }

        function test_3_editAndResubmitBranchesTheUserMessage() {
            const question = conversation.messages.get(0)
            FakeProvider.reply("Answer to the edit", 0)
            finished.clear()
            conversation.editAndResubmit(question.id, "Question, edited")
            tryCompare(finished, "count", 1, 5000)
            tryVerify(() => conversation.messages.get(0).text === "Question, edited", 5000)
            compare(conversation.messages.get(0).siblingCount, 2)
            tryVerify(() => conversation.messages.get(1) && conversation.messages.get(1).text === "Answer to the edit")
            // The original question and its two answers are still one switch away.
            conversation.switchBranch(conversation.messages.get(0).id, -1)
            tryVerify(() => conversation.messages.get(0).text === "Question", 5000)
            compare(conversation.messages.get(1).siblingCount, 2)
        }

        function test_4_forkCopiesTheActiveBranchIntoANewChat() {
            const source = ChatListController.currentChatId
            const texts = [conversation.messages.get(0).text, conversation.messages.get(1).text]
            ChatListController.forkChat(source)
            tryVerify(() => ChatListController.currentChatId !== source, 5000)
            tryCompare(conversation.messages, "count", 2)
            compare(conversation.messages.get(0).text, texts[0])
            compare(conversation.messages.get(1).text, texts[1])
            verify(ChatListController.chats.indexOf(ChatListController.currentChatId) >= 0)
        }
    }
}
