#pragma once

#include "api/httplimits.h"
#include "core/config.h"
#include "testdatabase.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QSslCertificate>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <optional>
#include <functional>
#include <memory>
#include <optional>

namespace teehee {
class Backend;
class HttpServer;
}

// One HTTP answer as read off the wire.
struct HttpTestResponse {
    int status = 0;                          // 0: nothing (complete) arrived in time
    QHash<QByteArray, QByteArray> headers;   // names lower-case
    QByteArray body;                         // de-chunked
    bool sawContinue = false;                // an interim "100 Continue" came first
    qint64 elapsedMs = 0;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QJsonObject object() const;
    QJsonArray array() const;
    QString detail() const { return object().value(QStringLiteral("detail")).toString(); }
};

// A raw client connection over loopback, for tests of the wire behaviour.
// Waiting spins the event loop (the server runs in the same thread).
class RawHttpConnection {
public:
    explicit RawHttpConnection(quint16 port);
    ~RawHttpConnection();

    bool isConnected() const;
    void send(const QByteArray &bytes);
    // Reads one answer (skipping and noting 100 Continue); status 0 on timeout.
    HttpTestResponse readResponse(int timeoutMs = 5000);
    // True when the server closed the connection within the time.
    bool waitForClosed(int timeoutMs);

private:
    bool tryParse(HttpTestResponse &out);

    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
    bool m_closed = false;
};

// Convenience client: one request per call on a fresh connection.
class HttpTestClient {
public:
    explicit HttpTestClient(quint16 port) : m_port(port) {}

    HttpTestResponse request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                             const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 10000) const;
    HttpTestResponse get(const QString &path, const QByteArray &token = {}) const;
    HttpTestResponse post(const QString &path, const QJsonObject &json, const QByteArray &token = {}) const;
    HttpTestResponse del(const QString &path, const QByteArray &token = {}) const;

private:
    quint16 m_port;
};

// A backend on a fresh test database and an HttpServer on a free loopback port.
class TestApiServer {
public:
    // Without `limits`, the server's limits follow its settings (as teehee-server's do).
    explicit TestApiServer(const std::function<void(teehee::Config &)> &adjust = {},
                           const std::optional<teehee::HttpLimits> &limits = std::nullopt);
    ~TestApiServer();

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    quint16 port() const { return m_port; }
    HttpTestClient client() const { return HttpTestClient(m_port); }
    teehee::Backend &backend() { return *m_backend; }
    teehee::HttpServer &server() { return *m_server; }
    const TestDatabase &database() const { return m_db; }
    // With TLS in the settings: the server's certificate, for clients to trust.
    const QSslCertificate &tlsCertificate() const { return m_tlsCertificate; }
    QString dataDir() const { return m_dir.path(); }

private:
    TestDatabase m_db;
    QTemporaryDir m_dir;
    std::unique_ptr<teehee::Backend> m_backend;
    std::unique_ptr<teehee::HttpServer> m_server;
    quint16 m_port = 0;
    QString m_error;
    QSslCertificate m_tlsCertificate;
};

#define TEEHEE_REQUIRE_SERVER(s) QVERIFY2((s).isValid(), qPrintable((s).error()))
