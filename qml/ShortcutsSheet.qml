import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Controls
import QtQuick.Layouts
import Teehee

// Every keyboard shortcut, in one sheet (F1 or Ctrl+/).
Dialog {
    id: sheet
    title: qsTr("Keyboard shortcuts")
    modal: true
    objectName: "shortcutsSheet"
    // Takes the keyboard when it opens, so that Esc closes it.
    focus: true
    anchors.centerIn: Overlay.overlay
    width: 460
    Overlay.modal: Rectangle { color: Theme.dark ? "#99000000" : "#55000000" }
    background: Rectangle { radius: Theme.radius + 2; color: Theme.surface; border.color: Theme.divider }
    header: Text { text: sheet.title; color: Theme.text; font.pointSize: Theme.titleSize - 2; font.weight: Font.DemiBold; padding: Theme.gap2 }
    standardButtons: Dialog.Close

    GridLayout {
        anchors.fill: parent
        columns: 2
        columnSpacing: Theme.gap3
        rowSpacing: Theme.gap
        Repeater {
            model: [
                ["Enter", qsTr("Send")], ["Shift+Enter", qsTr("New line")], ["Esc", qsTr("Stop the reply, cancel an edit")],
                ["Ctrl+N", qsTr("New chat")], ["Ctrl+K", qsTr("Search chats")], ["Ctrl+B", qsTr("Show or hide the sidebar")],
                ["F2", qsTr("Rename the selected chat")], ["Delete", qsTr("Delete the selected chat")],
                ["Alt+← / Alt+→", qsTr("Previous / next branch of the focused message")],
                ["Ctrl+Shift+C", qsTr("Copy the last reply")], ["Ctrl+,", qsTr("Settings")],
                ["Ctrl+= / Ctrl+- / Ctrl+0", qsTr("Larger / smaller / normal text")], ["F1, Ctrl+/", qsTr("This sheet")]
            ]
            delegate: Item {
                required property var modelData
                required property int index
                Layout.columnSpan: 2
                Layout.fillWidth: true
                implicitHeight: keyLabel.implicitHeight + 4
                Accessible.role: Accessible.StaticText
                Accessible.name: modelData[0] + ": " + modelData[1]
                Rectangle {
                    width: keyLabel.implicitWidth + 12; height: keyLabel.implicitHeight + 4
                    radius: 4; color: Theme.raised; border.color: Theme.divider
                    Text { id: keyLabel; anchors.centerIn: parent; text: modelData[0]; color: Theme.text; font.family: Theme.monoFamily; font.pointSize: Theme.smallSize }
                }
                Text { x: 190; text: modelData[1]; color: Theme.mutedText; font.pointSize: Theme.baseSize; width: parent.width - 190; wrapMode: Text.Wrap }
            }
        }
    }
}
