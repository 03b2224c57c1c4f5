pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// Settings → Sharing: this computer serves its chats to the household's other
// devices. The switch, the port, what to open, the pairing QR code with its
// URL and countdown, the certificate's fingerprint, the requests waiting for
// Approve / Deny, the replies other devices are streaming, the owner's keys others may use, the accounts made for
// other people, and the paired devices with Revoke.
ColumnLayout {
    id: panel
    spacing: Theme.gap
    readonly property bool on: SharingController.state === "on"

    component Note: Text {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Theme.mutedText
        font.pointSize: Theme.smallSize
    }
    component Heading: Text {
        Layout.fillWidth: true
        Layout.topMargin: Theme.gap
        color: Theme.text
        font.pointSize: Theme.baseSize
        font.weight: Font.DemiBold
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    component Selectable: TextEdit {
        Layout.fillWidth: true
        readOnly: true
        selectByMouse: true
        wrapMode: TextEdit.WrapAnywhere
        color: Theme.text
        selectionColor: Theme.accent
        selectedTextColor: Theme.accentText
        font.family: Theme.monoFamily
        font.pointSize: Theme.smallSize
    }

    RowLayout {
        Layout.fillWidth: true
        Switch {
            id: shareSwitch
            objectName: "shareSwitch"
            text: qsTr("Share on this network")
            checked: SharingController.enabled
            font.pointSize: Theme.baseSize
            Accessible.name: text
            onToggled: {
                SharingController.enabled = checked
                checked = Qt.binding(() => SharingController.enabled) // a failed start turns it back off
            }
            contentItem: Text {
                leftPadding: shareSwitch.indicator.width + shareSwitch.spacing
                text: shareSwitch.text
                color: Theme.text
                font: shareSwitch.font
                verticalAlignment: Text.AlignVCenter
            }
        }
        Item { Layout.fillWidth: true }
        Text { text: qsTr("Port"); color: Theme.mutedText; font.pointSize: Theme.baseSize }
        Field {
            id: portField
            objectName: "sharingPort"
            Layout.preferredWidth: Theme.px(90)
            label: qsTr("Port")
            text: String(SharingController.port)
            inputMethodHints: Qt.ImhDigitsOnly
            validator: IntValidator { bottom: 1; top: 65535 }
            onEditingFinished: if (acceptableInput) SharingController.port = Number(text)
        }
    }
    Note {
        text: SharingController.state === "failed"
              ? qsTr("Sharing could not start: %1").arg(SharingController.failure)
              : SharingController.state === "starting" ? qsTr("Starting…")
              : qsTr("Other devices on this network can use your chats and keys after you let them in here. The connection is encrypted.")
        color: SharingController.state === "failed" ? Theme.danger : Theme.mutedText
    }

    ColumnLayout {
        Layout.fillWidth: true
        visible: panel.on
        spacing: Theme.gap

        Heading { text: qsTr("Open on another device") }
        Repeater {
            model: SharingController.addresses
            delegate: Selectable { required property string modelData; objectName: "sharingAddress"; text: modelData }
        }

        Heading { text: qsTr("Pair a phone or tablet") }
        Note { text: qsTr("Scan this code with the other device's camera, then compare the number it shows with the one below.") }
        // The code beside what it says, so that the requests below stay in view with it.
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.gap * 2
            QrCode {
                objectName: "pairingQr"
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: Theme.px(200)
                Layout.preferredHeight: Theme.px(200)
                text: SharingController.pairingUrl
                color: "#000000"
                background: "#FFFFFF"
                Accessible.role: Accessible.Graphic
                Accessible.name: qsTr("QR code of the pairing link")
            }
            ColumnLayout {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                spacing: Theme.gap
                Selectable { objectName: "pairingUrl"; text: SharingController.pairingUrl }
                RowLayout {
                    Layout.fillWidth: true
                    Note {
                        objectName: "pairingCountdown"
                        text: SharingController.secondsLeft > 0
                              ? qsTr("Valid for %1:%2").arg(Math.floor(SharingController.secondsLeft / 60))
                                                        .arg(String(SharingController.secondsLeft % 60).padStart(2, "0"))
                              : qsTr("Making a new code…")
                    }
                    TextButton { text: qsTr("New code"); onClicked: SharingController.newInvitation() }
                }
                Heading { text: qsTr("SHA-256 fingerprint") }
                Selectable { objectName: "sharingFingerprint"; text: SharingController.fingerprint }
                Note { text: qsTr("A device that asks you to trust a certificate should show this same fingerprint.") }
            }
        }

        Heading { text: qsTr("Waiting for approval"); visible: SharingController.requests.length > 0 }
        Repeater {
            model: SharingController.requests
            delegate: RowLayout {
                id: request
                required property var modelData
                objectName: "pairingRequest"
                Layout.fillWidth: true
                Text { Layout.fillWidth: true; text: request.modelData.deviceName; color: Theme.text; font.pointSize: Theme.baseSize; elide: Text.ElideRight }
                Text {
                    objectName: "verification"
                    text: request.modelData.verification
                    color: Theme.text
                    font.family: Theme.monoFamily
                    font.pointSize: Theme.titleSize
                    font.letterSpacing: 2
                    Accessible.name: qsTr("Number %1").arg(text.split("").join(" "))
                }
                TextButton {
                    objectName: "approveButton"
                    text: qsTr("Approve")
                    primary: true
                    Accessible.name: qsTr("Approve %1").arg(request.modelData.deviceName)
                    onClicked: SharingController.approve(request.modelData.pairingId)
                }
                TextButton {
                    objectName: "denyButton"
                    text: qsTr("Deny")
                    Accessible.name: qsTr("Deny %1").arg(request.modelData.deviceName)
                    onClicked: SharingController.deny(request.modelData.pairingId)
                }
            }
        }
    }

    Heading { text: qsTr("Replies running from other devices"); visible: SharingController.streams.length > 0 }
    Repeater {
        model: SharingController.streams
        delegate: RowLayout {
            id: stream
            required property var modelData
            objectName: "remoteStream"
            Layout.fillWidth: true
            Text {
                Layout.fillWidth: true
                text: qsTr("%1 in “%2”").arg(stream.modelData.deviceName || qsTr("Another device"))
                                        .arg(stream.modelData.chatName || qsTr("New chat"))
                color: Theme.text
                font.pointSize: Theme.baseSize
                elide: Text.ElideRight
            }
            Text {
                text: qsTr("Since %1").arg(new Date(stream.modelData.startedAt).toLocaleTimeString(Qt.locale(), Locale.ShortFormat))
                color: Theme.mutedText
                font.pointSize: Theme.smallSize
            }
        }
    }

    Heading { text: qsTr("Your keys"); visible: SharingController.keyShares.length > 0 }
    Note {
        visible: SharingController.keyShares.length > 0
        text: qsTr("People with their own account here can always add their own keys. Yours stay hidden from them either way.")
    }
    Repeater {
        model: SharingController.keyShares
        delegate: Switch {
            id: keyShare
            required property var modelData
            objectName: "keyShare_" + modelData.provider
            text: qsTr("Let other people use my %1 key").arg(modelData.displayName)
            checked: modelData.shared
            font.pointSize: Theme.baseSize
            Accessible.name: text
            onToggled: SharingController.setKeyShared(modelData.provider, checked)
            contentItem: Text {
                leftPadding: keyShare.indicator.width + keyShare.spacing
                text: keyShare.text
                color: Theme.text
                font: keyShare.font
                wrapMode: Text.Wrap
                verticalAlignment: Text.AlignVCenter
            }
        }
    }

    Heading { text: qsTr("Accounts for other people") }
    Note { text: qsTr("Each person gets chats of their own. They sign in on the shared address with the name and the password you give them (8 characters or more).") }
    RowLayout {
        Layout.fillWidth: true
        Field {
            id: personName
            objectName: "personName"
            Layout.fillWidth: true
            Layout.preferredWidth: 1 // both fields share the row equally
            placeholderText: qsTr("Name")
        }
        Field {
            id: personPassword
            objectName: "personPassword"
            Layout.fillWidth: true
            Layout.preferredWidth: 1 // both fields share the row equally
            placeholderText: qsTr("Password")
            echoMode: TextInput.Password
        }
        TextButton {
            objectName: "createAccountButton"
            text: qsTr("Create account")
            enabled: personName.text.trim().length > 0 && personPassword.text.length >= 8
            onClicked: SharingController.createAccount(personName.text, personPassword.text)
        }
    }
    Connections {
        target: SharingController
        function onAccountCreated() {
            personName.text = ""
            personPassword.text = ""
        }
    }
    Repeater {
        model: SharingController.accounts
        delegate: RowLayout {
            id: person
            required property var modelData
            objectName: "personAccount"
            Layout.fillWidth: true
            Text { Layout.fillWidth: true; text: person.modelData.name; color: Theme.text; font.pointSize: Theme.baseSize; elide: Text.ElideRight }
            Text {
                text: qsTr("Since %1").arg(new Date(person.modelData.createdAt).toLocaleDateString(Qt.locale(), Locale.ShortFormat))
                color: Theme.mutedText
                font.pointSize: Theme.smallSize
            }
            TextButton {
                objectName: "removeAccountButton"
                text: qsTr("Remove")
                danger: true
                Accessible.name: qsTr("Remove %1").arg(person.modelData.name)
                onClicked: SharingController.removeAccount(person.modelData.id)
            }
        }
    }

    Heading { text: qsTr("Paired devices"); visible: SharingController.devices.length > 0 }
    Repeater {
        model: SharingController.devices
        delegate: RowLayout {
            id: device
            required property var modelData
            objectName: "pairedDevice"
            Layout.fillWidth: true
            Text { Layout.fillWidth: true; text: device.modelData.name; color: Theme.text; font.pointSize: Theme.baseSize; elide: Text.ElideRight }
            Text {
                text: qsTr("Last seen %1").arg(new Date(device.modelData.lastSeen).toLocaleString(Qt.locale(), Locale.ShortFormat))
                color: Theme.mutedText
                font.pointSize: Theme.smallSize
            }
            TextButton {
                text: qsTr("Revoke")
                danger: true
                Accessible.name: qsTr("Revoke %1").arg(device.modelData.name)
                onClicked: SharingController.revoke(device.modelData.id)
            }
        }
    }
}
