import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// A fenced code block: language and Copy in a header, monospace text that
// scrolls sideways instead of wrapping mid-token, coloured by CodeHighlighter.
Rectangle {
    id: root
    property string code
    property string language

    implicitHeight: header.height + body.height
    radius: Theme.radius
    color: Theme.codeBackground
    border.color: Theme.divider
    clip: true
    Accessible.role: Accessible.Grouping
    Accessible.name: root.language ? qsTr("%1 code").arg(root.language) : qsTr("Code")

    Rectangle {
        id: header
        width: parent.width
        height: Theme.buttonHeight
        color: Theme.codeHeader
        radius: Theme.radius
        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: Theme.radius; color: parent.color }

        Text {
            anchors.left: parent.left
            anchors.leftMargin: Theme.gap2
            anchors.verticalCenter: parent.verticalCenter
            text: root.language || qsTr("code")
            color: Theme.mutedText
            font.pointSize: Theme.smallSize
            font.family: Theme.monoFamily
        }
        Button {
            id: copy
            objectName: "copyCodeButton"
            property bool done: false
            anchors.right: parent.right
            anchors.rightMargin: Theme.gap / 2
            anchors.verticalCenter: parent.verticalCenter
            height: Theme.px(26)
            text: done ? qsTr("Copied") : qsTr("Copy")
            icon.source: done ? "qrc:/Teehee/icons/check.svg" : "qrc:/Teehee/icons/copy.svg"
            icon.width: Theme.smallIconSize
            icon.height: Theme.smallIconSize
            icon.color: Theme.mutedText
            font.pointSize: Theme.smallSize
            Accessible.name: qsTr("Copy code")
            palette.buttonText: Theme.mutedText
            background: Rectangle { radius: Theme.radiusSmall; color: copy.hovered ? Theme.hover : "transparent"; border.width: copy.visualFocus ? 2 : 0; border.color: Theme.focusRing }
            onClicked: { ChatListController.copyToClipboard(root.code); done = true; resetTimer.restart() }
            Timer { id: resetTimer; interval: 1500; onTriggered: copy.done = false }
        }
    }

    Flickable {
        id: body
        y: header.height
        width: parent.width
        height: codeText.implicitHeight + 2 * Theme.gap2 - 8
        contentWidth: codeText.implicitWidth + 2 * Theme.gap2
        contentHeight: height
        flickableDirection: Flickable.HorizontalFlick
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollBar.horizontal: ScrollBar { policy: body.contentWidth > body.width ? ScrollBar.AsNeeded : ScrollBar.AlwaysOff }

        TextEdit {
            id: codeText
            objectName: "codeText"
            readonly property alias highlighter: highlighter
            x: Theme.gap2
            y: Theme.gap + 4
            text: root.code
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.NoWrap
            textFormat: TextEdit.PlainText
            font.family: Theme.monoFamily
            font.pointSize: Theme.baseSize
            color: Theme.text
            selectionColor: Theme.accent
            selectedTextColor: Theme.accentText
            Accessible.name: root.code
        }
        CodeHighlighter {
            id: highlighter
            document: codeText.textDocument
            language: root.language
            keywordColor: Theme.codeKeyword
            stringColor: Theme.codeString
            commentColor: Theme.codeComment
            numberColor: Theme.codeNumber
        }
    }
}
