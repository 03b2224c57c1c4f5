#pragma once

#include "api/cors.h"
#include "api/httplimits.h"

#include <QObject>
#include <QTimer>
#include <deque>
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

    // QHttpServer handed a complete request to the router.
    void requestDispatched();
    // Whether the answer being written must end the connection.
    bool closeAfterResponse() const;
    // Raw bytes of an answer; false when the client is gone.
    bool write(const QByteArray &bytes);
    // The answer to the oldest open request is complete.
    void responseFinished();
    // The connection now carries a long-lived stream (SSE): no idle timeout.
    void setStreaming(bool streaming);

private:
    enum class State { Headers, Body, ChunkedBody, Rejected, PassThrough };

    void onReadyRead();
    void process(QByteArray data);
    bool parseHeaderBlock(const QByteArray &block, const QByteArray &following);
    void reject(int status, const QString &detail);
    void restartIdleTimer();

    QTcpSocket *m_socket;
    HttpLimits m_limits;
    std::shared_ptr<const CorsPolicy> m_cors;
    State m_state = State::Headers;
    QByteArray m_headerBuffer;
    qint64 m_bodyRemaining = 0;
    qint64 m_chunkedSeen = 0;
    QByteArray m_origin;
    std::deque<bool> m_closeFlags;   // one per request awaiting its answer
    bool m_streaming = false;
    QTimer m_idleTimer;
    QTimer m_requestTimer;
};

} // namespace teehee
