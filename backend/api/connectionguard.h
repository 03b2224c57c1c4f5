#pragma once

#include "api/cors.h"
#include "api/httplimits.h"
#include "api/httprequestparser.h"

#include <QObject>
#include <QTimer>
#include <deque>
#include <functional>
#include <map>
#include <memory>

class QTcpSocket;

namespace teehee {

class ConnectionGuard;

// What the server does with what a connection's parser found.
struct HttpHandlers {
    // A complete request; `ticket` is its answer's place in line.
    std::function<void(ConnectionGuard *, quint64 ticket, const HttpRequestHead &, QByteArray body)> onRequest;
    // Whether a complete WebSocket handshake should be upgraded (its path is a socket route).
    std::function<bool(const HttpRequestHead &)> wantsUpgrade;
    // Takes the socket, its handshake bytes still unread, to finish the upgrade.
    std::function<void(QTcpSocket *)> onUpgrade;
};

// One client connection, from the first byte to the last: reads the socket
// (nothing else does), frames requests with the one HttpRequestParser, and
// enforces the limits on every request until a WebSocket handshake is really
// handed over — 413/431/400 before a body is buffered, 408 for a request that
// does not arrive in time, idle keep-alive connections closed, `Expect:
// 100-continue` answered. Answers go out in request order, so pipelining
// clients get them in order. A child of the socket, so a QPointer to it is
// null once the socket is gone.
class ConnectionGuard : public QObject {
    Q_OBJECT
public:
    // Requests read ahead of their answers before the connection stops reading.
    static constexpr int kMaxPipelined = 16;
    // Answers not yet taken by the client over which no more requests are read.
    static constexpr qint64 kMaxUnsentBytes = 1024 * 1024;

    ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits, std::shared_ptr<const CorsPolicy> cors,
                    std::shared_ptr<const HttpHandlers> handlers);

    QTcpSocket *socket() const { return m_socket; }
    // Still connected, speaking HTTP and not being closed: a write would reach the client.
    bool isWritable() const;

    // Whether the answer to `ticket` must end the connection.
    bool closeAfterResponse(quint64 ticket) const;
    // Raw bytes of the answer to `ticket`, held back while an earlier answer
    // is incomplete; false when the client is gone.
    bool write(quint64 ticket, const QByteArray &bytes);
    // What the client has yet to take of the connection's answers up to `ticket`
    // (its own held back behind an earlier one included).
    qint64 unsentBytes(quint64 ticket) const;
    // The answer to `ticket` is complete.
    void responseFinished(quint64 ticket);
    // The connection now carries a long-lived stream (SSE): no idle timeout.
    void setStreaming(bool streaming);

private:
    enum class State { Reading, Rejected, Upgraded };

    void onReadyRead();
    // Whether the connection may read more requests now (the client reads its answers).
    bool canTakeMore() const;
    // Hands one parser step's outcome on; false when reading must stop.
    bool onHead();
    void onMessage();
    void upgrade();
    void reject(int status, const QString &detail);
    void restartIdleTimer();
    void finishOldest();

    QTcpSocket *m_socket;
    HttpLimits m_limits;
    std::shared_ptr<const CorsPolicy> m_cors;
    std::shared_ptr<const HttpHandlers> m_handlers;
    HttpRequestParser m_parser;
    State m_state = State::Reading;
    QByteArray m_pending;            // bytes read from the socket, not yet parsed
    qsizetype m_pendingOffset = 0;
    QByteArray m_origin;
    std::deque<bool> m_closeFlags;   // one per request awaiting its answer, oldest first
    quint64 m_nextTicket = 0;
    quint64 m_oldestTicket = 0;      // the answer being written now
    struct HeldAnswer {
        QByteArray bytes;
        bool finished = false;
    };
    std::map<quint64, HeldAnswer> m_held; // later answers, until their turn
    bool m_streaming = false;
    bool m_lastRequestRead = false; // a request asked to close: nothing after it is read
    QTimer m_idleTimer;
    QTimer m_requestTimer;
};

} // namespace teehee
