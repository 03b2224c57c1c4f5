import QtQuick
// No "pragma ComponentBehavior: Bound" here: the block components read
// `block` from the Loader that instantiates them, which Bound forbids.
import Teehee

// A message's blocks (from MarkdownBlocks): Markdown text, code and tables,
// each drawn by its own component; a soft caret while the reply streams.
Column {
    id: root
    property var blocks: []
    property bool streaming: false
    property real availableWidth: 600

    spacing: Theme.gap + 4

    // Once the message streams, a BlockListModel passes on only what changed:
    // the blocks before the last are neither rebuilt nor laid out again (a
    // Repeater over a count rebuilds them all when one is added). A message
    // that never streams here needs no such model.
    property BlockListModel live: null
    function goLive() {
        if (!live)
            live = liveBlocks.createObject(root)
    }
    onStreamingChanged: if (streaming) goLive()
    Component.onCompleted: if (streaming) goLive()
    Component {
        id: liveBlocks
        BlockListModel { blocks: root.blocks }
    }

    Repeater {
        model: root.live ? root.live : root.blocks.length
        delegate: Loader {
            required property int index
            readonly property var block: root.blocks[index] || ({ kind: "text", text: "" })
            sourceComponent: block.kind === "code" ? codeBlock : block.kind === "table" ? tableBlock : textBlock
        }
    }

    // Built only while the reply streams: a long chat opens without a caret per message.
    Loader {
        active: root.streaming
        visible: active
        sourceComponent: Rectangle {
            id: caret
            width: 8
            height: Theme.bodySize * 1.3
            radius: 2
            color: Theme.accent
            SequentialAnimation on opacity {
                loops: Animation.Infinite
                NumberAnimation { to: 0.25; duration: 500 }
                NumberAnimation { to: 0.9; duration: 500 }
            }
        }
    }

    Component {
        id: textBlock
        Text {
            width: Math.min(implicitWidth, root.availableWidth)
            text: block.text + Theme.linkRefresh
            textFormat: Text.MarkdownText
            wrapMode: Text.Wrap
            color: Theme.text
            linkColor: Theme.accent
            font.pointSize: Theme.bodySize
            lineHeight: 1.15
            onLinkActivated: (link) => Qt.openUrlExternally(link)
            HoverHandler { cursorShape: parent.hoveredLink ? Qt.PointingHandCursor : Qt.IBeamCursor }
            Accessible.role: Accessible.StaticText
            Accessible.name: block.text
        }
    }
    Component {
        id: codeBlock
        CodeBlock {
            width: root.availableWidth
            code: block.text
            language: block.language
        }
    }
    Component {
        id: tableBlock
        TableBlock {
            width: Math.min(naturalWidth, root.availableWidth)
            rows: block.rows
        }
    }
}
