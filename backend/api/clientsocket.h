#pragma once

#include <QByteArray>
#include <QTcpSocket>
#include <optional>

namespace teehee {

// The server's end of a client connection. Qt 6.4's WebSocket upgrade writes
// its own 101 answer, with CORS headers that echo any Origin (and say
// credentials are not allowed); spec/api.md wants the same CORS headers on a
// handshake as on every other answer: only for allowed origins. ConnectionGuard,
// which reads the upgrade request first, hands them here, and they replace
// Qt's in the 101 answer on its way out.
class ClientSocket : public QTcpSocket {
    Q_OBJECT
public:
    using QTcpSocket::QTcpSocket;

    // Header lines ("Name: value\r\n", none for an origin not allowed) that
    // take the place of the Access-Control-* lines of the next 101 answer.
    void setUpgradeCors(QByteArray headerLines) { m_upgradeCors = std::move(headerLines); }

protected:
    qint64 writeData(const char *data, qint64 size) override;

private:
    std::optional<QByteArray> m_upgradeCors;
};

} // namespace teehee
