#include "api/connectionguard.h"

#include "api/clientsocket.h"
#include "core/logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

namespace teehee {

namespace {
constexpr qint64 kReadSlice = 64 * 1024;
}

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits, std::shared_ptr<const CorsPolicy> cors,
                                 std::shared_ptr<const HttpHandlers> handlers)
    : QObject(socket), m_socket(socket), m_limits(limits), m_cors(std::move(cors)), m_handlers(std::move(handlers)),
      m_parser(HttpParserLimits{limits.maxHeaderBytes, limits.maxRequestBytes, 100, limits.bodyBytesByPath})
{
    m_idleTimer.setSingleShot(true);
    m_requestTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        qCDebug(lcHttp) << "closing idle connection";
        m_socket->disconnectFromHost();
    });
    connect(&m_requestTimer, &QTimer::timeout, this, [this] {
        reject(408, QStringLiteral("The request took too long to arrive"));
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    // Reading paused behind unsent answers goes on once they leave.
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_state == State::Reading && m_socket->bytesToWrite() == 0
            && (m_pendingOffset < m_pending.size() || m_socket->bytesAvailable() > 0))
            onReadyRead();
    });
    restartIdleTimer();
}

bool ConnectionGuard::canTakeMore() const
{
    return !m_lastRequestRead && m_closeFlags.size() < kMaxPipelined && m_socket->bytesToWrite() < kMaxUnsentBytes;
}

bool ConnectionGuard::isWritable() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState && m_state == State::Reading;
}

void ConnectionGuard::onReadyRead()
{
    if (m_state == State::Rejected) {
        m_socket->readAll(); // drain so that closing does not reset the connection
        return;
    }
    if (m_state != State::Reading)
        return;
    m_idleTimer.stop();
    bool needInput = true; // after a head, the parser goes on without new bytes
    while (m_state == State::Reading && canTakeMore()) {
        if (needInput && m_pendingOffset >= m_pending.size()) {
            m_pending.clear();
            m_pendingOffset = 0;
            // A request starts at the socket's read position: read it inside a
            // transaction, so that a WebSocket handshake can be given back unread.
            if (m_parser.isIdle() && !m_socket->isTransactionStarted())
                m_socket->startTransaction();
            m_pending = m_socket->read(kReadSlice);
            if (m_pending.isEmpty())
                break;
        }
        qsizetype used = 0;
        const auto step = m_parser.feed(QByteArrayView(m_pending).sliced(m_pendingOffset), used);
        m_pendingOffset += used;
        needInput = step == HttpRequestParser::Step::NeedMore;
        if (!m_parser.isIdle() && !m_requestTimer.isActive())
            m_requestTimer.start(m_limits.requestTimeoutMs);
        switch (step) {
        case HttpRequestParser::Step::NeedMore:
            break;
        case HttpRequestParser::Step::HeadReady:
            if (!onHead())
                return;
            break;
        case HttpRequestParser::Step::MessageReady:
            onMessage();
            break;
        case HttpRequestParser::Step::Failed:
            return reject(m_parser.error().status, m_parser.error().detail);
        }
    }
    if (m_state == State::Reading)
        restartIdleTimer();
}

bool ConnectionGuard::onHead()
{
    const HttpRequestHead &head = m_parser.head();
    m_origin = head.header("origin");
    const bool transaction = m_socket->isTransactionStarted();
    if (head.isWebSocketHandshake() && m_handlers->wantsUpgrade && m_handlers->wantsUpgrade(head)) {
        // Only a handshake that starts at the socket's read position can be handed back unread.
        if (!transaction || m_pendingOffset != m_pending.size() || !m_closeFlags.empty()) {
            if (transaction)
                m_socket->commitTransaction();
            reject(400, QStringLiteral("A WebSocket handshake must not follow other requests unanswered"));
            return false;
        }
        m_socket->rollbackTransaction();
        upgrade();
        return false;
    }
    if (transaction)
        m_socket->commitTransaction();
    const bool bodyFollows = head.chunked || head.contentLength > 0;
    if (head.expectContinue && bodyFollows && m_closeFlags.empty() && m_pendingOffset == m_pending.size()
        && m_socket->bytesAvailable() == 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    return true;
}

void ConnectionGuard::onMessage()
{
    m_requestTimer.stop();
    const HttpRequestHead head = m_parser.head();
    m_closeFlags.push_back(!head.keepAlive);
    const quint64 ticket = m_nextTicket++;
    m_handlers->onRequest(this, ticket, head, m_parser.takeBody());
    if (!head.keepAlive && m_state == State::Reading) {
        // Nothing after a closing request is read; the answer ends the connection.
        m_lastRequestRead = true;
        m_pending.clear();
        m_pendingOffset = 0;
        disconnect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
        connect(m_socket, &QTcpSocket::readyRead, m_socket, [s = m_socket] { s->readAll(); });
    }
}

void ConnectionGuard::upgrade()
{
    m_state = State::Upgraded;
    m_idleTimer.stop();
    m_requestTimer.stop();
    disconnect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    m_socket->setReadBufferSize(0); // a WebSocket frame is read whole, up to its own limit
    if (auto *client = dynamic_cast<UpgradeCorsFilter *>(m_socket))
        client->setUpgradeCors(headerLines(m_cors->headersFor(m_origin)));
    m_handlers->onUpgrade(m_socket);
}

bool ConnectionGuard::closeAfterResponse(quint64 ticket) const
{
    const quint64 index = ticket - m_oldestTicket;
    return ticket >= m_oldestTicket && index < m_closeFlags.size() && m_closeFlags[size_t(index)];
}

bool ConnectionGuard::write(quint64 ticket, const QByteArray &bytes)
{
    if (!isWritable())
        return false;
    if (ticket != m_oldestTicket) {
        m_held[ticket].bytes += bytes;
        return true;
    }
    const bool ok = m_socket->write(bytes) == bytes.size();
    // Hand it to the kernel now: waiting for the write notifier costs every
    // response another turn of the event loop.
    m_socket->flush();
    return ok;
}

qint64 ConnectionGuard::unsentBytes(quint64 ticket) const
{
    qint64 unsent = m_socket->bytesToWrite();
    for (auto it = m_held.begin(); it != m_held.end() && it->first <= ticket; ++it)
        unsent += it->second.bytes.size();
    return unsent;
}

void ConnectionGuard::responseFinished(quint64 ticket)
{
    if (ticket != m_oldestTicket) {
        m_held[ticket].finished = true;
        return;
    }
    finishOldest();
    // Later answers that waited for this one go out now, as far as they are ready.
    for (auto it = m_held.find(m_oldestTicket); it != m_held.end(); it = m_held.find(m_oldestTicket)) {
        HeldAnswer held = std::move(it->second);
        m_held.erase(it);
        if (!isWritable())
            return;
        m_socket->write(held.bytes);
        m_socket->flush();
        if (!held.finished)
            return; // it goes on writing directly: it is the oldest now
        finishOldest();
    }
    // Reading may have paused behind kMaxPipelined answers.
    if (m_state == State::Reading && (m_pendingOffset < m_pending.size() || m_socket->bytesAvailable() > 0))
        QMetaObject::invokeMethod(this, &ConnectionGuard::onReadyRead, Qt::QueuedConnection);
}

void ConnectionGuard::finishOldest()
{
    const bool close = closeAfterResponse(m_oldestTicket);
    if (!m_closeFlags.empty())
        m_closeFlags.pop_front();
    ++m_oldestTicket;
    m_streaming = false;
    if (close) {
        m_held.clear();
        m_socket->disconnectFromHost();
        return;
    }
    restartIdleTimer();
}

void ConnectionGuard::setStreaming(bool streaming)
{
    m_streaming = streaming;
    if (streaming)
        m_idleTimer.stop();
}

void ConnectionGuard::restartIdleTimer()
{
    if (m_state == State::Reading && m_closeFlags.empty() && !m_streaming && m_parser.isIdle()
        && m_pendingOffset >= m_pending.size())
        m_idleTimer.start(m_limits.idleTimeoutMs);
}

void ConnectionGuard::reject(int status, const QString &detail)
{
    if (m_state != State::Reading)
        return;
    qCInfo(lcHttp).noquote() << "-" << "-" << status << "0ms" << "rejected:" << detail;
    m_origin = m_parser.head().header("origin"); // the refused request's, as far as it was read
    const bool writable = isWritable();
    m_state = State::Rejected;
    m_idleTimer.stop();
    m_requestTimer.stop();
    m_held.clear();
    m_pending.clear();
    m_pendingOffset = 0;
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->readAll();
    if (writable) {
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("detail"), detail}}).toJson(QJsonDocument::Compact);
        QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
        out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n";
        out += headerLines(m_cors->headersFor(m_origin)) + "\r\n" + body;
        m_socket->write(out);
    }
    m_socket->disconnectFromHost();
}

} // namespace teehee
