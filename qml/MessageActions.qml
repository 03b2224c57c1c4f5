import QtQuick
import QtQuick.Layouts
import Teehee

// The row under a message: branch switcher, then copy, edit or regenerate,
// continue, fork, delete, and the time it was written. Shown on hover and keyboard focus. A reply with no
// text yet (refused, stopped at once) has nothing to copy or continue: its
// notice offers Retry or Continue.
RowLayout {
    id: root
    required property ConversationController conversation
    property string messageId
    property string text
    property bool isUser
    property bool isPartial
    property bool streaming
    property int siblingIndex
    property int siblingCount
    property bool revealed
    property real createdAt: NaN // ms since the epoch
    property bool showTime       // hovered or focused: the time it was written shows
    signal editRequested()
    signal branchSwitching()

    spacing: 2
    opacity: revealed && !streaming ? 1 : 0
    enabled: opacity > 0
    Behavior on opacity { NumberAnimation { duration: Theme.animation } }

    // Built only for a message with siblings: most have none.
    Loader {
        active: root.siblingCount > 1
        visible: active
        sourceComponent: BranchSwitcher { conversation: root.conversation; onSwitching: root.branchSwitching(); messageId: root.messageId; index: root.siblingIndex; count: root.siblingCount }
    }
    IconButton { objectName: "copyMessageButton"; visible: root.text.length > 0; iconName: "copy"; tip: qsTr("Copy"); onClicked: ChatListController.copyToClipboard(root.text) }
    IconButton { objectName: "editButton"; visible: root.isUser; iconName: "edit"; tip: qsTr("Edit"); enabled: !root.conversation.streaming; onClicked: root.editRequested() }
    IconButton { objectName: "regenerateButton"; visible: !root.isUser; iconName: "regenerate"; tip: qsTr("Regenerate"); enabled: !root.conversation.streaming; onClicked: root.conversation.regenerate(root.messageId) }
    IconButton { objectName: "continueIcon"; visible: !root.isUser && root.isPartial && root.text.length > 0; iconName: "continue"; tip: qsTr("Continue"); enabled: !root.conversation.streaming; onClicked: root.conversation.continueMessage(root.messageId) }
    IconButton { iconName: "fork"; tip: qsTr("Fork into a new chat from here"); onClicked: root.conversation.forkFrom(root.messageId) }
    IconButton { iconName: "delete"; tip: qsTr("Delete message"); enabled: !root.conversation.streaming; onClicked: root.conversation.deleteMessage(root.messageId) }
    Text {
        objectName: "messageTime"
        visible: root.showTime && !isNaN(root.createdAt)
        // Formatted only when shown.
        text: visible ? new Date(root.createdAt).toLocaleString(Qt.locale(), Locale.ShortFormat) : ""
        Layout.leftMargin: Theme.gap
        color: Theme.faintText
        font.pointSize: Theme.smallSize
        Accessible.role: Accessible.StaticText
        Accessible.name: qsTr("Sent %1").arg(text)
    }
}
