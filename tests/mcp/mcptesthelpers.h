#pragma once

#include "mcp/mcpserver.h"
#include "mcp/mcptoolcall.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <memory>

namespace mcptest {

// Short clocks, so that a restart or a stop does not take seconds.
inline teehee::McpTimings fastTimings()
{
    teehee::McpTimings t;
    t.restartFirstMs = 200;
    t.restartMaxMs = 2'000;
    t.stableUptimeMs = 60'000;
    t.startupMs = 20'000;
    t.stopGraceMs = 300;
    return t;
}

inline bool waitForStatus(teehee::McpServer &server, teehee::McpServer::Status status, int ms = 20'000)
{
    return QTest::qWaitFor([&] { return server.status() == status; }, ms);
}

// Calls and waits for the one finished() signal.
struct CallOutcome {
    teehee::McpCallResult result;
    int finishedCount = 0;
};

inline CallOutcome callAndWait(teehee::McpServer &server, const QString &tool, const QJsonObject &args, int timeoutMs = 20'000)
{
    CallOutcome out;
    std::unique_ptr<teehee::McpToolCall> call(server.callTool(tool, args, timeoutMs));
    QObject::connect(call.get(), &teehee::McpToolCall::finished, [&out](const teehee::McpCallResult &r) {
        out.result = r;
        ++out.finishedCount;
    });
    (void)QTest::qWaitFor([&] { return out.finishedCount > 0; }, timeoutMs + 10'000); // the callers check finishedCount
    QTest::qWait(50); // a second finished() would show here
    return out;
}

inline QString readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace mcptest
