import QtQuick
import QtTest
import Teehee
import TeeheeTest

// Send → stream → stop → continue against the fake provider through the real
// backend, watching the model and the rendered view.
Item {
    id: root
    ConversationController { id: conversation; chatList: ChatListController }
    width: 900; height: 700

    ConversationView { conversation: conversation; id: view; anchors.fill: parent }

    SignalSpy { id: finished; target: conversation; signalName: "replyFinished" }

    TestCase {
        name: "Flow"
        when: windowShown

        function findVisible(item, objectName) {
            if (!item) return null
            if (item.objectName === objectName && item.visible) return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = findVisible(item.children[i], objectName)
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

        function test_1_streamStopContinue() {
            const words = []
            for (let i = 1; i <= 40; ++i) words.push("w" + i)
            FakeProvider.reply(words.join(" "), 40)
            verify(conversation.send("Please stream a long answer"))
            tryCompare(conversation, "streaming", true, 5000)
            tryCompare(conversation.messages, "count", 2)
            const reply = () => conversation.messages.get(1)
            // Tokens arrive one after another.
            tryVerify(() => reply().text.indexOf("w3") >= 0, 5000)
            compare(reply().status, ConversationModel.Streaming)
            const partial = reply().text
            verify(partial.indexOf("w40") < 0)
            conversation.stop()
            tryCompare(conversation, "streaming", false, 5000)
            tryVerify(() => reply().status === ConversationModel.Aborted)
            verify(reply().isPartial)
            const stoppedText = reply().text
            verify(stoppedText.length >= partial.length)

            // Continue: the same message grows to the end, in place.
            FakeProvider.reply(" and the rest.", 0)
            const requests = FakeProvider.requestCount
            finished.clear()
            // The inline notice under the stopped reply offers Continue: use it.
            let continueButton = null
            tryVerify(() => (continueButton = findVisible(view.list.contentItem, "continueButton")) !== null, 3000)
            mouseClick(continueButton)
            tryCompare(finished, "count", 1, 5000)
            compare(FakeProvider.requestCount, requests + 1)
            compare(conversation.messages.count, 2)
            compare(reply().status, ConversationModel.Complete)
            // The backend joins the two parts seamlessly (no doubled space).
            compare(reply().text, stoppedText.trim() + " and the rest.")
            verify(!reply().isPartial)
        }

        function test_2_codeBlockRenderedInItsOwnBlock() {
            FakeProvider.reply("Here is code:\n\n```python\nprint('hi')\n```\n\nDone.", 0)
            finished.clear()
            verify(conversation.send("Show code"))
            tryCompare(finished, "count", 1, 5000)
            const last = conversation.messages.get(conversation.messages.count - 1)
            compare(last.blocks.length, 3)
            compare(last.blocks[1].kind, "code")
            compare(last.blocks[1].language, "python")
            compare(last.blocks[1].text, "print('hi')")
            // The view follows the bottom: the newest message is visible.
            tryVerify(() => view.list.atYEnd, 3000)
            // The code block is drawn as its own block with a Copy button.
            let copy = null
            tryVerify(() => (copy = findVisible(view.list.contentItem, "copyCodeButton")) !== null, 3000)
            mouseClick(copy)
            tryCompare(copy, "text", "Copied")
        }
    }
}
