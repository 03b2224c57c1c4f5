import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Dialogs
import QtQuick.Layouts
import Teehee

// The rounded multi-line field at the bottom: Enter sends, Shift+Enter adds a
// line, the model chip picks provider and model, one round button is Send
// while idle and Stop (Esc) while a reply streams. Files join the message
// by the paperclip, by pasting an image, or by dropping them on the window.
Item {
    id: root
    required property ConversationController conversation
    property alias text: input.text
    readonly property PendingAttachments attachments: PendingAttachments {
        onRefused: (message) => root.tell(message)
    }
    // Images waiting for a model that takes none: said before anything is sent.
    readonly property string visionProblem: attachments.hasImages
        ? attachments.visionRefusal(conversation.provider, conversation.model) : ""
    property string notice: ""
    function focusInput() { input.forceActiveFocus() }
    function setText(t) { input.text = t; input.forceActiveFocus(); input.cursorPosition = input.length }
    function tell(message) { notice = message; errorTimer.restart() }
    function addFiles(urls) { attachments.addFiles(urls) }
    function submit() {
        if (root.conversation.streaming)
            return
        if (root.attachments.uploading)
            return tell(qsTr("Wait until the files are uploaded."))
        if (root.visionProblem.length > 0)
            return tell(root.visionProblem)
        if (root.conversation.send(input.text, root.attachments.ids())) {
            input.text = ""
            root.attachments.clear()
        }
    }

    FileDialog {
        id: filePicker
        title: qsTr("Attach files")
        fileMode: FileDialog.OpenFiles
        nameFilters: [qsTr("Images, PDF and text (%1)").arg("*.png *.jpg *.jpeg *.gif *.webp *.pdf *.txt *.md *.csv *.json *.xml *.html *.css *.js *.ts *.py *.c *.h *.cpp *.hpp *.java *.go *.rs *.rb *.sh *.yaml *.yml *.toml *.sql"),
                      qsTr("All files (*)")]
        onAccepted: root.attachments.addFiles(selectedFiles)
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

            AttachmentTray {
                objectName: "attachmentTray"
                attachments: root.attachments
                Layout.fillWidth: true
            }
            Text {
                objectName: "visionProblem"
                visible: root.visionProblem.length > 0
                text: root.visionProblem
                color: Theme.danger
                font.pointSize: Theme.smallSize
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

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
                    KeyNavigation.tab: attachButton
                    Keys.onPressed: (event) => {
                        if (event.matches(StandardKey.Paste) && root.attachments.pasteFromClipboard()) {
                            event.accepted = true // an image (or files) became an attachment
                        } else if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter) && !(event.modifiers & Qt.ShiftModifier)) {
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
                IconButton {
                    id: attachButton
                    objectName: "attachButton"
                    iconName: "paperclip"
                    tip: qsTr("Attach files (images, PDF, text)")
                    onClicked: filePicker.open()
                }
                ModelPicker { conversation: root.conversation; id: picker }
                ToolsToggle { conversation: root.conversation }
                Item { Layout.fillWidth: true }
                Text {
                    objectName: "composerNotice"
                    visible: root.notice.length > 0 && !root.conversation.streaming && errorTimer.running
                    text: root.notice
                    color: Theme.danger
                    font.pointSize: Theme.smallSize
                    elide: Text.ElideRight
                    Layout.maximumWidth: Theme.px(360)
                    Timer { id: errorTimer; interval: 8000 }
                    Connections { target: root.conversation; function onErrorOccurred(message) { root.tell(message) } }
                }
                ContextRing { conversation: root.conversation }
                RoundButton {
                    id: action
                    objectName: "sendButton"
                    readonly property bool stopping: root.conversation.streaming
                    implicitWidth: Theme.sendButtonSize
                    implicitHeight: Theme.sendButtonSize
                    enabled: stopping || input.text.trim().length > 0 || (root.attachments.count > 0 && !root.attachments.uploading)
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
