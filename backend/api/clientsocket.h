#pragma once

#include <QByteArray>
#include <QSslSocket>
#include <QTcpSocket>
#include <optional>

namespace teehee {

// Qt 6.4's WebSocket upgrade writes its own 101 answer, with CORS headers
// that echo any Origin (and say credentials are not allowed); spec/api.md
// wants the same CORS headers on a handshake as on every other answer: only
// for allowed origins. ConnectionGuard, which reads the upgrade request
// first, hands them here, and they replace Qt's in the 101 answer on its way out.
class UpgradeCorsFilter {
public:
    virtual ~UpgradeCorsFilter() = default;
    // Header lines ("Name: value\r\n", none for an origin not allowed) that
    // take the place of the Access-Control-* lines of the next 101 answer.
    void setUpgradeCors(QByteArray headerLines) { m_upgradeCors = std::move(headerLines); }

protected:
    // The bytes to write instead of `bytes`, when they are that 101 answer.
    std::optional<QByteArray> rewritten(QByteArrayView bytes);

private:
    std::optional<QByteArray> m_upgradeCors;
};

// The server's end of a plain connection.
class ClientSocket : public QTcpSocket, public UpgradeCorsFilter {
    Q_OBJECT
public:
    using QTcpSocket::QTcpSocket;

protected:
    qint64 writeData(const char *data, qint64 size) override;
};

// The server's end of a TLS connection: what is written goes through the
// encryption, WebSocket frames included.
class TlsClientSocket : public QSslSocket, public UpgradeCorsFilter {
    Q_OBJECT
public:
    using QSslSocket::QSslSocket;

protected:
    qint64 writeData(const char *data, qint64 size) override;
};

} // namespace teehee
