import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Controls.impl
import QtQuick.Layouts
import Teehee

// The model's reasoning above its answer, folded by default: a "Thinking"
// header opens and closes it by mouse, Space or Enter.
ColumnLayout {
    id: root
    property string text
    property bool streaming: false
    property bool expanded: false

    spacing: Theme.gap / 2

    AbstractButton {
        id: toggle
        objectName: "thinkingToggle"
        Layout.alignment: Qt.AlignLeft
        focusPolicy: Qt.StrongFocus
        padding: 2
        rightPadding: Theme.gap
        text: root.streaming ? qsTr("Thinking…") : qsTr("Thinking")
        Accessible.role: Accessible.Button
        Accessible.name: root.expanded ? qsTr("Hide the model's thinking") : qsTr("Show the model's thinking")
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
                Behavior on rotation { NumberAnimation { duration: Theme.animation } }
            }
            Text {
                text: toggle.text
                color: Theme.mutedText
                font.pointSize: Theme.smallSize
                font.weight: Font.DemiBold
            }
        }
        background: Rectangle {
            radius: Theme.radiusSmall
            color: toggle.hovered ? Theme.hover : "transparent"
            border.width: toggle.visualFocus ? 2 : 0
            border.color: Theme.focusRing
        }
    }

    // A quiet column with a rule on its left, like a quotation.
    Item {
        Layout.fillWidth: true
        visible: root.expanded
        implicitHeight: body.implicitHeight
        Rectangle { width: 2; height: parent.height; color: Theme.divider }
        Text {
            id: body
            objectName: "thinkingText"
            x: Theme.gap2
            width: parent.width - x
            text: root.text
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.thinkingText
            font.pointSize: Theme.smallSize + 0.5
            lineHeight: 1.15
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }
}
