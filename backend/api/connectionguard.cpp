#include "api/connectionguard.h"

#include "api/clientsocket.h"
#include "core/logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

namespace teehee {

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits, std::shared_ptr<const CorsPolicy> cors)
    : QObject(socket), m_socket(socket), m_limits(limits), m_cors(std::move(cors))
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
    // Connected before QHttpServer's own slot (the socket is not handed over
    // yet), so this runs first and sees each byte exactly once via peek().
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    restartIdleTimer();
}

bool ConnectionGuard::isWritable() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState && m_state != State::Rejected;
}

void ConnectionGuard::onReadyRead()
{
    if (m_state == State::Rejected) {
        m_socket->readAll(); // drain so that closing does not reset the connection
        return;
    }
    if (m_state == State::PassThrough)
        return;
    process(m_socket->peek(m_socket->bytesAvailable()));
}

void ConnectionGuard::process(QByteArray data)
{
    m_idleTimer.stop();
    while (!data.isEmpty()) {
        switch (m_state) {
        case State::Headers: {
            if (m_headerBuffer.isEmpty()) {
                // Blank lines between requests are allowed (RFC 9112 §2.2).
                qsizetype skip = 0;
                while (skip < data.size() && (data[skip] == '\r' || data[skip] == '\n'))
                    ++skip;
                data.remove(0, skip);
                if (data.isEmpty())
                    return;
                if (!m_requestTimer.isActive())
                    m_requestTimer.start(m_limits.requestTimeoutMs);
            }
            m_headerBuffer += data;
            data.clear();
            const qsizetype end = m_headerBuffer.indexOf("\r\n\r\n");
            if (end < 0) {
                if (m_headerBuffer.size() > m_limits.maxHeaderBytes)
                    reject(431, QStringLiteral("Request headers are too large"));
                return;
            }
            if (end + 4 > m_limits.maxHeaderBytes)
                return reject(431, QStringLiteral("Request headers are too large"));
            const QByteArray block = m_headerBuffer.left(end);
            data = m_headerBuffer.mid(end + 4);
            m_headerBuffer.clear();
            if (!parseHeaderBlock(block, data))
                return;
            break;
        }
        case State::Body: {
            const qint64 take = qMin<qint64>(m_bodyRemaining, data.size());
            m_bodyRemaining -= take;
            data.remove(0, take);
            if (m_bodyRemaining == 0)
                m_state = State::Headers;
            break;
        }
        case State::ChunkedBody:
            // Chunk framing is left to QHttpServer; counting every byte is a
            // safe upper bound of the body size.
            m_chunkedSeen += data.size();
            data.clear();
            if (m_chunkedSeen > m_limits.maxRequestBytes + 64 * 1024)
                return reject(413, QStringLiteral("Request body is larger than %1 bytes").arg(m_limits.maxRequestBytes));
            break;
        case State::Rejected:
        case State::PassThrough:
            return;
        }
    }
}

bool ConnectionGuard::parseHeaderBlock(const QByteArray &block, const QByteArray &following)
{
    const QList<QByteArray> lines = block.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    const QByteArray version = requestLine.value(2).toUpper();
    bool close = version == "HTTP/1.0";
    qint64 contentLength = 0;
    bool chunked = false, expectContinue = false, upgrade = false;
    m_origin.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            contentLength = value.toLongLong(&ok);
            if (!ok || contentLength < 0) {
                reject(400, QStringLiteral("Invalid Content-Length"));
                return false;
            }
        } else if (name == "transfer-encoding") {
            chunked = value.toLower().contains("chunked");
        } else if (name == "expect") {
            expectContinue = value.toLower() == "100-continue";
        } else if (name == "connection") {
            const QByteArray v = value.toLower();
            if (v.contains("close"))
                close = true;
            else if (v.contains("keep-alive"))
                close = false;
            if (v.contains("upgrade"))
                upgrade = true;
        } else if (name == "upgrade") {
            upgrade = upgrade || value.toLower() == "websocket";
        } else if (name == "origin") {
            m_origin = value;
        }
    }
    if (upgrade) {
        if (auto *client = qobject_cast<ClientSocket *>(m_socket))
            client->setUpgradeCors(headerLines(m_cors->headersFor(m_origin)));
        // QHttpServer hands the socket to its WebSocket server: stop guarding.
        m_state = State::PassThrough;
        m_requestTimer.stop();
        m_idleTimer.stop();
        return false;
    }
    if (contentLength > m_limits.maxRequestBytes) {
        reject(413, QStringLiteral("Request body is larger than %1 bytes").arg(m_limits.maxRequestBytes));
        return false;
    }
    m_closeFlags.push_back(close);
    if (expectContinue && following.isEmpty() && (contentLength > 0 || chunked))
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    if (chunked) {
        m_state = State::ChunkedBody;
        m_chunkedSeen = following.size();
    } else if (contentLength > 0) {
        m_state = State::Body;
        m_bodyRemaining = contentLength;
    } else {
        m_state = State::Headers;
    }
    return true;
}

quint64 ConnectionGuard::requestDispatched()
{
    m_requestTimer.stop();
    if (m_state == State::ChunkedBody) {
        m_state = State::Headers;
        m_chunkedSeen = 0;
    }
    return m_nextTicket++;
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
    if (m_closeFlags.empty() && !m_streaming && m_state == State::Headers && m_headerBuffer.isEmpty())
        m_idleTimer.start(m_limits.idleTimeoutMs);
}

void ConnectionGuard::reject(int status, const QString &detail)
{
    if (m_state == State::Rejected)
        return;
    qCInfo(lcHttp).noquote() << "-" << "-" << status << "0ms" << "rejected:" << detail;
    const bool writable = isWritable();
    m_state = State::Rejected;
    m_idleTimer.stop();
    m_requestTimer.stop();
    // QHttpServer must not parse what follows: take its readyRead away.
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
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
