#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace teehee {

// One configured MCP server, as its owner entered it.
struct McpServerConfig {
    enum class Transport { Stdio, Http };

    QString id;
    QString name;
    Transport transport = Transport::Stdio;
    // Stdio: the program, started directly (no shell), and its arguments.
    QString command;
    QStringList args;
    // Stdio: the child's only variables besides PATH, HOME and LANG; their
    // values are treated as secrets (redacted from the log).
    QMap<QString, QString> env;
    // Http: the MCP endpoint, and headers sent with every request (secrets too).
    QString url;
    QMap<QString, QString> headers;
};

// The clock of a server's life. Defaults are the product's; tests shorten them.
struct McpTimings {
    int restartFirstMs = 1'000;   // the first restart after a failure; doubled each time
    int restartMaxMs = 60'000;
    int stableUptimeMs = 60'000;  // running this long forgets earlier failures
    int startupMs = 30'000;       // from start to the answer to initialize
    int stopGraceMs = 2'000;      // after closing stdin before SIGTERM, and after SIGTERM before SIGKILL
};

// A tool as the server lists it.
struct McpTool {
    QString name;
    QString description;
    QJsonObject inputSchema;

    bool operator==(const McpTool &) const = default;
};

// How one tools/call ended.
struct McpCallResult {
    enum class Status {
        Ok,          // the server answered with a result (which may say isError)
        Error,       // a JSON-RPC error, or a malformed answer: `content` says which
        TimedOut,    // no answer in time; the server was told to cancel
        Cancelled,   // cancel() was called; the server was told to cancel
        Unavailable, // the server was not running, or stopped or died during the call
    };

    Status status = Status::Unavailable;
    // The result's text parts joined; other parts described ("[image: image/png]").
    // Untrusted text, at most kMaxContentBytes of UTF-8.
    QString content;
    bool isError = false;  // the tool itself reported a failure (result.isError)
    bool truncated = false;

    static constexpr qsizetype kMaxContentBytes = 16 * 1024;
};

} // namespace teehee

Q_DECLARE_METATYPE(teehee::McpCallResult)
