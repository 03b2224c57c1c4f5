#include "providers/httpproviderstream.h"

#include "core/logging.h"

#include "providers/networkpool.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace teehee {

namespace {

enum TimerKind { FirstByteTimer, IdleTimer, TotalTimer };

constexpr qsizetype kMaxErrorBody = 64 * 1024;

} // namespace

HttpProviderStream::HttpProviderStream(ChatRequest request, QString providerDisplayName, QObject *parent)
    : ProviderStream(parent)
    , m_request(std::move(request))
    , m_displayName(std::move(providerDisplayName))
    , m_retry(m_request.retry)
{
    for (QTimer *t : {&m_firstByteTimer, &m_idleTimer, &m_totalTimer, &m_retryTimer})
        t->setSingleShot(true);
    m_firstByteTimer.setInterval(m_request.timeouts.firstByteMs);
    m_idleTimer.setInterval(m_request.timeouts.idleMs);
    m_totalTimer.setInterval(m_request.timeouts.totalMs);
    connect(&m_firstByteTimer, &QTimer::timeout, this, [this] { onTimeout(FirstByteTimer); });
    connect(&m_idleTimer, &QTimer::timeout, this, [this] { onTimeout(IdleTimer); });
    connect(&m_totalTimer, &QTimer::timeout, this, [this] { onTimeout(TotalTimer); });
    connect(&m_retryTimer, &QTimer::timeout, this, &HttpProviderStream::startAttempt);
}

HttpProviderStream::~HttpProviderStream()
{
    if (!isFinished()) {
        qCDebug(lcProviders) << m_displayName << "stream destroyed while running; aborting";
        endSilently();
    }
    stopTimers();
    m_totalTimer.stop();
    releaseNetwork();
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
    m_sinceData.invalidate();
    m_httpStatus = 0;
    m_headersSeen = false;
    m_joiner = ContinuationJoiner(m_request.partialText(), continuationOptions());
    resetAttemptState();

    QNetworkRequest req = networkRequest();
    if (!m_nam) {
        // A manager with a free connection to this host: never queued behind other streams.
        m_namUrl = req.url();
        m_nam = NetworkPool::forThisThread().acquire(m_namUrl);
    }
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setRawHeader("Accept", "text/event-stream");
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    qCInfo(lcProviders).nospace() << m_displayName << ": POST " << req.url().toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)
                                  << " model=" << m_request.model << " attempt=" << m_attempt;

    m_reply = m_nam->post(req, requestBody());
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpProviderStream::onMetaData);
    connect(m_reply, &QIODevice::readyRead, this, &HttpProviderStream::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpProviderStream::onFinished);
    m_firstByteTimer.start();
}

void HttpProviderStream::onMetaData()
{
    if (!m_reply || m_headersSeen)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    m_headersSeen = true;
    m_httpStatus = status.toInt();
    m_firstByteTimer.stop();
    m_sinceData.start();
    m_idleTimer.start(m_request.timeouts.idleMs);
    if (m_httpStatus >= 200 && m_httpStatus < 300 && !m_started) {
        m_started = true;
        Q_EMIT started();
    }
}

void HttpProviderStream::onReadyRead()
{
    if (!m_reply)
        return;
    onMetaData();
    // Data arrived: the idle deadline starts over. Restarting the timer on
    // every read would re-register it per token; onTimeout looks at this instead.
    m_sinceData.start();
    const QByteArray bytes = m_reply->readAll();
    if (m_httpStatus >= 300) {
        if (m_errorBody.size() < kMaxErrorBody)
            m_errorBody.append(bytes.left(kMaxErrorBody - m_errorBody.size()));
        return;
    }
    QList<SseEvent> events;
    m_parser.feed(bytes, events);
    const QNetworkReply *current = m_reply;
    for (const SseEvent &ev : events) {
        // A handler may have completed, failed, aborted or retried the stream.
        if (isFinished() || m_reply != current)
            return;
        handleEvent(ev);
    }
}

void HttpProviderStream::onFinished()
{
    if (!m_reply || isFinished())
        return;
    onReadyRead();
    if (isFinished() || !m_reply)
        return;
    QNetworkReply *reply = m_reply;
    stopTimers();
    const QNetworkReply::NetworkError netError = reply->error();
    const QString netErrorText = reply->errorString();

    if (m_httpStatus >= 300) {
        const ProviderError e = errorFromHttpResponse(errorContext(), m_httpStatus, reply->rawHeaderPairs(), m_errorBody);
        qCInfo(lcProviders) << m_displayName << "HTTP" << m_httpStatus << ProviderError::kindName(e.kind);
        releaseReply();
        handleFailure(e);
        return;
    }
    releaseReply();

    if (!m_headersSeen) {
        qCInfo(lcProviders) << m_displayName << "connection failed:" << netError;
        handleFailure(ProviderError::make(ProviderError::Network,
                                          QStringLiteral("Could not reach %1 at %2 (%3)")
                                              .arg(m_displayName, networkRequest().url().host(), netErrorText)));
        return;
    }

    const bool dropped = m_parser.finish();
    if (netError == QNetworkReply::NoError && !dropped && acceptsEndWithoutMarker()) {
        completeStream();
        return;
    }
    qCInfo(lcProviders) << m_displayName << "stream closed before its end marker:" << netError;
    handleFailure(ProviderError::make(ProviderError::UpstreamClosed,
                                      QStringLiteral("%1 closed the connection before the reply was complete")
                                          .arg(m_displayName)));
}

void HttpProviderStream::onTimeout(int which)
{
    if (isFinished())
        return;
    if (which == IdleTimer && m_sinceData.isValid()) {
        const qint64 quiet = m_sinceData.elapsed();
        if (quiet < m_request.timeouts.idleMs) {
            m_idleTimer.start(int(m_request.timeouts.idleMs - quiet));
            return;
        }
    }
    const auto seconds = [](int ms) { return humanDelay(ms); };
    QString message;
    switch (which) {
    case FirstByteTimer:
        message = QStringLiteral("%1 did not answer within %2").arg(m_displayName, seconds(m_request.timeouts.firstByteMs));
        break;
    case IdleTimer:
        message = QStringLiteral("%1 stopped sending for %2; the reply is incomplete")
                      .arg(m_displayName, seconds(m_request.timeouts.idleMs));
        break;
    default:
        message = QStringLiteral("The reply from %1 took longer than the %2 limit")
                      .arg(m_displayName, seconds(m_request.timeouts.totalMs));
        break;
    }
    qCInfo(lcProviders) << m_displayName << "timeout" << which;
    // Our own teardown: its OperationCanceledError is never seen, so never taken for an abort.
    finalize(End::Failed, ProviderError::make(ProviderError::Timeout, message));
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
    qCInfo(lcProviders) << m_displayName << "stream completed:" << text().size() << "characters";
    finalize(End::Completed);
}

void HttpProviderStream::failStream(const ProviderError &error)
{
    if (isFinished())
        return;
    qCInfo(lcProviders) << m_displayName << "error event in stream:" << ProviderError::kindName(error.kind);
    stopTimers();
    releaseReply();
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

void HttpProviderStream::releaseReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    if (reply->isRunning())
        reply->abort();
    reply->deleteLater();
}

void HttpProviderStream::releaseNetwork()
{
    releaseReply();
    if (!m_nam)
        return;
    NetworkPool::forThisThread().release(std::exchange(m_nam, nullptr), m_namUrl);
}

void HttpProviderStream::stopTimers()
{
    m_firstByteTimer.stop();
    m_idleTimer.stop();
    m_retryTimer.stop();
}

void HttpProviderStream::finalize(End end, const ProviderError &error)
{
    stopTimers();
    m_totalTimer.stop();
    releaseNetwork();
    endWith(end, error);
}

} // namespace teehee
