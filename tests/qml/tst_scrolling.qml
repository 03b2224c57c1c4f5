import QtQuick
import QtTest
import Teehee
import TeeheeTest

// A long conversation scrolls with the wheel and the keyboard; clicks leave
// no focus frames (the keyboard's focus stays visible); a branch switch keeps
// the switcher where it was; sending while scrolled up shows the new message;
// "Jump to latest" appears only away from the end and never over the text.
Item {
    id: root
    ConversationController { id: conversation; chatList: ChatListController }
    width: 900; height: 520

    ConversationView { conversation: conversation; id: view; anchors.fill: parent }

    SignalSpy { id: finished; target: conversation; signalName: "replyFinished" }

    TestCase {
        name: "Scrolling"
        when: windowShown
        readonly property var list: view.list

        function findVisible(item, objectName) {
            if (!item) return null
            if (item.objectName === objectName && item.visible) return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = findVisible(item.children[i], objectName)
                if (found) return found
            }
            return null
        }
        // Every visible frame drawn in the focus colour (rings, focused buttons).
        function focusFrames(item, out) {
            if (!item || !item.visible || item.opacity === 0) return out
            if (item.border !== undefined && item.border.width >= 2 && Qt.colorEqual(item.border.color, Theme.focusRing))
                out.push(item)
            for (let i = 0; i < item.children.length; ++i) focusFrames(item.children[i], out)
            return out
        }
        function longText(tag) {
            const lines = []
            for (let i = 1; i <= 40; ++i) lines.push(tag + " line " + i + " of a long answer.")
            return lines.join("\n\n")
        }
        function exchange(question, answer) {
            FakeProvider.reply(answer, 0)
            finished.clear()
            verify(conversation.send(question))
            tryCompare(finished, "count", 1, 5000)
        }
        function settle() { wait(50); tryVerify(() => !list.moving && !list.flicking) }

        function initTestCase() {
            tryVerify(() => AppStatus.ready, 10000)
            tryVerify(() => ChatListController.listLoaded, 10000)
            tryVerify(() => !conversation.loading)
            ChatListController.newChat()
            tryVerify(() => ChatListController.currentChatId.length > 0 && conversation.messages.count === 0 && !conversation.loading, 5000)
            // The model is the chat's: chosen once the (possibly reused) empty chat is open.
            conversation.chooseModel("openai", "gpt-4o-mini")
            // Q0 → R0 and a regenerated R0' (long); Q1 → R1 (long) under R0'.
            exchange("First question", longText("A"))
            FakeProvider.reply(longText("B"), 0)
            finished.clear()
            conversation.regenerate(conversation.messages.get(1).id)
            tryCompare(finished, "count", 1, 5000)
            tryVerify(() => conversation.messages.get(1).siblingCount === 2, 5000)
            exchange("Second question", longText("C"))
            tryCompare(conversation.messages, "count", 4)
            tryVerify(() => list.contentHeight > 3 * list.height, 3000, "content " + list.contentHeight + " view " + list.height)
            view.jumpToLatest()
            tryVerify(() => list.atYEnd, 3000, [list.contentY, list.contentHeight, list.height, list.originY, list.topMargin, list.bottomMargin].join(" "))
        }

        function test_1_wheelScrollsBothWays() {
            view.jumpToLatest()
            settle()
            const end = list.contentY
            for (let i = 0; i < 5; ++i)
                mouseWheel(list, list.width / 2, list.height / 2, 0, 120)
            tryVerify(() => list.contentY < end - 100, 2000, "wheel up moved " + (end - list.contentY))
            settle()
            const up = list.contentY
            for (let i = 0; i < 3; ++i)
                mouseWheel(list, list.width / 2, list.height / 2, 0, -120)
            tryVerify(() => list.contentY > up + 50, 2000, "wheel down moved " + (list.contentY - up))
            // Over the side margin as well as over the text.
            settle()
            const before = list.contentY
            mouseWheel(list, 10, list.height / 2, 0, 240)
            tryVerify(() => list.contentY < before, 2000)
        }

        function test_2_keysScroll() {
            view.jumpToLatest()
            settle()
            list.forceActiveFocus()
            const end = list.contentY
            keyClick(Qt.Key_PageUp)
            tryVerify(() => list.contentY < end - list.height / 2, 2000, "Page Up moved " + (end - list.contentY))
            const paged = list.contentY
            keyClick(Qt.Key_Up)
            tryVerify(() => list.contentY < paged, 2000, "Up moved " + (paged - list.contentY))
            const up = list.contentY
            keyClick(Qt.Key_Down)
            tryVerify(() => list.contentY > up, 2000)
            keyClick(Qt.Key_PageDown)
            tryVerify(() => list.contentY > up + list.height / 2, 2000)
            keyClick(Qt.Key_Home, Qt.ControlModifier)
            tryVerify(() => list.atYBeginning, 2000)
            keyClick(Qt.Key_End, Qt.ControlModifier)
            tryVerify(() => list.atYEnd, 2000)
            keyClick(Qt.Key_Home)
            tryVerify(() => list.atYBeginning, 2000)
            keyClick(Qt.Key_End)
            tryVerify(() => list.atYEnd, 2000)
        }

        function test_3_clicksLeaveNoFocusFramesButTheKeyboardDoes() {
            view.jumpToLatest()
            settle()
            // The last reply's action row is shown: click its Copy button.
            const last = list.itemAtIndex(3)
            verify(last)
            tryVerify(() => findVisible(last, "copyMessageButton") !== null) // the row comes in the frames after the text
            const copy = findVisible(last, "copyMessageButton")
            mouseClick(copy)
            compare(focusFrames(view, []).length, 0)
            // The keyboard's way on still shows where it is.
            keyClick(Qt.Key_Tab)
            verify(focusFrames(view, []).length > 0)
        }

        function test_4_jumpToLatestOnlyAwayFromTheEndAndBesideTheText() {
            view.jumpToLatest()
            settle()
            const pill = () => findVisible(view, "jumpToLatest")
            tryVerify(() => list.atYEnd)
            compare(pill(), null)
            list.forceActiveFocus()
            keyClick(Qt.Key_Home)
            tryVerify(() => pill() !== null)
            const p = pill().mapToItem(view, 0, 0)
            const l = list.mapToItem(view, 0, 0)
            verify(p.y >= l.y + list.height, "pill at " + p.y + ", list ends at " + (l.y + list.height))
            mouseClick(pill())
            tryVerify(() => list.atYEnd)
            tryVerify(() => findVisible(view, "jumpToLatest") === null)
        }

        function test_5_branchSwitchKeepsTheSwitcherInPlace() {
            // To R0 (the short branch), then back to R0' from its switcher.
            conversation.switchBranch(conversation.messages.get(1).id, -1)
            tryVerify(() => conversation.messages.count === 2 && conversation.messages.get(1).siblingIndex === 0, 5000)
            settle()
            list.positionViewAtIndex(1, ListView.End)
            settle()
            tryVerify(() => findVisible(list.itemAtIndex(1), "nextBranch") !== null)
            const next = findVisible(list.itemAtIndex(1), "nextBranch")
            const before = next.mapToItem(list, 0, 0).y
            verify(before > 0 && before < list.height, String(before))
            mouseClick(next)
            tryVerify(() => conversation.messages.count === 4 && conversation.messages.get(1).siblingIndex === 1, 5000)
            settle()
            verify(!list.atYEnd)
            // The switched-to reply's action row is built again, in the frames after its text.
            tryVerify(() => findVisible(list.itemAtIndex(1), "nextBranch") !== null)
            const after = findVisible(list.itemAtIndex(1), "nextBranch").mapToItem(list, 0, 0).y
            verify(Math.abs(after - before) < 40, "switcher moved from " + before + " to " + after)
        }

        function test_6_sendingWhileScrolledUpShowsTheNewMessage() {
            list.forceActiveFocus()
            keyClick(Qt.Key_Home)
            settle()
            verify(!list.atYEnd)
            exchange("Third question", "Short answer.")
            tryCompare(conversation.messages, "count", 6)
            tryVerify(() => list.atYEnd, 3000)
            // The rows below it may still be settling (the action row comes a frame later).
            tryVerify(() => {
                const mine = list.itemAtIndex(4)
                const y = mine ? mine.mapToItem(list, 0, 0).y : -1
                return y >= 0 && y < list.height
            }, 3000, "the sent message is in view")
        }
    }
}
