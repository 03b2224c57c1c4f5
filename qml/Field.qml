import QtQuick
import QtQuick.Controls.Basic
import Teehee

// A single-line input in the app's look.
TextField {
    id: control
    property string label: placeholderText
    color: Theme.text
    placeholderTextColor: Theme.faintText
    selectionColor: Theme.accent
    selectedTextColor: Theme.accentText
    font.pointSize: Theme.baseSize
    leftPadding: Theme.gap + 4
    rightPadding: Theme.gap + 4
    Accessible.name: label
    // On the field itself: the Basic TextField keeps its background's first implicit height.
    implicitHeight: Math.max(Theme.rowHeight, contentHeight + topPadding + bottomPadding)
    background: Rectangle {
        implicitHeight: Theme.rowHeight
        radius: Theme.radiusSmall + 2
        color: Theme.surface
        border.width: control.activeFocus ? 2 : 1
        border.color: control.activeFocus ? Theme.focusRing : Theme.divider
    }
}
