// Several teehee-server processes on one PostgreSQL database keep one
// account: a logout on one closes the sockets on another, /events on one
// hears what the account does on the others, and sign-in and pairing limits
// count the attempts of all the servers together. Waits are generous; what
// was measured is logged.
#include "clustertest.h"

using namespace clustertest;

class TestClusterAccounts : public ClusterTest {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Only PostgreSQL lets several servers share a database; without its URL every test fails.
        qputenv("TEEHEE_TEST_DB", "postgres");
    }
    void init() { QVERIFY2(startCluster(), qPrintable(c->error())); }
    void cleanup() { stopCluster(); }

    void aLogoutOnAClosesTheSocketsOnC()
    {
        const QString email = newEmail();
        const QByteArray token = signUp(c->http(A), email);
        QVERIFY(!token.isEmpty());
        const QString chat = createChat(c->http(B), token);
        QVERIFY(!chat.isEmpty());

        WsClient events, stream;
        QVERIFY(events.open(eventsSocket(C, token)));
        QVERIFY(stream.open(chatSocket(C, chat, token)));
        QElapsedTimer t;
        qint64 eventsClosed = -1, streamClosed = -1;
        QObject scope; // the connections end with this test
        connect(&events.ws, &QWebSocket::disconnected, &scope, [&] { eventsClosed = t.elapsed(); });
        connect(&stream.ws, &QWebSocket::disconnected, &scope, [&] { streamClosed = t.elapsed(); });
        t.start();
        const auto logout = c->http(A).request("POST", QStringLiteral("/auth/logout"), {},
                                               {{"Authorization", "Bearer " + token}});
        QCOMPARE(logout.status, 200);
        QVERIFY2(events.waitClosed(10000), "the /events socket on C is still open 10 s after the logout on A");
        QVERIFY2(stream.waitClosed(10000), "the /stream socket on C is still open 10 s after the logout on A");
        qInfo("logout on A -> sockets on C closed: /events %lld ms, /stream %lld ms", eventsClosed, streamClosed);
        QCOMPARE(events.closeCode, 4001);
        QCOMPARE(stream.closeCode, 4001);
        QCOMPARE(c->http(C).get(QStringLiteral("/auth/session"), token).status, 401);
        // The account itself is fine: signing in again works anywhere.
        QVERIFY(!signIn(c->http(B), email).isEmpty());
    }

    // /events on one server hears what the account does on another.
    void anAccountsEventsOnAReachItsEventsSocketOnB()
    {
        const QByteArray token = signUp(c->http(A), newEmail());
        QVERIFY(!token.isEmpty());
        WsClient events;
        QVERIFY(events.open(eventsSocket(B, token)));
        const QString chat = createChat(c->http(A), token);
        QVERIFY(!chat.isEmpty());
        QVERIFY2(events.waitFor(QStringLiteral("chat_created")), qPrintable(events.types().join(u',')));
        QCOMPARE(events.last(QStringLiteral("chat_created")).value("chat").toObject().value("id").toString(), chat);

        const auto renamed = c->http(C).request("PATCH", QStringLiteral("/chats/%1").arg(chat), "{\"name\":\"Renamed on C\"}",
                                                jsonAuth(token));
        QCOMPARE(renamed.status, 200);
        QVERIFY2(events.waitFor(QStringLiteral("chat_updated")), qPrintable(events.types().join(u',')));
        QCOMPARE(events.last(QStringLiteral("chat_updated")).value("chat").toObject().value("name").toString(),
                 QStringLiteral("Renamed on C"));
        QCOMPARE(c->http(A).request("DELETE", QStringLiteral("/chats/%1").arg(chat), {}, jsonAuth(token)).status, 200);
        QVERIFY2(events.waitFor(QStringLiteral("chat_deleted")), qPrintable(events.types().join(u',')));
        // Each once: a server never hears its own notifications back.
        QCOMPARE(events.ofType(QStringLiteral("chat_created")).size(), 1);
        QCOMPARE(events.ofType(QStringLiteral("chat_deleted")).size(), 1);
    }

    // Behind the round-robin proxy the attempts go to every server in turn,
    // and the limits still count them all (auth_attempts, migration 14).
    void wrongPasswordsAndPairingTriesThroughTheProxyMeetOneLimit()
    {
        const HttpTestClient cluster = c->proxyHttp();
        const QString email = newEmail();
        QVERIFY(!signUp(cluster, email).isEmpty());
        const QByteArray wrong = QJsonDocument(QJsonObject{{"email", email}, {"password", "wrong guess"}}).toJson(QJsonDocument::Compact);
        const QList<QPair<QByteArray, QByteArray>> json{{"Content-Type", "application/json"}};
        const QList<int> before = c->proxy.relayedCounts();
        constexpr int kFreeFailures = 5; // AuthService::Limits::failuresPerEmail
        for (int i = 0; i < kFreeFailures; ++i)
            QCOMPARE(cluster.request("POST", QStringLiteral("/auth/signin"), wrong, json).status, 401);
        const auto refused = cluster.request("POST", QStringLiteral("/auth/signin"), wrong, json);
        QCOMPARE(refused.status, 429);
        QVERIFY(refused.header("retry-after").toInt() > 0);
        const QList<int> after = c->proxy.relayedCounts();
        for (int i = 0; i < after.size(); ++i)
            QVERIFY2(after.at(i) > before.value(i), "every server took some of the attempts");

        constexpr int kRedeems = 10; // PairingService::Limits::redeemsPerAddress
        const QByteArray badCode = QJsonDocument(QJsonObject{{"code", "000000000000"}}).toJson(QJsonDocument::Compact);
        for (int i = 0; i < kRedeems; ++i)
            QCOMPARE(cluster.request("POST", QStringLiteral("/pair"), badCode, json).status, 401);
        const auto limited = cluster.request("POST", QStringLiteral("/pair"), badCode, json);
        QCOMPARE(limited.status, 429);
        QVERIFY(limited.header("retry-after").toInt() > 0);
    }
};

QTEST_GUILESS_MAIN(TestClusterAccounts)
#include "tst_clusteraccounts.moc"
