pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Controls.impl
import QtQuick.Layouts
import Teehee

// One tool call of a reply: "server · tool" and how it stands, with its
// arguments and result folded below. Both come from outside (the model, the
// tool) and are shown as plain text only.
ColumnLayout {
    id: root
    required property var call
    property bool expanded: false
    readonly property string status: call.status || ""

    spacing: Theme.gap / 2

    function statusText(s) {
        switch (s) {
        case "awaiting_approval": return qsTr("waiting for approval")
        case "running": return qsTr("running")
        case "ok": return qsTr("ok")
        case "error": return qsTr("error")
        case "denied": return qsTr("denied")
        }
        return s
    }

    AbstractButton {
        id: toggle
        objectName: "toolCallToggle"
        Layout.fillWidth: true
        focusPolicy: Qt.StrongFocus
        padding: Theme.gap / 2
        text: qsTr("%1 · %2").arg(root.call.server || "").arg(root.call.tool || "")
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Tool call %1: %2").arg(text).arg(root.statusText(root.status))
        Keys.onReturnPressed: root.expanded = !root.expanded
        Keys.onEnterPressed: root.expanded = !root.expanded
        onClicked: root.expanded = !root.expanded
        contentItem: RowLayout {
            spacing: Theme.gap / 2
            IconImage {
                source: "qrc:/Teehee/icons/chevron-right.svg"
                sourceSize: Qt.size(Theme.smallIconSize, Theme.smallIconSize)
                color: Theme.mutedText
                rotation: root.expanded ? 90 : 0
            }
            Text {
                Layout.fillWidth: true
                text: toggle.text
                textFormat: Text.PlainText
                elide: Text.ElideRight
                color: Theme.text
                font.pointSize: Theme.smallSize
                font.weight: Font.DemiBold
            }
            Text {
                objectName: "toolCallStatus"
                text: root.statusText(root.status)
                textFormat: Text.PlainText
                color: root.status === "error" || root.status === "denied" ? Theme.danger : Theme.mutedText
                font.pointSize: Theme.smallSize
            }
        }
        background: Rectangle {
            radius: Theme.radiusSmall
            color: toggle.hovered ? Theme.hover : "transparent"
            border.width: toggle.visualFocus ? 2 : 1
            border.color: toggle.visualFocus ? Theme.focusRing : Theme.divider
        }
    }

    ColumnLayout {
        Layout.fillWidth: true
        Layout.leftMargin: Theme.gap2
        visible: root.expanded
        spacing: Theme.gap / 2
        Text { text: qsTr("Arguments"); color: Theme.mutedText; font.pointSize: Theme.smallSize }
        Text {
            objectName: "toolCallArguments"
            Layout.fillWidth: true
            text: root.call.arguments || "{}"
            textFormat: Text.PlainText
            wrapMode: Text.WrapAnywhere
            font.family: Theme.monoFamily
            font.pointSize: Theme.smallSize
            color: Theme.text
        }
        Text {
            visible: result.text.length > 0
            text: qsTr("Result")
            color: Theme.mutedText
            font.pointSize: Theme.smallSize
        }
        Text {
            id: result
            objectName: "toolCallResult"
            Layout.fillWidth: true
            visible: text.length > 0
            text: root.call.content || ""
            textFormat: Text.PlainText
            wrapMode: Text.WrapAnywhere
            font.family: Theme.monoFamily
            font.pointSize: Theme.smallSize
            color: Theme.text
            maximumLineCount: 400
        }
    }
}
