import QtQuick
import QtTest
import Teehee
import TeeheeTest

// What the desktop keeps per chat, and what it never loses: a chat reopens
// with the provider and model it used (also in a view that never saw it, as
// after a restart); a message sent to a provider without a key stays in the
// chat with the reason in its reply's place, and the chat keeps its name.
Item {
    id: root
    width: 900; height: 700
    ConversationController { id: conversation; chatList: ChatListController }
    ConversationView { id: view; conversation: conversation; anchors.fill: parent }
    SignalSpy { id: errors; target: conversation; signalName: "errorOccurred" }

    // A second view opened later: it knows only what is stored.
    Component {
        id: laterView
        ConversationController { chatList: ChatListController }
    }

    TestCase {
        name: "ChatSettings"
        when: windowShown

        function freshChat() {
            ChatListController.newChat()
            tryVerify(() => ChatListController.currentChatId.length > 0 && conversation.messages.count === 0 && !conversation.loading, 5000)
            return ChatListController.currentChatId
        }
        function initTestCase() {
            tryVerify(() => AppStatus.ready, 10000)
            tryVerify(() => ChatListController.listLoaded, 10000)
        }

        function test_1_theModelFollowsTheChat() {
            const a = freshChat()
            conversation.chooseModel("openai", "gpt-4o-mini")
            FakeProvider.reply("first answer", 0)
            verify(conversation.send("Hello A"))
            tryVerify(() => conversation.messages.count === 2 && !conversation.streaming, 5000)

            const b = freshChat()
            verify(b !== a)
            conversation.chooseModel("mistral", "mistral-small-latest")
            compare(conversation.provider, "mistral")

            ChatListController.openChat(a)
            tryVerify(() => conversation.chatId === a && !conversation.loading, 5000)
            compare(conversation.provider, "openai")
            compare(conversation.model, "gpt-4o-mini")
            ChatListController.openChat(b)
            tryCompare(conversation, "provider", "mistral", 5000)
            compare(conversation.model, "mistral-small-latest")

            // A view created afterwards reads the same from the store.
            const later = laterView.createObject(root)
            tryVerify(() => later.chatId === b && !later.loading, 5000)
            compare(later.provider, "mistral")
            ChatListController.openChat(a)
            tryVerify(() => later.chatId === a && !later.loading && later.provider === "openai", 5000)
            later.destroy()
        }

        function test_2_aKeylessSendKeepsTheMessage() {
            const chat = freshChat()
            conversation.chooseModel("anthropic", "claude-haiku-4-5") // the test environment has no Anthropic key
            errors.clear()
            verify(conversation.send("Will you answer?"))
            tryCompare(conversation.messages, "count", 2, 5000)
            // Said once, in the reply's place: not again under the composer.
            wait(200)
            compare(errors.count, 0)
            compare(conversation.lastError, "")
            const question = conversation.messages.get(0)
            const reply = conversation.messages.get(1)
            compare(question.text, "Will you answer?")
            compare(question.role, "user")
            compare(reply.status, ConversationModel.Error)
            compare(reply.errorReason, "no_key")
            verify(reply.error.length > 0)
            compare(conversation.streaming, false)
            // Nothing was answered: the chat is not named after the message.
            compare(ChatListController.currentChatName, "New chat")

            // Reopened, the kept turn is still there with its reason.
            freshChat()
            ChatListController.openChat(chat)
            tryVerify(() => conversation.chatId === chat && !conversation.loading && conversation.messages.count === 2, 5000)
            compare(conversation.messages.get(1).errorReason, "no_key")
        }

        function test_3_modelOptionsAreTheChats() {
            freshChat()
            conversation.chooseModel("openai", "gpt-4o-mini")
            conversation.setOption("temperature", 0.4)
            compare(conversation.options.temperature, 0.4)
            const chat = ChatListController.currentChatId
            // An empty chat is the one "New chat" gives back: this one gets a message first.
            FakeProvider.reply("warm enough", 0)
            verify(conversation.send("How warm?"))
            tryVerify(() => conversation.messages.count === 2 && !conversation.streaming, 5000)
            freshChat()
            verify(ChatListController.currentChatId !== chat)
            compare(conversation.options.temperature, undefined)
            ChatListController.openChat(chat)
            tryVerify(() => conversation.chatId === chat && !conversation.loading, 5000)
            tryCompare(conversation.options, "temperature", 0.4, 5000)
            conversation.setOption("temperature", null)
            compare(conversation.options.temperature, undefined)
        }
    }
}
