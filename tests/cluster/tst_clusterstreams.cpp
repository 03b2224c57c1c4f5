// Several teehee-server processes on one PostgreSQL database serve a reply
// as one server (spec/architecture.md "Scale", spec/api.md): it is watched
// from any of them (WebSocket and SSE), aborted from any of them, refused
// twice in a chat across them, ended by the others when its server is killed
// and continued there, and 200 streams through a round-robin proxy all
// arrive whole. Servers A, B, C are real processes; the provider is a fake
// served by this test. Waits are generous; what was measured is logged.
#include "clustertest.h"

using namespace clustertest;

class TestClusterStreams : public ClusterTest {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Only PostgreSQL lets several servers share a database; without its URL every test fails.
        qputenv("TEEHEE_TEST_DB", "postgres");
    }
    void init() { QVERIFY2(startCluster(), qPrintable(c->error())); }
    void cleanup() { stopCluster(); }

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

QTEST_GUILESS_MAIN(TestClusterStreams)
#include "tst_clusterstreams.moc"
