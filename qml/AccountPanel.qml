pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// Settings → Account: this computer's own chats, or an account on a Teehee
// server (another computer's share, or teehee-server). Joining one: its
// address (or one found on the network), its certificate compared and
// trusted, then a password or a pairing code approved on another device.
ColumnLayout {
    id: panel
    spacing: Theme.gap
    readonly property string step: AccountController.step
    property bool joining: false

    component Note: Text {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Theme.mutedText
        font.pointSize: Theme.smallSize
    }
    component Strong: Text {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Theme.text
        font.pointSize: Theme.baseSize
    }

    Note {
        visible: AccountController.signedOutFrom !== ""
        color: Theme.danger
        text: qsTr("This computer was signed out of %1 (its device was removed there). Sign in again to use it.").arg(AccountController.signedOutFrom)
    }

    // In use now.
    Strong {
        objectName: "accountInUse"
        text: AccountController.remote ? qsTr("Signed in to %1").arg(AccountController.serverUrl)
                                       : qsTr("This computer: chats and keys are kept here.")
    }
    RowLayout {
        visible: AccountController.remote
        TextButton {
            text: qsTr("Use this computer instead")
            onClicked: AccountController.useThisComputer()
        }
    }
    Note {
        visible: AccountController.remote
        text: qsTr("The server keeps these chats. This computer's own chats stay here and come back when you switch.")
    }
    TextButton {
        objectName: "useServerButton"
        visible: !AccountController.remote && !panel.joining
        text: qsTr("Use a Teehee server…")
        onClicked: { panel.joining = true; address.forceActiveFocus() }
    }

    // Joining a server.
    ColumnLayout {
        visible: panel.joining && !AccountController.remote
        Layout.fillWidth: true
        spacing: Theme.gap

        Note { text: qsTr("Another computer's share (Settings → Sharing there) or a Teehee server. Paste its pairing link to pair without a password.") }
        Repeater {
            model: AccountController.foundServers
            delegate: TextButton {
                required property var modelData
                text: qsTr("On this network: %1").arg(modelData.name)
                Accessible.name: text
                onClicked: { address.text = modelData.url; AccountController.check(modelData.url) }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Field {
                id: address
                objectName: "serverAddress"
                Layout.fillWidth: true
                placeholderText: "192.168.1.20:8765"
                label: qsTr("Server address or pairing link")
                onAccepted: AccountController.check(text)
            }
            TextButton {
                text: qsTr("Continue")
                primary: panel.step === "idle" || panel.step === "failed"
                enabled: address.text.trim().length > 0 && panel.step !== "checking"
                onClicked: AccountController.check(address.text)
            }
        }
        Note { visible: panel.step === "checking"; text: qsTr("Reaching the server…") }
        Note {
            objectName: "accountError"
            visible: panel.step === "failed"
            color: Theme.danger
            text: AccountController.errorText
        }

        // A certificate nobody vouches for: the person compares it.
        ColumnLayout {
            visible: panel.step === "confirm"
            Layout.fillWidth: true
            Strong { text: qsTr("Is this the server's certificate?") }
            Note { text: qsTr("Compare this fingerprint with the one the server shows (Settings → Sharing on that computer, or teehee-server --print-fingerprint). Trust it only if they are the same.") }
            TextEdit {
                objectName: "certificateFingerprint"
                Layout.fillWidth: true
                readOnly: true
                selectByMouse: true
                wrapMode: TextEdit.WrapAnywhere
                text: AccountController.fingerprint
                color: Theme.text
                font.family: Theme.monoFamily
                font.pointSize: Theme.smallSize
            }
            RowLayout {
                TextButton { text: qsTr("Trust this certificate"); primary: true; onClicked: AccountController.confirmCertificate() }
                TextButton { text: qsTr("Cancel"); onClicked: { AccountController.cancel(); panel.joining = false } }
            }
        }

        // Reached: a password, or a code from the other device.
        GridLayout {
            visible: panel.step === "reachable" || panel.step === "signingIn"
            Layout.fillWidth: true
            columns: panel.width > 520 ? 2 : 1
            columnSpacing: Theme.gap3
            rowSpacing: Theme.gap
            ColumnLayout {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                Strong { text: qsTr("Pair with a code") }
                Note { text: qsTr("On a device already signed in, open Settings → Sharing (or Devices) and show the pairing code.") }
                Field { id: code; objectName: "pairingCode"; Layout.fillWidth: true; label: qsTr("Pairing code"); text: AccountController.pairingCode
                        onAccepted: if (text.length > 0) AccountController.pair(text) }
                TextButton { text: qsTr("Pair"); primary: code.text.length > 0; enabled: code.text.length > 0 && panel.step === "reachable"
                             onClicked: AccountController.pair(code.text) }
            }
            ColumnLayout {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                Strong { text: qsTr("Or sign in") }
                Field { id: email; objectName: "signInEmail"; Layout.fillWidth: true; label: qsTr("Email"); inputMethodHints: Qt.ImhEmailCharactersOnly }
                Field { id: password; objectName: "signInPassword"; Layout.fillWidth: true; label: qsTr("Password"); echoMode: TextInput.Password
                        onAccepted: AccountController.signIn(email.text, text) }
                TextButton { text: qsTr("Sign in"); enabled: email.text.length > 0 && password.text.length > 0 && panel.step === "reachable"
                             onClicked: AccountController.signIn(email.text, password.text) }
            }
        }
        Note { visible: panel.step === "signingIn"; text: qsTr("Signing in…") }

        // Paired: waiting for the other device's approval.
        ColumnLayout {
            visible: panel.step === "waiting"
            Layout.fillWidth: true
            Strong { text: qsTr("Approve this computer on your other device") }
            Note { text: qsTr("It asks to approve \"%1\". Approve only if it shows the same number:").arg(AccountController.deviceName) }
            Text {
                objectName: "verificationNumber"
                text: AccountController.verification
                color: Theme.text
                font.pointSize: Theme.titleSize * 1.6
                font.family: Theme.monoFamily
                font.weight: Font.DemiBold
                Accessible.name: qsTr("Verification number %1").arg(text)
            }
            TextButton { text: qsTr("Cancel"); onClicked: AccountController.cancel() }
        }
        Note { visible: panel.step === "done"; text: qsTr("Signed in. Opening the server's chats…") }
    }
}
