import QtQuick
import QtQuick.Controls.Basic
import Teehee

// A small text-only action ("Retry", "Continue").
Button {
    id: control
    flat: true
    padding: 2
    focusPolicy: Qt.StrongFocus
    Accessible.name: text
    opacity: enabled ? 1 : 0.45
    contentItem: Text {
        text: control.text
        color: Theme.accent
        font.pointSize: Theme.smallSize
        font.weight: Font.DemiBold
        font.underline: control.hovered || control.visualFocus
    }
    background: Item {}
}
