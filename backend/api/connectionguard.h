#pragma once

#include "api/cors.h"
#include "api/httplimits.h"

#include <QObject>
#include <QTimer>
#include <deque>
#include <map>
#include <memory>

class QTcpSocket;

namespace teehee {

// Watches one client connection before QHttpServer reads from it (its
// readyRead slot is connected first, and it only peeks): enforces the header
// and body limits (431/413 written here, before the body is buffered), answers
// `Expect: 100-continue`, closes idle and slow connections, and closes after
// the answer when the client asked for it (Connection: close, HTTP/1.0).
// A child of the socket, so a QPointer to it is null once the socket is gone.
class ConnectionGuard : public QObject {
    Q_OBJECT
public:
    ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits, std::shared_ptr<const CorsPolicy> cors);

    QTcpSocket *socket() const { return m_socket; }
    // Still connected and not being closed: a write would reach the client.
    bool isWritable() const;

    // QHttpServer handed a complete request to the router. Returns its ticket:
    // answers go out in the order of the tickets, so a client that pipelines
    // requests gets its answers in order even when a later one is ready first.
    quint64 requestDispatched();
    // Whether the answer to `ticket` must end the connection.
    bool closeAfterResponse(quint64 ticket) const;
    // Raw bytes of the answer to `ticket`, held back while an earlier answer
    // is incomplete; false when the client is gone.
    bool write(quint64 ticket, const QByteArray &bytes);
    // The answer to `ticket` is complete.
    void responseFinished(quint64 ticket);
    // The connection now carries a long-lived stream (SSE): no idle timeout.
    void setStreaming(bool streaming);

private:
    enum class State { Headers, Body, ChunkedBody, Rejected, PassThrough };

    void onReadyRead();
    void process(QByteArray data);
    bool parseHeaderBlock(const QByteArray &block, const QByteArray &following);
    void reject(int status, const QString &detail);
    void restartIdleTimer();
    void finishOldest();

    QTcpSocket *m_socket;
    HttpLimits m_limits;
    std::shared_ptr<const CorsPolicy> m_cors;
    State m_state = State::Headers;
    QByteArray m_headerBuffer;
    qint64 m_bodyRemaining = 0;
    qint64 m_chunkedSeen = 0;
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
    QTimer m_idleTimer;
    QTimer m_requestTimer;
};

} // namespace teehee
