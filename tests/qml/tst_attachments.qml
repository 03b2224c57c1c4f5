import QtQuick
import QtTest
import Teehee
import TeeheeTest

// Files in the composer and the conversation: an image picked for a message
// shows as a chip with a thumbnail, goes to the provider as an image part and
// shows as a thumbnail on the sent message (a click opens the preview); a
// file of a kind not taken is refused before upload; images for a model that
// takes none are refused before anything is sent.
Item {
    id: root
    ConversationController { id: conversation; chatList: ChatListController }
    width: 900; height: 800

    ConversationView { conversation: conversation; id: view; width: 900; height: 560 }
    Composer { conversation: conversation; id: composer; y: 560; width: 900 }

    SignalSpy { id: finished; target: conversation; signalName: "replyFinished" }
    SignalSpy { id: refused; target: composer.attachments; signalName: "refused" }

    TestCase {
        name: "Attachments"
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
        function newChat(model) {
            ChatListController.newChat()
            tryVerify(() => ChatListController.currentChatId.length > 0 && conversation.messages.count === 0 && !conversation.loading, 5000)
            conversation.chooseModel("openai", model)
        }
        function attachPicture() {
            composer.attachments.addFiles([Qt.resolvedUrl("data/sunset.png")])
            compare(composer.attachments.count, 1)
            tryVerify(() => composer.attachments.items.length === 1 && composer.attachments.items[0].ready, 10000)
        }
        function initTestCase() {
            tryVerify(() => ChatListController.listLoaded, 10000)
        }
        function cleanup() {
            composer.attachments.clear()
            composer.text = ""
            refused.clear()
        }

        function test_1_anImageGoesToTheProviderAndShowsOnTheMessage() {
            newChat("gpt-4o-mini")
            attachPicture()
            const item = composer.attachments.items[0]
            compare(item.name, "sunset.png")
            compare(item.mimeType, "image/png")
            verify(item.isImage)
            tryVerify(() => findVisible(composer, "pendingThumbnail") !== null, 5000)
            tryCompare(findVisible(composer, "pendingThumbnail"), "status", Image.Ready, 5000)

            FakeProvider.reply("A sunset over the sea.", 0)
            const before = FakeProvider.requestCount
            finished.clear()
            composer.text = "What is in this picture?"
            const send = findVisible(composer, "sendButton")
            verify(send.enabled)
            mouseClick(send)
            finished.wait(10000)
            // The reply's request (a title may be asked for after it).
            verify(FakeProvider.requestCount > before)
            const body = FakeProvider.requestBody(before)
            verify(body.indexOf("\"image_url\"") >= 0, body.slice(0, 400))
            verify(body.indexOf("data:image/png;base64,") >= 0)
            compare(composer.attachments.count, 0) // the tray empties once sent

            compare(conversation.messages.count, 2)
            const sent = conversation.messages.get(0)
            compare(sent.text, "What is in this picture?")
            compare(sent.attachments.length, 1)
            compare(sent.attachments[0].name, "sunset.png")
            compare(sent.attachments[0].isImage, true)
            compare(conversation.messages.get(1).attachments.length, 0)

            // The thumbnail row of the sent message, its picture loaded from the stored bytes.
            tryVerify(() => findVisible(view, "attachmentThumbnail") !== null, 5000)
            const thumb = findVisible(view, "attachmentThumbnail")
            tryVerify(() => thumb.preview.thumbnail.length > 0, 10000)
            tryCompare(findVisible(thumb, "attachmentThumbnailImage"), "status", Image.Ready, 5000)
            mouseClick(thumb)
            tryVerify(() => thumb.preview.full.indexOf("data:image/png;base64,") === 0, 10000)
            const popup = findVisible(view, "attachmentRow").preview
            tryCompare(popup, "opened", true, 5000)
            popup.close()
            tryCompare(popup, "visible", false, 5000)
        }
        function test_2_anImageForAModelThatTakesNoneIsRefusedBeforeSending() {
            newChat("gpt-3.5-turbo")
            attachPicture()
            const warning = findVisible(composer, "visionProblem")
            verify(warning, "the composer says so before sending")
            verify(warning.text.indexOf("gpt-3.5-turbo") >= 0)
            const before = FakeProvider.requestCount
            composer.text = "And this one?"
            composer.submit()
            wait(200)
            compare(conversation.messages.count, 0)
            compare(FakeProvider.requestCount, before)
            compare(composer.attachments.count, 1) // kept, to choose another model
            const notice = findVisible(composer, "composerNotice")
            verify(notice)
            compare(notice.text, warning.text)

            // Another model that reads images: the same message goes.
            conversation.chooseModel("openai", "gpt-4o")
            verify(!findVisible(composer, "visionProblem"))
            FakeProvider.reply("Another sunset.", 0)
            finished.clear()
            composer.submit()
            finished.wait(10000)
            verify(FakeProvider.requestCount > before)
            verify(FakeProvider.requestBody(before).indexOf("data:image/png;base64,") >= 0)
            compare(conversation.messages.get(0).attachments.length, 1)
        }

        function test_3_aFileOfAnotherKindIsRefusedBeforeUpload() {
            const before = composer.attachments.count
            composer.attachments.addFiles([Qt.resolvedUrl("data/archive.zip")])
            compare(refused.count, 1)
            verify(refused.signalArguments[0][0].indexOf("archive.zip") >= 0)
            compare(composer.attachments.count, before)
            // A chip can be taken out again.
            attachPicture()
            // Its remove button, shown on the chip, takes it out. (Activated
            // directly: a synthetic click on a chip the Repeater may rebuild as
            // the upload reports missed it now and then on a loaded machine.)
            let remove = null
            tryVerify(() => {
                remove = findVisible(composer, "removeAttachment")
                return remove && remove.width > 0 && remove.enabled
            }, 5000)
            remove.clicked()
            tryCompare(composer.attachments, "count", 0)
        }
    }
}
