import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Controls.impl
import QtQuick.Layouts
import Teehee

// The files waiting for the next message, above the text: a chip each, with
// a thumbnail for an image, its size (or "Uploading…") and a button to take it out.
Flow {
    id: root
    required property PendingAttachments attachments
    function sizeText(bytes) {
        if (bytes < 1024)
            return qsTr("%1 B").arg(bytes)
        if (bytes < 1024 * 1024)
            return qsTr("%1 KB").arg((bytes / 1024).toLocaleString(Qt.locale(), "f", 1))
        return qsTr("%1 MB").arg((bytes / 1024 / 1024).toLocaleString(Qt.locale(), "f", 1))
    }

    spacing: Theme.gap / 2
    visible: attachments.count > 0

    Repeater {
        model: root.attachments.items
        delegate: Rectangle {
            id: chip
            required property var modelData
            objectName: "pendingAttachment"
            implicitWidth: row.implicitWidth + Theme.gap
            implicitHeight: Theme.px(44)
            radius: Theme.radiusSmall
            color: Theme.raised
            border.width: 1
            border.color: Theme.divider
            Accessible.role: Accessible.ListItem
            Accessible.name: chip.modelData.name

            RowLayout {
                id: row
                anchors.verticalCenter: parent.verticalCenter
                x: Theme.gap / 2
                spacing: Theme.gap / 2
                Image {
                    objectName: "pendingThumbnail"
                    visible: chip.modelData.thumbnail.length > 0
                    source: chip.modelData.thumbnail
                    Layout.preferredWidth: Theme.px(34)
                    Layout.preferredHeight: Theme.px(34)
                    fillMode: Image.PreserveAspectCrop
                    asynchronous: true
                }
                IconImage {
                    visible: chip.modelData.thumbnail.length === 0
                    source: "qrc:/Teehee/icons/file.svg"
                    sourceSize: Qt.size(Theme.iconSize, Theme.iconSize)
                    color: Theme.mutedText
                }
                ColumnLayout {
                    spacing: 0
                    Text {
                        text: chip.modelData.name
                        color: Theme.text
                        font.pointSize: Theme.smallSize
                        elide: Text.ElideMiddle
                        Layout.maximumWidth: Theme.px(180)
                    }
                    Text {
                        text: chip.modelData.ready ? root.sizeText(chip.modelData.size) : qsTr("Uploading…")
                        color: Theme.faintText
                        font.pointSize: Theme.smallSize - 1
                    }
                }
                IconButton {
                    objectName: "removeAttachment"
                    iconName: "close"
                    size: Theme.smallIconButton
                    tip: qsTr("Remove “%1”").arg(chip.modelData.name)
                    onClicked: root.attachments.remove(chip.modelData.key)
                }
            }
        }
    }
}
