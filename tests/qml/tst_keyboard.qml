import QtQuick
import QtTest
import Qt.labs.settings
import Teehee
import TeeheeTest

// The real main window driven by the keyboard alone: Ctrl+N, typing, Enter
// sends, Esc stops, F1 opens and Esc closes the shortcuts sheet; Tab walks
// sidebar filter → chat list → conversation → composer → model picker → send,
// and every control a keyboard can reach has an accessible name. Then the
// sidebar splitter: keys, mouse, limits, and the width kept in settings.
Item {
    id: root
    ConversationController { id: conversation; chatList: ChatListController }
    width: 100; height: 100

    Component { id: mainWindow; Main { width: 1100; height: 720 } }
    Component { id: storedAppearance; Settings { category: "appearance"; property int sidebarWidth: -1 } }

    TestCase {
        name: "Keyboard"
        when: windowShown
        property var win: null
        readonly property var landmarks: ["chatFilter", "chatList", "messageList", "composerInput", "modelPicker", "sendButton"]

        function find(item, objectName) {
            if (!item) return null
            if (item.objectName === objectName && item.visible) return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = find(item.children[i], objectName)
                if (found) return found
            }
            return null
        }
        // The landmark the keyboard focus is in ("" when none).
        function landmarkOf(item) {
            for (let i = item; i; i = i.parent)
                if (landmarks.indexOf(i.objectName) >= 0) return i.objectName
            return ""
        }
        function focused() { return win.activeFocusItem }
        function type(text) { for (const c of text) keyClick(c) }
        // Visible, enabled items that Tab can reach.
        function interactive(item, out) {
            if (!item || !item.visible || !item.enabled || item.opacity === 0) return out
            const tabbable = item.activeFocusOnTab === true || (item.focusPolicy !== undefined && (item.focusPolicy & Qt.TabFocus))
            if (tabbable && item.width > 0 && item.height > 0) out.push(item)
            for (let i = 0; i < item.children.length; ++i) interactive(item.children[i], out)
            return out
        }
        function describe(item) { return (item.objectName || String(item)) + " " + (item.text || item.placeholderText || "") }

        // Moves in window coordinates: the handle itself moves while dragged.
        function dragHandle(dx) {
            const area = find(win.contentItem, "sidebarHandleArea")
            const p = area.mapToItem(win.contentItem, area.width / 2, 200)
            mousePress(win.contentItem, p.x, p.y)
            mouseMove(win.contentItem, p.x + dx / 2, p.y)
            mouseMove(win.contentItem, p.x + dx, p.y)
            mouseRelease(win.contentItem, p.x + dx, p.y)
        }

        function openWindow() {
            win = mainWindow.createObject(null)
            verify(win)
            win.requestActivate()
            tryVerify(() => win.active, 5000)
        }

        function initTestCase() {
            tryVerify(() => AppStatus.ready, 10000)
            tryVerify(() => ChatListController.listLoaded, 10000)
            conversation.chooseModel("openai", "gpt-4o-mini")
            openWindow()
        }
        function cleanupTestCase() { if (win) win.destroy() }

        function test_1_newChatTypeEnterSendsEscStops() {
            keyClick(Qt.Key_N, Qt.ControlModifier)
            tryVerify(() => ChatListController.currentChatId.length > 0 && conversation.messages.count === 0 && !conversation.loading, 5000)
            tryCompare(focused(), "objectName", "composerInput")
            FakeProvider.reply("Keys only, and it works.", 0)
            type("hello")
            keyClick(Qt.Key_Return)
            tryCompare(conversation.messages, "count", 2, 5000)
            tryVerify(() => conversation.messages.get(1).status === ConversationModel.Complete, 5000)
            compare(conversation.messages.get(0).text, "hello")
            compare(find(win.contentItem, "composerInput").text, "")

            const words = []
            for (let i = 1; i <= 60; ++i) words.push("w" + i)
            FakeProvider.reply(words.join(" "), 40)
            type("long")
            keyClick(Qt.Key_Return)
            tryCompare(conversation, "streaming", true, 5000)
            tryVerify(() => conversation.messages.get(3).text.indexOf("w2") >= 0, 5000)
            keyClick(Qt.Key_Escape)
            tryCompare(conversation, "streaming", false, 5000)
            tryVerify(() => conversation.messages.get(3).status === ConversationModel.Aborted)
        }

        function test_2_shortcutsSheetOpensAndCloses() {
            keyClick(Qt.Key_F1)
            tryCompare(win, "shortcutsOpen", true, 2000)
            keyClick(Qt.Key_Escape)
            tryCompare(win, "shortcutsOpen", false, 2000)
            keyClick(Qt.Key_Slash, Qt.ControlModifier)
            tryCompare(win, "shortcutsOpen", true, 2000)
            keyClick(Qt.Key_Escape)
            tryCompare(win, "shortcutsOpen", false, 2000)
        }

        function test_3_tabOrderFollowsTheLayout() {
            // Send is only reachable with something to send.
            find(win.contentItem, "composerInput").text = "draft"
            const filter = find(win.contentItem, "chatFilter")
            filter.forceActiveFocus()
            compare(landmarkOf(focused()), "chatFilter")
            const order = ["chatFilter"]
            const unnamed = []
            for (let i = 0; i < 150; ++i) {
                keyClick(Qt.Key_Tab)
                const item = focused()
                verify(item, "focus lost after " + order.join(" → "))
                if (!item.Accessible.name) unnamed.push(describe(item))
                const mark = landmarkOf(item)
                if (mark === "chatFilter") break
                if (mark && mark !== order[order.length - 1]) order.push(mark)
            }
            compare(order.join(" → "), landmarks.join(" → "))
            compare(unnamed.join(", "), "")
            find(win.contentItem, "composerInput").text = ""
        }

        function test_4_everyReachableControlHasAnAccessibleName() {
            const items = interactive(win.contentItem, [])
            verify(items.length > 8, String(items.length))
            const unnamed = items.filter(i => !i.Accessible.name).map(describe)
            compare(unnamed.join(", "), "")
        }

        function test_5_sidebarResizesWithKeysAndMouseWithinLimits() {
            const sidebar = find(win.contentItem, "sidebar")
            const handle = find(win.contentItem, "sidebarHandle")
            verify(sidebar && handle)
            compare(handle.Accessible.role, Accessible.Splitter)
            verify(handle.Accessible.name.length > 0)
            SettingsController.sidebarWidth = 260
            tryCompare(sidebar, "width", 260)

            handle.forceActiveFocus()
            keyClick(Qt.Key_Right)
            compare(SettingsController.sidebarWidth, 276)
            tryCompare(sidebar, "width", 276)
            keyClick(Qt.Key_Left, Qt.ShiftModifier)
            compare(SettingsController.sidebarWidth, 212)
            keyClick(Qt.Key_Home)
            compare(SettingsController.sidebarWidth, SettingsController.sidebarMinWidth)
            keyClick(Qt.Key_Left)
            compare(SettingsController.sidebarWidth, SettingsController.sidebarMinWidth)
            keyClick(Qt.Key_End)
            compare(SettingsController.sidebarWidth, SettingsController.sidebarMaxWidth)
            tryCompare(sidebar, "width", SettingsController.sidebarMaxWidth)

            // The layout follows a new width at the next polish: wait before grabbing the handle again.
            const laidOut = () => tryVerify(() => Math.abs(sidebar.width - SettingsController.sidebarWidth) < 1 && Math.abs(handle.x - sidebar.width) < 1)
            SettingsController.sidebarWidth = 260
            laidOut()
            dragHandle(60)
            verify(Math.abs(SettingsController.sidebarWidth - 320) <= 2, String(SettingsController.sidebarWidth))
            laidOut()
            dragHandle(-400)
            compare(SettingsController.sidebarWidth, SettingsController.sidebarMinWidth)
            laidOut()
            dragHandle(300)
            verify(SettingsController.sidebarWidth > 400, String(SettingsController.sidebarWidth))
        }

        function test_6_sidebarWidthIsKeptInSettings() {
            SettingsController.sidebarWidth = 333
            const stored = storedAppearance.createObject(root)
            compare(stored.sidebarWidth, 333)
            stored.destroy()
            // A new window starts with it.
            win.destroy()
            openWindow()
            tryCompare(find(win.contentItem, "sidebar"), "width", 333)
        }
    }
}
