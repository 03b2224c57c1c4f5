#pragma once

#include "providers/errormapping.h"
#include "providers/httpresponseparser.h"
#include "providers/httpconnectionpool.h"
#include "providers/rawtcpconnection.h"

#include <QHostAddress>
#include <memory>

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QTcpSocket;

namespace teehee {

class EndpointPolicy;

struct HttpStreamTimeouts {
    int connectMs = 10'000;   // TCP connect and TLS handshake
    int firstByteMs = 30'000; // from start() to the end of the response headers
    int idleMs = 60'000;      // longest silence between two reads of the body
};

// One HTTP/1.1 POST on a connection of its own, streamed: the response body
// reaches bodyReceived() piece by piece as it comes off the socket.
//
// Why not Qt's network access manager: in Qt 6.4 it runs HTTP on a thread of its own
// and opens at most 6 connections per host, so a thousand long-lived streams
// need ~170 managers and threads, and every token crosses threads twice.
// This runs on the calling thread (QTcpSocket, or QSslSocket for https with
// the system CAs, peer verification and SNI), with no connection cap. Once a
// plain connection is up, RawTcpConnection carries it: most of a stream's
// cost per token was QTcpSocket's.
//
// Exactly one finished() ends a request that was not aborted; abort() closes
// the socket at once and emits nothing. Redirects are not followed and no
// proxy is used. With a connection pool, a request goes out on an idle
// connection to the same origin when there is one (sent again on a new one if
// the server closed it before answering), and its connection goes back to the
// pool after a whole response that allows it; without one, every request has
// a connection of its own. Delete it with deleteLater() when inside one of its
// signals.
//
// With an EndpointPolicy (user-given endpoints), the host is resolved first and
// the connection goes to the exact address that the policy allowed, so a DNS
// answer cannot change between the check and the connect; TLS still verifies
// the host name. A refused address is never connected to.
class HttpStreamRequest : public QObject, private HttpResponseParser::Sink, private RawTcpConnection::Receiver {
    Q_OBJECT
public:
    enum class Failure {
        None,             // the whole response arrived
        InvalidRequest,   // not an http(s) URL, or a header value with a line break
        Connect,          // refused, unreachable, DNS
        Tls,              // handshake or certificate
        ConnectTimeout,
        FirstByteTimeout, // no complete response headers in time
        IdleTimeout,      // the body went quiet
        Closed,           // the connection ended before the response did
        Protocol,         // not HTTP/1.x, malformed framing, or over a size limit
        Refused,          // the endpoint policy does not allow the address
    };

    HttpStreamRequest(QUrl url, RawHeaders headers, QByteArray body, HttpStreamTimeouts timeouts,
                      HttpResponseParser::Limits limits = {}, QObject *parent = nullptr);
    ~HttpStreamRequest() override;

    // Before start(); the pool may go before the request does.
    void setConnectionPool(HttpConnectionPool *pool) { m_pool = pool; }
    void setEndpointPolicy(std::shared_ptr<const EndpointPolicy> policy) { m_policy = std::move(policy); }
    void setMethod(const QByteArray &method) { m_method = method; } // POST unless set
    void start();
    void abort();
    bool reusedConnection() const { return m_reused; } // the request went out on a pooled connection

    bool isRunning() const { return m_stage != Stage::Idle && m_stage != Stage::Ended; }
    const QUrl &url() const { return m_url; }
    // The response so far: status and headers once headersReceived() was emitted.
    const HttpResponseParser &response() const { return m_response; }
    Failure failure() const { return m_failure; }
    QString errorString() const { return m_error; } // for a person; never holds a header value

Q_SIGNALS:
    void headersReceived();
    void bodyReceived(QByteArrayView bytes); // valid only during the call
    void finished();

private:
    enum class Stage { Idle, Connecting, AwaitingResponse, Body, Ended };

    bool responseHeaders() override;
    bool responseBody(QByteArrayView bytes) override;
    void received(QByteArrayView bytes) override;
    void closed(const QString &error) override;

    void connectFresh();
    void connectTo(const QHostAddress &address);
    bool connectToNextAddress(); // false when no other allowed address is left
    QString poolOrigin() const;
    void resume(HttpConnectionPool::Connection connection);
    void watchSocket();
    bool resendOnNewConnection(); // false when this is not a pooled connection's early close
    void keepConnection();
    void onConnected();
    void onReadyRead();
    void onSocketError();
    void onDisconnected();
    void onTimer();
    bool drainSocket(); // false once the request ended or stopped
    bool consume(QByteArrayView bytes); // the same
    void atEndOfStream();
    void endAtEof();
    void end(Failure failure, const QString &error = {});
    void releaseSocket();

    QUrl m_url;
    QByteArray m_method = "POST";
    std::shared_ptr<const EndpointPolicy> m_policy;
    QList<QHostAddress> m_nextAddresses; // allowed, not yet tried
    RawHeaders m_headers;
    QByteArray m_body;
    QByteArray m_pendingRequest;    // request line, headers and body, until the answer begins
    HttpStreamTimeouts m_timeouts;
    HttpResponseParser m_response;
    QTcpSocket *m_socket = nullptr; // child; released with deleteLater
    RawTcpConnection *m_raw = nullptr; // after m_socket, for plain http; the same
    QTimer m_timer;                 // the deadline of the current stage
    QElapsedTimer m_sinceStart;
    QElapsedTimer m_sinceData;      // read instead of restarting the timer on every read
    QByteArray m_readBuffer;        // reused for every read
    QString m_tlsErrors;
    bool m_tls = false;
    QPointer<HttpConnectionPool> m_pool;
    bool m_reused = false;   // on a pooled connection
    bool m_answered = false; // a response byte arrived
    Stage m_stage = Stage::Idle;
    Failure m_failure = Failure::None;
    QString m_error;
};

} // namespace teehee
