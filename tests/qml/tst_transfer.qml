import QtQuick
import QtTest
import Teehee
import TeeheeTest

// Settings → Data on the real client: importing ChatGPT's conversations.json
// as the Import button's file dialog does adds its chats to the chat list and
// says so; the same file again imports nothing new.
Item {
    id: root
    width: 900; height: 900
    SettingsDialog { id: settings }
    SignalSpy { id: transferDone; target: TransferController; signalName: "finished" }

    TestCase {
        name: "Transfer"
        when: windowShown

        readonly property url fixture: Qt.resolvedUrl("../chat/data/chatgpt-conversations.json")

        function findAll(item, objectName, out) {
            if (!item) return out
            if (item.objectName === objectName) out.push(item)
            const kids = item.children ? Array.from(item.children) : []
            if (item.data) for (let i = 0; i < item.data.length; ++i) if (kids.indexOf(item.data[i]) < 0) kids.push(item.data[i])
            for (let i = 0; i < kids.length; ++i) findAll(kids[i], objectName, out)
            return out
        }
        function chatNames() {
            const model = ChatListController.chats
            const names = []
            for (let i = 0; i < model.rowCount(); ++i)
                names.push(model.data(model.index(i, 0), ChatListModel.NameRole))
            return names
        }
        // What the Import button's file dialog does with the file chosen in it
        // (the dialog itself is the platform's, not driven here).
        function importThroughThePanel() {
            const button = findAll(settings.contentItem, "importButton", [])[0]
            verify(button, "Settings → Data has an Import button")
            tryVerify(() => button.enabled)
            const panel = findAll(settings.contentItem, "dataPanel", [])[0]
            verify(panel)
            transferDone.clear()
            panel.importFrom(fixture)
            transferDone.wait(20000)
        }

        function initTestCase() {
            tryVerify(() => AppStatus.ready, 10000)
            tryVerify(() => ChatListController.listLoaded, 10000)
        }
        function cleanupTestCase() { settings.close() }

        function test_aImportingAChatGptFileAddsItsChats() {
            verify(chatNames().indexOf("Reversing a list") < 0)
            settings.open()
            tryCompare(settings, "opened", true)
            importThroughThePanel()
            compare(transferDone.signalArguments[0][0], true, transferDone.signalArguments[0][1])
            tryVerify(() => chatNames().indexOf("Reversing a list") >= 0 && chatNames().indexOf("Greeting") >= 0, 10000)
            const line = findAll(settings.contentItem, "transferResult", [])[0]
            tryVerify(() => line.visible)
            compare(line.text, "2 chats imported")
            compare(TransferController.failed, false)
        }

        function test_bTheSameFileAgainImportsNothingNew() {
            const before = ChatListController.chats.rowCount()
            importThroughThePanel()
            compare(transferDone.signalArguments[0][0], true)
            const line = findAll(settings.contentItem, "transferResult", [])[0]
            compare(line.text, "0 chats imported, 2 already there")
            compare(ChatListController.chats.rowCount(), before)
        }

        function test_cAFileThatIsNoDocumentIsRefusedInWords() {
            transferDone.clear()
            TransferController.importFile(Qt.resolvedUrl("tst_transfer.qml"))
            transferDone.wait(10000)
            compare(transferDone.signalArguments[0][0], false)
            verify(TransferController.failed)
            const line = findAll(settings.contentItem, "transferResult", [])[0]
            tryVerify(() => line.visible)
            verify(line.text.length > 0)
        }
    }
}
