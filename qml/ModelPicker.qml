import QtQuick
// No "pragma ComponentBehavior: Bound" here: in Qt 6.4 a bound file's
// section.delegate fails to instantiate ("Component is not ready").
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// The provider/model chip: a searchable list grouped by provider, with the
// catalogue's models and, once fetched, the provider's live list.
Button {
    id: chip
    required property ConversationController conversation
    objectName: "modelPicker"
    focusPolicy: Qt.StrongFocus
    text: chip.conversation.model || qsTr("Choose a model")
    icon.source: "qrc:/Teehee/icons/chevron-down.svg"
    icon.width: Theme.smallIconSize
    icon.height: Theme.smallIconSize
    icon.color: Theme.mutedText
    LayoutMirroring.enabled: true
    font.pointSize: Theme.smallSize
    Accessible.name: qsTr("Model: %1 (%2)").arg(text).arg(SettingsController.providerDisplayName(chip.conversation.provider))
    padding: 4
    leftPadding: Theme.gap
    rightPadding: Theme.gap
    palette.buttonText: Theme.mutedText
    background: Rectangle { radius: height / 2; color: chip.hovered || popup.opened ? Theme.hover : Theme.raised; border.width: chip.visualFocus ? 2 : 0; border.color: Theme.focusRing }
    onClicked: { popup.open(); search.forceActiveFocus() }

    function entries() {
        const out = []
        const q = search.text.toLowerCase()
        for (const p of SettingsController.providers) {
            for (const m of SettingsController.modelsFor(p.name)) {
                if (q && m.name.toLowerCase().indexOf(q) < 0 && p.displayName.toLowerCase().indexOf(q) < 0)
                    continue
                out.push({ provider: p.name, providerName: p.displayName + (p.hasKey ? "" : " · " + qsTr("no key")), name: m.name, contextTokens: m.contextTokens })
            }
        }
        return out
    }

    function refill() {
        entriesModel.clear()
        for (const e of entries())
            entriesModel.append(e)
    }
    ListModel { id: entriesModel }

    Popup {
        id: popup
        objectName: "modelPopup"
        y: -height - Theme.gap
        width: Theme.px(360)
        height: Math.min(Theme.px(580), chip.Window.height > 0 ? chip.Window.height - Theme.gap3 * 2 : Theme.px(580))
        padding: Theme.gap
        focus: true
        onOpened: { search.text = ""; chip.refill(); for (const p of SettingsController.providers) if (p.hasKey) SettingsController.refreshModels(p.name) }
        background: Rectangle { radius: Theme.radius; color: Theme.surface; border.color: Theme.divider }

        Connections { target: SettingsController; function onModelsChanged() { if (popup.opened) chip.refill() } }

        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.gap
            Field {
                id: search
                Layout.fillWidth: true
                placeholderText: qsTr("Search models")
                onTextChanged: chip.refill()
                Keys.onDownPressed: list.forceActiveFocus()
                Keys.onReturnPressed: if (list.count > 0) list.choose(0)
            }
            ListView {
                id: list
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                keyNavigationEnabled: true
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Models")
                model: entriesModel
                function choose(i) {
                    const e = entriesModel.get(i)
                    chip.conversation.chooseModel(e.provider, e.name)
                    popup.close()
                }
                section.property: "providerName"
                section.delegate: Text {
                    required property string section
                    text: section; color: Theme.faintText; font.pointSize: Theme.smallSize; font.weight: Font.DemiBold
                    topPadding: Theme.gap; bottomPadding: 2; leftPadding: Theme.gap
                }
                delegate: ItemDelegate {
                    id: item
                    required property string name
                    required property string provider
                    required property int contextTokens
                    required property int index
                    width: ListView.view.width
                    height: Theme.px(30)
                    highlighted: ListView.isCurrentItem
                    Accessible.name: name
                    background: Rectangle { radius: Theme.radiusSmall; color: item.highlighted || item.hovered ? Theme.hover : "transparent" }
                    contentItem: RowLayout {
                        Text { Layout.fillWidth: true; text: item.name; color: Theme.text; font.pointSize: Theme.baseSize; elide: Text.ElideRight
                               font.weight: item.name === chip.conversation.model ? Font.DemiBold : Font.Normal }
                        Text { visible: item.contextTokens > 0; text: Math.round(item.contextTokens / 1000) + "k"; color: Theme.faintText; font.pointSize: Theme.smallSize }
                    }
                    onClicked: list.choose(index)
                    Keys.onReturnPressed: list.choose(index)
                }
            }
            Rectangle { Layout.fillWidth: true; implicitHeight: 1; color: Theme.divider }
            ModelOptions {
                Layout.fillWidth: true
                conversation: chip.conversation
            }
            // A button, not a clickable text: reachable with Tab and named for screen readers.
            LinkButton {
                objectName: "makeDefaultButton"
                text: qsTr("Make it the default for new chats")
                onClicked: SettingsController.setDefaultModel(chip.conversation.provider, chip.conversation.model)
            }
        }
    }
}
