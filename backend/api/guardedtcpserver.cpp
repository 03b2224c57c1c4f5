#include "api/guardedtcpserver.h"

#include "api/clientaddress.h"
#include "api/clientsocket.h"
#include "core/logging.h"

#include <QTcpSocket>

namespace teehee {

GuardedTcpServer::GuardedTcpServer(const HttpLimits &limits, std::shared_ptr<const CorsPolicy> cors,
                                   std::shared_ptr<const HttpHandlers> handlers, QObject *parent)
    : QTcpServer(parent), m_limits(limits), m_cors(std::move(cors)), m_handlers(std::move(handlers))
{
}

bool GuardedTcpServer::isShared(const QHostAddress &address) const
{
    for (const auto &subnet : m_limits.sharedAddresses) {
        if (address.isInSubnet(subnet))
            return true;
    }
    return false;
}

void GuardedTcpServer::refuse(QTcpSocket *socket, const char *why)
{
    qCInfo(lcHttp) << "refusing a connection:" << why;
    static const QByteArray body = R"({"detail":"Too many connections; try again shortly"})";
    socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 5\r\n"
                  "Connection: close\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
}

QTcpSocket *GuardedTcpServer::accept(qintptr descriptor)
{
    if (!m_tls) {
        auto *socket = new ClientSocket(this);
        if (socket->setSocketDescriptor(descriptor))
            return socket;
        qCWarning(lcHttp) << "cannot accept a connection:" << socket->errorString();
        delete socket;
        return nullptr;
    }
    auto *socket = new TlsClientSocket(this);
    socket->setSslConfiguration(*m_tls);
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcHttp) << "cannot accept a connection:" << socket->errorString();
        delete socket;
        return nullptr;
    }
    // A client that does not speak TLS (plain HTTP on this port, a scanner)
    // fails the handshake: the connection ends there, nothing is answered.
    connect(socket, &QSslSocket::errorOccurred, socket, [socket](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::SslHandshakeFailedError || error == QAbstractSocket::SslInternalError)
            socket->abort();
    });
    socket->startServerEncryption();
    return socket;
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = accept(descriptor);
    if (!socket)
        return;
    const QHostAddress peer = normalisedAddress(socket->peerAddress()); // one key per client, over IPv4 or mapped
    if (m_open >= m_limits.maxConnections)
        return refuse(socket, "MAX_CONNECTIONS reached");
    if (m_perAddress.value(peer) >= m_limits.maxConnectionsPerAddress && !isShared(peer))
        return refuse(socket, "MAX_CONNECTIONS_PER_ADDRESS reached for a client");
    ++m_open;
    ++m_perAddress[peer];
    // Nothing is read before the guard reads it, and no more than it can take
    // at once: a client that sends faster than it is read waits in TCP.
    socket->setReadBufferSize(256 * 1024);
    // Streamed events (SSE chunks, WebSocket frames written as header + payload)
    // must not wait for the client's delayed ACK (Nagle: about 40 ms each).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    new ConnectionGuard(socket, m_limits, m_cors, m_handlers);
    const quint16 port = socket->peerPort();
    m_byPeerPort.insert(port, socket);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QObject::destroyed, this, [this, port, socket, peer] {
        m_byPeerPort.remove(port, socket);
        --m_open;
        if (--m_perAddress[peer] <= 0)
            m_perAddress.remove(peer);
    });
}

QTcpSocket *GuardedTcpServer::connectionFrom(const QHostAddress &address, quint16 port) const
{
    for (auto [it, end] = m_byPeerPort.equal_range(port); it != end; ++it) {
        if (it.value()->peerAddress() == address)
            return it.value();
    }
    return nullptr;
}

} // namespace teehee
