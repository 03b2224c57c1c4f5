#pragma once

#include "api/httpresponse.h"

#include <QObject>
#include <functional>
#include <memory>

namespace teehee {

class ConnectionGuard;
struct ResponderState;

// The way a route answers, now or later. Copyable and cheap: keep it in a
// lambda and answer when the work is done. Every write checks that the client
// is still connected (QPointer to the connection's guard), so answering after
// the client left is a no-op, never a write into a freed socket.
// CORS headers, X-Request-Id, Connection: close and the request log line are
// added here, so every answer (deferred and streamed included) has them.
// A responder dropped without answering sends 500 rather than leaving the
// client waiting forever.
class Responder {
public:
    Responder() = default;
    // `ticket`: from ConnectionGuard::requestDispatched(), the answer's place in line.
    Responder(ConnectionGuard *guard, quint64 ticket, QByteArray method, QString path, QString requestId,
              HttpHeaders corsHeaders);

    bool isConnected() const;
    bool isAnswered() const;
    const QString &requestId() const;

    // The complete answer. Only the first call counts.
    void send(const HttpResponse &response);
    void send(const Error &error, int retryAfterSeconds = 0) { send(errorResponse(error, retryAfterSeconds)); }

    // Streaming (SSE and the like): chunked transfer encoding. Each write
    // returns false once the client is gone; stop producing then.
    bool beginStream(int status, const HttpHeaders &headers, const QByteArray &contentType = QByteArrayLiteral("text/event-stream"));
    bool writeChunk(const QByteArray &data);
    void endStream();
    // Bytes written but not yet taken by the kernel (0 once the client is gone):
    // a stream writes more only as the client reads.
    qint64 bytesToWrite() const;
    // Called whenever the connection hands written bytes to the kernel.
    void onBytesWritten(QObject *context, std::function<void()> callback);
    // Drops the connection at once (a client that does not read its stream).
    void abortConnection();
    // Called once when the client disconnects before the answer is complete.
    // The context object bounds the callback's lifetime.
    void onDisconnected(QObject *context, std::function<void()> callback);

private:
    std::shared_ptr<ResponderState> d;
};

} // namespace teehee
