#pragma once

// What the client interface says about tools (spec/api.md "Tools (MCP) and
// approvals"): MCP servers, their tools, standing approvals and calls
// waiting for an answer.
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace teehee::client {

// A tool as its MCP server lists it.
struct ToolInfo {
    QString name;
    QString description;
    bool operator==(const ToolInfo &) const = default;
};

// A configured MCP server and how it runs now. Secrets (environment values,
// header values) never come back: only their names.
struct ToolServerInfo {
    QString id;
    QString name;
    QString transport;        // "stdio" or "http"
    QString command;          // stdio
    QStringList args;         // stdio
    QStringList envNames;     // stdio
    QString url;              // http
    QStringList headerNames;  // http
    bool enabled = true;
    QString status;           // running, stopped, error
    QString error;
    QList<ToolInfo> tools;
    QString log;              // its recent stderr, secrets removed
};

// What to add or change in a server: absent fields stay as they are.
struct ToolServerChanges {
    std::optional<QString> name;
    std::optional<QString> transport;
    std::optional<QString> command;
    std::optional<QStringList> args;
    std::optional<QMap<QString, QString>> env;
    std::optional<QString> url;
    std::optional<QMap<QString, QString>> headers;
    std::optional<bool> enabled;
};

// A tool the person always allows.
struct ToolApprovalInfo {
    QString serverId;
    QString serverName;
    QString tool;
    QDateTime createdAt;
};

// A tool call waiting for one of the account's devices to answer.
struct ToolCallRequest {
    QString callId;
    QString chatId;
    QString messageId;
    QString serverName;
    QString tool;
    QVariantMap arguments;
    QDateTime requestedAt;
};

enum class ToolDecision { AllowOnce, AllowAlways, Deny };
// "allow_once", "allow_always", "deny"
QString toolDecisionName(ToolDecision decision);

} // namespace teehee::client

Q_DECLARE_METATYPE(teehee::client::ToolCallRequest)
