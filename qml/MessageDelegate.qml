import QtQuick
// No "pragma ComponentBehavior: Bound" here: in Qt 6.4 its Loaders' inline
// components then fail ("Cannot instantiate bound component outside its creation context").
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// One message: user messages in a tinted bubble on the right, replies full
// width with the model's name; Markdown split into text, code and table
// blocks; a notice for stopped or failed replies; actions on hover or focus.
FocusScope {
    id: root
    required property ConversationController conversation
    required property int index
    required property string id
    required property string role
    required property string text
    required property var blocks
    required property int status
    required property bool isPartial
    required property int siblingIndex
    required property int siblingCount
    required property string model
    required property string provider
    required property string error
    required property int tokensIn
    required property int tokensOut
    required property real costUsd
    required property bool rateLimited
    required property real retryAt
    required property string errorReason
    required property string reasoning
    required property bool reasoningStreaming
    required property var toolCalls
    required property bool deleted
    required property real createdAt // ms since the epoch; NaN when unknown
    required property var attachments // a user message's files: [{id, name, mimeType, size, isImage, removed}]
    property bool isLast: false
    property bool editing: false
    readonly property bool isUser: role === "user"
    readonly property bool hasFiles: isUser && attachments.length > 0
    readonly property bool streaming: status === ConversationModel.Streaming
    signal editFinished()
    signal branchSwitching()
    function switchBranch(delta) { branchSwitching(); root.conversation.switchBranch(root.id, delta) }

    implicitHeight: column.implicitHeight
    activeFocusOnTab: true
    Accessible.role: Accessible.ListItem
    Accessible.name: (isUser ? qsTr("You said") : qsTr("Reply")) + ": " + (streaming ? qsTr("writing…") : text)

    Keys.onPressed: (event) => {
        if (event.modifiers & Qt.AltModifier && event.key === Qt.Key_Left) { root.switchBranch(-1); event.accepted = true }
        else if (event.modifiers & Qt.AltModifier && event.key === Qt.Key_Right) { root.switchBranch(1); event.accepted = true }
    }

    HoverHandler { id: hover }
    // Where the keyboard is: a ring around the message the keyboard reached,
    // not around one whose button was clicked.
    Rectangle {
        objectName: "messageFocusRing"
        anchors.fill: column
        anchors.margins: -Theme.gap / 2
        radius: Theme.radius
        color: "transparent"
        border.width: 2
        border.color: Theme.focusRing
        // The window is looked at only by the message that has the focus.
        visible: root.activeFocus && !root.editing && root.Window.activeFocusItem === root
    }
    // Delegates are reused for other messages: an edit in progress does not travel with them.
    ListView.onPooled: editing = false

    ColumnLayout {
        id: column
        width: Math.min(parent.width - 2 * Theme.gap3, Theme.readableWidth)
        anchors.horizontalCenter: parent.horizontalCenter
        spacing: Theme.gap / 2

        // The model's name; details (provider, tokens) on hover.
        Text {
            objectName: "modelName"
            visible: !root.isUser && root.model.length > 0
            text: root.model
            color: Theme.faintText
            font.pointSize: Theme.smallSize
            font.weight: Font.DemiBold
            HoverHandler { id: headerHover }
            // Made only on hover: opening a long chat builds no tooltips.
            Loader {
                objectName: "modelDetails"
                anchors.fill: parent
                active: headerHover.hovered
                // A Loader makes Items only: the tooltip sits in one the size of the name.
                sourceComponent: Item {
                    readonly property alias toolTip: tip
                    ToolTip {
                        id: tip
                        visible: true
                        delay: 400
                        text: SettingsController.providerDisplayName(root.provider) + " · " + root.model
                              + (root.tokensIn >= 0 ? "\n" + qsTr("%1 tokens in, %2 out").arg(root.tokensIn).arg(Math.max(0, root.tokensOut)) : "")
                              + (root.costUsd >= 0 ? "\n" + qsTr("Cost: %1").arg(UsageController.money(root.costUsd)) : "")
                    }
                }
            }
        }

        // The model's reasoning, folded; built only for replies that have some.
        Loader {
            Layout.fillWidth: true
            active: !root.isUser && root.reasoning.length > 0
            visible: active
            sourceComponent: ThinkingBlock {
                text: root.reasoning
                streaming: root.reasoningStreaming
            }
        }

        // The files the message carries, above its text.
        Loader {
            objectName: "messageAttachments"
            Layout.alignment: Qt.AlignRight
            Layout.maximumWidth: column.width * 0.85
            active: root.hasFiles
            visible: active
            sourceComponent: MessageAttachments { attachments: root.attachments }
        }

        // The reply's tool calls, each a compact folded block; built only for replies that made some.
        Loader {
            Layout.fillWidth: true
            active: !root.isUser && root.toolCalls.length > 0
            visible: active
            sourceComponent: ColumnLayout {
                spacing: Theme.gap / 2
                Repeater {
                    model: root.toolCalls
                    delegate: ToolCallBlock {
                        required property var modelData
                        Layout.fillWidth: true
                        call: modelData
                    }
                }
            }
        }

        Rectangle {
            id: bubble
            // A message of files only has no text to show.
            visible: root.editing || !(root.hasFiles && root.text.length === 0)
            Layout.alignment: root.isUser ? Qt.AlignRight : Qt.AlignLeft
            Layout.fillWidth: !root.isUser || root.editing
            Layout.maximumWidth: column.width * (root.isUser && !root.editing ? 0.85 : 1)
            implicitWidth: root.editing ? column.width : content.implicitWidth + 2 * padding
            implicitHeight: (root.editing && editor.item ? editor.item.implicitHeight : content.implicitHeight) + 2 * padding
            readonly property int padding: root.isUser ? Theme.gap + 4 : 0
            radius: Theme.radius + 4
            color: root.isUser ? Theme.userBubble : "transparent"

            MessageBlocks {
                id: content
                objectName: "messageBlocks"
                visible: !root.editing
                x: bubble.padding
                y: bubble.padding
                width: Math.min(implicitWidth, bubble.width - 2 * bubble.padding)
                availableWidth: column.width * (root.isUser ? 0.85 : 1) - 2 * bubble.padding
                shrink: root.isUser
                blocks: root.blocks
                streaming: root.streaming
            }
            // The editor and the notice exist only while needed: opening a long
            // chat then builds a few objects per message, not dozens.
            Loader {
                id: editor
                active: root.editing
                width: parent.width
                sourceComponent: MessageEditor {
                    originalText: root.text
                    onSubmitted: (text) => { root.editing = false; root.conversation.editAndResubmit(root.id, text); root.editFinished() }
                    onCancelled: { root.editing = false; root.editFinished() }
                }
            }
        }

        Loader {
            Layout.fillWidth: true
            // Failed, stopped, or cut short by the provider.
            active: !root.deleted && (root.status === ConversationModel.Error || root.status === ConversationModel.Aborted || (root.isPartial && !root.isUser && root.status === ConversationModel.Complete))
            visible: active
            sourceComponent: MessageNotice {
                conversation: root.conversation
                messageId: root.id
                status: root.status
                error: root.error
                errorReason: root.errorReason
                isPartial: root.isPartial && !root.isUser
                rateLimited: root.rateLimited
                retryAt: root.retryAt
            }
        }

        // Built only once needed: a long chat opens with few objects per message.
        // Built in the background, in the frames after: its buttons cost more
        // than the message they sit under, and the row's place is kept already,
        // so an opened chat shows its text first and nothing moves after.
        Loader {
            id: actions
            readonly property bool revealed: hover.hovered || root.activeFocus || root.isLast || root.siblingCount > 1
            Layout.alignment: root.isUser ? Qt.AlignRight : Qt.AlignLeft
            Layout.preferredHeight: Theme.iconButtonSize
            active: revealed || item !== null
            asynchronous: true
            sourceComponent: MessageActions {
                conversation: root.conversation
                messageId: root.id
                text: root.text
                isUser: root.isUser
                isPartial: root.isPartial && !root.deleted
                streaming: root.streaming
                siblingIndex: root.siblingIndex
                siblingCount: root.siblingCount
                revealed: actions.revealed
                createdAt: root.createdAt
                showTime: hover.hovered || root.activeFocus
                onEditRequested: { root.editing = true; editor.item.begin() }
                onBranchSwitching: root.branchSwitching()
            }
        }
    }
}
