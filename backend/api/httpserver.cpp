#include "api/httpserver.h"

#include "backend.h"
#include "core/logging.h"

#include <QHttpServer>
#include <QJsonObject>

namespace teehee {

HttpServer::HttpServer(Backend &backend, QObject *parent)
    : QObject(parent), m_backend(backend), m_server(std::make_unique<QHttpServer>())
{
    registerRoutes();
}

HttpServer::~HttpServer() = default;

void HttpServer::registerRoutes()
{
    m_server->route(QStringLiteral("/health"), QHttpServerRequest::Method::Get, [this] {
        const bool dbOk = m_backend.database().ping();
        QJsonObject body{{QStringLiteral("status"), dbOk ? QStringLiteral("healthy") : QStringLiteral("unhealthy")},
                         {QStringLiteral("database"), dbOk ? QStringLiteral("ok") : QStringLiteral("unreachable")},
                         {QStringLiteral("version"), QStringLiteral(TEEHEE_VERSION)}};
        return QHttpServerResponse(body, dbOk ? QHttpServerResponse::StatusCode::Ok
                                              : QHttpServerResponse::StatusCode::ServiceUnavailable);
    });
}

Result<quint16> HttpServer::listen(const QString &host, quint16 port)
{
    QHostAddress address;
    if (host == u"localhost")
        address = QHostAddress::LocalHost;
    else if (!address.setAddress(host))
        return Error::invalid(QStringLiteral("HOST: \"%1\" is not an IP address").arg(host));
    const quint16 bound = m_server->listen(address, port);
    if (bound == 0)
        return Error{ErrorCode::Unavailable, QStringLiteral("cannot listen on %1:%2 (address in use or not permitted)").arg(host).arg(port)};
    qCInfo(lcHttp).noquote() << "listening on" << QStringLiteral("http://%1:%2").arg(host).arg(bound);
    return bound;
}

} // namespace teehee
