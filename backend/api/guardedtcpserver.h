#pragma once

#include "api/connectionguard.h"
#include "api/cors.h"
#include "api/httplimits.h"

#include <QHash>
#include <QHostAddress>
#include <QMultiHash>
#include <QSslConfiguration>
#include <QTcpServer>
#include <memory>
#include <optional>

namespace teehee {

// The listening socket: every accepted connection gets a ConnectionGuard,
// the only reader of its bytes, and counts against MAX_CONNECTIONS and
// MAX_CONNECTIONS_PER_ADDRESS; over either, it is answered 503 and closed.
// With a TLS configuration every connection is TLS from its first byte.
class GuardedTcpServer : public QTcpServer {
    Q_OBJECT
public:
    GuardedTcpServer(const HttpLimits &limits, std::shared_ptr<const CorsPolicy> cors,
                     std::shared_ptr<const HttpHandlers> handlers, QObject *parent = nullptr);
    void setTls(const QSslConfiguration &configuration) { m_tls = configuration; }
    bool usesTls() const { return m_tls.has_value(); }

    // The open connection from this peer, or null. A QWebSocket does not
    // expose the socket it was upgraded from; its peer's address and port name it.
    QTcpSocket *connectionFrom(const QHostAddress &address, quint16 port) const;
    int openConnections() const { return m_open; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    bool isShared(const QHostAddress &address) const;
    void refuse(QTcpSocket *socket, const char *why);
    QTcpSocket *accept(qintptr descriptor);

    HttpLimits m_limits;
    std::shared_ptr<const CorsPolicy> m_cors;
    std::shared_ptr<const HttpHandlers> m_handlers;
    std::optional<QSslConfiguration> m_tls;
    QMultiHash<quint16, QTcpSocket *> m_byPeerPort; // a thousand connections: no linear search per upgrade
    QHash<QHostAddress, int> m_perAddress;
    int m_open = 0;
};

} // namespace teehee
