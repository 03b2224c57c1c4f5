import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Controls
import QtQuick.Layouts
import Teehee

// The open chat's system prompt.
Dialog {
    id: dialog
    required property ConversationController conversation
    title: qsTr("System prompt")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(560, Overlay.overlay ? Overlay.overlay.width - 48 : 560)
    onOpened: { area.text = dialog.conversation.systemPrompt; area.forceActiveFocus() }
    onAccepted: dialog.conversation.setSystemPrompt(area.text)
    Overlay.modal: Rectangle { color: Theme.scrim }
    background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.divider }
    header: Text { text: dialog.title; color: Theme.text; font.pointSize: Theme.titleSize - 2; font.weight: Font.DemiBold; padding: Theme.gap2 }
    footer: DialogFooter {
        TextButton { objectName: "cancelButton"; text: qsTr("Cancel"); onClicked: dialog.reject() }
        TextButton { objectName: "saveButton"; text: qsTr("Save"); primary: true; onClicked: dialog.accept() }
    }

    ColumnLayout {
        anchors.fill: parent
        Text { Layout.fillWidth: true; wrapMode: Text.Wrap; color: Theme.mutedText; font.pointSize: Theme.smallSize
               text: qsTr("Sent before the conversation with every request in this chat.") }
        TextArea {
            id: area
            Layout.fillWidth: true
            Layout.preferredHeight: Math.round(160 * Theme.scale)
            wrapMode: TextEdit.Wrap
            color: Theme.text
            font.pointSize: Theme.bodySize
            placeholderText: qsTr("You are a helpful assistant…")
            placeholderTextColor: Theme.faintText
            Accessible.name: qsTr("System prompt")
            background: Rectangle { radius: Theme.radiusSmall; color: Theme.window; border.color: area.activeFocus ? Theme.focusRing : Theme.divider }
        }
    }
}
