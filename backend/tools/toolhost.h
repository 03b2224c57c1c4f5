#pragma once

#include "providers/toolcall.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

namespace teehee {

// A tool as its MCP server lists it.
struct HostedTool {
    QString name;
    QString description;
    QJsonObject inputSchema;

    bool operator==(const HostedTool &) const = default;
};

// How a configured server is doing: "running", "stopped" or "error" (with why).
struct ToolServerState {
    QString status = QStringLiteral("stopped");
    QString error;
    QList<HostedTool> tools;
    QString log; // its recent stderr (stdio), secrets removed
};

// What one tool call came to. `content` is untrusted text, at most 16 KiB of UTF-8.
struct ToolOutcome {
    enum class Status { Ok, Error, Denied, TimedOut, Cancelled, Unavailable };
    Status status = Status::Ok;
    QString content;

    // The wire's "ok", "error" or "denied" (a timeout or a lost server is an error).
    QString wireStatus() const
    {
        return status == Status::Ok ? QStringLiteral("ok") : status == Status::Denied ? QStringLiteral("denied")
                                                                                      : QStringLiteral("error");
    }
};

// One tool call on its way. Emits finished() exactly once (cancel() included:
// it finishes Cancelled at once). Owned by whoever started it.
class ToolRun : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void cancel() = 0;

Q_SIGNALS:
    void finished(const teehee::ToolOutcome &outcome);
};

// The configured MCP servers as they run on this machine: their state and
// tools, and calls into them. The generation engine and the API use this;
// ToolRegistry is the one implementation. Lives on the backend's thread.
class ToolHost : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    virtual ToolServerState state(const QString &serverId) const = 0;
    // Null when the server is not running (the caller answers the call as an error).
    virtual ToolRun *run(const QString &serverId, const QString &tool, const QJsonObject &arguments, int timeoutMs,
                         QObject *parent) = 0;

Q_SIGNALS:
    // Its status, tools or log changed.
    void stateChanged(const QString &userId, const QString &serverId);
};

} // namespace teehee

Q_DECLARE_METATYPE(teehee::ToolOutcome)
