#pragma once

#include "mcp/mcptypes.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace teehee {

class McpServer;

// One tools/call, owned by whoever asked for it (McpServer::callTool). It
// emits finished() exactly once, never inside callTool(): with the answer,
// or TimedOut when the timeout passes first, Cancelled at cancel(),
// Unavailable when the server was not running or stopped or died meanwhile.
// On timeout and cancel the server is sent notifications/cancelled and any
// later answer is ignored. Deleting a call that has not finished cancels it
// the same way, silently. Delete it with deleteLater() inside finished().
class McpToolCall : public QObject {
    Q_OBJECT
public:
    ~McpToolCall() override;

    QString tool() const { return m_tool; }
    bool isFinished() const { return m_finished; }
    McpCallResult result() const { return m_result; } // once finished

    void cancel();

Q_SIGNALS:
    void finished(const teehee::McpCallResult &result);

private:
    friend class McpServer;
    McpToolCall(McpServer *server, QString tool, qint64 requestId, int timeoutMs);
    void finish(McpCallResult result);
    void finishLater(McpCallResult result); // from the event loop
    void onTimeout();

    QPointer<McpServer> m_server;
    QString m_tool;
    qint64 m_requestId;
    int m_timeoutMs;
    QTimer m_timer;
    bool m_finished = false;
    McpCallResult m_result;
};

} // namespace teehee
