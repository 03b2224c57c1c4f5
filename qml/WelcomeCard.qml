pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// The empty state. Without any key: add one (Test lists the models) or use a
// local OpenAI-compatible server found on this machine. With a key: the chosen
// model and a few example prompts.
Rectangle {
    id: card
    required property ConversationController conversation
    signal promptChosen(string text)
    signal settingsRequested()
    readonly property bool needsKey: SettingsController.keysLoaded && !SettingsController.canChat

    implicitHeight: body.implicitHeight + 2 * Theme.gap3
    radius: Theme.radius + 4
    color: needsKey ? Theme.surface : "transparent"
    border.color: needsKey ? Theme.divider : "transparent"

    Component.onCompleted: if (needsKey) SettingsController.probeLocalServers()
    onNeedsKeyChanged: if (needsKey) SettingsController.probeLocalServers()

    ColumnLayout {
        id: body
        anchors.fill: parent
        anchors.margins: Theme.gap3
        spacing: Theme.gap2

        Text {
            Layout.fillWidth: true
            text: card.needsKey ? qsTr("Welcome to Teehee") : qsTr("What can I help with?")
            color: Theme.text
            font.pointSize: Theme.titleSize
            font.weight: Font.DemiBold
            horizontalAlignment: card.needsKey ? Text.AlignLeft : Text.AlignHCenter
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Text {
            Layout.fillWidth: true
            visible: !card.needsKey
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("%1 · %2").arg(SettingsController.providerDisplayName(card.conversation.provider)).arg(card.conversation.model)
            color: Theme.mutedText
            font.pointSize: Theme.smallSize
        }
        GridLayout {
            Layout.fillWidth: true
            visible: !card.needsKey
            columns: 2
            columnSpacing: Theme.gap
            rowSpacing: Theme.gap
            Repeater {
                model: [qsTr("Explain how a hash map works, with a short code example"),
                        qsTr("Draft a friendly reply declining a meeting"),
                        qsTr("Compare SQLite and PostgreSQL in a table"),
                        qsTr("Write a Python script that renames photos by date")]
                delegate: Button {
                    id: prompt
                    required property string modelData
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Accessible.name: modelData
                    onClicked: card.promptChosen(modelData)
                    contentItem: Text { text: prompt.modelData; wrapMode: Text.Wrap; color: Theme.text; font.pointSize: Theme.baseSize }
                    background: Rectangle { radius: Theme.radius; color: prompt.hovered ? Theme.hover : Theme.raised; border.width: prompt.visualFocus ? 2 : 0; border.color: Theme.focusRing }
                    padding: Theme.gap2
                }
            }
        }

        Text {
            Layout.fillWidth: true
            visible: card.needsKey
            wrapMode: Text.Wrap
            color: Theme.mutedText
            font.pointSize: Theme.baseSize
            text: qsTr("Add an API key to start chatting. It is kept encrypted on this computer.")
        }
        KeyForm { Layout.fillWidth: true; visible: card.needsKey }

        ColumnLayout {
            Layout.fillWidth: true
            visible: card.needsKey
            spacing: Theme.gap
            Rectangle { Layout.fillWidth: true; height: 1; color: Theme.divider }
            Text {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.mutedText
                font.pointSize: Theme.smallSize
                text: SettingsController.probing ? qsTr("Looking for a local server (Ollama, LM Studio)…")
                     : SettingsController.localServers.length === 0 ? qsTr("No local server found on ports 11434 (Ollama) or 1234 (LM Studio).")
                     : qsTr("Found a model server on this computer:")
            }
            Repeater {
                model: SettingsController.localServers
                delegate: TextButton {
                    required property var modelData
                    text: qsTr("Use %1 (%2 models)").arg(modelData.name).arg(modelData.models.length)
                    onClicked: {
                        SettingsController.saveEndpoint(modelData.name, modelData.baseUrl, "")
                        // The endpoint by its name: each local server is a provider choice of its own.
                        const model = modelData.models.length > 0 ? modelData.models[0] : ""
                        card.conversation.chooseModel("custom:" + modelData.name, model)
                        SettingsController.setDefaultModel("custom:" + modelData.name, model)
                    }
                }
            }
        }
    }
}
