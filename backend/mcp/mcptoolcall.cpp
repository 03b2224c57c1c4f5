#include "mcp/mcptoolcall.h"

#include "mcp/mcpserver.h"

namespace teehee {

McpToolCall::McpToolCall(McpServer *server, QString tool, qint64 requestId, int timeoutMs)
    : m_server(server)
    , m_tool(std::move(tool))
    , m_requestId(requestId)
    , m_timeoutMs(timeoutMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &McpToolCall::onTimeout);
    if (timeoutMs > 0)
        m_timer.start(timeoutMs);
}

McpToolCall::~McpToolCall()
{
    if (!m_finished && m_server)
        m_server->abandonCall(m_requestId, QStringLiteral("the caller went away"));
}

void McpToolCall::cancel()
{
    if (m_finished)
        return;
    if (m_server)
        m_server->abandonCall(m_requestId, QStringLiteral("cancelled by the user"));
    McpCallResult r;
    r.status = McpCallResult::Status::Cancelled;
    r.content = QStringLiteral("the call was cancelled");
    finish(r);
}

void McpToolCall::onTimeout()
{
    if (m_finished)
        return;
    if (m_server)
        m_server->abandonCall(m_requestId, QStringLiteral("timed out"));
    McpCallResult r;
    r.status = McpCallResult::Status::TimedOut;
    r.content = QStringLiteral("the tool did not answer within %1 ms").arg(m_timeoutMs);
    finish(r);
}

void McpToolCall::finish(McpCallResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    m_result = std::move(result);
    Q_EMIT finished(m_result);
}

void McpToolCall::finishLater(McpCallResult result)
{
    m_finished = true; // nothing else may finish it meanwhile
    m_timer.stop();
    m_result = std::move(result);
    QMetaObject::invokeMethod(this, [this] { Q_EMIT finished(m_result); }, Qt::QueuedConnection);
}

} // namespace teehee
