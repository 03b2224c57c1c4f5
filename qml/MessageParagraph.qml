import QtQuick
import Teehee

// One block of a message's Markdown text (a paragraph, a list, a quote…):
// links open in the browser, and a user's bubble may be narrower than the width.
Text {
    id: paragraph
    property string markdown
    property real availableWidth: 600
    property bool shrink: false

    // At full width the text is laid out once, not first at its natural width.
    width: shrink ? Math.min(implicitWidth, availableWidth) : availableWidth
    text: markdown + Theme.linkRefresh
    textFormat: Text.MarkdownText
    wrapMode: Text.Wrap
    color: Theme.text
    linkColor: Theme.accent
    font.pointSize: Theme.bodySize
    lineHeight: 1.15
    onLinkActivated: (link) => Qt.openUrlExternally(link)
    HoverHandler { cursorShape: paragraph.hoveredLink ? Qt.PointingHandCursor : Qt.IBeamCursor }
    Accessible.role: Accessible.StaticText
    Accessible.name: markdown
}
