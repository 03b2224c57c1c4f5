#include "fakemcphttp.h"

#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>

FakeMcpHttp::FakeMcpHttp(FakeMcpCore *core, bool sse, QObject *parent)
    : QTcpServer(parent)
    , m_core(core)
    , m_sse(sse)
{
    connect(this, &QTcpServer::newConnection, this, &FakeMcpHttp::onConnection);
}

void FakeMcpHttp::onConnection()
{
    while (QTcpSocket *socket = nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void FakeMcpHttp::onReadable(QTcpSocket *socket)
{
    // The whole request is small: wait until head and body are in.
    QByteArray buffered = socket->property("buffer").toByteArray() + socket->readAll();
    socket->setProperty("buffer", buffered);
    const qsizetype headEnd = buffered.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;
    const QList<QByteArray> lines = buffered.left(headEnd).split('\n');
    QHash<QByteArray, QByteArray> headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
    }
    const qsizetype length = headers.value("content-length").toLongLong();
    if (buffered.size() < headEnd + 4 + length)
        return;
    socket->setProperty("buffer", QByteArray());
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    handleRequest(socket, lines.at(0).split(' ').value(0), headers, buffered.mid(headEnd + 4, length));
}

void FakeMcpHttp::respond(QTcpSocket *socket, const QByteArray &head, const QByteArray &body)
{
    socket->write("HTTP/1.1 " + head + "\r\nContent-Length: " + QByteArray::number(body.size())
                  + "\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

void FakeMcpHttp::handleRequest(QTcpSocket *socket, const QByteArray &method, const QHash<QByteArray, QByteArray> &headers,
                                const QByteArray &body)
{
    if (method == "DELETE") {
        m_session.clear();
        respond(socket, "200 OK", {});
        return;
    }
    const QByteArray accept = headers.value("accept");
    if (!accept.contains("application/json") || !accept.contains("text/event-stream")) {
        respond(socket, "406 Not Acceptable", {});
        return;
    }
    const QJsonObject message = QJsonDocument::fromJson(body).object();
    const bool initialize = message.value("method").toString() == "initialize";
    if (!initialize) {
        const QByteArray session = headers.value("mcp-session-id");
        if (session.isEmpty() || headers.value("mcp-protocol-version") != "2025-06-18") {
            respond(socket, "400 Bad Request", {});
            return;
        }
        if (session != m_session) {
            respond(socket, "404 Not Found", {});
            return;
        }
    }
    if (!message.contains("id") || !message.contains("method")) {
        m_core->handle(message, [](const QJsonObject &) {});
        respond(socket, "202 Accepted", {});
        return;
    }
    QByteArray extra;
    if (initialize) {
        m_session = "fake-session-" + QByteArray::number(qint64(socket->peerPort()));
        extra = "Mcp-Session-Id: " + m_session + "\r\n";
    }
    QPointer<QTcpSocket> target(socket);
    if (m_sse) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n" + extra + "Connection: close\r\n\r\n");
        m_core->handle(message, [target](const QJsonObject &m) {
            if (!target)
                return;
            target->write("event: message\ndata: " + QJsonDocument(m).toJson(QJsonDocument::Compact) + "\n\n");
            if (!m.contains("method"))
                target->disconnectFromHost();
        });
        return;
    }
    m_core->handle(message, [this, target, extra](const QJsonObject &m) {
        if (!target || m.contains("method"))
            return; // a JSON answer carries only the response
        const QByteArray json = QJsonDocument(m).toJson(QJsonDocument::Compact);
        target->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + extra + "Content-Length: "
                      + QByteArray::number(json.size()) + "\r\nConnection: close\r\n\r\n" + json);
        target->disconnectFromHost();
    });
}
