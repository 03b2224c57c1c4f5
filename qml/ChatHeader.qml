import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// The bar above the conversation: sidebar toggle, chat title, system prompt.
Rectangle {
    id: header
    required property ConversationController conversation
    property bool sidebarOpen: true
    signal toggleSidebar()

    implicitHeight: Theme.headerHeight
    color: Theme.window

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.gap
        anchors.rightMargin: Theme.gap2
        spacing: Theme.gap

        IconButton {
            iconName: "sidebar"
            tip: header.sidebarOpen ? qsTr("Hide sidebar (Ctrl+B)") : qsTr("Show sidebar (Ctrl+B)")
            onClicked: header.toggleSidebar()
        }
        Text {
            Layout.fillWidth: true
            text: ChatListController.currentChatName || qsTr("New chat")
            color: Theme.text
            font.pointSize: Theme.bodySize
            font.weight: Font.DemiBold
            elide: Text.ElideRight
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        // What the replies on this path used and cost; the details on hover.
        Text {
            id: chatUsage
            readonly property var usage: header.conversation.messages.pathUsage
            visible: usage.replies > 0
            text: usage.costUsd >= 0
                  ? qsTr("%1 tokens · %2").arg(UsageController.count(usage.inputTokens + usage.outputTokens))
                                          .arg(UsageController.money(usage.costUsd))
                  : qsTr("%1 tokens").arg(UsageController.count(usage.inputTokens + usage.outputTokens))
            color: Theme.mutedText
            font.pointSize: Theme.smallSize
            HoverHandler { id: usageHover }
            ToolTip.visible: usageHover.hovered
            ToolTip.delay: 400
            ToolTip.text: qsTr("This branch: %1 in, %2 out over %n replies", "", usage.replies)
                          .arg(UsageController.count(usage.inputTokens)).arg(UsageController.count(usage.outputTokens))
            Accessible.name: text
        }
        TextButton {
            text: header.conversation.systemPrompt ? qsTr("System prompt ✓") : qsTr("System prompt")
            enabled: ChatListController.currentChatId.length > 0
            onClicked: systemPrompt.open()
        }
    }
    Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.divider }

    SystemPromptDialog { conversation: header.conversation; id: systemPrompt }
}
