import QtQuick
import QtTest
import Teehee
import TeeheeTest

// Settings → Sharing on the real client: turning it on shows the pairing QR
// code and the certificate's fingerprint; a phone redeeming the code makes a
// request appear with the phone's 6-digit number and Approve, which lets it in.
Item {
    id: root
    width: 900; height: 900

    SettingsDialog { id: settings }

    TestCase {
        name: "Sharing"
        when: windowShown

        function findAll(item, objectName, out) {
            if (!item) return out
            if (item.objectName === objectName && item.visible) out.push(item)
            for (let i = 0; i < item.children.length; ++i) findAll(item.children[i], objectName, out)
            return out
        }
        function findVisible(item, objectName) { return findAll(item, objectName, [])[0] || null }

        function initTestCase() { tryVerify(() => AppStatus.ready, 10000) }
        function cleanupTestCase() {
            SharingController.enabled = false
            settings.close()
        }

        function test_qrCodeFingerprintAndARequestToApprove() {
            settings.open()
            tryCompare(settings, "opened", true)
            verify(SharingController.available)
            verify(SharingController.panelOpen)
            compare(findVisible(settings.contentItem, "pairingQr"), null) // off: no code
            const toggle = findVisible(settings.contentItem, "shareSwitch")
            verify(toggle)
            toggle.forceActiveFocus() // by keyboard: the panel is below the dialog's fold
            keyClick(Qt.Key_Space)
            tryCompare(SharingController, "state", "on", 15000)
            tryVerify(() => SharingController.pairingUrl !== "", 10000)

            const qr = findVisible(settings.contentItem, "pairingQr")
            verify(qr)
            compare(qr.text, SharingController.pairingUrl)
            verify(qr.modules >= 21) // a real QR code: version 1 or larger
            verify(qr.isDark(0, 0)) // a finder pattern's corner
            verify(qr.width > 0 && qr.height > 0)
            compare(findVisible(settings.contentItem, "pairingUrl").text, SharingController.pairingUrl)
            verify(SharingController.secondsLeft > 0)
            verify(findVisible(settings.contentItem, "pairingCountdown").text.length > 0)

            const fingerprint = findVisible(settings.contentItem, "sharingFingerprint")
            verify(fingerprint)
            verify(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/.test(fingerprint.text), fingerprint.text)
            compare(fingerprint.text, SharingController.fingerprint)

            const number = Phone.redeem(SharingController.pairingUrl, "Kitchen phone")
            compare(number.length, 6)
            tryVerify(() => findVisible(settings.contentItem, "pairingRequest") !== null, 10000)
            const shown = findVisible(settings.contentItem, "verification")
            compare(shown.text, number)
            const approve = findVisible(settings.contentItem, "approveButton")
            verify(approve)
            verify(findVisible(settings.contentItem, "denyButton"))
            approve.forceActiveFocus()
            keyClick(Qt.Key_Space)
            tryVerify(() => findVisible(settings.contentItem, "pairingRequest") === null, 10000)
            compare(SharingController.requests.length, 0)

            SharingController.enabled = false
            tryCompare(SharingController, "state", "off")
            compare(findVisible(settings.contentItem, "pairingQr"), null)
        }

        function keyShare(provider) {
            return SharingController.keyShares.find(k => k.provider === provider)
        }

        function test_theOwnersKeysAndAccountsForOtherPeople() {
            settings.open()
            tryCompare(settings, "opened", true)

            // A switch per provider with a key, off by default.
            compare(findVisible(settings.contentItem, "keyShare_mistral"), null)
            SettingsController.saveKey("mistral", "mk-sharing-test-key-1234")
            tryVerify(() => findVisible(settings.contentItem, "keyShare_mistral") !== null, 10000)
            const sw = findVisible(settings.contentItem, "keyShare_mistral")
            verify(!sw.checked)
            verify(sw.text.indexOf("Mistral") >= 0, sw.text)
            sw.forceActiveFocus()
            keyClick(Qt.Key_Space)
            tryVerify(() => keyShare("mistral") && keyShare("mistral").shared, 10000)
            verify(findVisible(settings.contentItem, "keyShare_mistral").checked)
            findVisible(settings.contentItem, "keyShare_mistral").forceActiveFocus()
            keyClick(Qt.Key_Space)
            tryVerify(() => keyShare("mistral") && !keyShare("mistral").shared, 10000)
            const key = SettingsController.keys.find(k => k.provider === "mistral")
            verify(key)
            SettingsController.deleteKey(key.id)
            tryVerify(() => findVisible(settings.contentItem, "keyShare_mistral") === null, 10000)

            // An account for another person: made from the form, listed, removed.
            const name = findVisible(settings.contentItem, "personName")
            const password = findVisible(settings.contentItem, "personPassword")
            const create = findVisible(settings.contentItem, "createAccountButton")
            verify(name && password && create)
            verify(!create.enabled)
            name.text = "Robin"
            password.text = "robin's password"
            verify(create.enabled)
            create.forceActiveFocus()
            keyClick(Qt.Key_Space)
            tryVerify(() => findVisible(settings.contentItem, "personAccount") !== null, 10000)
            compare(SharingController.accounts.length, 1)
            compare(SharingController.accounts[0].name, "Robin")
            compare(name.text, "") // the form empties for the next one
            compare(password.text, "")
            const remove = findVisible(settings.contentItem, "removeAccountButton")
            remove.forceActiveFocus()
            keyClick(Qt.Key_Space)
            tryVerify(() => findVisible(settings.contentItem, "personAccount") === null, 10000)
            compare(SharingController.accounts.length, 0)
        }
    }
}
