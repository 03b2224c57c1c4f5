// Stream control over HTTP and SSE (spec/api.md "Stream control over HTTP"):
// abort, continue (JSON and SSE, the original web client's flow), the SSE
// fallback, attaching with Last-Event-ID, CORS, and dropped SSE clients.
#include "generationfixture.h"

#include <QJsonDocument>

using namespace genfixture;

namespace {

QStringList names(const QList<SseEvent> &events)
{
    QStringList out;
    for (const auto &e : events)
        out.append(e.event);
    return out;
}

QString tokens(const QList<SseEvent> &events)
{
    QString out;
    for (const auto &e : events)
        if (e.event == u"token")
            out += e.data.value(QStringLiteral("token")).toString();
    return out;
}

} // namespace

class TestStreamRoutes : public QObject {
    Q_OBJECT

    std::unique_ptr<Fixture> f;

    QList<QPair<QByteArray, QByteArray>> headers(bool sse = false) const
    {
        QList<QPair<QByteArray, QByteArray>> h{{"Content-Type", "application/json"},
                                               {"Authorization", "Bearer " + f->token},
                                               {"Origin", "http://localhost:3000"}};
        if (sse)
            h.append(qMakePair(QByteArray("Accept"), QByteArray("text/event-stream")));
        return h;
    }
    HttpTestResponse post(const QString &path, const QJsonObject &body, bool sse = false)
    {
        return f->server->client().request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers(sse));
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<Fixture>();
        GEN_SETUP(*f);
    }
    void cleanup() { f.reset(); }

    void theWebClientsFlowEmptyAssistantThenContinueReturnsTheReply_data()
    {
        QTest::addColumn<QString>("provider");
        for (const QString &p : kProviders)
            QTest::newRow(qPrintable(p)) << p;
    }
    void theWebClientsFlowEmptyAssistantThenContinueReturnsTheReply()
    {
        QFETCH(QString, provider);
        const QString chat = f->newChat();
        QVERIFY(post(QStringLiteral("/chats/%1/messages").arg(chat), {{"role", "user"}, {"content", "Hello?"}}).status == 201);
        const auto empty = post(QStringLiteral("/chats/%1/messages").arg(chat), {{"role", "assistant"}, {"content", ""}});
        QCOMPARE(empty.status, 201);
        const QString id = empty.object().value("id").toString();
        f->fake.enqueue(reply(provider, {QStringLiteral("Hi, "), QStringLiteral("human.")}));
        const auto r = post(QStringLiteral("/stream/%1/continue").arg(id), {{"provider", provider}, {"model", modelFor(provider)}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("message").toString(), QStringLiteral("Stream continued"));
        QCOMPARE(r.object().value("content").toString(), QStringLiteral("Hi, human."));
        QCOMPARE(r.header("access-control-allow-origin"), QByteArray("http://localhost:3000"));
        QCOMPARE(f->stored(id).text(), QStringLiteral("Hi, human."));
        QCOMPARE(f->stored(id).status, MessageStatus::Complete);
        QCOMPARE(sentContext(f->fake.requests().constLast()).constLast(), (QPair<QString, QString>{"user", "Hello?"}));
    }

    void continueWithAcceptEventStreamAnswersSse()
    {
        const QString chat = f->newChat();
        const QString q = f->addMessage(chat, QStringLiteral("user"), QStringLiteral("q"));
        const QString a = f->addMessage(chat, QStringLiteral("assistant"), QString(), q);
        f->fake.enqueue(reply(QStringLiteral("openai"), {QStringLiteral("x"), QStringLiteral("y")}));
        const auto r = post(QStringLiteral("/stream/%1/continue").arg(a), {{"provider", "openai"}, {"model", "gpt-4o-mini"}}, true);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("text/event-stream"));
        QCOMPARE(r.header("access-control-allow-origin"), QByteArray("http://localhost:3000"));
        const auto events = parseSse(r.body);
        QCOMPARE(names(events), (QStringList{"stream_continue", "token", "token", "stream_complete"}));
        for (const auto &e : events) {
            QVERIFY(e.id > 0);
            QCOMPARE(e.data.value("type").toString(), e.event);
        }
        QCOMPARE(events.last().data.value("content").toString(), QStringLiteral("xy"));
    }

    void theSseFallbackSendsEveryEventWithIds_data()
    {
        QTest::addColumn<QString>("provider");
        for (const QString &p : kProviders)
            QTest::newRow(qPrintable(p)) << p;
    }
    void theSseFallbackSendsEveryEventWithIds()
    {
        QFETCH(QString, provider);
        const QString chat = f->newChat();
        const QStringList pieces{QStringLiteral("one "), QStringLiteral("two "), QStringLiteral("three")};
        f->fake.enqueue(reply(provider, pieces, 5));
        const auto r = post(QStringLiteral("/chats/%1/stream").arg(chat),
                            {{"content", "count"}, {"provider", provider}, {"model", modelFor(provider)}});
        QCOMPARE(r.status, 200);
        const auto events = parseSse(r.body);
        QCOMPARE(names(events), (QStringList{"message_created", "stream_start", "token", "token", "token", "stream_complete"}));
        QCOMPARE(events[0].data.value("message").toObject().value("content").toObject().value("text").toString(), QStringLiteral("count"));
        // Every event has an id, message_created too, in increasing order.
        QVERIFY(events[0].id > 0);
        for (int i = 1; i < events.size(); ++i)
            QVERIFY(events[i].id > events[i - 1].id);
        QCOMPARE(tokens(events), pieces.join(QString()));
        const QString id = events.last().data.value("message_id").toString();
        QCOMPARE(events.last().data.value("content").toString(), pieces.join(QString()));
        QCOMPARE(f->stored(id).text(), pieces.join(QString()));
        // Resuming from message_created's id gives the whole reply, nothing twice.
        auto h = headers();
        h.append(qMakePair(QByteArray("Last-Event-ID"), QByteArray::number(events[0].id)));
        const auto resumed = parseSse(f->server->client().request("GET", QStringLiteral("/stream/%1/events").arg(id), {}, h).body);
        QCOMPARE(names(resumed), names(events).mid(1));
        QCOMPARE(resumed.first().id, events[1].id);
    }

    void compactSseTokensCarryNoCumulativeContent()
    {
        const QString chat = f->newChat();
        f->fake.enqueue(reply(QStringLiteral("openai"), {QStringLiteral("a"), QStringLiteral("b")}));
        const auto r = post(QStringLiteral("/chats/%1/stream?compact=1").arg(chat),
                            {{"content", "q"}, {"provider", "openai"}, {"model", "gpt-4o-mini"}});
        const auto events = parseSse(r.body);
        QCOMPARE(tokens(events), QStringLiteral("ab"));
        for (const auto &e : events)
            if (e.event == u"token")
                QVERIFY(!e.data.contains(QStringLiteral("content")));
        QCOMPARE(events.last().data.value("content").toString(), QStringLiteral("ab"));
    }

    void attachingWithLastEventIdResumesWithoutLossOrDuplicates()
    {
        f->fake.enqueue(reply(QStringLiteral("openai"), words(25), 20));
        const QString chat = f->newChat();
        auto g = f->gens().sendMessage(f->user, chat, QStringLiteral("q"), MessageParent::activeLeaf(),
                                       {QStringLiteral("openai"), QStringLiteral("gpt-4o-mini")});
        QVERIFY(g);
        QVERIFY(QTest::qWaitFor([&] { return g.value()->eventsAfter(0).size() >= 8; }, 10000));
        // The client saw up to the 6th event, then its connection dropped.
        const auto seen = g.value()->eventsAfter(0).mid(0, 6);
        QString seenTokens;
        for (const auto &e : seen)
            seenTokens += e.token;
        auto h = headers();
        h.append(qMakePair(QByteArray("Last-Event-ID"), QByteArray::number(seen.last().seq)));
        const auto r = f->server->client().request("GET", QStringLiteral("/stream/%1/events").arg(g.value()->messageId()), {}, h);
        QCOMPARE(r.status, 200);
        const auto events = parseSse(r.body);
        QVERIFY(!events.isEmpty());
        QVERIFY(events.first().id > seen.last().seq);
        QCOMPARE(events.first().event, QStringLiteral("token"));
        QCOMPARE(events.last().event, QStringLiteral("stream_complete"));
        QCOMPARE(seenTokens + tokens(events), words(25).join(QString()));
        // After the end, the whole stream is still there to replay.
        const auto again = f->server->client().request("GET", QStringLiteral("/stream/%1/events").arg(g.value()->messageId()), {}, headers());
        QCOMPARE(tokens(parseSse(again.body)), words(25).join(QString()));
        QCOMPARE(parseSse(again.body).first().event, QStringLiteral("stream_start"));
    }

    void attachingToAStoredMessageGivesItsOutcome()
    {
        const QString chat = f->newChat();
        const QString q = f->addMessage(chat, QStringLiteral("user"), QStringLiteral("q"));
        const QString a = f->addMessage(chat, QStringLiteral("assistant"), QStringLiteral("old answer"), q);
        auto h = headers();
        h.removeIf([](const auto &p) { return p.first == "Authorization"; });
        const auto r = f->server->client().request(
            "GET", QStringLiteral("/stream/%1/events?token=%2").arg(a, QString::fromLatin1(f->token)), {}, h);
        QCOMPARE(r.status, 200);
        const auto events = parseSse(r.body);
        QCOMPARE(names(events), QStringList{"stream_complete"});
        QVERIFY(events[0].id > 0);
        QCOMPARE(events[0].data.value("content").toString(), QStringLiteral("old answer"));
        const auto anon = f->server->client().request("GET", QStringLiteral("/stream/%1/events").arg(a));
        QCOMPARE(anon.status, 401);
    }

    void abortOverHttpCancelsUpstreamAtOnceAndKeepsTheText()
    {
        f->fake.enqueue(reply(QStringLiteral("openai"), words(100), 40));
        const QString chat = f->newChat();
        auto g = f->gens().sendMessage(f->user, chat, QStringLiteral("q"), MessageParent::activeLeaf(),
                                       {QStringLiteral("openai"), QStringLiteral("gpt-4o-mini")});
        QVERIFY(g);
        const QString id = g.value()->messageId();
        QVERIFY(QTest::qWaitFor([&] { return g.value()->text().size() > 6; }, 10000));
        int disconnects = 0;
        connect(&f->fake, &FakeProviderServer::clientDisconnected, this, [&] { ++disconnects; });
        const auto r = post(QStringLiteral("/stream/%1/abort").arg(id), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("message").toString(), QStringLiteral("Stream aborted successfully"));
        // The upstream connection was closed before the answer was written.
        QVERIFY(withinTurns([&] { return disconnects > 0; }));
        const MessageRecord m = f->stored(id);
        QCOMPARE(m.status, MessageStatus::Aborted);
        QVERIFY(m.isPartial);
        QVERIFY(!m.text().isEmpty());
        QCOMPARE(post(QStringLiteral("/stream/%1/abort").arg(id), {}).object().value("message").toString(),
                 QStringLiteral("No active stream to abort"));

        // Then continue over HTTP: the full text, once.
        const QString partial = m.text();
        const int done = partial.count(u' ');
        f->fake.enqueue(reply(QStringLiteral("openai"), words(100).mid(done)));
        const auto cont = post(QStringLiteral("/stream/%1/continue").arg(id), {{"provider", "openai"}, {"model", "gpt-4o-mini"}});
        QCOMPARE(cont.status, 200);
        QCOMPARE(cont.object().value("content").toString(), words(100).join(QString()));
        QCOMPARE(f->stored(id).text(), words(100).join(QString()));
    }

    void abortByChatIdAndStreamRoutesNeedATokenAndRespectOwnership()
    {
        f->fake.enqueue(reply(QStringLiteral("openai"), words(50), 40));
        const QString chat = f->newChat();
        auto g = f->gens().sendMessage(f->user, chat, QStringLiteral("q"), MessageParent::activeLeaf(),
                                       {QStringLiteral("openai"), QStringLiteral("gpt-4o-mini")});
        QVERIFY(g);
        QCOMPARE(f->server->client().request("POST", QStringLiteral("/stream/%1/abort").arg(chat)).status, 401);
        const auto other = f->newAccount();
        auto h = headers();
        h[1].second = "Bearer " + other.second;
        // Another user's chat, or its reply, is unknown to this one: 404, as on every id-bearing route.
        QCOMPARE(f->server->client().request("POST", QStringLiteral("/stream/%1/abort").arg(chat), "{}", h).status, 404);
        QCOMPARE(f->server->client().request("POST", QStringLiteral("/stream/%1/abort").arg(g.value()->messageId()), "{}", h).status, 404);
        QCOMPARE(post(QStringLiteral("/stream/%1/abort").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)), {}).status, 404);
        QVERIFY(!g.value()->isFinished());
        // The user message's id aborts the stream of its chat too.
        const auto r = post(QStringLiteral("/stream/%1/abort").arg(g.value()->parentMessageId()), {});
        QCOMPARE(r.object().value("message").toString(), QStringLiteral("Stream aborted successfully"));
        QVERIFY(g.value()->isFinished());
    }

    void continueErrorsAreClear()
    {
        const QString chat = f->newChat();
        const QString q = f->addMessage(chat, QStringLiteral("user"), QStringLiteral("q"));
        const QString a = f->addMessage(chat, QStringLiteral("assistant"), QString(), q);
        QCOMPARE(post(QStringLiteral("/stream/%1/continue").arg(a), {{"provider", "bogus"}}).status, 422);
        QCOMPARE(post(QStringLiteral("/stream/%1/continue").arg(a), {}).status, 422); // no provider known
        QCOMPARE(post(QStringLiteral("/stream/%1/continue").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)),
                      {{"provider", "openai"}}).status, 404);
        const auto bad = f->server->client().request("POST", QStringLiteral("/stream/%1/continue").arg(a), "{nope", headers());
        QCOMPARE(bad.status, 400);
        // A failure upstream: 502 with what happened and the text kept.
        f->fake.enqueue(reply(QStringLiteral("openai"), {QStringLiteral("partial")}, 5, true));
        const auto failed = post(QStringLiteral("/stream/%1/continue").arg(a), {{"provider", "openai"}, {"model", "gpt-4o-mini"}});
        QCOMPARE(failed.status, 502);
        QVERIFY(!failed.detail().isEmpty());
        QCOMPARE(failed.object().value("content").toString(), QStringLiteral("partial"));
    }

    void aDroppedSseClientNeverCrashesTheServerAndTheReplyGoesOn()
    {
        f->fake.enqueue(reply(QStringLiteral("openai"), words(15), 30));
        const QString chat = f->newChat();
        QString id;
        {
            RawHttpConnection raw(f->port());
            const QByteArray body = R"({"content":"q","provider":"openai","model":"gpt-4o-mini"})";
            raw.send("POST /chats/" + chat.toLatin1() + "/stream HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + f->token
                     + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            QVERIFY(QTest::qWaitFor([&] {
                Generation *g = f->gens().activeInChat(chat);
                if (g && g->text().size() > 4)
                    id = g->messageId();
                return !id.isEmpty();
            }, 10000));
        } // the client goes away mid-stream
        QVERIFY(QTest::qWaitFor([&] { return f->stored(id).status == MessageStatus::Complete; }, 10000));
        QCOMPARE(f->stored(id).text(), words(15).join(QString()));
        QCOMPARE(f->server->client().get(QStringLiteral("/health")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestStreamRoutes)
#include "tst_streamroutes.moc"
