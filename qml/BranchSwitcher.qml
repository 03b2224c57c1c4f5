import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// "‹ 2 / 3 ›" for a message with siblings; Alt+← / Alt+→ do the same.
RowLayout {
    id: root
    required property ConversationController conversation
    property string messageId
    property int index: 0
    property int count: 1
    signal switching() // before the path reloads: the view keeps this place

    spacing: 0
    visible: count > 1
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("Branch %1 of %2").arg(index + 1).arg(count)

    IconButton {
        objectName: "previousBranch"
        iconName: "chevron-left"
        size: Theme.smallIconButton
        enabled: root.index > 0 && !root.conversation.streaming
        tip: qsTr("Previous branch (Alt+←)")
        onClicked: { root.switching(); root.conversation.switchBranch(root.messageId, -1) }
    }
    Text {
        objectName: "branchLabel"
        text: (root.index + 1) + " / " + root.count
        color: Theme.mutedText
        font.pointSize: Theme.smallSize
    }
    IconButton {
        objectName: "nextBranch"
        iconName: "chevron-right"
        size: Theme.smallIconButton
        enabled: root.index < root.count - 1 && !root.conversation.streaming
        tip: qsTr("Next branch (Alt+→)")
        onClicked: { root.switching(); root.conversation.switchBranch(root.messageId, 1) }
    }
}
