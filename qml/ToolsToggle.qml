import QtQuick
import QtQuick.Controls.Basic
import Teehee

// The composer's "Tools" chip: on, the next turns of this window offer the
// account's enabled tools to the model.
AbstractButton {
    id: chip
    objectName: "toolsToggle"
    required property ConversationController conversation
    checkable: true
    checked: conversation.toolsEnabled
    onToggled: conversation.toolsEnabled = checked
    focusPolicy: Qt.StrongFocus
    padding: Theme.gap / 2
    leftPadding: Theme.gap
    rightPadding: Theme.gap
    text: qsTr("Tools")
    Accessible.role: Accessible.CheckBox
    Accessible.checkable: true
    Accessible.checked: checked
    Accessible.name: checked ? qsTr("Tools on: the model may call your tools") : qsTr("Tools off")
    ToolTip.visible: hovered
    ToolTip.text: Accessible.name
    contentItem: Text {
        text: chip.text
        color: chip.checked ? Theme.accentText : Theme.mutedText
        font.pointSize: Theme.smallSize
        font.weight: Font.DemiBold
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        radius: height / 2
        color: chip.checked ? Theme.accent : chip.hovered ? Theme.hover : "transparent"
        border.width: chip.visualFocus ? 2 : 1
        border.color: chip.visualFocus ? Theme.focusRing : Theme.divider
    }
}
