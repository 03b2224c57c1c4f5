import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// The window: sidebar, conversation column with its composer, and the
// sheets (settings, shortcuts). Shortcuts live here so they work everywhere.
ApplicationWindow {
    id: window
    // The open chat: one conversation controller for this window's view.
    readonly property ConversationController conversation: ConversationController {
        chatList: ChatListController
        defaultProvider: SettingsController.defaultProvider
        defaultModel: SettingsController.defaultModel
    }
    width: 1180
    height: 760
    minimumWidth: 640
    minimumHeight: 420
    visible: true
    title: ChatListController.currentChatName ? ChatListController.currentChatName + " — Teehee" : "Teehee"
    color: Theme.window
    font.pointSize: Theme.baseSize
    // Markdown links take the palette's link colour, not Text.linkColor.
    palette.link: Theme.accent
    palette.highlight: Theme.accent

    property bool sidebarOpen: true
    readonly property bool shortcutsOpen: shortcuts.opened

    function focusComposer() { composer.focusInput() }
    function openSettings() { settings.open() }
    function closeSettings() { settings.close() }

    Shortcut { sequence: StandardKey.New; onActivated: { ChatListController.newChat(); sidebar.clearFilter(); window.focusComposer() } }
    Shortcut { sequence: "Ctrl+K"; onActivated: { window.sidebarOpen = true; sidebar.focusSearch() } }
    Shortcut { sequence: "Ctrl+B"; onActivated: window.sidebarOpen = !window.sidebarOpen }
    Shortcut { sequence: "Ctrl+,"; onActivated: settings.open() }
    Shortcut { sequences: ["F1", "Ctrl+/"]; onActivated: shortcuts.open() }
    Shortcut { sequence: "Ctrl+Shift+C"; onActivated: ChatListController.copyToClipboard(window.conversation.lastReplyText()) }
    Shortcut { sequences: ["Ctrl+=", "Ctrl++"]; onActivated: SettingsController.textScale = SettingsController.textScale + 0.1 }
    Shortcut { sequence: "Ctrl+-"; onActivated: SettingsController.textScale = SettingsController.textScale - 0.1 }
    Shortcut { sequence: "Ctrl+0"; onActivated: SettingsController.textScale = 1.0 }
    Shortcut {
        sequence: "Esc"
        enabled: window.conversation.streaming
        onActivated: window.conversation.stop()
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Sidebar {
            id: sidebar
            objectName: "sidebar"
            conversation: window.conversation
            Layout.fillHeight: true
            // Never so wide that the conversation is squeezed below a readable width.
            Layout.preferredWidth: window.sidebarOpen ? Math.min(SettingsController.sidebarWidth, Math.max(SettingsController.sidebarMinWidth, window.width - 420)) : 0
            visible: window.sidebarOpen
            onSettingsRequested: settings.open()
            onShortcutsRequested: shortcuts.open()
            onChatChosen: window.focusComposer()
        }
        SidebarHandle {
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            z: 1 // its grab area reaches over the conversation's edge
            visible: window.sidebarOpen
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            ChatHeader {
                conversation: window.conversation
                Layout.fillWidth: true
                sidebarOpen: window.sidebarOpen
                onToggleSidebar: window.sidebarOpen = !window.sidebarOpen
            }

            // A server account whose server is out of reach for a moment.
            Rectangle {
                objectName: "reconnectingBanner"
                Layout.fillWidth: true
                visible: AppStatus.reconnecting
                implicitHeight: reconnecting.implicitHeight + Theme.gap
                color: Theme.raised
                Text {
                    id: reconnecting
                    anchors.centerIn: parent
                    width: parent.width - 2 * Theme.gap3
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    color: Theme.mutedText
                    font.pointSize: Theme.smallSize
                    text: qsTr("Reconnecting… Replies go on on the server and continue here when it is back.")
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
            }

            // The backend could not start (database, keychain): say so plainly.
            Rectangle {
                Layout.fillWidth: true
                visible: AppStatus.failed
                implicitHeight: failure.implicitHeight + Theme.gap2
                color: Theme.dangerSurface
                Text {
                    id: failure
                    anchors.centerIn: parent
                    width: parent.width - 2 * Theme.gap3
                    wrapMode: Text.Wrap
                    color: Theme.danger
                    font.pointSize: Theme.baseSize
                    text: qsTr("Teehee could not start: %1").arg(AppStatus.statusText)
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
            }

            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true

                ConversationView {
                    id: conversationView
                    conversation: window.conversation
                    anchors.fill: parent
                    visible: window.conversation.messages.count > 0
                    onEditFinished: window.focusComposer()
                }
                WelcomeCard {
                    conversation: window.conversation
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 2 * Theme.gap3, 560)
                    visible: window.conversation.messages.count === 0 && !window.conversation.loading
                    onPromptChosen: (text) => composer.setText(text)
                    onSettingsRequested: settings.open()
                }
                ToolApprovalCard {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.bottom: parent.bottom
                    anchors.margins: Theme.gap2
                    z: 2
                }
            }

            Composer {
                conversation: window.conversation
                id: composer
                Layout.fillWidth: true
                Layout.maximumWidth: Theme.readableWidth + 2 * Theme.gap3
                Layout.alignment: Qt.AlignHCenter
            }
        }
    }

    // Files dropped anywhere on the window join the next message.
    DropArea {
        id: fileDrop
        objectName: "fileDrop"
        anchors.fill: parent
        keys: ["text/uri-list"]
        onDropped: (drop) => {
            if (!drop.hasUrls)
                return
            composer.addFiles(drop.urls)
            drop.accept(Qt.CopyAction)
            window.focusComposer()
        }
        Rectangle {
            anchors.fill: parent
            anchors.margins: Theme.gap
            visible: fileDrop.containsDrag
            color: "transparent"
            radius: Theme.radius
            border.width: 2
            border.color: Theme.accent
            Text {
                anchors.centerIn: parent
                text: qsTr("Drop files to attach them")
                color: Theme.accent
                font.pointSize: Theme.titleSize
            }
        }
    }

    Toast { id: toast; anchors.horizontalCenter: parent.horizontalCenter; anchors.bottom: parent.bottom; anchors.bottomMargin: 96 }

    Connections {
        target: ChatListController
        function onPendingDeleteChanged() {
            if (ChatListController.pendingDeleteName)
                toast.show(qsTr("Deleted “%1”").arg(ChatListController.pendingDeleteName), qsTr("Undo"), () => ChatListController.undoDelete())
        }
        function onErrorOccurred(message) { toast.show(message, "", null) }
    }
    Connections {
        target: SettingsController
        function onErrorOccurred(message) { toast.show(message, "", null) }
    }
    // A chat exported from its menu (Settings → Data shows its own line).
    ChatExportDialog { id: chatExportDialog }
    Connections {
        target: TransferController
        function onFinished(ok, message) {
            if (!settings.visible)
                toast.show(message, "", null)
        }
    }
    // A device asking to join while Settings is closed: a notice that opens the Sharing panel.
    Connections {
        target: SharingController
        function onPairingRequested(deviceName, verification) {
            if (!settings.visible)
                toast.show(qsTr("“%1” asks to use your chats (number %2)").arg(deviceName).arg(verification),
                           qsTr("Review"), () => settings.open())
        }
        function onFailed(message) { toast.show(message, "", null) }
    }

    // A finished reply is announced once to screen readers, never token by token.
    Text {
        id: announcer
        visible: false
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
    Connections {
        target: window.conversation
        function onSettingsWanted() { settings.open() }
        function onReplyFinished(messageId, status) {
            const row = window.conversation.messages.indexOf(messageId)
            announcer.text = row < 0 ? "" : (status === ConversationModel.Complete ? qsTr("Reply finished: %1") : qsTr("Reply stopped: %1"))
                                             .arg(window.conversation.messages.get(row).text)
        }
    }

    SettingsDialog { id: settings }
    ShortcutsSheet { id: shortcuts }

    Component.onCompleted: window.focusComposer()
}
