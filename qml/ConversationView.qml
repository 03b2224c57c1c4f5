pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import Teehee

// The messages of the open chat. Follows the bottom while a reply streams,
// unless the person scrolled up; then a "Jump to latest" pill appears below
// the list. Wheel, touchpad and drag go to the Flickable itself; the keyboard
// scrolls with Page Up/Down, Home/End and the arrows.
Item {
    id: root
    required property ConversationController conversation
    signal editFinished()
    property alias list: list
    property bool pinned: true
    // A branch switch reloads the path: the switched message's depth and where
    // its bottom edge (the switcher) was, so the view can put it back there.
    property int holdDepth: -1
    property real holdBottom: 0
    property string shownChat: ""

    function scrollTo(y) {
        const top = list.originY - list.topMargin
        const bottom = Math.max(top, list.originY + list.contentHeight + list.bottomMargin - list.height)
        list.contentY = Math.max(top, Math.min(bottom, y))
    }
    // positionViewAtEnd leaves the bottom margin out: add it, so atYEnd holds.
    function toEnd() { list.positionViewAtEnd(); if (!list.atYEnd) scrollTo(Number.MAX_VALUE) }
    function toStart() { pinned = false; list.positionViewAtBeginning(); scrollTo(-Number.MAX_VALUE); Qt.callLater(loadOlderAtTop) }
    function jumpToLatest() { pinned = true; toEnd() }
    // Scrolling by hand decides whether the view keeps following.
    function userScrolled() { pinned = list.atYEnd; Qt.callLater(loadOlderAtTop) }
    function scrollBy(dy) { scrollTo(list.contentY + dy); userScrolled() }
    // Long chats open at their end; earlier messages come in as the person scrolls up.
    function loadOlderAtTop() {
        if (list.atYBeginning && root.conversation.messages.hasOlder)
            root.conversation.messages.loadOlder()
    }
    function hold(row) {
        const item = list.itemAtIndex(row)
        if (!item)
            return
        const model = root.conversation.messages
        holdDepth = row + model.totalCount - model.count
        holdBottom = item.y + item.height - list.contentY
        pinned = false
    }
    function restoreHeld() {
        const model = root.conversation.messages
        const row = Math.max(0, Math.min(model.count - 1, holdDepth - (model.totalCount - model.count)))
        list.positionViewAtIndex(row, ListView.Beginning)
        const item = list.itemAtIndex(row)
        if (item)
            scrollTo(item.y + item.height - holdBottom)
        pinned = list.atYEnd
    }

    ListView {
        id: list
        objectName: "messageList"
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: jumpBar.visible ? jumpBar.top : parent.bottom
        model: root.conversation.messages
        clip: true
        spacing: Theme.gap2
        topMargin: Theme.gap3
        bottomMargin: Theme.gap3
        reuseItems: true
        cacheBuffer: 800
        boundsBehavior: Flickable.StopAtBounds
        activeFocusOnTab: true
        // The arrows scroll (below) instead of moving a current item.
        keyNavigationEnabled: false
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Messages")
        // Dragging the bar is scrolling by hand too.
        ScrollBar.vertical: ScrollBar {
            policy: ScrollBar.AsNeeded
            onPressedChanged: if (pressed) root.pinned = false; else root.userScrolled()
        }

        delegate: MessageDelegate {
            conversation: root.conversation
            width: list.width
            isLast: index === list.count - 1
            onEditFinished: root.editFinished()
            onBranchSwitching: root.hold(index)
        }

        onMovementEnded: root.userScrolled()
        onFlickStarted: root.pinned = false
        onContentHeightChanged: if (root.pinned) Qt.callLater(root.toEnd)
        onCountChanged: if (root.pinned) Qt.callLater(root.toEnd)

        // Keys a focused message does not use arrive here as well.
        Keys.onPressed: (event) => {
            const line = Theme.bodySize * 3
            const page = list.height * 0.9
            switch (event.key) {
            case Qt.Key_PageUp: root.scrollBy(-page); break
            case Qt.Key_PageDown: root.scrollBy(page); break
            case Qt.Key_Up: root.scrollBy(-line); break
            case Qt.Key_Down: root.scrollBy(line); break
            case Qt.Key_Home: root.toStart(); break
            case Qt.Key_End: root.jumpToLatest(); break
            default: return
            }
            event.accepted = true
        }
    }

    // Where the keyboard is when the list itself has it; not after a click inside.
    Rectangle {
        objectName: "messageListFocusRing"
        anchors.fill: list
        radius: Theme.radiusSmall
        color: "transparent"
        border.width: 2
        border.color: Theme.focusRing
        visible: root.Window.activeFocusItem === list
    }

    Connections {
        target: root.conversation
        // A chat opened, or its path read again (a branch switched): the held row stays put.
        function onLoaded() {
            if (root.holdDepth >= 0) {
                root.restoreHeld()
                // Rows above may settle their heights once drawn: place it again then.
                Qt.callLater(() => { if (root.holdDepth >= 0) { root.restoreHeld(); root.holdDepth = -1 } })
            } else {
                root.jumpToLatest()
            }
        }
    }
    // A search hit's message: in the middle of the view, which stops following the end.
    Connections {
        target: root.conversation
        function onMessageRevealed(row) {
            root.holdDepth = -1
            root.pinned = false
            list.positionViewAtIndex(row, ListView.Center)
            // Rows above settle their heights once drawn: place it again then.
            Qt.callLater(() => list.positionViewAtIndex(row, ListView.Center))
        }
    }
    Connections {
        target: ChatListController
        function onCurrentChatChanged() {
            if (ChatListController.currentChatId === root.shownChat)
                return
            root.shownChat = ChatListController.currentChatId
            root.holdDepth = -1
            root.pinned = true
        }
    }
    // A message of one's own at the end (send, edit): show it and what follows.
    Connections {
        target: root.conversation.messages
        function onRowsInserted(parent, first, last) {
            const model = root.conversation.messages
            if (last === model.count - 1 && model.get(last).role === "user")
                Qt.callLater(root.jumpToLatest)
        }
    }

    // Below the list, never over the text.
    Item {
        id: jumpBar
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: jump.implicitHeight + Theme.gap2
        visible: !root.pinned && !list.atYEnd

        Button {
            id: jump
            objectName: "jumpToLatest"
            anchors.centerIn: parent
            text: qsTr("Jump to latest")
            focusPolicy: Qt.TabFocus
            Accessible.name: text
            onClicked: root.jumpToLatest()
            contentItem: Text { text: jump.text; color: Theme.text; font.pointSize: Theme.smallSize; horizontalAlignment: Text.AlignHCenter }
            background: Rectangle {
                radius: height / 2
                color: Theme.raised
                border.width: jump.visualFocus ? 2 : 1
                border.color: jump.visualFocus ? Theme.focusRing : Theme.divider
            }
        }
    }
}
