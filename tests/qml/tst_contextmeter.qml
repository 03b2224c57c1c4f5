import QtQuick
import QtTest
import Teehee
import TeeheeTest

// The context-window meter: what the active path uses of the chosen model's
// window, estimated from the characters until a reply reports its tokens,
// then from that report; the warning colour above 80 %.
Item {
    id: root
    ConversationController { id: conversation; chatList: ChatListController }
    ContextMeter { id: meter; conversation: conversation }
    width: 800; height: 300

    Composer { conversation: conversation; id: composer; anchors.left: parent.left; anchors.right: parent.right; anchors.bottom: parent.bottom }
    SignalSpy { id: finished; target: conversation; signalName: "replyFinished" }

    TestCase {
        name: "ContextMeter"
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
        function number(n) { return Number(n).toLocaleString(Qt.locale(), "f", 0) }
        function initTestCase() {
            tryVerify(() => ChatListController.listLoaded, 10000)
            ChatListController.newChat()
            tryVerify(() => ChatListController.currentChatId.length > 0 && conversation.messages.count === 0 && !conversation.loading, 5000)
        }
        function cleanupTestCase() {
            FakeProvider.inputTokens = 9
        }

        function test_1_theWindowComesFromTheCatalogue() {
            conversation.chooseModel("openai", "gpt-4o-mini")
            tryCompare(meter, "contextTokens", 128000)
            verify(meter.known)
            compare(meter.usedTokens, 0)
            compare(meter.text, number(0) + " of " + number(128000) + " tokens")
            verify(findVisible(composer, "contextRing"), "the composer shows the ring")
            conversation.chooseModel("openai", "gpt-4")
            tryCompare(meter, "contextTokens", 8192)
            conversation.chooseModel("openai", "a-model-nobody-knows")
            tryCompare(meter, "known", false)
            verify(!findVisible(composer, "contextRing"), "no ring without a known window")
            conversation.chooseModel("openai", "gpt-4o-mini")
        }

        function test_2_aReplysTokensCountOnceKnown() {
            FakeProvider.inputTokens = 1000
            FakeProvider.reply("one two three four", 0)
            finished.clear()
            verify(conversation.send("Count to four, please"))
            finished.wait(10000)
            // The reply's own count: 1000 in, 4 pieces out.
            tryCompare(meter, "usedTokens", 1004)
            compare(meter.estimated, false)
            compare(meter.warning, false)
            compare(meter.text, number(1004) + " of " + number(128000) + " tokens")
        }

        function test_3_aboveEightyPercentItWarns() {
            FakeProvider.inputTokens = 110000 // of 128,000: 86 %
            FakeProvider.reply("ok", 0)
            finished.clear()
            verify(conversation.send("Go on"))
            finished.wait(10000)
            tryCompare(meter, "usedTokens", 110001)
            verify(meter.fraction > 0.8 && meter.fraction < 0.9)
            compare(meter.warning, true)
            const ring = findVisible(composer, "contextRing")
            compare(ring.tone.toString(), Theme.warning.toString())
            // A model with a larger window: the same path is no longer near the limit.
            conversation.chooseModel("openai", "gpt-4.1")
            tryCompare(meter, "warning", false)
            compare(ring.tone.toString(), Theme.accent.toString())
            conversation.chooseModel("openai", "gpt-4o-mini")
        }
    }
}
