import QtQuick
import QtQuick.Controls.Basic
import Teehee

// A quiet square button with an SVG icon, a tooltip and an accessible name.
ToolButton {
    id: control
    property string iconName
    property string tip: ""
    property color tint: Theme.mutedText
    property int size: Theme.iconButtonSize

    implicitWidth: size
    implicitHeight: size
    padding: 0
    focusPolicy: Qt.StrongFocus
    icon.source: iconName ? "qrc:/Teehee/icons/" + iconName + ".svg" : ""
    icon.width: Math.round(size * 0.6)
    icon.height: Math.round(size * 0.6)
    icon.color: control.enabled ? (control.hovered ? Theme.text : tint) : Theme.faintText
    display: AbstractButton.IconOnly
    Accessible.name: tip || text
    ToolTip.visible: hovered && tip.length > 0
    ToolTip.text: tip
    ToolTip.delay: 500

    background: Rectangle {
        radius: Theme.radiusSmall
        color: control.down ? Theme.selected : control.hovered ? Theme.hover : "transparent"
        border.width: control.visualFocus ? 2 : 0
        border.color: Theme.focusRing
    }
}
