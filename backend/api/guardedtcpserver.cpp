#include "api/guardedtcpserver.h"

#include "api/clientsocket.h"
#include "api/connectionguard.h"
#include "core/logging.h"

#include <QTcpSocket>

namespace teehee {

GuardedTcpServer::GuardedTcpServer(const HttpLimits &limits, std::shared_ptr<const CorsPolicy> cors, QObject *parent)
    : QTcpServer(parent), m_limits(limits), m_cors(std::move(cors))
{
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new ClientSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcHttp) << "cannot accept a connection:" << socket->errorString();
        delete socket;
        return;
    }
    // Streamed events (SSE chunks, WebSocket frames written as header + payload)
    // must not wait for the client's delayed ACK (Nagle: about 40 ms each).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    new ConnectionGuard(socket, m_limits, m_cors);
    const quint16 port = socket->peerPort();
    m_byPeerPort.insert(port, socket);
    connect(socket, &QObject::destroyed, this, [this, port, socket] { m_byPeerPort.remove(port, socket); });
    addPendingConnection(socket);
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
