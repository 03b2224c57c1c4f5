#include "providers/httpstreamrequest.h"

#include "providers/httprequestbytes.h"

#include "core/logging.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <utility>

namespace teehee {

namespace {

// Large enough that a burst of tokens is one read, small enough to stay in cache.
constexpr qint64 kMaxRead = 64 * 1024;

} // namespace

HttpStreamRequest::HttpStreamRequest(QUrl url, RawHeaders headers, QByteArray body, HttpStreamTimeouts timeouts,
                                     HttpResponseParser::Limits limits, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_headers(std::move(headers))
    , m_body(std::move(body))
    , m_timeouts(timeouts)
    , m_response(limits)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpStreamRequest::onTimer);
}

HttpStreamRequest::~HttpStreamRequest()
{
    releaseSocket();
}

void HttpStreamRequest::start()
{
    if (m_stage != Stage::Idle)
        return;
    m_stage = Stage::Connecting;
    m_sinceStart.start();
    QString problem;
    m_pendingRequest = httpRequestBytes(m_method, m_url, m_headers, m_body, !m_pool, &problem);
    if (m_pendingRequest.isEmpty()) {
        // Reported from the event loop, so that start() never ends the request under its caller.
        QTimer::singleShot(0, this, [this, problem] { end(Failure::InvalidRequest, problem); });
        return;
    }
    m_tls = m_url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
    if (m_pool) {
        if (HttpConnectionPool::Connection idle = m_pool->take(poolOrigin())) {
            resume(idle);
            return;
        }
    }
    connectFresh();
}

void HttpStreamRequest::abort()
{
    if (m_stage == Stage::Ended)
        return;
    m_stage = Stage::Ended;
    m_timer.stop();
    releaseSocket();
}

void HttpStreamRequest::onConnected()
{
    if (m_stage != Stage::Connecting || !m_socket)
        return;
    m_stage = Stage::AwaitingResponse;
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    const QByteArray request = m_pendingRequest; // kept for a resend until the answer begins
    QString problem;
    RawTcpConnection *raw =
        m_tls ? nullptr : RawTcpConnection::adopt(m_socket->socketDescriptor(), *this, &problem, this);
    if (raw) {
        releaseSocket(); // closes only QTcpSocket's descriptor; the connection stays with `raw`
        m_raw = raw;
        m_raw->write(request);
    } else {
        if (!problem.isEmpty())
            qCDebug(lcProviders).noquote() << "HTTP stream to" << m_url.host() << "stays on QTcpSocket:" << problem;
        m_socket->write(request);
    }
    m_timer.start(int(qMax<qint64>(0, m_timeouts.firstByteMs - m_sinceStart.elapsed())));
}

void HttpStreamRequest::onReadyRead()
{
    if (m_stage == Stage::AwaitingResponse || m_stage == Stage::Body)
        drainSocket();
}

bool HttpStreamRequest::drainSocket()
{
    while (m_socket && m_stage != Stage::Ended) {
        const qint64 available = m_socket->bytesAvailable();
        if (available <= 0)
            return true;
        m_readBuffer.resize(qMin(available, kMaxRead));
        const qint64 n = m_socket->read(m_readBuffer.data(), m_readBuffer.size());
        if (n <= 0)
            return true;
        if (!consume(QByteArrayView(m_readBuffer.constData(), n)))
            return false;
    }
    return false;
}

bool HttpStreamRequest::consume(QByteArrayView bytes)
{
    m_sinceData.start();
    if (!m_answered) {
        m_answered = true;
        m_pendingRequest.clear();
    }
    switch (m_response.feed(bytes, *this)) {
    case HttpResponseParser::Result::NeedMore:
        return true;
    case HttpResponseParser::Result::Complete:
        end(Failure::None);
        return false;
    case HttpResponseParser::Result::Stopped:
        return false;
    case HttpResponseParser::Result::Failed:
        end(Failure::Protocol, m_response.errorString());
        return false;
    }
    return false;
}

void HttpStreamRequest::received(QByteArrayView bytes)
{
    if (m_stage == Stage::AwaitingResponse || m_stage == Stage::Body)
        consume(bytes);
}

void HttpStreamRequest::closed(const QString &error)
{
    if (m_stage == Stage::Ended || resendOnNewConnection())
        return;
    if (error.isEmpty())
        endAtEof();
    else
        end(Failure::Closed, error);
}

bool HttpStreamRequest::responseHeaders()
{
    m_stage = Stage::Body;
    m_sinceData.start();
    if (m_timeouts.idleMs > 0)
        m_timer.start(m_timeouts.idleMs);
    else
        m_timer.stop();
    Q_EMIT headersReceived();
    return m_stage == Stage::Body;
}

bool HttpStreamRequest::responseBody(QByteArrayView bytes)
{
    Q_EMIT bodyReceived(bytes);
    return m_stage == Stage::Body;
}

void HttpStreamRequest::onSocketError()
{
    if (m_stage == Stage::Ended || !m_socket || resendOnNewConnection())
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    if (m_stage == Stage::Connecting) {
        if (error == QAbstractSocket::ConnectionRefusedError && connectToNextAddress())
            return;
        if (error == QAbstractSocket::SslHandshakeFailedError || !m_tlsErrors.isEmpty()) {
            end(Failure::Tls, QStringLiteral("TLS handshake failed: %1")
                                  .arg(m_tlsErrors.isEmpty() ? m_socket->errorString() : m_tlsErrors));
        } else {
            end(Failure::Connect, m_socket->errorString());
        }
        return;
    }
    if (error == QAbstractSocket::RemoteHostClosedError) {
        atEndOfStream();
        return;
    }
    const QString text = m_socket->errorString();
    drainSocket();
    end(Failure::Closed, text); // nothing happens when the buffered bytes completed the response
}

void HttpStreamRequest::onDisconnected()
{
    if (m_stage == Stage::Ended || resendOnNewConnection())
        return;
    if (m_stage == Stage::Connecting) {
        end(Failure::Connect, QStringLiteral("the connection closed during the handshake"));
        return;
    }
    atEndOfStream();
}

void HttpStreamRequest::atEndOfStream()
{
    // What is still buffered arrived before the close.
    drainSocket();
    endAtEof();
}

void HttpStreamRequest::endAtEof()
{
    if (m_stage == Stage::Ended)
        return;
    if (m_response.finishAtEof() == HttpResponseParser::Result::Complete)
        end(Failure::None);
    else
        end(Failure::Closed, m_response.errorString());
}

void HttpStreamRequest::onTimer()
{
    switch (m_stage) {
    case Stage::Connecting:
        if (m_sinceStart.elapsed() >= m_timeouts.firstByteMs)
            end(Failure::FirstByteTimeout, QStringLiteral("no response within %1 ms").arg(m_timeouts.firstByteMs));
        else
            end(Failure::ConnectTimeout, QStringLiteral("no connection within %1 ms").arg(m_timeouts.connectMs));
        return;
    case Stage::AwaitingResponse:
        end(Failure::FirstByteTimeout, QStringLiteral("no response within %1 ms").arg(m_timeouts.firstByteMs));
        return;
    case Stage::Body: {
        const qint64 quiet = m_sinceData.elapsed();
        if (quiet < m_timeouts.idleMs) {
            m_timer.start(int(m_timeouts.idleMs - quiet));
            return;
        }
        end(Failure::IdleTimeout, QStringLiteral("nothing received for %1 ms").arg(m_timeouts.idleMs));
        return;
    }
    default:
        return;
    }
}

void HttpStreamRequest::end(Failure failure, const QString &error)
{
    if (m_stage == Stage::Ended)
        return;
    m_stage = Stage::Ended;
    m_timer.stop();
    if (failure == Failure::None)
        keepConnection();
    releaseSocket();
    m_failure = failure;
    m_error = error;
    if (failure != Failure::None)
        qCDebug(lcProviders).noquote() << "HTTP stream to" << m_url.host() << "ended:" << error;
    Q_EMIT finished();
}

void HttpStreamRequest::releaseSocket()
{
    if (RawTcpConnection *raw = std::exchange(m_raw, nullptr)) {
        raw->close(); // at once, as below
        raw->setParent(nullptr);
        raw->deleteLater();
    }
    if (!m_socket)
        return;
    QTcpSocket *socket = std::exchange(m_socket, nullptr);
    disconnect(socket, nullptr, this, nullptr);
    socket->abort(); // at once: an aborted stream must not keep the provider generating
    // We may be inside one of its signals, and be deleted there ourselves: it goes later, on its own.
    socket->setParent(nullptr);
    socket->deleteLater();
}

} // namespace teehee
