import QtQuick
import QtQuick.Dialogs
import Teehee

// Where a chat's export goes: asked for by the chat menu
// (TransferController.requestChatExport), one dialog for the window.
FileDialog {
    id: dialog
    property string chatId
    property string format: "markdown"

    objectName: "chatExportDialog"
    title: format === "markdown" ? qsTr("Export as Markdown") : qsTr("Export as JSON")
    fileMode: FileDialog.SaveFile
    nameFilters: format === "markdown" ? [qsTr("Markdown files (*.md)")] : [qsTr("JSON files (*.json)")]
    onAccepted: TransferController.exportChat(chatId, format, selectedFile)

    Connections {
        target: TransferController
        function onChatExportRequested(chatId, file, format) {
            dialog.chatId = chatId
            dialog.format = format
            dialog.selectedFile = file
            dialog.open()
        }
    }
}
