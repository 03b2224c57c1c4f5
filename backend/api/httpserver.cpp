#include "api/httpserver.h"

#include <QSslSocket>

#include "api/connectionguard.h"
#include "api/guardedtcpserver.h"
#include "api/routes.h"
#include "api/websockethub.h"
#include "backend.h"
#include "core/descriptortable.h"
#include "core/logging.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrl>

namespace teehee {

namespace {

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

// The request as routes see it: path percent-decoded, query apart.
ApiRequest toApiRequest(const HttpRequestHead &head, QByteArray body, const QHostAddress &peer)
{
    ApiRequest a;
    a.method = head.method;
    const qsizetype question = head.target.indexOf('?');
    QUrl url;
    url.setPath(QString::fromLatin1(head.target.left(question < 0 ? head.target.size() : question)), QUrl::TolerantMode);
    a.path = url.path();
    if (question >= 0)
        a.query = QUrlQuery(QString::fromLatin1(head.target.mid(question + 1)));
    for (const auto &[name, value] : head.headers) {
        // Repeated fields are one comma-separated list (RFC 9110 §5.3).
        auto it = a.headers.find(name);
        if (it == a.headers.end())
            a.headers.insert(name, value);
        else
            *it += ", " + value;
    }
    a.body = std::move(body);
    a.remoteAddress = peer;
    a.requestId = requestIdFor(a.header("x-request-id"));
    return a;
}

} // namespace

HttpLimits HttpServer::limitsFrom(const Config &config)
{
    HttpLimits limits;
    limits.maxRequestBytes = config.maxRequestBytes;
    limits.routeBodyLimits << HttpRouteBodyLimit{"POST", "/import", config.importMaxBytes};
    // An upload may be larger than any JSON body: a little room for a multipart envelope.
    limits.routeBodyLimits << HttpRouteBodyLimit{"POST", "/attachments", config.attachmentMaxBytes + 64 * 1024};
    limits.maxConnections = config.maxConnections;
    limits.maxConnectionsPerAddress = config.maxConnectionsPerAddress;
    // Behind a reverse proxy every client arrives from it: only the total counts for it.
    for (const QString &cidr : config.trustedProxies)
        limits.sharedAddresses << QHostAddress::parseSubnet(cidr);
    return limits;
}

HttpServer::HttpServer(Backend &backend, QObject *parent)
    : HttpServer(backend, limitsFrom(backend.config()), parent)
{
}

HttpServer::HttpServer(Backend &backend, const HttpLimits &limits, QObject *parent)
    : QObject(parent), m_backend(backend), m_limits(limits),
      m_cors(std::make_shared<CorsPolicy>(backend.config().corsOrigins))
{
    m_context = std::make_unique<ApiContext>(m_backend, m_router, m_cors);
    auto handlers = std::make_shared<HttpHandlers>();
    handlers->onRequest = [this](ConnectionGuard *guard, quint64 ticket, const HttpRequestHead &head, QByteArray body) {
        ApiRequest a = toApiRequest(head, std::move(body), guard->socket()->peerAddress());
        a.overTls = qobject_cast<QSslSocket *>(guard->socket()) != nullptr;
        Responder responder(guard, ticket, a.method, a.path, a.requestId, m_cors->headersFor(a.header("origin")));
        dispatch(std::move(a), std::move(responder));
    };
    handlers->wantsUpgrade = [](const HttpRequestHead &head) { return WebSocketHub::isSocketTarget(head.target); };
    handlers->onUpgrade = [this](QTcpSocket *socket) { m_webSockets->handleUpgrade(socket); };
    m_handlers = handlers;
    registerSystemRoutes(*m_context);
    registerAuthRoutes(*m_context);
    registerKeyRoutes(*m_context);
    registerSearchRoutes(*m_context);
    registerAttachmentRoutes(*m_context);
    registerToolRoutes(*m_context);
    registerChatRoutes(*m_context);
    registerStreamRoutes(*m_context);
    m_webSockets = new WebSocketHub(m_backend, this); // /stream/{chat_id} sockets
    registerProviderRoutes(*m_context);
    registerDeviceRoutes(*m_context);
    registerPairRoutes(*m_context);
    registerUsageRoutes(*m_context);
    registerTransferRoutes(*m_context);
    registerWebClientRoutes(*m_context);
}

HttpServer::~HttpServer() = default;

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
    auto *tcp = new GuardedTcpServer(m_limits, m_cors, m_handlers, this);
    if (m_tls)
        tcp->setTls(*m_tls);
    if (!tcp->listen(address, port)) {
        const QString why = tcp->errorString();
        delete tcp;
        return Error{ErrorCode::Unavailable, QStringLiteral("cannot listen on %1:%2: %3").arg(host).arg(port).arg(why)};
    }
    m_webSockets->addServer(tcp);
    const quint16 bound = tcp->serverPort();
    qCInfo(lcHttp).noquote() << "listening on" << QStringLiteral("%1://%2:%3").arg(m_tls ? u"https" : u"http", host).arg(bound);
    return bound;
}

} // namespace teehee
