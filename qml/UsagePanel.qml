pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// Settings → Usage: what replies used and cost over the last days, in
// totals, per model and per day, with the price table's date.
ColumnLayout {
    id: panel
    spacing: Theme.gap
    // Its numbers follow replies only while it is on screen (Settings open).
    onVisibleChanged: UsageController.active = visible
    Component.onCompleted: UsageController.active = visible
    Component.onDestruction: UsageController.active = false

    component Note: Text {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Theme.mutedText
        font.pointSize: Theme.smallSize
    }
    component Heading: Text {
        Layout.fillWidth: true
        Layout.topMargin: Theme.gap
        color: Theme.text
        font.pointSize: Theme.baseSize
        font.weight: Font.DemiBold
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    // One group: its name, tokens and cost, and a bar for its share.
    component UsageRow: ColumnLayout {
        id: usageRow
        required property var modelData
        property string title: modelData.key
        Layout.fillWidth: true
        spacing: 2
        RowLayout {
            Layout.fillWidth: true
            Text { Layout.fillWidth: true; text: usageRow.title; elide: Text.ElideRight; color: Theme.text; font.pointSize: Theme.smallSize }
            Text {
                text: qsTr("%1 in · %2 out").arg(UsageController.count(usageRow.modelData.inputTokens)).arg(UsageController.count(usageRow.modelData.outputTokens))
                      + (usageRow.modelData.costUsd >= 0 ? " · " + UsageController.money(usageRow.modelData.costUsd) : "")
                color: Theme.mutedText
                font.pointSize: Theme.smallSize
            }
        }
        Rectangle {
            Layout.preferredWidth: Math.max(2, usageRow.width * usageRow.modelData.share)
            Layout.preferredHeight: 4
            radius: 2
            color: Theme.accent
            opacity: 0.6
        }
    }

    RowLayout {
        spacing: Theme.gap
        Repeater {
            model: [7, 30, 90]
            delegate: TextButton {
                required property int modelData
                text: qsTr("%n day(s)", "", modelData)
                primary: UsageController.days === modelData
                onClicked: UsageController.days = modelData
            }
        }
    }
    Text {
        objectName: "usageTotals"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Theme.text
        font.pointSize: Theme.baseSize
        text: qsTr("%1 tokens in · %2 out").arg(UsageController.count(UsageController.inputTokens)).arg(UsageController.count(UsageController.outputTokens))
              + (UsageController.costUsd >= 0 ? " · " + UsageController.money(UsageController.costUsd) : "")
    }
    Note { visible: UsageController.errorText !== ""; color: Theme.danger; text: UsageController.errorText }
    Note { visible: !UsageController.loading && UsageController.byModel.length === 0 && UsageController.errorText === ""
           text: qsTr("No replies in these days yet.") }

    Heading { text: qsTr("By model"); visible: UsageController.byModel.length > 0 }
    Repeater {
        model: UsageController.byModel
        delegate: UsageRow {
            objectName: "usageModelRow"
            title: (modelData.label ? SettingsController.providerDisplayName(modelData.label) + " · " : "") + modelData.key
        }
    }
    Heading { text: qsTr("By day"); visible: UsageController.byDay.length > 0 }
    Repeater {
        model: UsageController.byDay
        delegate: UsageRow {
            title: Qt.formatDate(Date.fromLocaleString(Qt.locale("C"), modelData.key, "yyyy-MM-dd"), Qt.DefaultLocaleShortDate)
        }
    }
    Note {
        visible: UsageController.pricesAsOf !== ""
        text: qsTr("Costs use the providers' list prices as of %1. Replies of models without a known price count their tokens only.").arg(UsageController.pricesAsOf)
    }
}
