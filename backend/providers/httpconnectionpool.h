#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

class QSslSocket;
class QUrl;

namespace teehee {

class RawTcpConnection;

// Idle connections to providers, kept for the next request to the same
// origin: a reply then starts without a TCP and a TLS handshake, two round
// trips to the provider before its first token.
//
// A connection comes back only after a whole response that allows it (see
// HttpResponseParser::connectionReusable), waits at most kIdleMs, and is
// handed out only while the server has neither closed it nor written to it.
// The server may still close it just as a request goes out: HttpStreamRequest
// then sends that request again on a new connection, once. Connections belong
// to the pool's thread.
class HttpConnectionPool : public QObject {
    Q_OBJECT
public:
    static constexpr int kIdleMs = 30'000;          // providers keep idle connections 60 s or more
    static constexpr int kMaxIdlePerOrigin = 32;    // what a burst of replies leaves beyond this is closed

    // Exactly one is set, or neither.
    struct Connection {
        RawTcpConnection *plain = nullptr;
        QSslSocket *tls = nullptr;
        explicit operator bool() const { return plain || tls; }
    };

    explicit HttpConnectionPool(QObject *parent = nullptr);
    ~HttpConnectionPool() override;

    // "https://api.openai.com:443": connections are shared by scheme, host and port.
    static QString originOf(const QUrl &url);

    // A live idle connection to `origin`, now the caller's (no parent), or none.
    Connection take(const QString &origin);
    // Keeps `connection` for `origin`; closes it when the origin has enough.
    void keep(const QString &origin, Connection connection);
    qsizetype idleCount() const;

private:
    struct Idle {
        Connection connection;
        QElapsedTimer since;
    };
    static bool isAlive(const Connection &c);
    static void discard(Connection c);
    void expire();

    QHash<QString, QList<Idle>> m_idle; // newest last
    QTimer m_expiry;
};

} // namespace teehee
