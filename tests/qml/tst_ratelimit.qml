import QtQuick
import QtTest
import Teehee
import TeeheeTest

// A provider answering 429 with Retry-After: the failed reply's notice counts
// down "Rate limited — retry in N s" each second with Retry disabled, then
// Retry enables itself and answers the question.
Item {
    id: root
    ConversationController { id: conversation; chatList: ChatListController }
    width: 900; height: 700

    ConversationView { conversation: conversation; id: view; anchors.fill: parent }

    TestCase {
        name: "RateLimit"
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

        function test_countdownThenRetry() {
            FakeProvider.reply("Answered after the wait.", 0)
            FakeProvider.rateLimitNext(3)
            verify(conversation.send("Are you busy?"))
            tryCompare(conversation.messages, "count", 2, 5000)
            const reply = () => conversation.messages.get(1)
            tryVerify(() => reply().status === ConversationModel.Error, 5000, "the refused reply")
            verify(reply().rateLimited)
            verify(reply().retryAt > Date.now())

            const notice = () => findVisible(view, "noticeText")
            const retry = () => findVisible(view, "retryButton")
            tryVerify(() => notice() !== null && retry() !== null, 3000, "the notice and its Retry")
            const counting = /^Rate limited — retry in (\d+) s$/
            verify(counting.test(notice().text), notice().text)
            const first = Number(counting.exec(notice().text)[1])
            verify(first >= 1 && first <= 3, String(first))
            verify(!retry().enabled)
            // It counts down (a busy machine may skip a second)...
            tryVerify(() => counting.test(notice().text) && Number(counting.exec(notice().text)[1]) < first, 2500,
                      "counting down from " + first + ": " + notice().text)
            verify(!retry().enabled)
            // ...and then Retry is available.
            tryVerify(() => retry().enabled, 5000, "Retry once the wait is over")
            compare(notice().text, "Rate limited — you can retry now")
            mouseClick(retry())
            tryVerify(() => reply().status === ConversationModel.Complete, 5000, "the retried reply")
            compare(reply().text, "Answered after the wait.")
            verify(!reply().rateLimited)
            compare(findVisible(view, "retryButton"), null)
        }
    }
}
