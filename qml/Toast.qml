import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// A short notice at the bottom with an optional action (Undo); leaves by itself.
Rectangle {
    id: toast
    property var action: null
    property alias text: label.text
    property alias actionText: actionButton.text

    function show(message, actionLabel, callback) {
        label.text = message
        actionButton.text = actionLabel
        toast.action = callback
        visible = true
        timer.restart()
    }

    visible: false
    width: Math.min(row.implicitWidth + 2 * Theme.gap2, Theme.px(560))
    height: row.implicitHeight + Theme.gap2
    radius: Theme.radius
    color: Theme.toastBackground
    Accessible.role: Accessible.AlertMessage
    Accessible.name: label.text

    Timer { id: timer; interval: 5000; onTriggered: toast.visible = false }

    RowLayout {
        id: row
        anchors.centerIn: parent
        spacing: Theme.gap2
        Text {
            id: label
            color: Theme.toastText
            font.pointSize: Theme.baseSize
            wrapMode: Text.Wrap
            Layout.maximumWidth: Theme.px(440)
        }
        Button {
            id: actionButton
            visible: text.length > 0
            flat: true
            Accessible.name: text
            contentItem: Text { font.underline: actionButton.visualFocus; text: actionButton.text; color: Theme.toastAction; font.bold: true; font.pointSize: Theme.baseSize }
            background: Item {}
            onClicked: { if (toast.action) toast.action(); toast.visible = false }
        }
    }
}
