import QtQuick
import QtTest
import Teehee
import TeeheeTest

// What a message shows besides its text: syntax colours in code blocks, the
// model's thinking folded above the answer, the time on hover, no Continue on
// a deleted message, a saved rate-limit notice without a stale countdown, the
// model's details on hover, a streaming reply that keeps the paragraphs
// it already drew, and a branch switcher only where there are branches.
Item {
    id: root
    ConversationController { id: conversation; chatList: ChatListController }
    width: 900; height: 700

    ConversationView { conversation: conversation; id: view; width: 900; height: 500 }
    Item { id: loneArea; y: 500; width: 900; height: 200 }

    SignalSpy { id: finished; target: conversation; signalName: "replyFinished" }

    TestCase {
        name: "Messages"
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
        function findAny(item, objectName) {
            if (!item) return null
            if (item.objectName === objectName) return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = findAny(item.children[i], objectName)
                if (found) return found
            }
            return null
        }
        // A delegate on its own, with the roles given in `extra` over plain ones.
        function lone(extra) {
            const component = Qt.createComponent("qrc:/Teehee/MessageDelegate.qml")
            compare(component.status, Component.Ready, component.errorString())
            const d = component.createObject(loneArea, {
                conversation: conversation, width: 800, index: 0, id: "lone", role: "assistant", text: "The answer.",
                blocks: [{ kind: "text", text: "The answer." }], status: ConversationModel.Complete, isPartial: false,
                siblingIndex: extra && extra.siblingCount ? extra.siblingIndex : 0,
                siblingCount: extra && extra.siblingCount ? extra.siblingCount : 1, model: "gpt-4o-mini", provider: "openai", error: "",
                tokensIn: 3, tokensOut: 4, costUsd: 0.0012, rateLimited: false, retryAt: 0, errorReason: "",
                reasoning: extra && extra.reasoning ? extra.reasoning : "", reasoningStreaming: false, deleted: false,
                createdAt: extra && extra.createdAt ? extra.createdAt : NaN,
                attachments: extra && extra.attachments ? extra.attachments : [], toolCalls: []
            })
            verify(d)
            return d
        }
        // A block as drawn: text alone is the item itself, other blocks come through a Loader.
        function drawnBlock(child) { return child.item !== undefined ? child.item : child }
        function send(question, answer) {
            FakeProvider.reply(answer, 0)
            finished.clear()
            verify(conversation.send(question))
            tryCompare(finished, "count", 1, 5000)
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
        function cleanupTestCase() { SettingsController.theme = "light" }

        function test_1_codeBlocksAreColouredFromTheTheme() {
            send("Some code", "Here:\n\n```python\ndef f(x):\n    return 42  # answer\n```")
            view.jumpToLatest()
            const highlighter = () => {
                const reply = view.list.itemAtIndex(1)
                return reply ? findVisible(reply, "codeHighlighter") : null
            }
            // CodeHighlighter is not an Item: look for it among the code text's siblings.
            tryVerify(() => view.list.itemAtIndex(1) !== null)
            const code = findVisible(view.list.itemAtIndex(1), "codeText")
            verify(code, "the code block's text")
            verify(code.highlighter, "a highlighter on the code block")
            compare(code.highlighter.language, "python")
            SettingsController.theme = "light"
            verify(Qt.colorEqual(code.highlighter.keywordColor, Theme.codeKeyword))
            const light = String(code.highlighter.keywordColor)
            SettingsController.theme = "dark"
            tryVerify(() => String(code.highlighter.keywordColor) !== light)
            verify(Qt.colorEqual(code.highlighter.keywordColor, Theme.codeKeyword))
            SettingsController.theme = "light"
        }

        function test_2_thinkingIsFoldedAboveTheAnswer() {
            const d = lone({ reasoning: "First I considered the question." })
            const toggle = findVisible(d, "thinkingToggle")
            verify(toggle, "a Thinking header")
            compare(findVisible(d, "thinkingText"), null)
            mouseClick(toggle)
            const text = findVisible(d, "thinkingText")
            verify(text)
            compare(text.text, "First I considered the question.")
            // Above the answer.
            verify(text.mapToItem(d, 0, 0).y < findVisible(d, "messageBlocks").mapToItem(d, 0, 0).y)
            // And by keyboard.
            toggle.forceActiveFocus(Qt.TabFocusReason)
            keyClick(Qt.Key_Space)
            compare(findVisible(d, "thinkingText"), null)
            keyClick(Qt.Key_Return)
            verify(findVisible(d, "thinkingText"))
            d.destroy()
            // Without reasoning (or without the role) there is no header.
            const plain = lone(undefined)
            compare(findVisible(plain, "thinkingToggle"), null)
            plain.destroy()
            // The real model's replies have none either, and still render.
            verify(view.list.itemAtIndex(1))
            compare(findVisible(view.list.itemAtIndex(1), "thinkingToggle"), null)
        }

        function test_3_timeOnHover() {
            const when = new Date(2026, 0, 2, 13, 45)
            const d = lone({ createdAt: when.getTime() })
            compare(findVisible(d, "messageTime"), null)
            mouseMove(d, 20, 10)
            tryVerify(() => findVisible(d, "messageTime") !== null)
            const time = findVisible(d, "messageTime")
            verify(time.text.indexOf("45") >= 0, time.text)
            mouseMove(root, 5, 5)
            d.destroy()
            // No time known: nothing shown, even on hover.
            const none = lone(undefined)
            mouseMove(none, 20, 10)
            wait(50)
            compare(findVisible(none, "messageTime"), null)
            none.destroy()
        }

        function test_4_noContinueOnADeletedMessage() {
            const words = []
            for (let i = 1; i <= 40; ++i) words.push("w" + i)
            FakeProvider.reply(words.join(" "), 40)
            verify(conversation.send("Stream, then be deleted"))
            tryCompare(conversation, "streaming", true, 5000)
            const row = conversation.messages.count - 1
            tryVerify(() => conversation.messages.get(row).text.indexOf("w3") >= 0, 5000)
            conversation.stop()
            tryCompare(conversation, "streaming", false, 5000)
            const id = conversation.messages.get(row).id
            view.jumpToLatest()
            tryVerify(() => findVisible(view.list.itemAtIndex(row), "continueButton") !== null)
            conversation.deleteMessage(id)
            tryVerify(() => {
                conversation.reload()
                wait(50)
                const m = conversation.messages.get(conversation.messages.indexOf(id))
                return m && m.text === "[Message deleted]"
            }, 5000)
            view.jumpToLatest()
            const item = () => view.list.itemAtIndex(conversation.messages.indexOf(id))
            tryVerify(() => item() !== null)
            // Its action row is built (in the frames after the text): only then is "no Continue" a finding.
            tryVerify(() => findVisible(item(), "regenerateButton") !== null)
            wait(50)
            compare(findVisible(item(), "continueButton"), null)
            compare(findVisible(item(), "continueIcon"), null)
        }

        function test_5_savedRateLimitHasNoStaleCountdown() {
            FakeProvider.rateLimitNext(1)
            verify(conversation.send("Busy?"))
            const row = () => conversation.messages.count - 1
            tryVerify(() => conversation.messages.get(row()).status === ConversationModel.Error, 5000)
            // Read back from the database, as after a restart.
            const id = conversation.messages.get(row()).id
            conversation.reload()
            tryVerify(() => !conversation.messages.get(row()).rateLimited, 5000)
            compare(conversation.messages.get(row()).id, id)
            view.jumpToLatest()
            tryVerify(() => view.list.itemAtIndex(row()) !== null)
            const notice = findVisible(view.list.itemAtIndex(row()), "noticeText")
            verify(notice)
            verify(/rate limit/i.test(notice.text), notice.text)
            verify(!/retry in/i.test(notice.text), notice.text)
            const retry = findVisible(view.list.itemAtIndex(row()), "retryButton")
            verify(retry && retry.enabled)
        }

        function test_6_modelDetailsOnHover() {
            const d = lone(undefined)
            const details = findVisible(d, "modelDetails")
            verify(details)
            // Nothing is built for it until the pointer is on the model's name.
            compare(details.item, null)
            const name = findVisible(d, "modelName")
            verify(name)
            mouseMove(name, 5, 5)
            tryVerify(() => details.item !== null)
            const text = details.item.toolTip.text
            verify(text.indexOf("gpt-4o-mini") >= 0, text)
            verify(text.indexOf("3 tokens in, 4 out") >= 0, text)
            tryVerify(() => details.item.toolTip.opened, 3000)
            mouseMove(root, 5, 5)
            tryVerify(() => details.item === null)
            d.destroy()
        }

        function test_7_streamingKeepsTheParagraphsItDrew() {
            const words = []
            for (let p = 1; p <= 3; ++p)
                words.push("Paragraph " + p + " has a few words in it.")
            // A code block last: the paragraphs drawn before it are kept too.
            FakeProvider.reply(words.join("\n\n") + "\n\n```js\nlet x = 1\n```", 30)
            finished.clear()
            verify(conversation.send("Three paragraphs, slowly"))
            const row = () => conversation.messages.count - 1
            const firstParagraph = () => {
                view.jumpToLatest()
                const reply = view.list.itemAtIndex(row())
                const blocks = reply ? findVisible(reply, "messageBlocks") : null
                if (!blocks) return null
                for (let i = 0; i < blocks.children.length; ++i) {
                    const paragraph = drawnBlock(blocks.children[i])
                    if (paragraph && paragraph.text !== undefined && paragraph.text.indexOf("Paragraph 1") === 0)
                        return paragraph
                }
                return null
            }
            // The first paragraph is drawn while the reply still streams…
            tryVerify(() => conversation.streaming && firstParagraph() !== null
                      && conversation.messages.get(row()).text.indexOf("Paragraph 2") >= 0, 5000)
            const drawn = firstParagraph()
            tryCompare(finished, "count", 1, 10000)
            // …and is the same item, untouched, once the other two arrived.
            verify(firstParagraph() === drawn)
            verify(drawn.text.indexOf("Paragraph 2") < 0, drawn.text)
            const blocks = findVisible(view.list.itemAtIndex(row()), "messageBlocks")
            let paragraphs = 0
            for (let i = 0; i < blocks.children.length; ++i) {
                const paragraph = drawnBlock(blocks.children[i])
                if (paragraph && String(paragraph.text).indexOf("Paragraph") === 0) ++paragraphs
            }
            compare(paragraphs, 3)
        }

        function test_8_onlyAMessageWithSiblingsBuildsABranchSwitcher() {
            const single = lone()
            single.isLast = true // the last message shows its actions
            tryVerify(() => findVisible(single, "copyMessageButton") !== null)
            compare(findAny(single, "branchLabel"), null)
            single.destroy()
            const branched = lone({ siblingIndex: 1, siblingCount: 3 })
            tryVerify(() => findVisible(branched, "branchLabel") !== null)
            compare(findVisible(branched, "branchLabel").text, "2 / 3")
            branched.destroy()
        }
    }
}
