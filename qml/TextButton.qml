import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Controls.impl
import Teehee

// A rounded text button: filled (primary) or quiet.
Button {
    id: control
    property bool primary: false
    property bool danger: false

    focusPolicy: Qt.StrongFocus
    padding: Theme.gap
    leftPadding: Theme.gap2
    rightPadding: Theme.gap2
    font.pointSize: Theme.baseSize
    Accessible.name: text

    icon.width: Theme.iconSize
    icon.height: Theme.iconSize
    icon.color: control.primary ? Theme.accentText : Theme.mutedText
    spacing: Theme.gap - 2
    contentItem: IconLabel {
        spacing: control.spacing
        display: control.display
        icon: control.icon
        // The app uses no mnemonics: a "&" in a label ("Save & submit") is shown as written.
        text: control.text.replace(/&/g, "&&")
        font: control.font
        color: control.primary ? Theme.accentText : control.danger ? Theme.danger : Theme.text
        opacity: control.enabled ? 1 : 0.5
    }
    background: Rectangle {
        implicitHeight: Theme.buttonHeight
        radius: Theme.radiusSmall + 2
        opacity: control.enabled ? 1 : 0.45
        color: control.primary ? (control.down ? Qt.darker(Theme.accent, 1.15) : Theme.accent)
                               : (control.down ? Theme.selected : control.hovered ? Theme.hover : Theme.raised)
        border.width: control.visualFocus ? 2 : 0
        border.color: control.primary ? Theme.text : Theme.focusRing
    }
}
