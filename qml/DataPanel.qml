pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Dialogs
import QtQuick.Layouts
import Teehee

// Settings → Data: every chat to one file, and chats from a file (a Teehee
// export or ChatGPT's conversations.json), with progress and how it went.
ColumnLayout {
    id: panel
    objectName: "dataPanel"
    spacing: Theme.gap

    function exportTo(url) { TransferController.exportAll(url) }
    function importFrom(url) { TransferController.importFile(url) }

    component Note: Text {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Theme.mutedText
        font.pointSize: Theme.smallSize
    }

    RowLayout {
        spacing: Theme.gap
        TextButton {
            objectName: "exportAllButton"
            text: qsTr("Export all chats…")
            enabled: !TransferController.busy
            onClicked: exportDialog.open()
        }
        TextButton {
            objectName: "importButton"
            text: qsTr("Import…")
            enabled: !TransferController.busy
            onClicked: importDialog.open()
        }
    }
    Note { text: qsTr("Imports take Teehee exports and ChatGPT's conversations.json. Chats already imported are skipped.") }
    ProgressBar {
        objectName: "transferProgress"
        Layout.fillWidth: true
        visible: TransferController.busy
        indeterminate: TransferController.progress < 0
        value: Math.max(0, TransferController.progress)
        Accessible.name: TransferController.kind === "import" ? qsTr("Importing") : qsTr("Exporting")
    }
    Note {
        objectName: "transferResult"
        visible: !TransferController.busy && TransferController.resultText !== ""
        color: TransferController.failed ? Theme.danger : Theme.mutedText
        text: TransferController.resultText
    }

    FileDialog {
        id: exportDialog
        objectName: "exportAllDialog"
        title: qsTr("Export all chats")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("JSON files (*.json)")]
        selectedFile: TransferController.suggestedFile("teehee-export.json")
        onAccepted: panel.exportTo(selectedFile)
    }
    FileDialog {
        id: importDialog
        objectName: "importDialog"
        title: qsTr("Import chats")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("JSON files (*.json)"), qsTr("All files (*)")]
        onAccepted: panel.importFrom(selectedFile)
    }
}
