import QtQuick
import QtTest
import Teehee
import TeeheeTest

// The composer: Enter sends, Shift+Enter adds a line, empty text is not
// sent, the button is Stop while streaming and Esc stops.
Item {
    id: root
    ConversationController { id: conversation; chatList: ChatListController }
    width: 800; height: 300

    Composer { conversation: conversation; id: composer; anchors.left: parent.left; anchors.right: parent.right; anchors.bottom: parent.bottom }

    TestCase {
        name: "Composer"
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
            tryVerify(() => ChatListController.listLoaded, 10000)
            ChatListController.newChat()
            tryVerify(() => ChatListController.currentChatId.length > 0 && conversation.messages.count === 0 && !conversation.loading, 5000)
            conversation.chooseModel("openai", "gpt-4o-mini")
        }

        function test_1_shiftEnterIsANewLineAndEmptyIsNotSent() {
            const input = findChild(composer, "composerInput")
            input.forceActiveFocus()
            keyClick(Qt.Key_Return)
            compare(conversation.streaming, false)
            compare(conversation.messages.count, 0)
            keyClick(Qt.Key_H); keyClick(Qt.Key_I)
            keyClick(Qt.Key_Return, Qt.ShiftModifier)
            keyClick(Qt.Key_X)
            compare(input.text, "hi\nx")
            input.text = ""
        }

        function test_2_enterSendsAndButtonBecomesStop() {
            FakeProvider.reply("one two three four five six seven eight nine ten eleven twelve", 80)
            const input = findChild(composer, "composerInput")
            const button = findChild(composer, "sendButton")
            input.forceActiveFocus()
            compare(button.enabled, false)
            input.text = "Count to twelve"
            compare(button.enabled, true)
            keyClick(Qt.Key_Return)
            compare(input.text, "")
            tryCompare(conversation, "streaming", true, 5000)
            compare(button.stopping, true)
            tryCompare(conversation.messages, "count", 2)
            compare(conversation.messages.get(0).text, "Count to twelve")
            keyClick(Qt.Key_Escape)
            tryCompare(conversation, "streaming", false, 5000)
            compare(button.stopping, false)
            tryVerify(() => conversation.messages.get(1).status === ConversationModel.Aborted, 5000)
        }
    }
}
