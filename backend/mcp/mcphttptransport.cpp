#include "mcp/mcphttptransport.h"

#include "mcp/mcplog.h"
#include "mcp/mcplogging.h"
#include "providers/httpstreamrequest.h"
#include "providers/sseparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace teehee {

namespace {

// A tool may work for minutes before its answer begins; the call's own
// timeout ends it, not the connection's.
constexpr int kDayMs = 24 * 60 * 60 * 1000;
constexpr qsizetype kSseSlack = 64 * 1024;

bool isVisibleAscii(const QByteArray &s)
{
    for (const char c : s) {
        if (c < 0x21 || c > 0x7e)
            return false;
    }
    return !s.isEmpty() && s.size() <= 1024;
}

} // namespace

struct McpHttpTransport::Exchange {
    HttpStreamRequest *http = nullptr;
    QJsonValue id;          // undefined: a notification or a response, nothing comes back
    bool inSession = false; // sent with a session id
    bool answered = false;  // a response to `id` arrived
    bool sse = false;
    int status = 0;
    SseParser events;
    QByteArray body;        // a JSON body, until it is whole
};

McpHttpTransport::McpHttpTransport(McpServerConfig config, McpLog *log, QObject *parent)
    : McpTransport(parent)
    , m_config(std::move(config))
    , m_log(log)
{
}

McpHttpTransport::~McpHttpTransport()
{
    for (Exchange *x : std::as_const(m_exchanges)) {
        x->http->abort();
        delete x->http;
        delete x;
    }
}

void McpHttpTransport::start()
{
    // Nothing to connect before the first message; opened() comes from the event loop.
    QTimer::singleShot(0, this, [this] {
        if (!m_over)
            Q_EMIT opened();
    });
}

void McpHttpTransport::stop()
{
    if (m_over && !parent())
        return;
    m_over = true;
    setParent(nullptr);
    for (Exchange *x : std::as_const(m_exchanges)) {
        x->http->abort();
        x->http->deleteLater();
        delete x;
    }
    m_exchanges.clear();
    if (!m_sessionId.isEmpty()) {
        // The session is over: the server may free it now (it may also answer 405).
        HttpStreamRequest *bye = post({}, "DELETE");
        if (bye) {
            bye->setParent(nullptr);
            connect(bye, &HttpStreamRequest::finished, bye, &QObject::deleteLater);
            bye->start();
        }
    }
    deleteLater();
}

HttpStreamRequest *McpHttpTransport::post(const QByteArray &body, const QByteArray &method)
{
    RawHeaders headers;
    for (auto it = m_config.headers.cbegin(); it != m_config.headers.cend(); ++it)
        headers.append({it.key().toUtf8(), it.value().toUtf8()});
    headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json, text/event-stream")});
    if (!m_protocolVersion.isEmpty())
        headers.append({QByteArrayLiteral("MCP-Protocol-Version"), m_protocolVersion});
    if (!m_sessionId.isEmpty())
        headers.append({QByteArrayLiteral("Mcp-Session-Id"), m_sessionId});
    HttpResponseParser::Limits limits;
    limits.maxBodyBytes = kMaxMessageBytes + kSseSlack;
    auto *http = new HttpStreamRequest(QUrl(m_config.url), std::move(headers), body, {10'000, kDayMs, kDayMs}, limits, this);
    http->setMethod(method);
    if (m_policy)
        http->setEndpointPolicy(m_policy);
    if (m_pool && method == "POST")
        http->setConnectionPool(m_pool);
    return http;
}

void McpHttpTransport::send(const QJsonObject &message)
{
    if (m_over)
        return;
    auto *x = new Exchange;
    if (message.contains(QLatin1String("method")) && message.contains(QLatin1String("id")))
        x->id = message.value(QLatin1String("id"));
    x->inSession = !m_sessionId.isEmpty();
    x->http = post(QJsonDocument(message).toJson(QJsonDocument::Compact));
    HttpStreamRequest *http = x->http;
    m_exchanges.insert(http, x);
    connect(http, &HttpStreamRequest::headersReceived, this, [this, http] {
        if (Exchange *x = m_exchanges.value(http))
            onHeaders(x);
    });
    connect(http, &HttpStreamRequest::bodyReceived, this, [this, http](QByteArrayView bytes) {
        if (Exchange *x = m_exchanges.value(http))
            onBody(x, bytes);
    });
    connect(http, &HttpStreamRequest::finished, this, [this, http] {
        if (Exchange *x = m_exchanges.value(http))
            onFinished(x);
    });
    http->start();
}

void McpHttpTransport::abandon(const QJsonValue &id)
{
    for (Exchange *x : std::as_const(m_exchanges)) {
        if (x->id == id) {
            x->http->abort();
            finish(x);
            return;
        }
    }
}

void McpHttpTransport::onHeaders(Exchange *x)
{
    const HttpResponseParser &r = x->http->response();
    x->status = r.status();
    const QByteArray session = r.header("Mcp-Session-Id");
    if (!session.isEmpty() && session != m_sessionId) {
        if (isVisibleAscii(session))
            m_sessionId = session;
        else
            m_log->appendNote(QStringLiteral("[teehee] ignored a malformed Mcp-Session-Id"));
    }
    x->sse = r.header("Content-Type").trimmed().toLower().startsWith("text/event-stream");
}

void McpHttpTransport::onBody(Exchange *x, QByteArrayView bytes)
{
    if (x->status < 200 || x->status > 299)
        return; // an error page is not read
    if (!x->sse) {
        x->body.append(bytes);
        return;
    }
    HttpStreamRequest *http = x->http;
    for (const SseEvent &e : x->events.feed(bytes)) {
        if (e.data.trimmed().isEmpty())
            continue; // a priming event, or a keep-alive
        deliver(x, e.data.toUtf8());
        if (m_over || !m_exchanges.contains(http))
            return; // the receiver stopped us, or dropped this request
    }
}

void McpHttpTransport::deliver(Exchange *x, const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    QList<QJsonObject> messages;
    if (doc.isObject())
        messages << doc.object();
    for (const QJsonValue &v : doc.array())
        messages << v.toObject();
    if (messages.isEmpty()) {
        m_log->appendNote(QStringLiteral("[teehee] the server answered with something not JSON-RPC (%1 bytes)").arg(json.size()));
        Q_EMIT logChanged();
        return;
    }
    HttpStreamRequest *http = x->http;
    for (const QJsonObject &m : messages) {
        if (!m.contains(QLatin1String("method")) && m.value(QLatin1String("id")) == x->id)
            x->answered = true;
        Q_EMIT messageReceived(m);
        if (m_over || !m_exchanges.contains(http))
            return;
    }
}

void McpHttpTransport::onFinished(Exchange *x)
{
    using F = HttpStreamRequest::Failure;
    const F failure = x->http->failure();
    HttpStreamRequest *http = x->http;
    if (failure == F::Protocol) {
        fail(QStringLiteral("the server's answer was malformed or over %1 MiB").arg(kMaxMessageBytes / (1024 * 1024)));
        return;
    }
    if (x->status == 404 && x->inSession) {
        fail(QStringLiteral("the server ended the session"));
        return;
    }
    if (failure == F::None && x->status >= 200 && x->status <= 299 && !x->sse && !x->body.isEmpty()) {
        deliver(x, x->body);
        if (m_over || !m_exchanges.contains(http))
            return;
    }
    if (!x->id.isUndefined() && !x->answered) {
        const bool unreachable = x->status == 0;
        QString error;
        if (unreachable)
            error = QStringLiteral("the server could not be reached: %1").arg(x->http->errorString());
        else if (x->status < 200 || x->status > 299)
            error = QStringLiteral("the server answered HTTP %1").arg(x->status);
        else
            error = QStringLiteral("the server's answer ended without a result");
        const QJsonValue id = x->id;
        finish(x);
        Q_EMIT requestFailed(id, error, unreachable);
        return;
    }
    if (x->id.isUndefined() && x->status != 0 && (x->status < 200 || x->status > 299)) {
        m_log->appendNote(QStringLiteral("[teehee] a notification was refused with HTTP %1").arg(x->status));
        Q_EMIT logChanged();
    }
    finish(x);
}

void McpHttpTransport::finish(Exchange *x)
{
    m_exchanges.remove(x->http);
    x->http->deleteLater();
    delete x;
}

void McpHttpTransport::fail(const QString &error)
{
    if (m_over)
        return;
    m_over = true;
    for (Exchange *x : std::as_const(m_exchanges)) {
        x->http->abort();
        x->http->deleteLater();
        delete x;
    }
    m_exchanges.clear();
    m_sessionId.clear();
    setParent(nullptr);
    deleteLater();
    Q_EMIT closed(error);
}

} // namespace teehee
