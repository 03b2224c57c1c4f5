pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// A tool call of this account waits for an answer (in any chat, started on
// any device): a card over the conversation asks about the oldest one. It
// goes when the call is answered, here or elsewhere. The arguments come from
// the model: plain text only, scrollable.
Rectangle {
    id: card
    objectName: "toolApprovalCard"
    readonly property var call: ApprovalController.pending.length > 0 ? ApprovalController.pending[0] : null
    readonly property int waiting: ApprovalController.pending.length

    visible: call !== null || ApprovalController.errorText.length > 0
    implicitHeight: content.implicitHeight + 2 * Theme.gap2
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.accent
    border.width: 1
    Accessible.role: Accessible.AlertMessage
    Accessible.name: call ? qsTr("A tool asks to run: %1 from %2").arg(call.tool).arg(call.server) : ApprovalController.errorText

    ColumnLayout {
        id: content
        anchors.fill: parent
        anchors.margins: Theme.gap2
        spacing: Theme.gap

        Text {
            Layout.fillWidth: true
            visible: card.call !== null
            text: card.call ? qsTr("Allow the tool “%1” from “%2” to run?").arg(card.call.tool).arg(card.call.server) : ""
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.text
            font.weight: Font.DemiBold
        }
        Text {
            Layout.fillWidth: true
            visible: card.waiting > 1
            text: qsTr("%n more call(s) waiting", "", card.waiting - 1)
            color: Theme.mutedText
            font.pointSize: Theme.smallSize
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(argsView.implicitHeight + Theme.gap, 180)
            visible: card.call !== null
            clip: true
            TextArea {
                id: argsView
                objectName: "toolApprovalArguments"
                readOnly: true
                selectByMouse: true
                text: card.call ? card.call.arguments : ""
                textFormat: TextEdit.PlainText
                wrapMode: TextEdit.WrapAnywhere
                font.family: Theme.monoFamily
                font.pointSize: Theme.smallSize
                color: Theme.text
                background: Rectangle { color: Theme.window; radius: Theme.radiusSmall }
            }
        }
        Text {
            Layout.fillWidth: true
            visible: ApprovalController.errorText.length > 0
            objectName: "toolApprovalError"
            text: ApprovalController.errorText
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.danger
            font.pointSize: Theme.smallSize
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            spacing: Theme.gap
            TextButton {
                visible: card.call === null
                text: qsTr("Close")
                onClicked: ApprovalController.clearError()
            }
            TextButton {
                objectName: "toolDeny"
                visible: card.call !== null
                text: qsTr("Deny")
                onClicked: ApprovalController.answer(card.call.callId, "deny")
            }
            TextButton {
                objectName: "toolAllowAlways"
                visible: card.call !== null
                text: qsTr("Always allow")
                onClicked: ApprovalController.answer(card.call.callId, "allow_always")
            }
            TextButton {
                objectName: "toolAllowOnce"
                visible: card.call !== null
                primary: true
                text: qsTr("Allow once")
                onClicked: ApprovalController.answer(card.call.callId, "allow_once")
            }
        }
    }
}
