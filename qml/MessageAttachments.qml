import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Controls.impl
import QtQuick.Layouts
import Teehee

// The files a sent message carries: thumbnails for images (a click opens the
// larger preview), chips with name and size for PDFs and text, and a note
// for a file removed since.
Flow {
    id: root
    required property var attachments // [{id, name, mimeType, size, isImage, removed}]
    readonly property alias preview: previewPopup
    function sizeText(bytes) {
        if (bytes < 1024)
            return qsTr("%1 B").arg(bytes)
        if (bytes < 1024 * 1024)
            return qsTr("%1 KB").arg((bytes / 1024).toLocaleString(Qt.locale(), "f", 1))
        return qsTr("%1 MB").arg((bytes / 1024 / 1024).toLocaleString(Qt.locale(), "f", 1))
    }

    objectName: "attachmentRow"
    spacing: Theme.gap / 2
    layoutDirection: Qt.RightToLeft // beside the user's bubble, on the right

    Repeater {
        model: root.attachments
        delegate: Loader {
            id: entry
            required property var modelData
            sourceComponent: modelData.removed ? removedChip : modelData.isImage ? thumbnail : fileChip

            Component {
                id: thumbnail
                AbstractButton {
                    id: thumb
                    objectName: "attachmentThumbnail"
                    readonly property AttachmentPreview preview: AttachmentPreview {
                        attachmentId: entry.modelData.id
                        mimeType: entry.modelData.mimeType
                    }
                    implicitWidth: Math.max(Theme.px(48), Math.min(Theme.px(200), picture.implicitWidth))
                    implicitHeight: Theme.px(140)
                    Accessible.name: qsTr("Image: %1").arg(entry.modelData.name)
                    ToolTip.visible: hovered
                    ToolTip.delay: 500
                    ToolTip.text: entry.modelData.name
                    onClicked: previewPopup.show(thumb.preview, entry.modelData.name)
                    background: Rectangle {
                        radius: Theme.radius
                        color: Theme.raised
                        border.width: thumb.visualFocus ? 2 : 1
                        border.color: thumb.visualFocus ? Theme.focusRing : Theme.divider
                    }
                    contentItem: Image {
                        id: picture
                        objectName: "attachmentThumbnailImage"
                        source: thumb.preview.thumbnail
                        fillMode: Image.PreserveAspectCrop
                        asynchronous: true
                        sourceSize.height: Theme.px(140) * 2
                        Text {
                            anchors.centerIn: parent
                            visible: thumb.preview.failed
                            text: qsTr("Image unavailable")
                            color: Theme.faintText
                            font.pointSize: Theme.smallSize
                        }
                    }
                }
            }
            Component {
                id: fileChip
                Rectangle {
                    objectName: "attachmentFile"
                    implicitWidth: fileRow.implicitWidth + Theme.gap2
                    implicitHeight: Theme.px(40)
                    radius: Theme.radiusSmall
                    color: Theme.raised
                    border.width: 1
                    border.color: Theme.divider
                    Accessible.role: Accessible.StaticText
                    Accessible.name: entry.modelData.name
                    RowLayout {
                        id: fileRow
                        anchors.centerIn: parent
                        spacing: Theme.gap / 2
                        IconImage {
                            source: "qrc:/Teehee/icons/file.svg"
                            sourceSize: Qt.size(Theme.iconSize, Theme.iconSize)
                            color: Theme.mutedText
                        }
                        Text {
                            text: entry.modelData.name
                            color: Theme.text
                            font.pointSize: Theme.smallSize
                            elide: Text.ElideMiddle
                            Layout.maximumWidth: Theme.px(220)
                        }
                        Text {
                            text: root.sizeText(entry.modelData.size)
                            color: Theme.faintText
                            font.pointSize: Theme.smallSize
                        }
                    }
                }
            }
            Component {
                id: removedChip
                Rectangle {
                    objectName: "attachmentRemoved"
                    implicitWidth: removedText.implicitWidth + Theme.gap2
                    implicitHeight: Theme.px(32)
                    radius: Theme.radiusSmall
                    color: "transparent"
                    border.width: 1
                    border.color: Theme.divider
                    Text {
                        id: removedText
                        anchors.centerIn: parent
                        text: qsTr("“%1” was removed").arg(entry.modelData.name)
                        color: Theme.faintText
                        font.pointSize: Theme.smallSize
                        font.italic: true
                    }
                }
            }
        }
    }

    ImagePreview { id: previewPopup }
}
