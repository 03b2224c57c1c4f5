import QtQuick
import QtQuick.Controls.Basic
import Teehee

// How full the model's context window is: a small ring in the composer,
// "12,345 of 128,000 tokens" on hover, the warning colour above 80 %.
Item {
    id: root
    required property ConversationController conversation
    readonly property ContextMeter meter: ContextMeter { conversation: root.conversation }
    readonly property color tone: meter.warning ? Theme.warning : Theme.accent

    objectName: "contextRing"
    visible: meter.known
    implicitWidth: Theme.px(22)
    implicitHeight: Theme.px(22)
    Accessible.role: Accessible.ProgressBar
    Accessible.name: qsTr("Context window: %1").arg(meter.text)

    Canvas {
        id: ring
        anchors.fill: parent
        readonly property real fraction: root.meter.fraction
        readonly property color tone: root.tone
        readonly property color track: Theme.divider
        onFractionChanged: requestPaint()
        onToneChanged: requestPaint()
        onTrackChanged: requestPaint()
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            const r = Math.min(width, height) / 2 - 2
            ctx.lineWidth = 3
            ctx.lineCap = "round"
            ctx.strokeStyle = track
            ctx.beginPath()
            ctx.arc(width / 2, height / 2, r, 0, 2 * Math.PI)
            ctx.stroke()
            if (fraction <= 0)
                return
            ctx.strokeStyle = tone
            ctx.beginPath()
            ctx.arc(width / 2, height / 2, r, -Math.PI / 2, -Math.PI / 2 + 2 * Math.PI * fraction)
            ctx.stroke()
        }
    }
    HoverHandler { id: hover }
    ToolTip.visible: hover.hovered
    ToolTip.delay: 300
    ToolTip.text: root.meter.estimated ? qsTr("%1 (estimated)").arg(root.meter.text) : root.meter.text
}
