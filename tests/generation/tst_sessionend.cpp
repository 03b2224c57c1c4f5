// Open sockets and SSE streams live as long as their token (spec/api.md
// "Devices"): revoked (logout) or expired, a WebSocket closes with 4001 and
// an SSE stream ends, and a socket whose token no longer holds starts nothing.
#include "generationfixture.h"
#include "wsclient.h"

#include "db/keyrepository.h"

#include <QDateTime>

using namespace genfixture;

class TestSessionEnd : public QObject {
    Q_OBJECT

    std::unique_ptr<Fixture> f;

    QUrl url(const QString &chat, const QByteArray &token) const { return WsClient::url(f->port(), chat, token); }
    HttpTestResponse logout(const QByteArray &token)
    {
        return f->server->client().request("POST", QStringLiteral("/auth/logout"), {},
                                           {{"Authorization", "Bearer " + token}});
    }
    // A token of the fixture's user that expires `seconds` from now.
    QByteArray expiringToken(int seconds)
    {
        const TokenService &tokens = f->backend().auth().tokens();
        const qint64 issuedAt = QDateTime::currentSecsSinceEpoch() - qint64(tokens.expireMinutes()) * 60 + seconds;
        return tokens.issue(f->user, QStringLiteral("someone@example.com"), issuedAt);
    }
    // Asks for the SSE events of a reply; the answer is read with raw.readResponse().
    static void attachSse(RawHttpConnection &raw, const QString &messageId, const QByteArray &token)
    {
        raw.send("GET /stream/" + messageId.toLatin1() + "/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                 + "\r\n\r\n");
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<Fixture>();
        GEN_SETUP(*f);
    }
    void cleanup() { f.reset(); }

    void logoutClosesAnOpenSocketWith4001AndItStartsNothing()
    {
        const QString chat = f->newChat();
        WsClient ws;
        QVERIFY(ws.open(url(chat, f->token)));
        QCOMPARE(logout(f->token).status, 200);
        // Sent after logout answered: the socket closes first and starts nothing.
        ws.send(streamMessage(QStringLiteral("still there?")));
        QVERIFY(ws.waitClosed(10000));
        QCOMPARE(ws.closeCode, 4001);
        QVERIFY(ws.ofType(QStringLiteral("stream_start")).isEmpty());
        QCOMPARE(f->fake.requests().size(), 0);
        QCOMPARE(f->chats().messages(f->user, chat)->size(), 0);
    }

    void aTokenRevokedElsewhereIsCaughtBeforeAReplyStarts()
    {
        // Revoked in the shared database by another server: no push here, but
        // the socket asks again before it starts anything.
        const QString chat = f->newChat();
        WsClient ws;
        QVERIFY(ws.open(url(chat, f->token)));
        auto claims = f->backend().auth().tokens().verify(f->token);
        QVERIFY(claims);
        QVERIFY(RevokedTokenRepository(f->backend().database()).revoke(claims->jti, QDateTime::fromSecsSinceEpoch(claims->exp)));
        ws.send(streamMessage(QStringLiteral("hello?")));
        QVERIFY(ws.waitClosed(10000));
        QCOMPARE(ws.closeCode, 4001);
        QCOMPARE(f->fake.requests().size(), 0);
        QCOMPARE(f->chats().messages(f->user, chat)->size(), 0);
    }

    void anotherTokensLogoutLeavesTheSocketOpen()
    {
        const QString chat = f->newChat();
        WsClient ws;
        QVERIFY(ws.open(url(chat, f->token)));
        const QByteArray second = f->backend().auth().tokens().issue(f->user, QStringLiteral("someone@example.com"));
        QCOMPARE(logout(second).status, 200);
        ws.send({{"type", "ping"}});
        QVERIFY(ws.waitFor(QStringLiteral("pong")));
        QVERIFY(!ws.closed);
    }

    void anExpiredTokenClosesTheSocketWith4001()
    {
        const QString chat = f->newChat();
        const QByteArray token = expiringToken(2);
        WsClient ws;
        QVERIFY(ws.open(url(chat, token)));
        ws.send({{"type", "ping"}});
        QVERIFY(ws.waitFor(QStringLiteral("pong")));
        QVERIFY(ws.waitClosed(15000));
        QCOMPARE(ws.closeCode, 4001);
        // It closed because the token expired, not before.
        QVERIFY(!f->backend().auth().authenticate(token));
    }

    void logoutEndsAnOpenSseStreamAndTheReplyGoesOn()
    {
        const QByteArray token = expiringToken(600); // issued in the past: a future iat is refused
        f->fake.enqueue(reply(QStringLiteral("openai"), words(200), 30));
        const QString chat = f->newChat();
        auto g = f->gens().sendMessage(f->user, chat, QStringLiteral("q"), MessageParent::activeLeaf(),
                                       {QStringLiteral("openai"), QStringLiteral("gpt-4o-mini")});
        QVERIFY(g);
        const QString id = g.value()->messageId();
        RawHttpConnection raw(f->port());
        attachSse(raw, id, token);
        QVERIFY(QTest::qWaitFor([&] { return g.value()->text().size() > 10; }, 10000));
        QCOMPARE(logout(token).status, 200);
        // The answer ends (its last chunk) while the reply still runs.
        const HttpTestResponse r = raw.readResponse(10000);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("event: token"));
        QVERIFY(!r.body.contains("stream_complete"));
        QVERIFY(g.value()->isRunning());
        QVERIFY(QTest::qWaitFor([&] { return f->stored(id).status == MessageStatus::Complete; }, 20000));
        QCOMPARE(f->stored(id).text(), words(200).join(QString()));
    }

    void anExpiredTokenEndsAnSseStream()
    {
        const QByteArray token = expiringToken(2);
        f->fake.enqueue(reply(QStringLiteral("openai"), words(400), 25));
        const QString chat = f->newChat();
        auto g = f->gens().sendMessage(f->user, chat, QStringLiteral("q"), MessageParent::activeLeaf(),
                                       {QStringLiteral("openai"), QStringLiteral("gpt-4o-mini")});
        QVERIFY(g);
        RawHttpConnection raw(f->port());
        attachSse(raw, g.value()->messageId(), token);
        const HttpTestResponse r = raw.readResponse(15000);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.body.contains("stream_complete"));
        QVERIFY(!f->backend().auth().authenticate(token));
        f->gens().abort(f->user, g.value()->messageId());
    }
};

QTEST_GUILESS_MAIN(TestSessionEnd)
#include "tst_sessionend.moc"
