#pragma once

#include "mcp/mcptransport.h"
#include "mcp/mcptypes.h"
#include "providers/httpconnectionpool.h"

#include <QHash>
#include <QPointer>
#include <memory>

namespace teehee {

class EndpointPolicy;
class HttpStreamRequest;
class McpLog;

// A remote MCP server over Streamable HTTP: every message is a POST of its
// own to the one MCP endpoint, with "Accept: application/json,
// text/event-stream", the configured headers, the session id the server gave
// (Mcp-Session-Id) and the agreed MCP-Protocol-Version. A request's answer
// comes back as one JSON body or as an SSE stream that may carry the
// server's notifications and requests before it; both are handed on as
// messages. One response body is at most kMaxMessageBytes (plus SSE framing);
// a larger one closes the transport, and so does 404 to a request carried in
// a session (the server forgot it). No GET stream is opened, so the server's
// notifications arrive only inside answers. Requests go through the project's
// own HttpStreamRequest (see backend/providers), on pooled connections when
// a pool is given.
class McpHttpTransport : public McpTransport {
    Q_OBJECT
public:
    McpHttpTransport(McpServerConfig config, McpLog *log, QObject *parent = nullptr);
    ~McpHttpTransport() override;

    // Where the URL may lead (backend/providers/endpointpolicy.h); none: anywhere.
    void setEndpointPolicy(std::shared_ptr<const EndpointPolicy> policy) { m_policy = std::move(policy); }
    // Idle connections kept for the next request; none: a connection per request.
    void setConnectionPool(HttpConnectionPool *pool) { m_pool = pool; }

    void start() override;
    void stop() override;
    void send(const QJsonObject &message) override;
    void abandon(const QJsonValue &id) override;
    void setProtocolVersion(const QString &version) override { m_protocolVersion = version.toLatin1(); }

    QByteArray sessionId() const { return m_sessionId; }

private:
    struct Exchange;

    HttpStreamRequest *post(const QByteArray &body, const QByteArray &method = "POST");
    void onHeaders(Exchange *x);
    void onBody(Exchange *x, QByteArrayView bytes);
    void onFinished(Exchange *x);
    void deliver(Exchange *x, const QByteArray &json);
    void finish(Exchange *x);
    void fail(const QString &error);

    McpServerConfig m_config;
    McpLog *m_log;
    std::shared_ptr<const EndpointPolicy> m_policy;
    QPointer<HttpConnectionPool> m_pool;
    QByteArray m_sessionId;
    QByteArray m_protocolVersion;
    QHash<HttpStreamRequest *, Exchange *> m_exchanges; // each owns its request
    bool m_over = false;
};

} // namespace teehee
