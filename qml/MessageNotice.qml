import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// A quiet line under a stopped or failed reply, with the action that helps.
// MessageDelegate creates it only for such replies.
Rectangle {
    id: root
    required property ConversationController conversation
    property string messageId
    property int status
    property string error
    property string errorReason // "no_key", "key_rejected", "rate_limited", ... or empty
    property bool isPartial
    property bool rateLimited
    property real retryAt      // ms since the epoch, 0 when the provider gave no Retry-After
    property int secondsLeft: 0
    readonly property bool waiting: rateLimited && secondsLeft > 0
    readonly property bool failed: status === ConversationModel.Error
    readonly property bool stopped: status === ConversationModel.Aborted || (isPartial && status === ConversationModel.Complete)
    // A rate-limited error read back from the database has no live deadline:
    // its saved "retry in 1 s" would be stale, so it says only what happened.
    readonly property bool savedRateLimit: !rateLimited && errorReason === "rate_limited"
    readonly property bool keyProblem: errorReason === "no_key" || errorReason === "key_rejected"

    implicitHeight: row.implicitHeight + Theme.gap
    radius: Theme.radiusSmall
    color: failed ? Theme.dangerSurface : "transparent"
    Accessible.role: Accessible.AlertMessage
    // Not the ticking text: a screen reader would announce every second.
    Accessible.name: waiting ? qsTr("Rate limited") : label.text

    function tick() { secondsLeft = retryAt > 0 ? Math.max(0, Math.ceil((retryAt - Date.now()) / 1000)) : 0 }
    onRetryAtChanged: tick()
    Component.onCompleted: tick()
    Timer {
        interval: 1000
        repeat: true
        running: root.waiting
        onTriggered: root.tick()
    }

    RowLayout {
        id: row
        anchors.verticalCenter: parent.verticalCenter
        x: root.failed ? Theme.gap : 0
        width: parent.width - 2 * x
        spacing: Theme.gap
        Text {
            id: label
            objectName: "noticeText"
            Layout.fillWidth: true
            text: !root.failed ? qsTr("Stopped")
                  : root.waiting ? qsTr("Rate limited — retry in %1 s").arg(root.secondsLeft)
                  : root.rateLimited && root.retryAt > 0 ? qsTr("Rate limited — you can retry now")
                  : root.savedRateLimit ? qsTr("Rate limited — you can retry now")
                  : (root.error || qsTr("The reply failed."))
            color: root.failed ? Theme.danger : Theme.mutedText
            font.pointSize: Theme.smallSize
            wrapMode: Text.Wrap
        }
        // A key to add or fix: Settings first, then Retry answers the kept message.
        LinkButton {
            objectName: "settingsButton"
            visible: root.failed && root.keyProblem
            text: root.errorReason === "no_key" ? qsTr("Add key") : qsTr("Open settings")
            onClicked: root.conversation.askForSettings()
        }
        LinkButton {
            objectName: "retryButton"
            visible: root.failed
            // Enables itself when the provider's wait is over.
            enabled: !root.waiting && !root.conversation.streaming
            text: qsTr("Retry")
            onClicked: root.conversation.retry(root.messageId)
        }
        LinkButton {
            objectName: "continueButton"
            visible: root.stopped && !root.conversation.streaming
            text: qsTr("Continue")
            onClicked: root.conversation.continueMessage(root.messageId)
        }
    }
}
