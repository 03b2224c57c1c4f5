import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// The rounded multi-line field at the bottom: Enter sends, Shift+Enter adds a
// line, the model chip picks provider and model, one round button is Send
// while idle and Stop (Esc) while a reply streams.
Item {
    id: root
    required property ConversationController conversation
    property alias text: input.text
    function focusInput() { input.forceActiveFocus() }
    function setText(t) { input.text = t; input.forceActiveFocus(); input.cursorPosition = input.length }
    function submit() {
        if (root.conversation.streaming)
            return
        if (root.conversation.send(input.text))
            input.text = ""
    }

    implicitHeight: frame.implicitHeight + 2 * Theme.gap2

    Rectangle {
        id: frame
        anchors.fill: parent
        anchors.margins: Theme.gap2
        anchors.leftMargin: Theme.gap3
        anchors.rightMargin: Theme.gap3
        implicitHeight: layout.implicitHeight + Theme.gap2
        radius: Theme.radius + 6
        color: Theme.surface
        border.width: input.activeFocus ? 2 : 1
        border.color: input.activeFocus ? Theme.focusRing : Theme.divider

        ColumnLayout {
            id: layout
            anchors.fill: parent
            anchors.margins: Theme.gap
            spacing: Theme.gap / 2

            ScrollView {
                id: scroller
                Layout.fillWidth: true
                // Grows with the text up to about eight lines, then scrolls.
                Layout.preferredHeight: Math.min(input.implicitHeight, Theme.bodySize * 1.6 * 8 + 16)
                TextArea {
                    id: input
                    objectName: "composerInput"
                    wrapMode: TextEdit.Wrap
                    placeholderText: qsTr("Message Teehee…  (Enter sends, Shift+Enter for a new line)")
                    placeholderTextColor: Theme.faintText
                    color: Theme.text
                    font.pointSize: Theme.bodySize
                    selectionColor: Theme.accent
                    selectedTextColor: Theme.accentText
                    background: null
                    Accessible.name: qsTr("Message")
                    KeyNavigation.priority: KeyNavigation.BeforeItem
                    KeyNavigation.tab: picker
                    Keys.onPressed: (event) => {
                        if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter) && !(event.modifiers & Qt.ShiftModifier)) {
                            root.submit()
                            event.accepted = true
                        } else if (event.key === Qt.Key_Escape && root.conversation.streaming) {
                            root.conversation.stop()
                            event.accepted = true
                        }
                    }
                }
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.gap
                ModelPicker { conversation: root.conversation; id: picker }
                ToolsToggle { conversation: root.conversation }
                Item { Layout.fillWidth: true }
                Text {
                    visible: root.conversation.lastError.length > 0 && !root.conversation.streaming && errorTimer.running
                    text: root.conversation.lastError
                    color: Theme.danger
                    font.pointSize: Theme.smallSize
                    elide: Text.ElideRight
                    Layout.maximumWidth: Theme.px(360)
                    Timer { id: errorTimer; interval: 8000 }
                    Connections { target: root.conversation; function onErrorOccurred() { errorTimer.restart() } }
                }
                RoundButton {
                    id: action
                    objectName: "sendButton"
                    readonly property bool stopping: root.conversation.streaming
                    implicitWidth: Theme.sendButtonSize
                    implicitHeight: Theme.sendButtonSize
                    enabled: stopping || input.text.trim().length > 0
                    icon.source: stopping ? "qrc:/Teehee/icons/stop.svg" : "qrc:/Teehee/icons/send.svg"
                    icon.color: enabled ? Theme.accentText : Theme.faintText
                    icon.width: Theme.px(18)
                    icon.height: Theme.px(18)
                    display: AbstractButton.IconOnly
                    Accessible.name: stopping ? qsTr("Stop (Esc)") : qsTr("Send (Enter)")
                    ToolTip.visible: hovered
                    ToolTip.text: Accessible.name
                    onClicked: stopping ? root.conversation.stop() : root.submit()
                    background: Rectangle {
                        radius: width / 2
                        color: action.enabled ? (action.stopping ? Theme.text : Theme.accent) : Theme.raised
                        border.width: action.visualFocus ? 2 : 0
                        border.color: Theme.focusRing
                    }
                }
            }
        }
    }
}
