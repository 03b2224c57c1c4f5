#pragma once

// Several real teehee-server processes on one fresh PostgreSQL database, as a
// deployment behind a load balancer runs them: each its own TEEHEE_SERVER_ID,
// data folder and port, all with the same SECRET_KEY and ENCRYPTION_KEY (a
// token from one is good on all), every provider pointing at one fake provider
// served by the test. Clients reach a given server by its port, or "the
// cluster" through a round-robin TCP proxy.
//
//   ServerCluster cluster;
//   QVERIFY2(cluster.start(3), qPrintable(cluster.error()));
//   cluster.fake.enqueue(...);
//   cluster.http(1).get(...);            // server B
//   cluster.proxyHttp().post(...);       // whichever is next
#include "fakeproviderserver.h"
#include "roundrobinproxy.h"
#include "serverprocess.h"
#include "support/httptestclient.h"
#include "support/testdatabase.h"

#include <QTemporaryDir>

#include <memory>
#include <vector>

class ServerCluster {
public:
    ServerCluster();
    ~ServerCluster();
    ServerCluster(const ServerCluster &) = delete;
    ServerCluster &operator=(const ServerCluster &) = delete;

    // Starts `count` servers (the first alone, so that one of them migrates the
    // empty database, then the others together) and the proxy. False with
    // error() on failure.
    bool start(int count);
    QString error() const { return m_error; }

    int size() const { return int(m_servers.size()); }
    ServerProcess &server(int i) { return *m_servers.at(size_t(i)); }
    quint16 port(int i) const { return m_servers.at(size_t(i))->port(); }
    HttpTestClient http(int i) const { return HttpTestClient(port(i)); }
    HttpTestClient proxyHttp() const { return HttpTestClient(proxy.port()); }
    // The servers' output, for a failure's message.
    QString outputs(int charsEach = 2000) const;

    // What every server is started with; the test may add to it before start().
    QProcessEnvironment environment(int i) const;

    teehee::test::FakeProviderServer fake;
    RoundRobinProxy proxy;

private:
    QString databaseUrl() const;

    TestDatabase m_db; // fresh per cluster, dropped (WITH FORCE) when it goes
    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<ServerProcess>> m_servers;
    QString m_error;
};

// Account and chat calls as spec/api.md gives them, on any server.
namespace clusterapi {
QList<QPair<QByteArray, QByteArray>> jsonAuth(const QByteArray &token);
// POST /auth/signup; the access token, empty (with a warning) when refused.
QByteArray signUp(const HttpTestClient &http, const QString &email);
// POST /auth/signin (a new device of that account); the access token.
QByteArray signIn(const HttpTestClient &http, const QString &email);
// POST /chats; the chat's id, empty when refused.
QString createChat(const HttpTestClient &http, const QByteArray &token);
// The message with that id from GET /chats/{chat}/messages; empty when not there.
QJsonObject storedMessage(const HttpTestClient &http, const QByteArray &token, const QString &chatId,
                          const QString &messageId);
inline const char *kPassword = "correct horse battery staple";
} // namespace clusterapi
