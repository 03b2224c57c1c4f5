#include "api/httpserver.h"

#include "api/connectionguard.h"
#include "api/guardedtcpserver.h"
#include "api/routes.h"
#include "api/websockethub.h"
#include "backend.h"
#include "core/descriptortable.h"
#include "core/logging.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>

namespace teehee {

// QHttpServer is final in Qt 6.4, but its base is not: we take the parsed
// request and do all routing and answering ourselves.
class HttpEngine : public QAbstractHttpServer {
public:
    std::function<void(const QHttpServerRequest &, QTcpSocket *)> onRequest;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        onRequest(request, socket);
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}
};

namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

QString requestIdFor(const QByteArray &given)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (!given.isEmpty()) {
        const QString s = QString::fromLatin1(given);
        if (safe.match(s).hasMatch())
            return s;
    }
    // An id to find a request in the logs by, not a secret: the fast generator will do.
    const quint64 r = QRandomGenerator::global()->generate64();
    return QString::number(r, 16).rightJustified(16, u'0');
}

} // namespace

HttpServer::HttpServer(Backend &backend, QObject *parent)
    : HttpServer(backend, HttpLimits{backend.config().maxRequestBytes}, parent)
{
}

HttpServer::HttpServer(Backend &backend, const HttpLimits &limits, QObject *parent)
    : QObject(parent), m_backend(backend), m_limits(limits),
      m_cors(std::make_shared<CorsPolicy>(backend.config().corsOrigins)),
      m_engine(std::make_unique<HttpEngine>())
{
    m_context = std::make_unique<ApiContext>(m_backend, m_router, m_cors);
    m_engine->onRequest = [this](const QHttpServerRequest &req, QTcpSocket *socket) {
        auto *guard = socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly);
        const quint64 ticket = guard ? guard->requestDispatched() : 0;
        ApiRequest a;
        a.method = methodName(req.method());
        a.path = req.url().path();
        a.query = req.query();
        for (const auto &[name, value] : req.headers())
            a.headers.insert(name.toLower(), value);
        a.body = req.body();
        a.remoteAddress = req.remoteAddress();
        a.requestId = requestIdFor(a.header("x-request-id"));
        Responder responder(guard, ticket, a.method, a.path, a.requestId, m_cors->headersFor(a.header("origin")));
        dispatch(std::move(a), std::move(responder));
    };
    registerSystemRoutes(*m_context);
    registerAuthRoutes(*m_context);
    registerKeyRoutes(*m_context);
    registerChatRoutes(*m_context);
    registerStreamRoutes(*m_context);
    m_webSockets = new WebSocketHub(m_backend, *m_engine, this); // /stream/{chat_id} sockets
    registerProviderRoutes(*m_context);
}

HttpServer::~HttpServer() = default;

QAbstractHttpServer *HttpServer::engine()
{
    return m_engine.get();
}

void HttpServer::dispatch(ApiRequest request, Responder responder)
{
    auto match = m_router.match(request.method, request.path);
    if (request.method == "HEAD" && !match.handler && match.allowed.contains("GET"))
        match = m_router.match("GET", request.path); // the Responder leaves the body out
    if (request.method == "OPTIONS" && !match.handler) {
        // CORS preflight for any known path.
        if (match.allowed.isEmpty())
            return responder.send(detailResponse(404, QStringLiteral("Not Found")));
        auto r = jsonResponse(QJsonObject{});
        r.headers.append(m_cors->preflightHeaders(request.header("origin")));
        r.withHeader("Allow", (match.allowed + QByteArrayList{"OPTIONS"}).join(", "));
        return responder.send(r);
    }
    if (match.handler) {
        request.params = match.params;
        return (*match.handler)(request, std::move(responder));
    }
    if (!match.allowed.isEmpty()) {
        auto r = detailResponse(405, QStringLiteral("Method Not Allowed"));
        QByteArrayList allow = match.allowed;
        if (allow.contains("GET"))
            allow << "HEAD";
        r.withHeader("Allow", (allow + QByteArrayList{"OPTIONS"}).join(", "));
        return responder.send(r);
    }
    responder.send(detailResponse(404, QStringLiteral("Not Found")));
}

Result<quint16> HttpServer::listen(const QString &host, quint16 port)
{
    QHostAddress address;
    if (host == u"localhost")
        address = QHostAddress::LocalHost;
    else if (!address.setAddress(host))
        return Error::invalid(QStringLiteral("HOST: \"%1\" is not an IP address").arg(host));
    DescriptorTable::prepare(); // before the first accept, not during a burst of them
    auto *tcp = new GuardedTcpServer(m_limits, m_cors);
    if (!tcp->listen(address, port)) {
        const QString why = tcp->errorString();
        delete tcp;
        return Error{ErrorCode::Unavailable, QStringLiteral("cannot listen on %1:%2: %3").arg(host).arg(port).arg(why)};
    }
    m_engine->bind(tcp); // takes ownership
    m_webSockets->addServer(tcp);
    const quint16 bound = tcp->serverPort();
    qCInfo(lcHttp).noquote() << "listening on" << QStringLiteral("http://%1:%2").arg(host).arg(bound);
    return bound;
}

} // namespace teehee
