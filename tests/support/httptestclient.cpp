#include "httptestclient.h"

#include "api/httpserver.h"
#include "api/tls/tlsidentity.h"
#include "backend.h"
#include "testenv.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

QJsonObject HttpTestResponse::object() const
{
    return QJsonDocument::fromJson(body).object();
}

QJsonArray HttpTestResponse::array() const
{
    return QJsonDocument::fromJson(body).array();
}

RawHttpConnection::RawHttpConnection(quint16 port) : m_socket(std::make_unique<QTcpSocket>())
{
    QObject::connect(m_socket.get(), &QTcpSocket::disconnected, [this] { m_closed = true; });
    m_socket->connectToHost(QHostAddress::LocalHost, port);
    QElapsedTimer t;
    t.start();
    while (m_socket->state() != QAbstractSocket::ConnectedState && t.elapsed() < 5000 && !m_closed)
        QTest::qWait(1);
}

RawHttpConnection::~RawHttpConnection()
{
    m_socket->abort();
}

bool RawHttpConnection::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void RawHttpConnection::send(const QByteArray &bytes)
{
    m_socket->write(bytes);
    m_socket->flush();
}

bool RawHttpConnection::tryParse(HttpTestResponse &out)
{
    for (;;) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        const int status = lines.value(0).split(' ').value(1).toInt();
        if (status == 100) {
            out.sawContinue = true;
            m_buffer.remove(0, end + 4);
            continue;
        }
        QHash<QByteArray, QByteArray> headers;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        QByteArray rest = m_buffer.mid(end + 4);
        QByteArray body;
        qsizetype consumed = 0;
        if (status == 204 || status == 304) {
            // No content, whatever the headers say.
        } else if (headers.value("transfer-encoding").contains("chunked")) {
            qsizetype pos = 0;
            for (;;) {
                const qsizetype lineEnd = rest.indexOf("\r\n", pos);
                if (lineEnd < 0)
                    return false;
                bool ok = false;
                const qsizetype size = rest.mid(pos, lineEnd - pos).toLongLong(&ok, 16);
                if (!ok)
                    return false;
                if (rest.size() < lineEnd + 2 + size + 2)
                    return false;
                body += rest.mid(lineEnd + 2, size);
                pos = lineEnd + 2 + size + 2;
                if (size == 0)
                    break;
            }
            consumed = pos;
        } else if (headers.contains("content-length")) {
            const qsizetype len = headers.value("content-length").toLongLong();
            if (rest.size() < len)
                return false;
            body = rest.left(len);
            consumed = len;
        } else {
            if (!m_closed)
                return false;
            body = rest;
            consumed = rest.size();
        }
        out.status = status;
        out.headers = headers;
        out.body = body;
        m_buffer.remove(0, end + 4 + consumed);
        return true;
    }
}

HttpTestResponse RawHttpConnection::readResponse(int timeoutMs)
{
    HttpTestResponse out;
    QElapsedTimer t;
    t.start();
    for (;;) {
        m_buffer += m_socket->readAll();
        if (tryParse(out))
            break;
        if (t.elapsed() > timeoutMs || (m_closed && m_socket->bytesAvailable() == 0)) {
            if (m_closed)
                tryParse(out);
            break;
        }
        QTest::qWait(1);
    }
    out.elapsedMs = t.elapsed();
    return out;
}

bool RawHttpConnection::waitForClosed(int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!m_closed && t.elapsed() < timeoutMs) {
        m_buffer += m_socket->readAll();
        QTest::qWait(5);
    }
    return m_closed;
}

HttpTestResponse HttpTestClient::request(const QByteArray &method, const QString &path, const QByteArray &body,
                                         const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs) const
{
    RawHttpConnection c(m_port);
    QByteArray req = method + ' ' + path.toUtf8() + " HTTP/1.1\r\n";
    bool hasHost = false;
    for (const auto &[n, v] : headers) {
        req += n + ": " + v + "\r\n";
        hasHost = hasHost || n.compare("Host", Qt::CaseInsensitive) == 0;
    }
    if (!hasHost)
        req += "Host: 127.0.0.1\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PATCH" || method == "PUT")
        req += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    req += "\r\n" + body;
    c.send(req);
    return c.readResponse(timeoutMs);
}

HttpTestResponse HttpTestClient::get(const QString &path, const QByteArray &token) const
{
    QList<QPair<QByteArray, QByteArray>> h;
    if (!token.isEmpty())
        h.append({QByteArray("Authorization"), "Bearer " + token});
    return request("GET", path, {}, h);
}

HttpTestResponse HttpTestClient::post(const QString &path, const QJsonObject &json, const QByteArray &token) const
{
    QList<QPair<QByteArray, QByteArray>> h{{QByteArray("Content-Type"), QByteArray("application/json")}};
    if (!token.isEmpty())
        h.append({QByteArray("Authorization"), "Bearer " + token});
    return request("POST", path, QJsonDocument(json).toJson(QJsonDocument::Compact), h);
}

HttpTestResponse HttpTestClient::del(const QString &path, const QByteArray &token) const
{
    QList<QPair<QByteArray, QByteArray>> h;
    if (!token.isEmpty())
        h.append({QByteArray("Authorization"), "Bearer " + token});
    return request("DELETE", path, {}, h);
}

TestApiServer::TestApiServer(const std::function<void(teehee::Config &)> &adjust,
                             const std::optional<teehee::HttpLimits> &limits)
{
    if (!m_db.isValid()) {
        m_error = m_db.error();
        return;
    }
    teehee::Config config = testConfig(m_db, m_dir.path());
    if (adjust)
        adjust(config);
    m_backend = std::make_unique<teehee::Backend>(config);
    if (auto st = m_backend->startWithConfig(); !st) {
        m_error = st.error().message;
        return;
    }
    m_server = std::make_unique<teehee::HttpServer>(*m_backend, limits.value_or(teehee::HttpServer::limitsFrom(config)));
    if (config.usesTls()) {
        auto identity = teehee::TlsIdentity::fromConfig(config);
        if (!identity) {
            m_error = identity.error().message;
            return;
        }
        m_tlsCertificate = identity->chain.first();
        m_server->useTls(identity->serverConfiguration());
    }
    auto port = m_server->listen(QStringLiteral("127.0.0.1"), 0);
    if (!port) {
        m_error = port.error().message;
        return;
    }
    m_port = port.value();
}

TestApiServer::~TestApiServer()
{
    m_server.reset();
    m_backend.reset();
}
