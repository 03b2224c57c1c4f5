import QtQuick
import QtTest
import Teehee
import TeeheeTest

// Settings → Account on the real client: joining a Teehee server (here this
// app's own share, over TLS on loopback) shows the server's certificate to
// compare, then pairs with a code and shows the number to approve on the
// other device; approved there, the account is the server's until
// "Use this computer instead".
Item {
    id: root
    width: 900; height: 900

    SettingsDialog { id: settings }

    TestCase {
        name: "Account"
        when: windowShown

        function findAll(item, objectName, out) {
            if (!item) return out
            if (item.objectName === objectName && item.visible) out.push(item)
            for (let i = 0; i < item.children.length; ++i) findAll(item.children[i], objectName, out)
            return out
        }
        function findVisible(item, objectName) { return findAll(item, objectName, [])[0] || null }
        function press(item) { item.forceActiveFocus(); keyClick(Qt.Key_Space) }

        function initTestCase() { tryVerify(() => AppStatus.ready, 10000) }
        function cleanupTestCase() {
            AccountController.useThisComputer()
            SharingController.enabled = false
            settings.close()
        }

        function test_pairsWithAServerAfterConfirmingItsCertificate() {
            SharingController.enabled = true
            tryCompare(SharingController, "state", "on", 15000)
            tryVerify(() => SharingController.pairingUrl !== "", 10000)
            settings.open()
            tryCompare(settings, "opened", true)
            verify(AccountController.available)
            verify(!AccountController.remote)
            verify(findVisible(settings.contentItem, "accountInUse").text.length > 0)

            const join = findVisible(settings.contentItem, "useServerButton")
            if (join) press(join) // (already open when another test opened it)
            const address = findVisible(settings.contentItem, "serverAddress")
            verify(address)
            address.text = "127.0.0.1:" + SharingController.port
            address.forceActiveFocus()
            keyClick(Qt.Key_Return)

            // The share's certificate is its own: shown, to compare.
            tryCompare(AccountController, "step", "confirm", 15000)
            const fingerprint = findVisible(settings.contentItem, "certificateFingerprint")
            verify(fingerprint)
            compare(fingerprint.text, SharingController.fingerprint)
            AccountController.confirmCertificate()
            tryCompare(AccountController, "step", "reachable", 15000)

            // A code from the other device (here the share's invitation).
            const code = SharingController.pairingUrl.split("#pair=")[1].split("&")[0]
            const field = findVisible(settings.contentItem, "pairingCode")
            verify(field)
            field.text = code
            field.forceActiveFocus()
            keyClick(Qt.Key_Return)
            tryCompare(AccountController, "step", "waiting", 15000)
            const number = findVisible(settings.contentItem, "verificationNumber")
            verify(number)
            tryVerify(() => SharingController.requests.length === 1, 10000)
            const request = SharingController.requests[0]
            compare(number.text.replace(" ", ""), request.verification)
            compare(request.deviceName, AccountController.deviceName)

            SharingController.approve(request.pairingId)
            tryVerify(() => AccountController.remote, 15000)
            compare(AccountController.serverUrl, "https://127.0.0.1:" + SharingController.port)
            tryVerify(() => findVisible(settings.contentItem, "accountInUse").text.indexOf(AccountController.serverUrl) >= 0, 5000)

            AccountController.useThisComputer()
            tryVerify(() => !AccountController.remote, 5000)
        }

        function test_aWrongAddressSaysSo() {
            if (!settings.opened) settings.open()
            tryCompare(settings, "opened", true)
            const join = findVisible(settings.contentItem, "useServerButton")
            if (join) press(join)
            AccountController.check("not a server at all")
            tryCompare(AccountController, "step", "failed", 5000)
            verify(AccountController.errorText.length > 0)
            const shown = findVisible(settings.contentItem, "accountError")
            verify(shown)
            compare(shown.text, AccountController.errorText)
            AccountController.cancel()
        }
    }
}
