import QtQuick
import QtTest
import Teehee
import TeeheeTest

// Tools on the real client: Settings → Tools adds the fake MCP server (a real
// child process) and lists its tools; a reply with the Tools chip on makes
// the fake provider call one, the approval card shows the call with its
// arguments as plain text, "Allow once" answers it, the card goes and the
// reply shows the call's block with its result. The chip's choice belongs to
// the chat: another chat starts with it off, going back finds it on again,
// and a view that never saw the click (as after a restart) reads it too.
Item {
    id: root
    width: 900; height: 900
    ConversationController { id: conversation; chatList: ChatListController }
    SettingsDialog { id: settings }
    ToolApprovalCard { id: card; width: 600 }
    ToolsToggle { id: toggle; y: 500; conversation: conversation }
    SignalSpy { id: finished; target: conversation; signalName: "replyFinished" }

    // A second chip on its own controller, made later: it knows only what is stored.
    Component {
        id: laterToggle
        ToolsToggle { conversation: ConversationController { chatList: ChatListController } }
    }

    TestCase {
        name: "Tools"
        when: windowShown

        function findAll(item, objectName, out) {
            if (!item) return out
            if (item.objectName === objectName && item.visible) out.push(item)
            for (let i = 0; i < item.children.length; ++i) findAll(item.children[i], objectName, out)
            return out
        }
        function find(item, objectName) { return findAll(item, objectName, [])[0] }

        function initTestCase() {
            tryVerify(() => AppStatus.ready, 10000)
            tryVerify(() => ChatListController.listLoaded, 10000)
            tryVerify(() => !conversation.loading)
            ChatListController.newChat()
            tryVerify(() => ChatListController.currentChatId.length > 0 && conversation.messages.count === 0 && !conversation.loading, 5000)
            conversation.chooseModel("openai", "gpt-4o-mini")
        }
        function cleanupTestCase() { settings.close() }

        function test_a_settingsAddsAStdioServerAndShowsItsTools() {
            settings.open()
            tryCompare(settings, "opened", true)
            find(settings.contentItem, "toolServerName").text = "fake"
            find(settings.contentItem, "toolServerCommand").text = fakeMcpServerPath
            find(settings.contentItem, "toolServerEnv").text = "FAKE_MODE=test"
            const add = find(settings.contentItem, "addToolServer")
            verify(add.enabled)
            add.clicked() // far down the page: the button, not a point on the screen
            tryVerify(() => ToolsController.servers.length === 1, 10000)
            compare(ToolsController.errorText, "")
            tryVerify(() => ToolsController.servers[0].status === "running" && ToolsController.servers[0].tools.length > 0, 20000)
            tryVerify(() => find(settings.contentItem, "toolName_echo") !== undefined, 5000)
            verify(find(settings.contentItem, "toolName_echo").text.indexOf("the echo tool") >= 0)
            compare(find(settings.contentItem, "toolServerName").text, "") // the form is cleared for the next one
            settings.close()
        }

        function test_b_theApprovalCardAnswersACall() {
            verify(!card.visible)
            mouseClick(toggle)
            verify(conversation.toolsEnabled)
            FakeProvider.callToolNext("fake_echo", "{\"text\":\"<b>not bold</b>\"}")
            FakeProvider.reply("The tool said so.", 0)
            finished.clear()
            verify(conversation.send("Use the echo tool"))
            tryVerify(() => card.visible, 20000)
            const args = find(card, "toolApprovalArguments")
            compare(args.textFormat, TextEdit.PlainText)
            verify(args.text.indexOf("<b>not bold</b>") >= 0)
            verify(FakeProvider.lastRequestBody().indexOf("fake_echo") >= 0) // the tools were offered
            mouseClick(find(card, "toolAllowOnce"))
            tryVerify(() => !card.visible, 10000)
            finished.wait(20000)
            const last = conversation.messages.count - 1
            const calls = conversation.messages.data(conversation.messages.index(last, 0), ConversationModel.ToolCallsRole)
            compare(calls.length, 1)
            compare(calls[0].tool, "echo")
            compare(calls[0].server, "fake")
            compare(calls[0].status, "ok")
            compare(calls[0].content, "<b>not bold</b>")
            verify(calls[0].arguments.indexOf("\"text\"") >= 0)
            // Reopened, the saved reply shows the same call.
            const chatId = ChatListController.currentChatId
            ChatListController.newChat()
            tryVerify(() => conversation.messages.count === 0, 5000)
            ChatListController.openChat(chatId)
            tryVerify(() => conversation.messages.count >= 2 && !conversation.loading, 5000)
            const again = conversation.messages.data(conversation.messages.index(conversation.messages.count - 1, 0),
                                                     ConversationModel.ToolCallsRole)
            compare(again.length, 1)
            compare(again[0].status, "ok")
            compare(again[0].content, "<b>not bold</b>")
        }

        function test_c_theToolsChipIsRememberedPerChat() {
            // Chat A: a new chat starts with the chip off; turned on, and the
            // chat written by its first message.
            const before = ChatListController.currentChatId
            ChatListController.newChat()
            tryVerify(() => ChatListController.currentChatId.length > 0 && ChatListController.currentChatId !== before
                      && conversation.messages.count === 0 && !conversation.loading, 5000)
            const a = ChatListController.currentChatId
            verify(!toggle.checked)
            verify(!conversation.toolsEnabled)
            mouseClick(toggle)
            verify(toggle.checked)
            verify(conversation.toolsEnabled)
            FakeProvider.reply("Noted.", 0)
            finished.clear()
            verify(conversation.send("Remember the tools here"))
            finished.wait(20000)
            tryVerify(() => conversation.messages.count === 2 && !conversation.streaming, 5000)

            // Chat B: another chat, the chip off; nothing turned on here.
            ChatListController.newChat()
            tryVerify(() => ChatListController.currentChatId !== a && conversation.chatId === ChatListController.currentChatId
                      && conversation.messages.count === 0 && !conversation.loading, 5000)
            const b = ChatListController.currentChatId
            verify(b.length > 0)
            compare(toggle.checked, false)
            compare(conversation.toolsEnabled, false)

            // Back to A: on again. To B: still off.
            ChatListController.openChat(a)
            tryVerify(() => conversation.chatId === a && !conversation.loading, 5000)
            compare(toggle.checked, true)
            compare(conversation.toolsEnabled, true)
            ChatListController.openChat(b)
            tryVerify(() => conversation.chatId === b && !conversation.loading, 5000)
            compare(toggle.checked, false)
            compare(conversation.toolsEnabled, false)

            // A chip made afterwards, on its own controller, reads the same from the store.
            ChatListController.openChat(a)
            tryVerify(() => conversation.chatId === a && !conversation.loading, 5000)
            const later = laterToggle.createObject(root, { y: 600 })
            tryVerify(() => later.conversation.chatId === a && !later.conversation.loading, 5000)
            compare(later.checked, true)
            ChatListController.openChat(b)
            tryVerify(() => later.conversation.chatId === b && !later.conversation.loading, 5000)
            compare(later.checked, false)
            later.destroy()
        }
    }
}
