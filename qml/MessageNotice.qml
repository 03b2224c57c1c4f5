import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// A quiet line under a stopped or failed reply, with the action that helps.
Rectangle {
    id: root
    property string messageId
    property string status
    property string error
    property bool isPartial
    readonly property bool failed: status === "error"
    readonly property bool stopped: status === "aborted" || (isPartial && status === "complete")
    readonly property bool keyProblem: /key|401|unauthori/i.test(error)

    visible: failed || stopped
    implicitHeight: visible ? row.implicitHeight + Theme.gap : 0
    radius: Theme.radiusSmall
    color: failed ? Theme.dangerSurface : "transparent"
    Accessible.role: Accessible.AlertMessage
    Accessible.name: label.text

    RowLayout {
        id: row
        anchors.verticalCenter: parent.verticalCenter
        x: root.failed ? Theme.gap : 0
        width: parent.width - 2 * x
        spacing: Theme.gap
        Text {
            id: label
            Layout.fillWidth: true
            text: root.failed ? (root.error || qsTr("The reply failed.")) : qsTr("Stopped")
            color: root.failed ? Theme.danger : Theme.mutedText
            font.pointSize: Theme.smallSize
            wrapMode: Text.Wrap
        }
        LinkButton {
            objectName: "retryButton"
            visible: root.failed
            text: root.keyProblem ? qsTr("Open settings") : qsTr("Retry")
            onClicked: root.keyProblem ? ApplicationWindow.window.openSettings() : GenerationController.retry(root.messageId)
        }
        LinkButton {
            objectName: "continueButton"
            visible: root.stopped && !GenerationController.streaming
            text: qsTr("Continue")
            onClicked: GenerationController.continueMessage(root.messageId)
        }
    }
}
