import QtQuick
import QtQuick.Controls.Basic
import Teehee

// The messages of the open chat. Follows the bottom while a reply streams,
// unless the person scrolled up; then a "Jump to latest" pill appears.
Item {
    id: root
    required property ConversationController conversation
    signal editFinished()
    property alias list: list
    property bool pinned: true

    function jumpToLatest() { pinned = true; list.positionViewAtEnd() }
    // Long chats open at their end; earlier messages come in as the person scrolls up.
    function loadOlderAtTop() {
        if (list.atYBeginning && root.conversation.messages.hasOlder)
            root.conversation.messages.loadOlder()
    }

    ListView {
        id: list
        objectName: "messageList"
        anchors.fill: parent
        model: root.conversation.messages
        clip: true
        spacing: Theme.gap2
        topMargin: Theme.gap3
        bottomMargin: Theme.gap3
        reuseItems: true
        cacheBuffer: 800
        boundsBehavior: Flickable.StopAtBounds
        activeFocusOnTab: true
        keyNavigationEnabled: true
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Messages")
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }

        delegate: MessageDelegate {
            conversation: root.conversation
            width: list.width
            isLast: index === list.count - 1
            onEditFinished: root.editFinished()
        }

        // Scrolling by hand decides whether the view keeps following.
        onMovementEnded: { root.pinned = atYEnd; root.loadOlderAtTop() }
        onFlickStarted: root.pinned = false
        onContentHeightChanged: if (root.pinned) Qt.callLater(list.positionViewAtEnd)
        onCountChanged: if (root.pinned) Qt.callLater(list.positionViewAtEnd)
        WheelHandler {
            onWheel: (event) => {
                if (event.angleDelta.y > 0) { root.pinned = false; Qt.callLater(root.loadOlderAtTop) }
                else Qt.callLater(() => root.pinned = list.atYEnd)
            }
        }
    }

    // The list itself has the keyboard (arrows move through it): show where.
    Rectangle {
        anchors.fill: list
        radius: Theme.radiusSmall
        color: "transparent"
        border.width: 2
        border.color: Theme.focusRing
        visible: list.activeFocus
    }

    Connections {
        target: root.conversation
        // A chat opens at its end; a reload (a branch switched) keeps the view where it is.
        function onOpened() { root.jumpToLatest() }
    }
    Connections {
        target: ChatListController
        function onCurrentChatChanged() { root.pinned = true }
    }

    Button {
        id: jump
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.gap2
        visible: !root.pinned && !list.atYEnd
        text: qsTr("Jump to latest")
        Accessible.name: text
        onClicked: root.jumpToLatest()
        contentItem: Text { text: jump.text; color: Theme.text; font.pointSize: Theme.smallSize; horizontalAlignment: Text.AlignHCenter }
        background: Rectangle { radius: height / 2; color: Theme.raised; border.color: Theme.divider }
    }
}
