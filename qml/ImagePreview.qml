import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Controls
import Teehee

// A sent image at a larger size, over the window; Esc or a click closes it.
Popup {
    id: root
    property AttachmentPreview preview: null
    property string name
    function show(p, n) {
        preview = p
        name = n
        p.loadFull()
        open()
    }

    objectName: "imagePreview"
    anchors.centerIn: Overlay.overlay
    width: Overlay.overlay ? Overlay.overlay.width * 0.9 : 800
    height: Overlay.overlay ? Overlay.overlay.height * 0.9 : 600
    modal: true
    focus: true
    padding: Theme.gap
    Overlay.modal: Rectangle { color: Theme.scrim }
    background: Rectangle { radius: Theme.radius; color: Theme.surface }

    contentItem: Item {
        Image {
            id: large
            anchors.fill: parent
            anchors.bottomMargin: caption.height + Theme.gap
            // The thumbnail until the whole image is there.
            source: root.preview ? (root.preview.full.length > 0 ? root.preview.full : root.preview.thumbnail) : ""
            fillMode: Image.PreserveAspectFit
            asynchronous: true
            Accessible.role: Accessible.Graphic
            Accessible.name: root.name
        }
        Text {
            id: caption
            anchors.bottom: parent.bottom
            anchors.horizontalCenter: parent.horizontalCenter
            text: root.name
            color: Theme.mutedText
            font.pointSize: Theme.smallSize
        }
        TapHandler { onTapped: root.close() }
    }
}
