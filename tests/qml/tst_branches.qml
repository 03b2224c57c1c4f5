import QtQuick
import QtTest
import Teehee
import TeeheeTest

// The branch switcher alone, then real branches: regenerate and
// edit-and-resubmit make siblings, the switcher moves between them.
Item {
    id: root
    width: 900; height: 700

    BranchSwitcher { id: lone; messageId: "none"; index: 1; count: 3 }

    SignalSpy { id: finished; target: GenerationController; signalName: "replyFinished" }

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
            tryVerify(() => BackendHost.ready, 10000)
            GenerationController.provider = "openai"
            GenerationController.model = "gpt-4o-mini"
            tryVerify(() => ChatController.listLoaded, 10000)
            tryVerify(() => !ChatController.loading)
            ChatController.newChat()
            tryVerify(() => ChatController.currentChatId.length > 0 && ChatController.conversation.count === 0 && !ChatController.loading, 5000)
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
            verify(GenerationController.send("Question"))
            tryCompare(finished, "count", 1, 5000)
            tryCompare(ChatController.conversation, "count", 2)
            const first = ChatController.conversation.get(1)
            compare(first.text, "First answer")

            FakeProvider.reply("Second answer", 0)
            finished.clear()
            GenerationController.regenerate(first.id)
            tryCompare(finished, "count", 1, 5000)
            tryVerify(() => ChatController.conversation.get(1).text === "Second answer", 5000)
            compare(ChatController.conversation.get(1).siblingCount, 2)
            compare(ChatController.conversation.get(1).siblingIndex, 1)

            ChatController.switchBranch(ChatController.conversation.get(1).id, -1)
            tryVerify(() => ChatController.conversation.get(1).text === "First answer", 5000)
            compare(ChatController.conversation.get(1).siblingIndex, 0)
        }

        function test_3_editAndResubmitBranchesTheUserMessage() {
            const question = ChatController.conversation.get(0)
            FakeProvider.reply("Answer to the edit", 0)
            finished.clear()
            GenerationController.editAndResubmit(question.id, "Question, edited")
            tryCompare(finished, "count", 1, 5000)
            tryVerify(() => ChatController.conversation.get(0).text === "Question, edited", 5000)
            compare(ChatController.conversation.get(0).siblingCount, 2)
            tryVerify(() => ChatController.conversation.get(1) && ChatController.conversation.get(1).text === "Answer to the edit")
            // The original question and its two answers are still one switch away.
            ChatController.switchBranch(ChatController.conversation.get(0).id, -1)
            tryVerify(() => ChatController.conversation.get(0).text === "Question", 5000)
            compare(ChatController.conversation.get(1).siblingCount, 2)
        }

        function test_4_forkCopiesTheActiveBranchIntoANewChat() {
            const source = ChatController.currentChatId
            const texts = [ChatController.conversation.get(0).text, ChatController.conversation.get(1).text]
            ChatController.forkChat(source)
            tryVerify(() => ChatController.currentChatId !== source, 5000)
            tryCompare(ChatController.conversation, "count", 2)
            compare(ChatController.conversation.get(0).text, texts[0])
            compare(ChatController.conversation.get(1).text, texts[1])
            verify(ChatController.chats.indexOf(ChatController.currentChatId) >= 0)
        }
    }
}
