import QtQuick
import QtTest
import Teehee
import TeeheeTest

// Usage and cost on the real client: a reply from the fake provider (which
// reports its tokens) shows its cost on hover, and Settings → Usage adds it
// to the totals, per model and per day. While Settings is closed, ended
// replies ask nothing; opening it asks once.
Item {
    id: root
    width: 900; height: 900
    ConversationController { id: conversation; chatList: ChatListController }
    SettingsDialog { id: settings }
    SignalSpy { id: finished; target: conversation; signalName: "replyFinished" }
    SignalSpy { id: usageChanged; target: UsageController; signalName: "changed" }

    TestCase {
        name: "Usage"
        when: windowShown

        function findAll(item, objectName, out) {
            if (!item) return out
            if (item.objectName === objectName && item.visible) out.push(item)
            for (let i = 0; i < item.children.length; ++i) findAll(item.children[i], objectName, out)
            return out
        }

        function initTestCase() {
            tryVerify(() => AppStatus.ready, 10000)
            tryVerify(() => ChatListController.listLoaded, 10000)
            tryVerify(() => !conversation.loading)
            ChatListController.newChat()
            tryVerify(() => ChatListController.currentChatId.length > 0 && conversation.messages.count === 0 && !conversation.loading, 5000)
            conversation.chooseModel("openai", "gpt-4o-mini")
        }
        function cleanupTestCase() { settings.close() }

        function test_aRepliesCostShowsUpInTheTotals() {
            UsageController.days = 7
            UsageController.refresh()
            tryVerify(() => !UsageController.loading, 10000)
            const before = UsageController.outputTokens
            const costBefore = Math.max(0, UsageController.costUsd)

            FakeProvider.reply("Counting what this costs.", 0)
            finished.clear()
            verify(conversation.send("What does this cost?"))
            finished.wait(10000)
            const last = conversation.messages.count - 1
            tryVerify(() => conversation.messages.data(conversation.messages.index(last, 0), ConversationModel.CostRole) > 0, 5000)
            const cost = conversation.messages.data(conversation.messages.index(last, 0), ConversationModel.CostRole)
            compare(UsageController.money(0.0012).indexOf("0.0012") >= 0, true)

            settings.open()
            tryCompare(settings, "opened", true)
            tryVerify(() => !UsageController.loading && UsageController.outputTokens > before, 10000)
            verify(Math.abs(UsageController.costUsd - (costBefore + cost)) < 1e-9)
            const rows = findAll(settings.contentItem, "usageModelRow", [])
            verify(rows.length >= 1)
            verify(UsageController.byModel.some(g => g.key === "gpt-4o-mini" && g.costUsd > 0))
            verify(UsageController.byDay.length >= 1) // two days when midnight (UTC) fell between replies
            verify(findAll(settings.contentItem, "usageTotals", [])[0].text.indexOf(UsageController.money(UsageController.costUsd)) >= 0)
            verify(UsageController.pricesAsOf.length === 10)
        }
        function test_bAClosedPanelAsksNothingUntilShown() {
            settings.close()
            tryCompare(settings, "visible", false)
            tryVerify(() => !UsageController.loading, 10000)
            compare(UsageController.active, false)
            const before = UsageController.outputTokens
            usageChanged.clear()
            FakeProvider.reply("Nobody is looking at the totals.", 0)
            finished.clear()
            verify(conversation.send("Is anyone counting?"))
            finished.wait(10000)
            // The reply's end was handled (the signal is emitted while its event is dispatched): no query went out.
            compare(usageChanged.count, 0)
            compare(UsageController.loading, false)

            settings.open()
            tryCompare(settings, "opened", true)
            compare(UsageController.active, true)
            tryVerify(() => !UsageController.loading && UsageController.outputTokens > before, 10000)
        }
    }
}
