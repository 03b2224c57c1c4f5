pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Teehee

// Settings → Tools: MCP servers (a command on this computer over stdio, or
// an HTTP server), each with its status, error, tools and log; and the tools
// always allowed. Server output (errors, logs, tool descriptions) is plain text.
ColumnLayout {
    id: panel
    objectName: "toolsPanel"
    spacing: Theme.gap
    property bool http: false

    component Note: Text {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        color: Theme.mutedText
        font.pointSize: Theme.smallSize
    }
    component Lines: TextArea {
        Layout.fillWidth: true
        Layout.preferredHeight: Math.max(Theme.rowHeight * 1.6, implicitHeight)
        wrapMode: TextEdit.NoWrap
        textFormat: TextEdit.PlainText
        color: Theme.text
        placeholderTextColor: Theme.faintText
        font.pointSize: Theme.smallSize
        font.family: Theme.monoFamily
        Accessible.name: placeholderText
        background: Rectangle {
            radius: Theme.radiusSmall + 2
            color: Theme.surface
            border.width: parent.activeFocus ? 2 : 1
            border.color: parent.activeFocus ? Theme.focusRing : Theme.divider
        }
    }

    function reset() {
        serverName.text = ""; command.text = ""; args.text = ""; env.text = ""; url.text = ""; headers.text = ""
    }

    Note { text: qsTr("Tools let models act through MCP servers. Each call asks you first unless you always allow that tool.") }

    // The servers
    Repeater {
        model: ToolsController.servers
        delegate: ColumnLayout {
            id: server
            required property var modelData
            property bool showLog: false
            objectName: "toolServer_" + modelData.name
            Layout.fillWidth: true
            spacing: 2
            RowLayout {
                Layout.fillWidth: true
                Text {
                    Layout.fillWidth: true
                    text: server.modelData.name
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    color: Theme.text
                    font.weight: Font.DemiBold
                }
                Text {
                    objectName: "toolServerStatus"
                    text: server.modelData.status === "running" ? qsTr("running")
                        : server.modelData.status === "error" ? qsTr("error") : qsTr("stopped")
                    color: server.modelData.status === "error" ? Theme.danger : Theme.mutedText
                    font.pointSize: Theme.smallSize
                }
                TextButton {
                    text: server.modelData.enabled ? qsTr("Disable") : qsTr("Enable")
                    onClicked: ToolsController.setEnabled(server.modelData.id, !server.modelData.enabled)
                }
                TextButton {
                    text: server.showLog ? qsTr("Hide log") : qsTr("Show log")
                    onClicked: server.showLog = !server.showLog
                }
                TextButton {
                    danger: true
                    text: qsTr("Remove")
                    onClicked: ToolsController.remove(server.modelData.id)
                }
            }
            Note {
                text: server.modelData.transport === "stdio"
                      ? [server.modelData.command].concat(server.modelData.args).join(" ")
                      : server.modelData.url
            }
            Note { visible: server.modelData.error !== ""; color: Theme.danger; text: server.modelData.error }
            Repeater {
                model: server.modelData.tools
                delegate: Text {
                    required property var modelData
                    objectName: "toolName_" + modelData.name
                    Layout.fillWidth: true
                    text: modelData.description ? qsTr("%1 — %2").arg(modelData.name).arg(modelData.description) : modelData.name
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.text
                    font.pointSize: Theme.smallSize
                }
            }
            ScrollView {
                Layout.fillWidth: true
                Layout.preferredHeight: 140
                visible: server.showLog
                clip: true
                TextArea {
                    readOnly: true
                    text: server.modelData.log || qsTr("Nothing logged.")
                    textFormat: TextEdit.PlainText
                    font.family: Theme.monoFamily
                    font.pointSize: Theme.smallSize
                    color: Theme.text
                    background: Rectangle { color: Theme.window; radius: Theme.radiusSmall }
                }
            }
        }
    }

    // Adding one
    RowLayout {
        spacing: Theme.gap
        TextButton { text: qsTr("Command (stdio)"); primary: !panel.http; onClicked: panel.http = false }
        TextButton { objectName: "toolsHttpChoice"; text: qsTr("HTTP"); primary: panel.http; onClicked: panel.http = true }
    }
    Field { id: serverName; objectName: "toolServerName"; Layout.fillWidth: true; placeholderText: qsTr("Name") }
    Field { id: command; objectName: "toolServerCommand"; Layout.fillWidth: true; visible: !panel.http; placeholderText: qsTr("Command") }
    Lines { id: args; objectName: "toolServerArgs"; visible: !panel.http; placeholderText: qsTr("Arguments, one a line") }
    Lines { id: env; objectName: "toolServerEnv"; visible: !panel.http; placeholderText: qsTr("Environment, KEY=VALUE lines") }
    Field { id: url; objectName: "toolServerUrl"; Layout.fillWidth: true; visible: panel.http; placeholderText: qsTr("URL") }
    Lines { id: headers; objectName: "toolServerHeaders"; visible: panel.http; placeholderText: qsTr("Headers, Name: value lines") }
    Note { visible: ToolsController.errorText !== ""; color: Theme.danger; text: ToolsController.errorText }
    TextButton {
        objectName: "addToolServer"
        primary: true
        enabled: !ToolsController.busy && serverName.text.trim() !== "" && (panel.http ? url.text.trim() !== "" : command.text.trim() !== "")
        text: qsTr("Add server")
        onClicked: panel.http ? ToolsController.addHttpServer(serverName.text, url.text, headers.text)
                              : ToolsController.addStdioServer(serverName.text, command.text, args.text, env.text)
    }
    Connections {
        target: ToolsController
        function onAdded() { panel.reset() }
    }

    // Standing approvals
    Text {
        Layout.topMargin: Theme.gap
        visible: ToolsController.approvals.length > 0
        text: qsTr("Always allowed")
        color: Theme.text
        font.weight: Font.DemiBold
    }
    Repeater {
        model: ToolsController.approvals
        delegate: RowLayout {
            id: approval
            required property var modelData
            Layout.fillWidth: true
            Text {
                Layout.fillWidth: true
                text: qsTr("%1 · %2").arg(approval.modelData.server).arg(approval.modelData.tool)
                textFormat: Text.PlainText
                elide: Text.ElideRight
                color: Theme.text
                font.pointSize: Theme.smallSize
            }
            TextButton {
                objectName: "revokeApproval"
                text: qsTr("Revoke")
                onClicked: ToolsController.revoke(approval.modelData.serverId, approval.modelData.tool)
            }
        }
    }
}
