// Several teehee-server processes on one PostgreSQL database behave as one
// server (spec/architecture.md "Scale", spec/api.md): a stream is watched from
// any of them, aborted from any of them, refused twice in a chat across them,
// a logout on one closes sockets on another, a killed server's reply is ended
// by the others and continued there, and 200 streams through a round-robin
// proxy all arrive whole; sign-in and pairing limits count the attempts of
// all the servers together. Servers A, B, C are real processes; the provider is
// a fake served by this test. Waits are generous; what was measured is logged.
#include "chatstreamer.h"
#include "providerreplies.h"
#include "servercluster.h"
#include "wsclient.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

using namespace genfixture;
using namespace clusterapi;

namespace {
constexpr int A = 0, B = 1, C = 2;

QString newEmail()
{
    return QStringLiteral("%1@example.com").arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
}

// The fake's reply to a question in the 200-stream run: derived from the question, so each is distinct.
QStringList piecesFor(const QString &question)
{
    return words(12, question + QStringLiteral("-w"));
}
} // namespace

class TestCluster : public QObject {
    Q_OBJECT

    std::unique_ptr<ServerCluster> c;

    QUrl chatSocket(int server, const QString &chat, const QByteArray &token) const
    {
        return WsClient::url(c->port(server), chat, token);
    }
    QUrl eventsSocket(int server, const QByteArray &token) const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/events?token=%2").arg(c->port(server)).arg(QString::fromLatin1(token)));
    }
    // Polls GET /chats/{chat}/messages on `server` until the message has `status`;
    // the milliseconds it took, -1 when it did not within the time.
    qint64 waitForStatus(int server, const QByteArray &token, const QString &chat, const QString &id,
                         const QString &status, int timeoutMs, QString *last = nullptr)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            const QString now = storedMessage(c->http(server), token, chat, id).value("status").toString();
            if (last)
                *last = now;
            if (now == status)
                return t.elapsed();
            QTest::qWait(100);
        }
        return -1;
    }
    // A user on `server`, a chat, and a slow reply started on `server` over
    // WebSocket, `tokensFirst` of its tokens already through; the reply's id.
    struct Running {
        QByteArray token;
        QString chat;
        QString messageId;
        QStringList pieces;
    };
    Running startSlowReply(int server, WsClient &ws, int pieceCount, int delayMs, int tokensFirst)
    {
        Running r;
        r.pieces = words(pieceCount);
        c->fake.enqueue(reply(QStringLiteral("openai"), r.pieces, delayMs));
        r.token = signUp(c->http(server), newEmail());
        r.chat = createChat(c->http(server), r.token);
        if (r.token.isEmpty() || r.chat.isEmpty() || !ws.open(chatSocket(server, r.chat, r.token)))
            return r;
        ws.send(streamMessage(QStringLiteral("tell me a long story")));
        if (ws.waitFor(QStringLiteral("token"), tokensFirst, 20000))
            r.messageId = ws.last(QStringLiteral("stream_start")).value("message_id").toString();
        return r;
    }

    // POST /stream/{id}/continue, answered when the reply ends.
    HttpTestResponse continueOn(int server, const Running &r) const
    {
        return c->http(server).request("POST", QStringLiteral("/stream/%1/continue").arg(r.messageId),
                                       "{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"}", jsonAuth(r.token),
                                       60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Only PostgreSQL lets several servers share a database; without its URL every test fails.
        qputenv("TEEHEE_TEST_DB", "postgres");
    }
    void init()
    {
        c = std::make_unique<ServerCluster>();
        QVERIFY2(c->start(3), qPrintable(c->error()));
    }
    void cleanup()
    {
        if (QTest::currentTestFailed() && c)
            qInfo().noquote() << "server output:" << c->outputs();
        c.reset();
    }

    void aStreamOnAIsWatchedLiveOnB()
    {
        WsClient a;
        const Running r = startSlowReply(A, a, 150, 30, 20); // about 4.5 s
        QVERIFY2(!r.messageId.isEmpty(), qPrintable(a.types().join(u',')));
        const QString full = r.pieces.join(QString());

        WsClient b;
        QElapsedTimer t;
        t.start();
        QVERIFY(b.open(chatSocket(B, r.chat, r.token)));
        QVERIFY2(b.waitFor(QStringLiteral("stream_resume"), 1, 10000),
                 qPrintable(QStringLiteral("B's socket got no stream_resume; it saw [%1]").arg(b.types().join(u','))));
        qInfo("stream_resume on B %lld ms after connecting", t.elapsed());
        const QJsonObject resume = b.got.first();
        QCOMPARE(resume.value("type").toString(), QStringLiteral("stream_resume"));
        QCOMPARE(resume.value("message_id").toString(), r.messageId);
        QVERIFY2(b.waitFor(QStringLiteral("stream_complete"), 1, 30000), qPrintable(b.types().join(u',')));
        QVERIFY(a.waitFor(QStringLiteral("stream_complete"), 1, 30000));

        const QString soFar = resume.value("content").toString();
        qInfo("B joined with %lld chars so far, then %lld live tokens", qint64(soFar.size()),
              qint64(b.ofType(QStringLiteral("token")).size()));
        // It really was live: the saves of the 4 s left came one after another
        // (a save at most 200 ms after its text), not all at the end.
        QVERIFY2(b.ofType(QStringLiteral("token")).size() >= 5, qPrintable(b.types().join(u',')));
        QCOMPARE(soFar + b.tokens(), full); // no gap, no duplicate
        QCOMPARE(b.last(QStringLiteral("stream_complete")).value("message_id").toString(), r.messageId);
        QCOMPARE(b.last(QStringLiteral("stream_complete")).value("content").toString(), full);
        QCOMPARE(a.tokens(), full);
    }

    // The SSE form of following: a reply streaming on A, read on B.
    void aStreamOnAIsReadAsServerSentEventsOnB()
    {
        WsClient a;
        const Running r = startSlowReply(A, a, 120, 30, 20);
        QVERIFY2(!r.messageId.isEmpty(), qPrintable(a.types().join(u',')));
        const QString full = r.pieces.join(QString());
        const auto sse = c->http(B).request("GET", QStringLiteral("/stream/%1/events").arg(r.messageId), {},
                                            {{"Authorization", "Bearer " + r.token}, {"Accept", "text/event-stream"}}, 30000);
        QCOMPARE(sse.status, 200);
        QList<QJsonObject> events;
        for (const QByteArray &line : sse.body.split('\n'))
            if (line.startsWith("data: "))
                events << QJsonDocument::fromJson(line.mid(6)).object();
        QVERIFY2(events.size() >= 3, sse.body.left(400).constData());
        QCOMPARE(events.first().value("type").toString(), QStringLiteral("stream_resume"));
        QCOMPARE(events.last().value("type").toString(), QStringLiteral("stream_complete"));
        QString text = events.first().value("content").toString();
        int live = 0;
        for (const QJsonObject &e : events)
            if (e.value("type").toString() == u"token") {
                text += e.value("token").toString(); // no piece twice, none missing
                ++live;
            }
        QVERIFY(live > 0);
        QCOMPARE(text, full);
        QCOMPARE(events.last().value("content").toString(), full);
    }

    void anAbortOnCCancelsTheUpstreamRequestOfA()
    {
        WsClient a;
        const Running r = startSlowReply(A, a, 2000, 20, 10); // 40 s: it never ends by itself here
        QVERIFY2(!r.messageId.isEmpty(), qPrintable(a.types().join(u',')));

        QElapsedTimer t;
        qint64 closedAfter = -1;
        QObject scope; // the connection ends with this test
        connect(&c->fake, &FakeProviderServer::clientDisconnected, &scope, [&] { closedAfter = t.elapsed(); });
        t.start();
        const auto abort = c->http(C).post(QStringLiteral("/stream/%1/abort").arg(r.messageId), {}, r.token);
        QCOMPARE(abort.status, 200);
        QVERIFY2(QTest::qWaitFor([&] { return closedAfter >= 0; }, 10000),
                 qPrintable(QStringLiteral("the upstream request is still open 10 s after C answered %1")
                                .arg(QString::fromUtf8(abort.body))));
        qInfo("abort on C -> upstream request closed by A: %lld ms", closedAfter);
        QCOMPARE(abort.object().value("message").toString(), QStringLiteral("Stream aborted successfully"));
        QVERIFY(a.waitFor(QStringLiteral("stream_aborted"), 1, 10000));

        QString status;
        QVERIFY2(waitForStatus(B, r.token, r.chat, r.messageId, QStringLiteral("aborted"), 10000, &status) >= 0,
                 qPrintable(QStringLiteral("stored status: %1").arg(status)));
        const QJsonObject stored = storedMessage(c->http(B), r.token, r.chat, r.messageId);
        QCOMPARE(stored.value("is_partial").toBool(), true);
        const QString text = stored.value("content").toObject().value("text").toString();
        QVERIFY(!text.isEmpty());
        QVERIFY(r.pieces.join(QString()).startsWith(text));
        QCOMPARE(c->fake.requests().size(), 1);
    }

    void aReplyAbortedOnCIsContinuedOnB()
    {
        WsClient a;
        const Running r = startSlowReply(A, a, 2000, 20, 10);
        QVERIFY2(!r.messageId.isEmpty(), qPrintable(a.types().join(u',')));
        QCOMPARE(c->http(C).post(QStringLiteral("/stream/%1/abort").arg(r.messageId), {}, r.token).status, 200);
        QString status;
        QVERIFY2(waitForStatus(B, r.token, r.chat, r.messageId, QStringLiteral("aborted"), 10000, &status) >= 0,
                 qPrintable(QStringLiteral("10 s after the abort on C the reply is still %1").arg(status)));
        const QString text = storedMessage(c->http(B), r.token, r.chat, r.messageId)
                                 .value("content").toObject().value("text").toString();
        const QString full = r.pieces.join(QString());
        QVERIFY(full.startsWith(text));

        c->fake.enqueue(reply(QStringLiteral("openai"), r.pieces.mid(int(text.count(u' '))), 1));
        const auto cont = continueOn(B, r);
        QCOMPARE(cont.status, 200);
        QCOMPARE(cont.object().value("content").toString(), full);
        const QJsonObject stored = storedMessage(c->http(C), r.token, r.chat, r.messageId);
        QCOMPARE(stored.value("status").toString(), QStringLiteral("complete"));
        QCOMPARE(stored.value("content").toObject().value("text").toString(), full);
        QCOMPARE(c->fake.requests().size(), 2);
    }

    void aSecondStreamInTheChatOnAnotherServerIsRefused()
    {
        WsClient a;
        const Running r = startSlowReply(A, a, 2000, 20, 5);
        QVERIFY2(!r.messageId.isEmpty(), qPrintable(a.types().join(u',')));

        // Over B's WebSocket: an `error` event, no second reply.
        WsClient b;
        QVERIFY(b.open(chatSocket(B, r.chat, r.token)));
        b.send(streamMessage(QStringLiteral("and another thing")));
        auto otherStarts = [&] {
            QStringList ids;
            for (const auto &o : b.ofType(QStringLiteral("stream_start")))
                if (o.value("message_id").toString() != r.messageId)
                    ids.append(o.value("message_id").toString());
            return ids;
        };
        (void)QTest::qWaitFor([&] { return !b.ofType(QStringLiteral("error")).isEmpty() || !otherStarts().isEmpty(); },
                              10000);
        QVERIFY2(otherStarts().isEmpty(), qPrintable(QStringLiteral("B started a second reply while A streams: [%1]")
                                                         .arg(b.types().join(u','))));
        QVERIFY2(!b.ofType(QStringLiteral("error")).isEmpty(), qPrintable(b.types().join(u',')));
        qInfo().noquote() << "B refused:" << b.last(QStringLiteral("error")).value("message").toString();

        // Over HTTP on C: 409.
        const QJsonObject ask{{"content", "and yet another"}, {"provider", "openai"}, {"model", "gpt-4o-mini"}};
        const auto http = c->http(C).post(QStringLiteral("/chats/%1/stream").arg(r.chat), ask, r.token);
        QCOMPARE(http.status, 409);
        QCOMPARE(c->fake.requests().size(), 1);
        QVERIFY(!a.ofType(QStringLiteral("token")).isEmpty());
        QVERIFY(a.ofType(QStringLiteral("stream_error")).isEmpty());
    }

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

    void aKilledServersReplyIsEndedElsewhereAndContinued()
    {
        WsClient a;
        const Running r = startSlowReply(A, a, 2000, 20, 20);
        QVERIFY2(!r.messageId.isEmpty(), qPrintable(a.types().join(u',')));
        const QString full = r.pieces.join(QString());

        // Followed on B, and the account's /events open on C.
        WsClient watcher, events;
        QVERIFY(watcher.open(chatSocket(B, r.chat, r.token)));
        QVERIFY(watcher.waitFor(QStringLiteral("stream_resume")));
        QVERIFY(events.open(eventsSocket(C, r.token)));

        QElapsedTimer t;
        t.start();
        QVERIFY(c->server(A).kill()); // SIGKILL: A ends nothing itself
        QString status;
        const qint64 took = waitForStatus(B, r.token, r.chat, r.messageId, QStringLiteral("aborted"), 15000, &status);
        QVERIFY2(took >= 0, qPrintable(QStringLiteral("15 s after A was killed its reply is still %1").arg(status)));
        qInfo("A killed -> its reply `aborted` as seen on B: %lld ms", took);
        const QJsonObject stored = storedMessage(c->http(B), r.token, r.chat, r.messageId);
        QCOMPARE(stored.value("is_partial").toBool(), true);
        const QString text = stored.value("content").toObject().value("text").toString();
        QVERIFY(full.startsWith(text));
        // Whoever followed it hears it ended, with the text as stored.
        QVERIFY2(watcher.waitFor(QStringLiteral("stream_aborted")), qPrintable(watcher.types().join(u',')));
        QCOMPARE(watcher.last(QStringLiteral("stream_aborted")).value("content").toString(), text);
        QVERIFY2(events.waitFor(QStringLiteral("stream_ended")), qPrintable(events.types().join(u',')));
        QCOMPARE(events.last(QStringLiteral("stream_ended")).value("status").toString(), QStringLiteral("aborted"));

        c->fake.enqueue(reply(QStringLiteral("openai"), r.pieces.mid(int(text.count(u' '))), 1));
        const auto cont = continueOn(C, r);
        QCOMPARE(cont.status, 200);
        QCOMPARE(cont.object().value("content").toString(), full);
        QCOMPARE(storedMessage(c->http(B), r.token, r.chat, r.messageId).value("status").toString(),
                 QStringLiteral("complete"));
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

    void twoHundredStreamsThroughTheProxyAllArriveWhole()
    {
        constexpr int kUsers = 4, kChatsEach = 5, kMessagesEach = 10; // 200 replies, 20 at a time
        c->fake.setHandler([](const RecordedRequest &request) {
            const auto context = sentContext(request);
            return reply(QStringLiteral("openai"), piecesFor(context.isEmpty() ? QString() : context.constLast().second), 5);
        });
        auto expected = [](const QString &question) { return piecesFor(question).join(QString()); };
        const HttpTestClient cluster = c->proxyHttp();
        std::vector<std::unique_ptr<ChatStreamer>> streamers;
        QList<QByteArray> tokens;
        for (int u = 0; u < kUsers; ++u) {
            tokens.append(signUp(cluster, newEmail()));
            QVERIFY(!tokens.constLast().isEmpty());
            for (int k = 0; k < kChatsEach; ++k) {
                const QString chat = createChat(cluster, tokens.constLast());
                QVERIFY(!chat.isEmpty());
                streamers.push_back(std::make_unique<ChatStreamer>(c->proxy.port(), chat, tokens.constLast(),
                                                                   QStringLiteral("u%1c%2").arg(u).arg(k),
                                                                   kMessagesEach, expected));
            }
        }
        QElapsedTimer t;
        t.start();
        for (auto &s : streamers)
            s->start();
        auto unfinished = [&] {
            QStringList out;
            for (const auto &s : streamers)
                if (!s->isDone())
                    out.append(s->progress());
            return out;
        };
        QVERIFY2(QTest::qWaitFor([&] { return unfinished().isEmpty(); }, 240000), qPrintable(unfinished().join(u'\n')));
        QStringList failures;
        int completed = 0;
        for (const auto &s : streamers) {
            failures += s->failures();
            completed += s->completed();
        }
        QStringList perServer;
        for (int n : c->proxy.relayedCounts())
            perServer.append(QString::number(n));
        qInfo("%d replies in %lld ms; connections per server through the proxy: %s", completed, t.elapsed(),
              qPrintable(perServer.join(u' ')));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
        QCOMPARE(completed, kUsers * kChatsEach * kMessagesEach);
        QCOMPARE(int(c->fake.requests().size()), kUsers * kChatsEach * kMessagesEach);

        // Stored as streamed, whichever server is asked.
        for (size_t i = 0; i < streamers.size(); ++i) {
            const auto r = cluster.request("GET", QStringLiteral("/chats/%1/messages").arg(streamers[i]->chatId()), {},
                                           jsonAuth(tokens.at(int(i) / kChatsEach)));
            QCOMPARE(r.status, 200);
            const QJsonArray messages = r.array();
            QCOMPARE(messages.size(), 2 * kMessagesEach);
            QHash<QString, QString> userText; // id → text: each reply answers its parent
            for (const auto &v : messages)
                if (v.toObject().value("role").toString() == u"user")
                    userText.insert(v.toObject().value("id").toString(),
                                    v.toObject().value("content").toObject().value("text").toString());
            for (const auto &v : messages) {
                const QJsonObject m = v.toObject();
                if (m.value("role").toString() != u"assistant")
                    continue;
                const QString question = userText.value(m.value("parent_message_id").toString());
                QVERIFY(!question.isEmpty());
                QCOMPARE(m.value("status").toString(), QStringLiteral("complete"));
                QCOMPARE(m.value("content").toObject().value("text").toString(), expected(question));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCluster)
#include "tst_cluster.moc"
