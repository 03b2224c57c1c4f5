#include "fakeproviderserver.h"

#include "generation/chattitler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace teehee::test {

// ---------------------------------------------------------------- requests/responses

QByteArray RecordedRequest::header(QByteArrayView name) const
{
    for (const auto &[k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

QJsonObject RecordedRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

FakeResponse &FakeResponse::header(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

FakeResponse &FakeResponse::send(const QByteArray &bytes, int delayMs)
{
    steps.append({delayMs, bytes});
    return *this;
}

FakeResponse &FakeResponse::sendFragmented(const QByteArray &bytes, int pieceSize, int delayMs)
{
    for (qsizetype i = 0; i < bytes.size(); i += pieceSize)
        steps.append({delayMs, bytes.mid(i, pieceSize)});
    return *this;
}

FakeResponse &FakeResponse::closeMidStream()
{
    ending = Ending::CloseMidStream;
    return *this;
}

FakeResponse &FakeResponse::hang()
{
    ending = Ending::Hang;
    return *this;
}

FakeResponse &FakeResponse::withFraming(Framing f)
{
    framing = f;
    return *this;
}

FakeResponse &FakeResponse::delayHeaders(int ms)
{
    headerDelayMs = ms;
    return *this;
}

FakeResponse FakeResponse::sse(int status)
{
    FakeResponse r;
    r.status = status;
    r.header("Content-Type", "text/event-stream; charset=utf-8").header("Cache-Control", "no-cache");
    return r;
}

FakeResponse FakeResponse::json(int status, const QByteArray &body)
{
    FakeResponse r;
    r.status = status;
    r.framing = Framing::ContentLength;
    r.header("Content-Type", "application/json");
    r.send(body);
    return r;
}

// ---------------------------------------------------------------- wire formats


// ---------------------------------------------------------------- server

struct FakeProviderServer::Connection : QObject {
    explicit Connection(QTcpSocket *s) : QObject(s), socket(s) {}
    QTcpSocket *socket;
    QByteArray buffer;
    FakeResponse response;
    qsizetype nextStep = 0;
    bool requestDone = false;
    bool responseDone = false;
};

FakeProviderServer::FakeProviderServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FakeProviderServer::onNewConnection);
}

FakeProviderServer::~FakeProviderServer() = default;

bool FakeProviderServer::listen()
{
    return listen(QHostAddress(QHostAddress::LocalHost));
}

bool FakeProviderServer::listen(const QHostAddress &address)
{
    m_server->setMaxPendingConnections(100);
    return m_server->listen(address, 0);
}

quint16 FakeProviderServer::port() const
{
    return m_server->serverPort();
}

QString FakeProviderServer::baseUrl(const QString &path) const
{
    const QHostAddress address = m_server->serverAddress();
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
        ? QLatin1Char('[') + address.toString() + QLatin1Char(']') : address.toString();
    return QStringLiteral("http://%1:%2%3").arg(host).arg(port()).arg(path);
}

void FakeProviderServer::enqueue(const FakeResponse &response)
{
    m_queue.append(response);
}

void FakeProviderServer::setHandler(std::function<FakeResponse(const RecordedRequest &)> handler)
{
    m_handler = std::move(handler);
}

void FakeProviderServer::holdResponsesUntil(int count)
{
    m_holdUntil = count;
}

void FakeProviderServer::setTitle(const QString &title)
{
    m_title = title;
    m_titleResponse.reset();
}

void FakeProviderServer::setTitleResponse(const FakeResponse &response)
{
    m_titleResponse = response;
}

void FakeProviderServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *c = new Connection(socket);
        ++m_open;
        m_peakOpen = qMax(m_peakOpen, m_open);
        connect(socket, &QTcpSocket::readyRead, c, [this, c] { onReadyRead(c); });
        connect(socket, &QTcpSocket::disconnected, this, [this, c, socket] {
            --m_open;
            if (!c->responseDone) {
                ++m_clientDisconnects;
                Q_EMIT clientDisconnected();
            }
            socket->deleteLater();
        });
    }
}

void FakeProviderServer::onReadyRead(Connection *c)
{
    c->buffer += c->socket->readAll();
    if (c->requestDone)
        return;
    const qsizetype headerEnd = c->buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    RecordedRequest req;
    const QList<QByteArray> lines = c->buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    req.method = requestLine.value(0);
    req.path = requestLine.value(1);
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        req.headers.append({name, value});
        if (name == "content-length")
            contentLength = value.toLongLong();
    }
    if (c->buffer.size() < headerEnd + 4 + contentLength)
        return; // body still coming
    req.body = c->buffer.mid(headerEnd + 4, contentLength);
    c->requestDone = true;

    if (req.body.contains(ChatTitler::kInstruction.toUtf8())) {
        m_titleRequests.append(req);
        Q_EMIT titleRequestReceived();
        if (m_titleResponse)
            return respond(c, *m_titleResponse);
        // Two pieces, so that the title arrives as a stream does.
        const QStringList pieces{m_title.left(m_title.size() / 2), m_title.mid(m_title.size() / 2)};
        FakeResponse title = FakeResponse::sse();
        if (req.path.endsWith("/messages"))
            title.send(wire::anthropicStream(pieces));
        else if (req.json().value(QStringLiteral("model")).toString().startsWith(u"mistral"))
            title.send(wire::mistralStream(pieces));
        else
            title.send(wire::openAiStream(pieces));
        return respond(c, title);
    }

    m_requests.append(req);
    FakeResponse response;
    if (!m_queue.isEmpty())
        response = m_queue.takeFirst();
    else if (m_handler)
        response = m_handler(req);
    else
        response = FakeResponse::json(500, wire::openAiErrorBody("No scripted response", "server_error", ""));
    Q_EMIT requestReceived(int(m_requests.size() - 1));

    if (m_holdUntil > 0) {
        m_held.append({c, response});
        if (m_requests.size() < m_holdUntil)
            return;
        m_holdUntil = 0;
        const auto held = std::exchange(m_held, {});
        for (const auto &[conn, resp] : held)
            respond(conn, resp);
        return;
    }
    respond(c, response);
}

void FakeProviderServer::respond(Connection *c, FakeResponse response)
{
    c->response = std::move(response);
    QTimer::singleShot(c->response.headerDelayMs, c, [this, c] {
        const FakeResponse &r = c->response;
        QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + " Fake\r\n";
        for (const auto &[k, v] : r.headers)
            head += k + ": " + v + "\r\n";
        if (r.framing == FakeResponse::Framing::Chunked) {
            head += "Transfer-Encoding: chunked\r\n";
        } else if (r.framing == FakeResponse::Framing::ContentLength) {
            qsizetype total = 0;
            for (const auto &s : r.steps)
                total += s.bytes.size();
            head += "Content-Length: " + QByteArray::number(total) + "\r\n";
        }
        head += "Connection: close\r\n\r\n";
        c->socket->write(head);
        sendStep(c);
    });
}

void FakeProviderServer::sendStep(Connection *c)
{
    if (c->nextStep >= c->response.steps.size()) {
        finishResponse(c);
        return;
    }
    const FakeResponse::Step &step = c->response.steps.at(c->nextStep);
    auto write = [this, c] {
        writeBody(c, c->response.steps.at(c->nextStep).bytes);
        ++c->nextStep;
        sendStep(c);
    };
    if (step.delayMs > 0) {
        c->socket->flush();
        QTimer::singleShot(step.delayMs, c, write);
    } else {
        write();
    }
}

void FakeProviderServer::writeBody(Connection *c, const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    if (c->response.framing == FakeResponse::Framing::Chunked)
        c->socket->write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
    else
        c->socket->write(bytes);
    c->socket->flush();
}

void FakeProviderServer::finishResponse(Connection *c)
{
    switch (c->response.ending) {
    case FakeResponse::Ending::Hang:
        return;
    case FakeResponse::Ending::CloseMidStream:
        c->responseDone = true;
        c->socket->flush();
        c->socket->disconnectFromHost();
        return;
    case FakeResponse::Ending::Complete:
        if (c->response.framing == FakeResponse::Framing::Chunked)
            c->socket->write("0\r\n\r\n");
        c->responseDone = true;
        c->socket->disconnectFromHost();
        return;
    }
}

} // namespace teehee::test
