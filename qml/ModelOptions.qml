pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// The chat's model parameters, under the model list in the model chip's
// popup: temperature, longest reply, reasoning effort and (for Anthropic)
// extended thinking. Each starts at "Default" (the provider decides) and is
// the chat's own once set, on every device.
ColumnLayout {
    id: root
    required property ConversationController conversation
    readonly property var options: conversation.options
    readonly property bool anthropic: conversation.provider === "anthropic"
    spacing: Theme.gap / 2

    component Label: Text {
        color: Theme.mutedText
        font.pointSize: Theme.smallSize
        Layout.preferredWidth: Theme.metrics.averageCharacterWidth * 16 * Theme.scale
    }
    component ResetLink: LinkButton {
        text: qsTr("Default")
        font.pointSize: Theme.smallSize
    }

    Text {
        text: qsTr("Parameters for this chat")
        color: Theme.faintText
        font.pointSize: Theme.smallSize
        font.weight: Font.DemiBold
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.gap
        Label { text: qsTr("Temperature") }
        Slider {
            id: temperature
            objectName: "temperatureSlider"
            Layout.fillWidth: true
            from: 0; to: 2; stepSize: 0.1
            value: root.options.temperature !== undefined ? root.options.temperature : 1
            opacity: root.options.temperature !== undefined ? 1 : 0.5
            Accessible.name: qsTr("Temperature")
            onMoved: root.conversation.setOption("temperature", Math.round(value * 10) / 10)
        }
        Text {
            text: root.options.temperature !== undefined ? Number(root.options.temperature).toFixed(1) : qsTr("default")
            color: Theme.text
            font.pointSize: Theme.smallSize
        }
        ResetLink {
            visible: root.options.temperature !== undefined
            onClicked: root.conversation.setOption("temperature", undefined)
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.gap
        Label { text: qsTr("Longest reply") }
        SpinBox {
            id: maxTokens
            objectName: "maxTokensBox"
            Layout.fillWidth: true
            from: 1; to: 200000; stepSize: 256
            editable: true
            value: root.options.max_tokens !== undefined ? root.options.max_tokens : 4096
            opacity: root.options.max_tokens !== undefined ? 1 : 0.5
            font.pointSize: Theme.smallSize
            Accessible.name: qsTr("Longest reply, in tokens")
            onValueModified: root.conversation.setOption("max_tokens", value)
        }
        Text { text: qsTr("tokens"); color: Theme.mutedText; font.pointSize: Theme.smallSize }
        ResetLink {
            visible: root.options.max_tokens !== undefined
            onClicked: root.conversation.setOption("max_tokens", undefined)
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.gap
        Label { text: qsTr("Reasoning effort") }
        ComboBox {
            id: effort
            objectName: "reasoningEffortBox"
            Layout.fillWidth: true
            font.pointSize: Theme.smallSize
            textRole: "label"
            valueRole: "value"
            model: [
                { label: qsTr("Default"), value: "" },
                { label: qsTr("Low"), value: "low" },
                { label: qsTr("Medium"), value: "medium" },
                { label: qsTr("High"), value: "high" }
            ]
            currentIndex: Math.max(0, indexOfValue(root.options.reasoning_effort || ""))
            Accessible.name: qsTr("Reasoning effort")
            onActivated: root.conversation.setOption("reasoning_effort", currentValue || undefined)
        }
    }

    RowLayout {
        Layout.fillWidth: true
        visible: root.anthropic
        spacing: Theme.gap
        Label { text: qsTr("Extended thinking") }
        Switch {
            objectName: "thinkingSwitch"
            checked: root.options.thinking === true
            Accessible.name: qsTr("Extended thinking")
            onToggled: root.conversation.setOption("thinking", checked ? true : undefined)
        }
        Item { Layout.fillWidth: true }
    }
}
