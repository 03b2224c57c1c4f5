pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Teehee

// A Markdown table as a real grid (Qt 6.4's Markdown renderer cramps tables).
Rectangle {
    id: root
    property var rows: []
    readonly property real naturalWidth: grid.implicitWidth + 2

    implicitHeight: grid.implicitHeight + 2
    radius: Theme.radiusSmall
    color: "transparent"
    border.color: Theme.divider
    clip: true
    Accessible.role: Accessible.Table

    GridLayout {
        id: grid
        x: 1; y: 1
        width: parent.width - 2
        columns: root.rows.length > 0 ? root.rows[0].length : 1
        rowSpacing: 0
        columnSpacing: 0

        Repeater {
            model: root.rows.length * grid.columns
            delegate: Rectangle {
                required property int index
                readonly property int r: Math.floor(index / grid.columns)
                readonly property int c: index % grid.columns
                Layout.fillWidth: true
                implicitWidth: cell.implicitWidth + 2 * Theme.gap2
                implicitHeight: cell.implicitHeight + Theme.gap2
                color: r === 0 ? Theme.raised : (r % 2 === 0 ? Theme.codeBackground : "transparent")
                Text {
                    id: cell
                    anchors.verticalCenter: parent.verticalCenter
                    x: Theme.gap2
                    width: Math.min(implicitWidth, parent.width - 2 * Theme.gap2)
                    text: (root.rows[parent.r] || [])[parent.c] || ""
                    textFormat: Text.MarkdownText
                    wrapMode: Text.Wrap
                    color: Theme.text
                    font.pointSize: Theme.baseSize
                    font.weight: parent.r === 0 ? Font.DemiBold : Font.Normal
                }
            }
        }
    }
}
