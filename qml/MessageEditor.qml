import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// Editing a user message in place: "Save & submit" makes a new branch.
ColumnLayout {
    id: root
    property string originalText
    signal submitted(string text)
    signal cancelled()

    function begin() { area.text = originalText; area.forceActiveFocus(); area.cursorPosition = area.length }

    spacing: Theme.gap

    TextArea {
        id: area
        objectName: "editArea"
        Layout.fillWidth: true
        wrapMode: TextEdit.Wrap
        color: Theme.text
        font.pointSize: Theme.bodySize
        selectionColor: Theme.accent
        selectedTextColor: Theme.accentText
        Accessible.name: qsTr("Edit message")
        background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.focusRing; border.width: 2 }
        Keys.onEscapePressed: root.cancelled()
        Keys.onReturnPressed: (event) => {
            if (event.modifiers & Qt.ShiftModifier) event.accepted = false
            else root.submitted(area.text)
        }
    }
    RowLayout {
        Layout.alignment: Qt.AlignRight
        spacing: Theme.gap
        TextButton { text: qsTr("Cancel"); onClicked: root.cancelled() }
        TextButton { objectName: "saveSubmitButton"; text: qsTr("Save & submit"); primary: true; enabled: area.text.trim().length > 0; onClicked: root.submitted(area.text) }
    }
}
