#pragma once

#include "api/cors.h"
#include "api/httplimits.h"

#include <QHostAddress>
#include <QMultiHash>
#include <QTcpServer>
#include <memory>

namespace teehee {

// The listening socket handed to QHttpServer::bind(): every accepted
// connection gets a ConnectionGuard before QHttpServer connects to it.
class GuardedTcpServer : public QTcpServer {
    Q_OBJECT
public:
    GuardedTcpServer(const HttpLimits &limits, std::shared_ptr<const CorsPolicy> cors, QObject *parent = nullptr);

    // The open connection from this peer, or null. A QWebSocket does not
    // expose the socket it was upgraded from; its peer's address and port name it.
    QTcpSocket *connectionFrom(const QHostAddress &address, quint16 port) const;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    HttpLimits m_limits;
    std::shared_ptr<const CorsPolicy> m_cors;
    QMultiHash<quint16, QTcpSocket *> m_byPeerPort; // a thousand connections: no linear search per upgrade
};

} // namespace teehee
