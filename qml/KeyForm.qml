pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// One provider key: pick the provider, paste the key, Test (lists the models) and Save.
ColumnLayout {
    id: form
    property string provider: "openai"
    property string result: ""
    property bool resultOk: false
    property bool testing: false // only this form's own tests answer here
    property bool saved: false   // "Saved." as a state, so it follows a language switch
    function reset() { result = ""; saved = false; testing = false }
    spacing: Theme.gap

    RowLayout {
        spacing: Theme.gap / 2
        Repeater {
            model: [{ name: "openai", label: "OpenAI" }, { name: "anthropic", label: "Anthropic" }, { name: "mistral", label: "Mistral" }]
            delegate: TextButton {
                required property var modelData
                text: modelData.label
                primary: form.provider === modelData.name
                onClicked: { form.provider = modelData.name; form.reset() }
            }
        }
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.gap
        Field {
            id: keyField
            objectName: "apiKeyField"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            placeholderText: qsTr("%1 API key").arg(SettingsController.providerDisplayName(form.provider))
        }
        TextButton {
            objectName: "testKeyButton"
            text: qsTr("Test")
            enabled: keyField.text.length > 0 && !SettingsController.busy
            onClicked: { form.reset(); form.testing = true; form.resultOk = true; form.result = qsTr("Testing…"); SettingsController.testKey(form.provider, keyField.text) }
        }
        TextButton {
            objectName: "saveKeyButton"
            text: qsTr("Save")
            primary: true
            enabled: keyField.text.length > 0
            onClicked: {
                SettingsController.saveKey(form.provider, keyField.text)
                keyField.text = ""
                form.reset()
                form.saved = true
                form.resultOk = true
            }
        }
    }
    Text {
        objectName: "keyFormResult"
        Layout.fillWidth: true
        visible: text.length > 0
        text: form.saved ? qsTr("Saved.") : form.result
        wrapMode: Text.Wrap
        color: form.resultOk ? Theme.mutedText : Theme.danger
        font.pointSize: Theme.smallSize
    }
    Connections {
        target: SettingsController
        function onKeyTested(ok, message, models) {
            if (!form.testing)
                return
            form.testing = false
            form.resultOk = ok
            form.result = ok ? message + (models.length ? "\n" + models.slice(0, 8).join(", ") + (models.length > 8 ? "…" : "") : "") : message
        }
    }
}
