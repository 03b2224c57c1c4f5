#include "api/responder.h"

#include "api/connectionguard.h"
#include "core/logging.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTcpSocket>

namespace teehee {

struct ResponderState {
    QPointer<ConnectionGuard> guard;
    quint64 ticket = 0; // this answer's place among the connection's
    QByteArray method;
    QString path;
    QString requestId;
    HttpHeaders cors;
    QElapsedTimer timer;
    int status = 0;
    bool answered = false;
    bool streaming = false;
    bool headOnly = false; // HEAD: the GET answer's status and headers, no body

    QByteArray head(int statusCode, const HttpHeaders &headers, const QByteArray &contentType, const QByteArray &framing)
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(statusCode) + ' ' + reasonPhrase(statusCode) + "\r\n";
        if (!contentType.isEmpty())
            out += "Content-Type: " + contentType + "\r\n";
        out += framing;
        out += headerLines(headers) + headerLines(cors);
        out += "X-Request-Id: " + requestId.toLatin1() + "\r\n";
        if (guard && guard->closeAfterResponse(ticket))
            out += "Connection: close\r\n";
        return out + "\r\n";
    }

    void finish()
    {
        answered = true;
        // One access line per request, formatted without temporaries.
        qCInfo(lcHttp, "%s %s %d %lldms id=%s%s", qUtf8Printable(logSafe(method)), qUtf8Printable(logSafe(path)), status,
               qint64(timer.elapsed()), qUtf8Printable(requestId), guard && guard->isWritable() ? "" : " (client gone)");
        if (guard)
            guard->responseFinished(ticket);
    }

    ~ResponderState()
    {
        if (answered || !guard)
            return;
        if (streaming) {
            guard->write(ticket, "0\r\n\r\n");
            finish();
            return;
        }
        qCWarning(lcHttp).noquote() << logSafe(method) << logSafe(path) << "was dropped without an answer; sending 500";
        status = 500;
        const auto r = detailResponse(500, QStringLiteral("Internal server error"));
        guard->write(ticket, head(500, r.headers, r.contentType, "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n") + r.body);
        finish();
    }
};

Responder::Responder(ConnectionGuard *guard, quint64 ticket, QByteArray method, QString path, QString requestId,
                     HttpHeaders corsHeaders)
    : d(std::make_shared<ResponderState>())
{
    d->guard = guard;
    d->ticket = ticket;
    d->method = std::move(method);
    d->path = std::move(path);
    d->requestId = std::move(requestId);
    d->cors = std::move(corsHeaders);
    d->headOnly = d->method == "HEAD";
    d->timer.start();
}

bool Responder::isConnected() const
{
    return d && d->guard && d->guard->isWritable();
}

bool Responder::isAnswered() const
{
    return !d || d->answered;
}

const QString &Responder::requestId() const
{
    static const QString none;
    return d ? d->requestId : none;
}

void Responder::send(const HttpResponse &response)
{
    if (!d || d->answered || d->streaming)
        return;
    d->status = response.status;
    if (d->guard) {
        // A 304 has no content, and no length that would describe one.
        const QByteArray framing = response.status == 304
            ? QByteArray()
            : "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        const QByteArray head = d->head(response.status, response.headers, response.contentType, framing);
        d->guard->write(d->ticket, d->headOnly ? head : head + response.body);
    }
    d->finish();
}

bool Responder::beginStream(int status, const HttpHeaders &headers, const QByteArray &contentType)
{
    if (!d || d->answered || d->streaming || !isConnected())
        return false;
    d->status = status;
    HttpHeaders all = headers;
    all.append(qMakePair(QByteArray("Cache-Control"), QByteArray("no-cache")));
    const QByteArray head = d->head(status, all, contentType, "Transfer-Encoding: chunked\r\n");
    if (d->headOnly) {
        // The headers are the whole answer: the producer hears "client gone" and stops.
        d->guard->write(d->ticket, head);
        d->finish();
        return false;
    }
    d->streaming = true;
    d->guard->setStreaming(true);
    return d->guard->write(d->ticket, head);
}

bool Responder::writeChunk(const QByteArray &data)
{
    if (!d || !d->streaming || d->answered || !isConnected())
        return false;
    if (data.isEmpty())
        return true; // an empty chunk would end the stream
    const bool ok = d->guard->write(d->ticket, QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
    d->guard->socket()->flush();
    return ok;
}

void Responder::endStream()
{
    if (!d || !d->streaming || d->answered)
        return;
    if (d->guard)
        d->guard->write(d->ticket, "0\r\n\r\n");
    d->finish();
}

qint64 Responder::bytesToWrite() const
{
    return isConnected() ? d->guard->unsentBytes(d->ticket) : 0;
}

void Responder::onBytesWritten(QObject *context, std::function<void()> callback)
{
    if (d && d->guard)
        QObject::connect(d->guard->socket(), &QTcpSocket::bytesWritten, context, [callback = std::move(callback)] { callback(); });
}

void Responder::abortConnection()
{
    if (d && d->guard)
        d->guard->socket()->abort();
}

void Responder::onDisconnected(QObject *context, std::function<void()> callback)
{
    if (!d || !d->guard) {
        if (callback)
            callback();
        return;
    }
    auto fired = std::make_shared<bool>(false);
    std::weak_ptr<ResponderState> weak = d;
    auto once = [callback = std::move(callback), fired, weak] {
        const auto state = weak.lock();
        if (!state || state->answered)
            return;
        if (!*fired) {
            *fired = true;
            callback();
        }
    };
    QObject::connect(d->guard->socket(), &QTcpSocket::disconnected, context, once);
    QObject::connect(d->guard, &QObject::destroyed, context, once);
}

} // namespace teehee
