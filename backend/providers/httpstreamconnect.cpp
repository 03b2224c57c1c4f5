// HttpStreamRequest's connections: a fresh one (through the endpoint policy's
// resolver when there is one, each allowed address in turn), one kept from
// the pool, and giving a reusable one back. (httpstreamrequest.cpp has the
// request and its response.)
#include "providers/httpstreamrequest.h"

#include "providers/endpointpolicy.h"
#include "providers/endpointresolver.h"

#include "core/logging.h"

#include <QNetworkProxy>
#include <QSslSocket>
#include <QTcpSocket>

#include <utility>

namespace teehee {

QString HttpStreamRequest::poolOrigin() const
{
    // A connection checked under one policy is no proof for a request under another.
    const QString origin = HttpConnectionPool::originOf(m_url);
    return m_policy ? origin + QLatin1Char('|') + m_policy->tag() : origin;
}

void HttpStreamRequest::connectFresh()
{
    m_timer.start(qMax(0, qMin(m_timeouts.connectMs, m_timeouts.firstByteMs)));
    if (!m_policy) {
        connectTo({});
        return;
    }
    auto *resolver = new EndpointResolver(m_url.host(), m_policy, this);
    connect(resolver, &EndpointResolver::notFound, this, [this, resolver] {
        resolver->deleteLater();
        if (m_stage == Stage::Connecting)
            end(Failure::Connect, QStringLiteral("the host name %1 was not found").arg(m_url.host()));
    });
    connect(resolver, &EndpointResolver::resolved, this, [this, resolver](const QList<QHostAddress> &allowed) {
        resolver->deleteLater();
        if (m_stage != Stage::Connecting)
            return;
        m_nextAddresses = allowed;
        // Before any connection: whether something listens there stays unknown to the caller.
        if (!connectToNextAddress())
            end(Failure::Refused, EndpointPolicy::refusalText());
    });
    resolver->start();
}

bool HttpStreamRequest::connectToNextAddress()
{
    if (m_nextAddresses.isEmpty())
        return false;
    // "localhost" is ::1 and 127.0.0.1: a server may listen on only one of them.
    releaseSocket();
    connectTo(m_nextAddresses.takeFirst());
    return true;
}

void HttpStreamRequest::connectTo(const QHostAddress &address)
{
    const quint16 port = quint16(m_url.port(m_tls ? 443 : 80));
    if (m_tls) {
        auto *ssl = new QSslSocket(this);
        m_socket = ssl;
        ssl->setPeerVerifyMode(QSslSocket::VerifyPeer);
        connect(ssl, &QSslSocket::encrypted, this, &HttpStreamRequest::onConnected);
        connect(ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            QStringList texts;
            for (const QSslError &e : errors)
                texts << e.errorString();
            m_tlsErrors = texts.join(QStringLiteral("; "));
        });
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QAbstractSocket::connected, this, &HttpStreamRequest::onConnected);
    }
    // Streams never went through a proxy; an application-wide one must not change that silently.
    m_socket->setProxy(QNetworkProxy::NoProxy);
    watchSocket();

    const QString host = m_url.host();
    if (m_tls) {
        // SNI and the certificate check use `host`, wherever the connection goes.
        auto *ssl = static_cast<QSslSocket *>(m_socket);
        ssl->connectToHostEncrypted(address.isNull() ? host : address.toString(), port, host);
    } else if (address.isNull()) {
        m_socket->connectToHost(host, port);
    } else {
        m_socket->connectToHost(address, port);
    }
}

void HttpStreamRequest::watchSocket()
{
    connect(m_socket, &QIODevice::readyRead, this, &HttpStreamRequest::onReadyRead);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &HttpStreamRequest::onSocketError);
    connect(m_socket, &QAbstractSocket::disconnected, this, &HttpStreamRequest::onDisconnected);
}

void HttpStreamRequest::resume(HttpConnectionPool::Connection connection)
{
    m_reused = true;
    m_stage = Stage::AwaitingResponse;
    // Before the write: a write that meets a closed connection starts over
    // with a connect of its own, and its deadline.
    m_timer.start(qMax(0, m_timeouts.firstByteMs));
    if (connection.plain) {
        m_raw = connection.plain;
        m_raw->setParent(this);
        m_raw->setReceiver(this);
        m_raw->write(m_pendingRequest);
    } else {
        m_socket = connection.tls;
        m_socket->setParent(this);
        watchSocket();
        m_socket->write(m_pendingRequest);
    }
}

bool HttpStreamRequest::resendOnNewConnection()
{
    if (!m_reused || m_answered || m_stage != Stage::AwaitingResponse)
        return false;
    // The server closed the idle connection as the request went out: no
    // answer began, so the request is sent again, once, as browsers do.
    qCDebug(lcProviders) << "a kept connection to" << m_url.host() << "was closed; sending on a new one";
    releaseSocket();
    m_reused = false;
    m_stage = Stage::Connecting;
    connectFresh();
    return true;
}

void HttpStreamRequest::keepConnection()
{
    if (!m_pool || !m_response.connectionReusable())
        return;
    const QString origin = poolOrigin();
    if (m_raw) {
        m_pool->keep(origin, {std::exchange(m_raw, nullptr), nullptr});
    } else if (m_socket && m_tls) {
        auto *ssl = static_cast<QSslSocket *>(std::exchange(m_socket, nullptr));
        disconnect(ssl, nullptr, this, nullptr);
        m_pool->keep(origin, {nullptr, ssl});
    }
}

} // namespace teehee
