pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Controls
import QtQuick.Layouts
import Teehee

// Every keyboard shortcut, in one sheet (F1 or Ctrl+/). Rows take the height
// their wrapped text needs, so nothing overlaps at any text size or language.
Dialog {
    id: sheet
    title: qsTr("Keyboard shortcuts")
    modal: true
    objectName: "shortcutsSheet"
    // Takes the keyboard when it opens, so that Esc closes it.
    focus: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Math.round(520 * Theme.scale), Overlay.overlay ? Overlay.overlay.width - 48 : 520)
    height: Math.min(implicitHeight, Overlay.overlay ? Overlay.overlay.height - 48 : implicitHeight)
    padding: Theme.gap2
    topPadding: 0
    Overlay.modal: Rectangle { color: Theme.scrim }
    background: Rectangle { radius: Theme.radius + 2; color: Theme.surface; border.color: Theme.divider }
    header: Text { text: sheet.title; color: Theme.text; font.pointSize: Theme.titleSize - 2; font.weight: Font.DemiBold; padding: Theme.gap2 }
    footer: DialogFooter {
        TextButton { objectName: "closeButton"; text: qsTr("Close"); primary: true; onClicked: sheet.close() }
    }

    readonly property var shortcuts: [
        ["Enter", qsTr("Send")], ["Shift+Enter", qsTr("New line")], ["Esc", qsTr("Stop the reply, cancel an edit")],
        ["Ctrl+N", qsTr("New chat")], ["Ctrl+K", qsTr("Search chats")], ["Ctrl+B", qsTr("Show or hide the sidebar")],
        ["F2", qsTr("Rename the selected chat")], ["Delete", qsTr("Delete the selected chat")],
        ["Alt+← / Alt+→", qsTr("Previous / next branch of the focused message")],
        ["Ctrl+Shift+C", qsTr("Copy the last reply")], ["Ctrl+,", qsTr("Settings")],
        ["Ctrl+= / Ctrl+- / Ctrl+0", qsTr("Larger / smaller / normal text")], ["F1, Ctrl+/", qsTr("This sheet")]
    ]

    ScrollView {
        id: scroller
        anchors.fill: parent
        contentWidth: availableWidth
        implicitHeight: grid.implicitHeight
        clip: true

        // Keys in the first column (at most 40 % of the width, wrapping between
        // keys), what they do in the second; each row as tall as its taller cell.
        GridLayout {
            id: grid
            width: scroller.availableWidth
            columns: 2
            columnSpacing: Theme.gap2
            rowSpacing: Theme.gap

            Repeater {
                model: sheet.shortcuts
                delegate: Rectangle {
                    id: keycap
                    required property var modelData
                    required property int index
                    objectName: "shortcutKeys"
                    Layout.row: index
                    Layout.column: 0
                    Layout.alignment: Qt.AlignTop | Qt.AlignLeft
                    Layout.maximumWidth: Math.round(grid.width * 0.4)
                    implicitWidth: keyLabel.implicitWidth + Theme.gap2
                    implicitHeight: keyLabel.implicitHeight + Theme.gap / 2
                    radius: 4
                    color: Theme.raised
                    border.color: Theme.divider
                    Accessible.role: Accessible.StaticText
                    Accessible.name: keycap.modelData[0] + ": " + keycap.modelData[1]
                    Text {
                        id: keyLabel
                        x: Theme.gap
                        y: Theme.gap / 4
                        width: keycap.width - Theme.gap2
                        text: keycap.modelData[0]
                        wrapMode: Text.Wrap
                        color: Theme.text
                        font.family: Theme.monoFamily
                        font.pointSize: Theme.smallSize
                    }
                }
            }
            Repeater {
                model: sheet.shortcuts
                delegate: Text {
                    required property var modelData
                    required property int index
                    objectName: "shortcutAction"
                    Layout.row: index
                    Layout.column: 1
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    text: modelData[1]
                    wrapMode: Text.Wrap
                    color: Theme.mutedText
                    font.pointSize: Theme.baseSize
                }
            }
        }
    }
}
