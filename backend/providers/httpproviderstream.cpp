#include "providers/httpproviderstream.h"

#include "core/logging.h"

#include "providers/httpstreamrequest.h"

#include <utility>

namespace teehee {

namespace {

constexpr qsizetype kMaxErrorBody = 64 * 1024;

} // namespace

HttpProviderStream::HttpProviderStream(ChatRequest request, QString providerDisplayName, QObject *parent)
    : ProviderStream(parent)
    , m_request(std::move(request))
    , m_displayName(std::move(providerDisplayName))
    , m_retry(m_request.retry)
{
    for (QTimer *t : {&m_totalTimer, &m_retryTimer})
        t->setSingleShot(true);
    m_totalTimer.setInterval(m_request.timeouts.totalMs);
    connect(&m_totalTimer, &QTimer::timeout, this, &HttpProviderStream::onTotalTimeout);
    connect(&m_retryTimer, &QTimer::timeout, this, &HttpProviderStream::startAttempt);
}

HttpProviderStream::~HttpProviderStream()
{
    if (!isFinished()) {
        qCDebug(lcProviders) << m_displayName << "stream destroyed while running; aborting";
        endSilently();
    }
    m_retryTimer.stop();
    m_totalTimer.stop();
    releaseRequest();
}

void HttpProviderStream::start()
{
    if (m_attempt > 0 || isFinished())
        return;
    m_totalTimer.start();
    startAttempt();
}

void HttpProviderStream::abort()
{
    if (isFinished())
        return;
    qCInfo(lcProviders) << m_displayName << "stream aborted after" << text().size() << "characters";
    finalize(End::Aborted);
}

void HttpProviderStream::startAttempt()
{
    if (isFinished())
        return;
    ++m_attempt;
    m_parser.reset();
    m_errorBody.clear();
    m_httpStatus = 0;
    m_headersSeen = false;
    m_joiner = ContinuationJoiner(m_request.partialText(), continuationOptions());
    m_toolAssembler.reset();
    resetAttemptState();

    const QUrl url = endpoint();
    RawHeaders headers = requestHeaders();
    headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    headers.append(qMakePair(QByteArray("Accept"), QByteArray("text/event-stream")));
    const StreamTimeouts &t = m_request.timeouts;
    qCInfo(lcProviders).nospace() << m_displayName << ": POST " << url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)
                                  << " model=" << m_request.model << " attempt=" << m_attempt;

    releaseRequest();
    m_http = new HttpStreamRequest(url, std::move(headers), requestBody(), {t.connectMs, t.firstByteMs, t.idleMs}, {}, this);
    m_http->setConnectionPool(m_request.connections);
    m_http->setEndpointPolicy(m_request.endpointPolicy);
    connect(m_http, &HttpStreamRequest::headersReceived, this, &HttpProviderStream::onHeaders);
    connect(m_http, &HttpStreamRequest::bodyReceived, this, &HttpProviderStream::onBody);
    connect(m_http, &HttpStreamRequest::finished, this, &HttpProviderStream::onFinished);
    m_http->start();
}

void HttpProviderStream::onHeaders()
{
    m_headersSeen = true;
    m_httpStatus = m_http->response().status();
    if (m_httpStatus >= 200 && m_httpStatus < 300 && !m_started) {
        m_started = true;
        Q_EMIT started();
    }
}

void HttpProviderStream::onBody(QByteArrayView bytes)
{
    if (m_httpStatus >= 300) {
        m_errorBody.append(bytes.first(qMin(bytes.size(), kMaxErrorBody - m_errorBody.size())));
        if (m_errorBody.size() >= kMaxErrorBody) {
            // Enough to word the error: the rest is not worth waiting for.
            m_http->abort();
            onFinished();
        }
        return;
    }
    m_events.clear();
    m_parser.feed(bytes, m_events);
    const HttpStreamRequest *current = m_http;
    for (const SseEvent &ev : std::as_const(m_events)) {
        // A handler may have completed, failed, aborted or retried the stream.
        if (isFinished() || m_http != current)
            return;
        handleEvent(ev);
    }
}

ProviderError HttpProviderStream::failureOfRequest() const
{
    using F = HttpStreamRequest::Failure;
    const StreamTimeouts &t = m_request.timeouts;
    const QString host = m_http->url().host();
    switch (m_http->failure()) {
    case F::FirstByteTimeout:
        return ProviderError::make(ProviderError::Timeout, QStringLiteral("%1 did not answer within %2")
                                                               .arg(m_displayName, humanDelay(t.firstByteMs)));
    case F::IdleTimeout:
        return ProviderError::make(ProviderError::Timeout, QStringLiteral("%1 stopped sending for %2; the reply is incomplete")
                                                               .arg(m_displayName, humanDelay(t.idleMs)));
    case F::Protocol:
        if (m_headersSeen)
            return ProviderError::make(ProviderError::Protocol, QStringLiteral("%1 sent a malformed response: %2")
                                                                    .arg(m_displayName, m_http->errorString()));
        return ProviderError::make(ProviderError::Protocol, QStringLiteral("%1 at %2 did not answer in HTTP/1.1: %3")
                                                                .arg(m_displayName, host, m_http->errorString()));
    case F::Closed:
        if (m_headersSeen)
            break;
        [[fallthrough]];
    case F::InvalidRequest:
    case F::Connect:
    case F::Tls:
    case F::ConnectTimeout:
        return ProviderError::make(ProviderError::Network, QStringLiteral("Could not reach %1 at %2 (%3)")
                                                               .arg(m_displayName, host, m_http->errorString()));
    case F::Refused:
        return ProviderError::make(ProviderError::EndpointRefused,
                                   QStringLiteral("Not connecting to %1: %2").arg(m_displayName, m_http->errorString()));
    case F::None:
        break;
    }
    return ProviderError::make(ProviderError::UpstreamClosed,
                               QStringLiteral("%1 closed the connection before the reply was complete").arg(m_displayName));
}

void HttpProviderStream::onFinished()
{
    if (!m_http || isFinished())
        return;
    const HttpStreamRequest::Failure failure = m_http->failure();
    const bool timedOut = failure == HttpStreamRequest::Failure::FirstByteTimeout
                          || failure == HttpStreamRequest::Failure::IdleTimeout;

    if (m_httpStatus >= 300 && m_httpStatus < 400 && !timedOut) {
        // Following it would resend the key to wherever the redirect points; where that is
        // stays unsaid, as every other text of the upstream's.
        qCInfo(lcProviders) << m_displayName << "HTTP" << m_httpStatus << "redirect not followed";
        releaseRequest();
        handleFailure(redirectError(m_displayName, m_httpStatus));
        return;
    }
    if (m_httpStatus >= 400 && !timedOut) {
        const ProviderError e = errorFromHttpResponse(errorContext(), m_httpStatus, m_http->response().headers(), m_errorBody);
        qCInfo(lcProviders) << m_displayName << "HTTP" << m_httpStatus << ProviderError::kindName(e.kind);
        releaseRequest();
        handleFailure(e);
        return;
    }
    if (failure == HttpStreamRequest::Failure::None) {
        releaseRequest();
        const bool dropped = m_parser.finish();
        if (!dropped && acceptsEndWithoutMarker()) {
            completeStream();
            return;
        }
        qCInfo(lcProviders) << m_displayName << "stream closed before its end marker";
        handleFailure(ProviderError::make(ProviderError::UpstreamClosed,
                                          QStringLiteral("%1 closed the connection before the reply was complete")
                                              .arg(m_displayName)));
        return;
    }
    const ProviderError e = failureOfRequest();
    qCInfo(lcProviders).noquote() << m_displayName << "request failed:" << ProviderError::kindName(e.kind)
                                  << m_http->errorString();
    releaseRequest();
    // Our own deadline: reported as a timeout, never taken for an abort.
    handleFailure(e);
}

void HttpProviderStream::onTotalTimeout()
{
    if (isFinished())
        return;
    qCInfo(lcProviders) << m_displayName << "total timeout";
    finalize(End::Failed, ProviderError::make(ProviderError::Timeout,
                                              QStringLiteral("The reply from %1 took longer than the %2 limit")
                                                  .arg(m_displayName, humanDelay(m_request.timeouts.totalMs))));
}

void HttpProviderStream::handleFailure(const ProviderError &error)
{
    if (isFinished())
        return;
    if (!hasEmittedContent()) {
        const int delay = m_retry.delayBeforeNextAttempt(m_attempt, error);
        if (delay >= 0 && m_totalTimer.isActive() && delay < m_totalTimer.remainingTime()) {
            qCInfo(lcProviders) << m_displayName << "retrying in" << delay << "ms after"
                                << ProviderError::kindName(error.kind);
            Q_EMIT retrying(m_attempt + 1, delay, error);
            if (isFinished())
                return;
            m_retryTimer.start(delay);
            return;
        }
    }
    finalize(End::Failed, error);
}

void HttpProviderStream::deliverText(const QString &delta)
{
    emitText(m_joiner.push(delta));
}

void HttpProviderStream::completeStream()
{
    if (isFinished())
        return;
    emitText(m_joiner.finish());
    if (isFinished())
        return;
    if (!m_toolAssembler.isEmpty()) {
        const QList<ToolCall> calls = m_toolAssembler.finish(finishReason() == QLatin1String("length"));
        // Some compatible servers (Ollama) say "stop" after calling tools; "length" stays, it explains a cut-off call.
        if (finishReason().isEmpty() || finishReason() == QLatin1String("stop"))
            setFinishReason(QStringLiteral("tool_calls"));
        setToolCalls(calls);
    }
    qCInfo(lcProviders) << m_displayName << "stream completed:" << text().size() << "characters,"
                        << toolCalls().size() << "tool calls";
    finalize(End::Completed);
}

void HttpProviderStream::failStream(const ProviderError &error)
{
    if (isFinished())
        return;
    qCInfo(lcProviders) << m_displayName << "error event in stream:" << ProviderError::kindName(error.kind);
    releaseRequest();
    handleFailure(error);
}

ErrorContext HttpProviderStream::errorContext() const
{
    return {m_displayName, m_request.model, m_request.apiKey};
}

QUrl HttpProviderStream::joinUrl(const QString &base, const QString &path)
{
    QString b = base;
    while (b.endsWith(QLatin1Char('/')))
        b.chop(1);
    return QUrl(b + path);
}

void HttpProviderStream::releaseRequest()
{
    if (!m_http)
        return;
    HttpStreamRequest *http = std::exchange(m_http, nullptr);
    disconnect(http, nullptr, this, nullptr);
    http->abort(); // closes the socket at once
    // We may be inside one of its signals: it must outlive this stream if a handler deletes us there.
    http->setParent(nullptr);
    http->deleteLater();
}

void HttpProviderStream::finalize(End end, const ProviderError &error)
{
    m_retryTimer.stop();
    m_totalTimer.stop();
    releaseRequest();
    endWith(end, error);
}

} // namespace teehee
