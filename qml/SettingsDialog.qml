pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Controls
import QtQuick.Controls.impl
import QtQuick.Layouts
import Teehee

// Settings in sections: account, providers and keys, custom endpoint,
// models, appearance, language, sharing, usage, data.
Dialog {
    id: dialog
    title: qsTr("Settings")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(640, Overlay.overlay ? Overlay.overlay.width - 48 : 640)
    height: Math.min(680, Overlay.overlay ? Overlay.overlay.height - 48 : 680)
    padding: 0
    onVisibleChanged: SharingController.panelOpen = visible
    onOpened: { storedTest.text = ""; storedTest.testing = false; keyForm.reset(); SettingsController.reloadKeys(); ToolsController.refresh() } // Usage asks when shown (UsagePanel)
    background: Rectangle { radius: Theme.radius + 2; color: Theme.surface; border.color: Theme.divider }
    Overlay.modal: Rectangle { color: Theme.scrim }
    header: RowLayout {
        Text { Layout.fillWidth: true; text: dialog.title; color: Theme.text; font.pointSize: Theme.titleSize; font.weight: Font.DemiBold; padding: Theme.gap2 }
        IconButton { iconName: "close"; tip: qsTr("Close"); Layout.rightMargin: Theme.gap; onClicked: dialog.close() }
    }

    function hintOf(hint) { return hint ? "…" + String(hint).replace(/^.*…/, "").slice(-4) : "" }

    component Section: Text {
        Layout.fillWidth: true
        Layout.topMargin: Theme.gap2
        color: Theme.text
        font.pointSize: Theme.bodySize
        font.weight: Font.DemiBold
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    component Note: Text {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Theme.mutedText
        font.pointSize: Theme.smallSize
    }
    component Choice: TextButton {
        property string value
        property string current
        primary: value === current
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: parent.width - 2 * Theme.gap3
            x: Theme.gap3
            spacing: Theme.gap

            Section { text: qsTr("Account"); visible: AccountController.available; Layout.topMargin: 0 }
            AccountPanel { Layout.fillWidth: true; visible: AccountController.available }

            Section { text: qsTr("Providers & keys") }
            Repeater {
                model: SettingsController.keys
                delegate: RowLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    Text { Layout.preferredWidth: Theme.px(140); text: modelData.label || SettingsController.providerDisplayName(modelData.provider); color: Theme.text; font.pointSize: Theme.baseSize; elide: Text.ElideRight }
                    // Every saved key shown the same way: its last characters after an ellipsis.
                    Text { objectName: "keyHint"; Layout.fillWidth: true; text: modelData.baseUrl || dialog.hintOf(modelData.hint); color: Theme.mutedText; font.family: Theme.monoFamily; font.pointSize: Theme.smallSize; elide: Text.ElideMiddle }
                    TextButton { text: qsTr("Test"); Accessible.name: qsTr("Test %1").arg(modelData.label || SettingsController.providerDisplayName(modelData.provider))
                                 onClicked: { storedTest.testing = true; storedTest.text = qsTr("Testing…"); storedTest.lastOk = true; SettingsController.testKey(modelData.choice, "") } }
                    TextButton { text: qsTr("Delete"); danger: true; Accessible.name: qsTr("Delete the %1 key").arg(modelData.label || modelData.provider); onClicked: SettingsController.deleteKey(modelData.id) }
                }
            }
            // The result of a saved key's Test; the form below answers its own tests.
            Note {
                id: storedTest
                objectName: "storedKeyResult"
                visible: text.length > 0
                color: lastOk ? Theme.mutedText : Theme.danger
                property bool lastOk: true
                property bool testing: false
                Connections {
                    target: SettingsController
                    function onKeyTested(ok, message, models) {
                        if (!storedTest.testing)
                            return
                        storedTest.testing = false
                        storedTest.lastOk = ok
                        storedTest.text = ok ? message + (models.length ? " " + models.slice(0, 6).join(", ") + (models.length > 6 ? "…" : "") : "") : message
                    }
                }
            }
            Note { visible: SettingsController.keys.length === 0 && SettingsController.serverKeys.length === 0; text: qsTr("No keys yet.") }
            Note {
                visible: SettingsController.serverKeys.length > 0
                text: qsTr("Also available from the environment: %1").arg(SettingsController.serverKeys.map(p => SettingsController.providerDisplayName(p)).join(", "))
            }
            Note { text: qsTr("Add or replace a key:") }
            KeyForm { id: keyForm; Layout.fillWidth: true }

            Section { text: qsTr("Custom OpenAI-compatible endpoint") }
            Note { text: qsTr("Ollama, LM Studio, vLLM, llama.cpp, OpenRouter… The key is optional for local servers.") }
            Note { text: qsTr("Add as many as you use: each one is its own choice in the model chip. Saving under an existing name replaces that endpoint.") }
            GridLayout {
                Layout.fillWidth: true
                columns: 2
                Field { id: epName; Layout.fillWidth: true; placeholderText: qsTr("Name, e.g. Ollama") }
                Field { id: epUrl; Layout.fillWidth: true; placeholderText: "http://127.0.0.1:11434/v1"; label: qsTr("Base URL") }
                Field { id: epKey; Layout.fillWidth: true; placeholderText: qsTr("API key (optional)"); echoMode: TextInput.Password }
                RowLayout {
                    TextButton { text: qsTr("Test"); enabled: epUrl.text.length > 0; onClicked: SettingsController.testKey("custom", epKey.text, epUrl.text) }
                    TextButton { text: qsTr("Save"); primary: true; enabled: epUrl.text.length > 0
                                 onClicked: { SettingsController.saveEndpoint(epName.text, epUrl.text, epKey.text); epKey.text = "" } }
                }
            }

            Section { text: qsTr("Default model") }
            Note { text: qsTr("New chats start with %1 · %2. Choose another one from the model chip in the composer and make it the default there.")
                           .arg(SettingsController.providerDisplayName(SettingsController.defaultProvider)).arg(SettingsController.defaultModel) }

            Section { text: qsTr("Appearance") }
            RowLayout {
                spacing: Theme.gap / 2
                Choice { text: qsTr("System"); value: "system"; current: SettingsController.theme; onClicked: SettingsController.theme = value }
                Choice { text: qsTr("Light"); value: "light"; current: SettingsController.theme; onClicked: SettingsController.theme = value }
                Choice { text: qsTr("Dark"); value: "dark"; current: SettingsController.theme; onClicked: SettingsController.theme = value }
            }
            RowLayout {
                Text { text: qsTr("Text size"); color: Theme.text; font.pointSize: Theme.baseSize }
                Slider {
                    id: scale
                    from: 0.8; to: 1.6; stepSize: 0.1
                    value: SettingsController.textScale
                    Accessible.name: qsTr("Text size")
                    onMoved: SettingsController.textScale = value
                }
                Text { text: Math.round(SettingsController.textScale * 100) + " %"; color: Theme.mutedText; font.pointSize: Theme.smallSize }
            }

            Section { text: qsTr("Language") }
            ComboBox {
                id: language
                objectName: "languageBox"
                Accessible.name: qsTr("Language")
                textRole: "name"
                valueRole: "code"
                // Switching retranslates at once, which also rebuilds this model: select again then.
                model: Language.languages
                onModelChanged: Qt.callLater(() => currentIndex = Math.max(0, indexOfValue(SettingsController.language)))
                onActivated: SettingsController.language = currentValue
                implicitWidth: Theme.px(240)
                font.pointSize: Theme.baseSize
                contentItem: Text {
                    leftPadding: Theme.gap + 4
                    text: language.displayText
                    color: Theme.text
                    font: language.font
                    verticalAlignment: Text.AlignVCenter
                    elide: Text.ElideRight
                }
                indicator: IconImage {
                    x: language.width - width - Theme.gap
                    anchors.verticalCenter: parent.verticalCenter
                    source: "qrc:/Teehee/icons/chevron-down.svg"
                    sourceSize: Qt.size(Theme.smallIconSize, Theme.smallIconSize)
                    color: Theme.mutedText
                }
                // The list in the app's palette (the Basic popup stays white in dark mode).
                delegate: ItemDelegate {
                    id: languageRow
                    required property var modelData
                    required property int index
                    width: ListView.view ? ListView.view.width : implicitWidth
                    text: modelData.name
                    highlighted: language.highlightedIndex === index
                    font.pointSize: Theme.baseSize
                    contentItem: Text { text: languageRow.text; color: Theme.text; font: languageRow.font; elide: Text.ElideRight; verticalAlignment: Text.AlignVCenter }
                    background: Rectangle { color: languageRow.highlighted ? Theme.selected : languageRow.hovered ? Theme.hover : "transparent"; radius: Theme.radiusSmall }
                }
                popup: Popup {
                    objectName: "languagePopup"
                    y: language.height + 2
                    width: language.width
                    implicitHeight: Math.min(contentItem.implicitHeight + 2 * padding, Math.round(320 * Theme.scale))
                    padding: 4
                    contentItem: ListView {
                        clip: true
                        implicitHeight: contentHeight
                        model: language.popup.visible ? language.delegateModel : null
                        currentIndex: language.highlightedIndex
                        ScrollIndicator.vertical: ScrollIndicator {}
                    }
                    background: Rectangle { radius: Theme.radiusSmall + 2; color: Theme.surface; border.color: Theme.divider }
                }
                background: Rectangle {
                    implicitHeight: Theme.rowHeight
                    radius: Theme.radiusSmall + 2
                    color: Theme.surface
                    border.width: language.visualFocus ? 2 : 1
                    border.color: language.visualFocus ? Theme.focusRing : Theme.divider
                }
            }

            Section { text: qsTr("Sharing"); visible: SharingController.available }
            SharingPanel { Layout.fillWidth: true; visible: SharingController.available }

            Section { text: qsTr("Usage") }
            UsagePanel { Layout.fillWidth: true }

            Section { objectName: "toolsSection"; text: qsTr("Tools") }
            ToolsPanel { Layout.fillWidth: true }

            Section { text: qsTr("Data") }
            DataPanel { Layout.fillWidth: true }
            Note { text: AccountController.remote ? qsTr("Chats are kept by %1").arg(AppStatus.databaseLocation)
                                                  : qsTr("Chats are stored in %1").arg(AppStatus.databaseLocation) }
            Note { visible: AppStatus.dataDirectory !== ""; text: qsTr("Data folder: %1").arg(AppStatus.dataDirectory) }
            Note { text: qsTr("Teehee %1").arg(AppStatus.version); Layout.bottomMargin: Theme.gap3 }
        }
    }
}
