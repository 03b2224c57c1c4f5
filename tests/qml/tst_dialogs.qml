import QtQuick
import QtTest
import Teehee
import TeeheeTest

// The dialogs' chrome: the shortcuts sheet never overlaps its rows, at any
// text size and in German; footers are the app's own buttons on the dialog's
// surface (no white strip in dark mode), translated; the language list is
// dark in dark mode; "Save & submit" shows its "&"; the key form answers each
// action with one line and does not move Save.
Item {
    id: root
    width: 900; height: 700
    ConversationController { id: conversation; chatList: ChatListController }

    ShortcutsSheet { id: sheet }
    SystemPromptDialog { conversation: conversation; id: prompt }
    SettingsDialog { id: settings }
    MessageEditor { id: editor; width: 400; originalText: "hello" }

    TestCase {
        name: "Dialogs"
        when: windowShown
        property string language: ""
        property real scale: 1

        function findAll(item, objectName, out) {
            if (!item) return out
            if (item.objectName === objectName && item.visible) out.push(item)
            for (let i = 0; i < item.children.length; ++i) findAll(item.children[i], objectName, out)
            return out
        }
        function findVisible(item, objectName) { return findAll(item, objectName, [])[0] || null }
        function rectOf(item) { const p = item.mapToItem(root, 0, 0); return { x: p.x, y: p.y, w: item.width, h: item.height } }
        function overlaps(a, b) { return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h }
        // The window's pixels under an item, as drawn (a transparent footer shows the dialog behind it).
        function brightness(item, x, y) {
            const p = item.mapToItem(root, x, y)
            const c = grabImage(root).pixel(Math.round(p.x), Math.round(p.y))
            return (c.r + c.g + c.b) / 3 // 0 black … 1 white
        }

        function initTestCase() {
            tryVerify(() => AppStatus.ready, 10000)
            language = SettingsController.language
            scale = SettingsController.textScale
        }
        function init() { SettingsController.language = language; SettingsController.theme = "light" }
        function cleanupTestCase() {
            SettingsController.language = language
            SettingsController.textScale = scale
            SettingsController.theme = "light"
        }

        function checkSheetRows() {
            sheet.open()
            tryCompare(sheet, "opened", true)
            wait(50) // the grid lays out at the next polish
            const keys = findAll(sheet.contentItem, "shortcutKeys", [])
            const actions = findAll(sheet.contentItem, "shortcutAction", [])
            compare(keys.length, 13)
            compare(actions.length, 13)
            const cells = keys.concat(actions).map(rectOf)
            for (let i = 0; i < cells.length; ++i)
                for (let j = i + 1; j < cells.length; ++j)
                    verify(!overlaps(cells[i], cells[j]), "cells " + i + " and " + j + " overlap at scale "
                           + SettingsController.textScale + " " + JSON.stringify(cells[i]) + " " + JSON.stringify(cells[j]))
            // Each keycap's text stays inside the keycap.
            for (const k of keys)
                verify(k.children[0].implicitHeight <= k.height, k.children[0].text)
            sheet.close()
            tryCompare(sheet, "visible", false)
        }

        function test_1_shortcutRowsNeverOverlap() {
            for (const s of [1.0, 1.4, 1.6]) {
                SettingsController.textScale = s
                checkSheetRows()
            }
            SettingsController.language = "de"
            SettingsController.textScale = 1.4
            checkSheetRows()
            SettingsController.textScale = scale
        }

        function test_2_footersAreTheAppsButtonsTranslatedAndDark() {
            SettingsController.language = "de"
            SettingsController.theme = "dark"
            sheet.open()
            tryCompare(sheet, "opened", true)
            const close = findVisible(sheet.footer, "closeButton")
            verify(close, "the sheet's Close is a TextButton in the footer")
            compare(close.text, "Schließen")
            verify(brightness(sheet.footer, 4, 4) < 0.35, "the sheet's footer is dark")
            sheet.close()
            tryCompare(sheet, "visible", false)

            prompt.open()
            tryCompare(prompt, "opened", true)
            const save = findVisible(prompt.footer, "saveButton")
            const cancel = findVisible(prompt.footer, "cancelButton")
            verify(save && cancel)
            compare(save.text, "Speichern")
            compare(cancel.text, "Abbrechen")
            verify(brightness(prompt.footer, 4, 4) < 0.35, "the system prompt's footer is dark")
            prompt.close()
            tryCompare(prompt, "visible", false)
            SettingsController.language = language
        }

        function test_3_languageListIsDarkInDarkMode() {
            SettingsController.theme = "dark"
            settings.open()
            tryCompare(settings, "opened", true)
            const box = findVisible(settings.contentItem, "languageBox")
            verify(box)
            box.popup.open()
            tryCompare(box.popup, "opened", true)
            wait(50)
            verify(box.popup.contentItem.count > 1)
            // Inside the list, beside the text of its last row, and on the popup's own frame.
            const list = box.popup.contentItem
            const back = box.popup.background
            const lb = brightness(list, list.width - 6, 6)
            const bb = brightness(back, back.width / 2, back.height - 3)
            verify(lb < 0.35 && bb < 0.35, "the language list is dark: " + lb + " " + bb)
            box.popup.close()
            settings.close()
            tryCompare(settings, "visible", false)
            SettingsController.theme = "light"
        }

        function test_4_saveAndSubmitShowsItsAmpersand() {
            const button = findVisible(editor, "saveSubmitButton")
            verify(button)
            compare(button.text, "Save & submit")
            // IconLabel reads a single "&" as a mnemonic marker and hides it: it must be doubled.
            compare(button.contentItem.text, "Save && submit")
        }

        function test_5_keyFormOneLinePerActionSaveStaysPut() {
            settings.open()
            tryCompare(settings, "opened", true)
            const field = findVisible(settings.contentItem, "apiKeyField")
            const test = findVisible(settings.contentItem, "testKeyButton")
            const save = findVisible(settings.contentItem, "saveKeyButton")
            verify(field && test && save)
            field.text = "sk-test-fake"
            tryVerify(() => test.enabled, 5000)
            const before = save.mapToItem(settings.contentItem, 0, 0).y
            mouseClick(test)
            const result = () => findVisible(settings.contentItem, "keyFormResult")
            tryVerify(() => result() && result().text !== "Testing…" && !SettingsController.busy, 5000)
            verify(result().text.length > 0)
            // One line answers the Test: not also one under the saved keys.
            compare(findVisible(settings.contentItem, "storedKeyResult"), null)
            compare(save.mapToItem(settings.contentItem, 0, 0).y, before)
            mouseClick(save)
            tryCompare(result(), "text", "Saved.")
            // Reopened, the dialog starts clean.
            settings.close()
            tryCompare(settings, "visible", false)
            settings.open()
            tryCompare(settings, "opened", true)
            compare(findVisible(settings.contentItem, "keyFormResult"), null)
            // Saved keys read the same way: an ellipsis and the last characters.
            tryVerify(() => findAll(settings.contentItem, "keyHint", []).length > 0, 5000)
            for (const hint of findAll(settings.contentItem, "keyHint", []))
                verify(/^….{1,4}$/.test(hint.text) || /^https?:/.test(hint.text), hint.text)
            settings.close()
            tryCompare(settings, "visible", false)
        }
    }
}
