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
    // Text narrower than the width keeps its own width (a user's bubble fits
    // its words); otherwise text takes the full width.
    property bool shrink: false

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

    // Messages of text alone (most of them) have their paragraphs made
    // directly; with code or tables each block comes through a Loader, which
    // adds about a tenth to what a message costs to build when a chat opens.
    // A streaming message takes the Loaders from its start, while it has
    // next to nothing drawn: a code block arriving later rebuilds nothing.
    readonly property bool allText: {
        if (live)
            return false
        for (const block of blocks)
            if (block.kind !== "text")
                return false
        return true
    }
    readonly property var blockModel: live ? live : blocks.length
    Repeater {
        model: root.allText ? root.blockModel : 0
        delegate: MessageParagraph {
            required property int index
            markdown: (root.blocks[index] || { text: "" }).text
            availableWidth: root.availableWidth
            shrink: root.shrink
        }
    }
    Repeater {
        model: root.allText ? 0 : root.blockModel
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
        MessageParagraph {
            markdown: block.text
            availableWidth: root.availableWidth
            shrink: root.shrink
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
