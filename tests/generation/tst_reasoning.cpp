// Reasoning (spec/api.md "Reasoning"): the thinking a provider streams apart
// from the answer arrives as `reasoning` events before the tokens, is saved
// as content.reasoning (while streaming too), survives continue, and never
// goes back to a provider — for each wire format, over the engine, a real
// WebSocket and SSE.
#include "generationfixture.h"
#include "wsclient.h"

#include <QJsonDocument>

using namespace genfixture;

namespace {

enum class Ending { Finish, CutOff, Hang };

QByteArray thoughtEvent(const QString &provider, const QString &thought)
{
    if (provider == u"anthropic")
        return wire::anthropicThinkingDelta(thought, 0);
    if (provider == u"mistral")
        return wire::mistralThinkingChunk(thought);
    return wire::openAiReasoningChunk(thought);
}

QByteArray textEvent(const QString &provider, const QString &piece)
{
    return provider == u"anthropic" ? wire::anthropicTextDelta(piece, 1) : pieceEvent(provider, piece);
}

// The provider's stream: `thoughts` as its reasoning, then `pieces` as the
// answer, one event every `delayMs`.
FakeResponse thinkingReply(const QString &provider, const QStringList &thoughts, const QStringList &pieces, int delayMs = 0,
                           Ending ending = Ending::Finish)
{
    const QString t = QStringLiteral("@@THOUGHT@@"), p = QStringLiteral("@@PIECE@@");
    QByteArray whole;
    if (provider == u"anthropic") {
        whole = wire::anthropicThinkingStream({t}, {p});
    } else {
        whole = wholeStream(provider, {p});
        whole.insert(whole.indexOf(pieceEvent(provider, p)), thoughtEvent(provider, t));
    }
    const qsizetype tAt = whole.indexOf(thoughtEvent(provider, t));
    const qsizetype tEnd = tAt + thoughtEvent(provider, t).size();
    const qsizetype pAt = whole.indexOf(textEvent(provider, p));
    FakeResponse r = FakeResponse::sse();
    r.send(whole.left(tAt));
    for (const QString &thought : thoughts)
        r.send(thoughtEvent(provider, thought), delayMs);
    r.send(whole.mid(tEnd, pAt - tEnd));
    for (const QString &piece : pieces)
        r.send(textEvent(provider, piece), delayMs);
    if (ending == Ending::CutOff)
        r.closeMidStream();
    else if (ending == Ending::Hang)
        r.hang();
    else
        r.send(whole.mid(pAt + textEvent(provider, p).size()), delayMs);
    return r;
}

void providers()
{
    QTest::addColumn<QString>("provider");
    for (const QString &p : kProviders)
        QTest::newRow(qPrintable(p)) << p;
}

QStringList keys(const QJsonObject &o)
{
    QStringList out = o.keys();
    out.sort();
    return out;
}

} // namespace

class TestReasoning : public QObject {
    Q_OBJECT

    std::unique_ptr<Fixture> f;
    const QStringList thoughts{QStringLiteral("Let me see: "), QStringLiteral("caf\u00E9 \U0001F914 "), QStringLiteral("is French.")};
    const QString thinking = thoughts.join(QString());

    QList<QPair<QByteArray, QByteArray>> headers() const
    {
        return {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + f->token}};
    }
    QUrl url(const QString &chat, const QString &extra = {}) const { return WsClient::url(f->port(), chat, f->token, extra); }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<Fixture>();
        GEN_SETUP(*f);
    }
    void cleanup() { f.reset(); }

    void reasoningStreamsBeforeTheAnswerAndIsSavedApart_data() { providers(); }
    void reasoningStreamsBeforeTheAnswerAndIsSavedApart()
    {
        QFETCH(QString, provider);
        const QStringList pieces{QStringLiteral("It "), QStringLiteral("is.")};
        f->fake.enqueue(thinkingReply(provider, thoughts, pieces));
        const QString chat = f->newChat();
        Generation *g = f->send(chat, QStringLiteral("Where is caf\u00E9 from?"), provider);
        QVERIFY(g);
        Recorder rec;
        rec.attachStoring(g, f->backend().database());
        QVERIFY(rec.waitFinished());
        QCOMPARE(rec.last().type, GenerationEvent::Type::Completed);

        // Started, every reasoning event, every token, the end: in that order.
        QList<GenerationEvent::Type> types;
        QString reasoning;
        for (const GenerationEvent &e : std::as_const(rec.events)) {
            types.append(e.type);
            if (e.type == GenerationEvent::Type::Reasoning) {
                reasoning += e.token;
                QCOMPARE(e.content, reasoning); // cumulative reasoning, never the answer
            }
        }
        using T = GenerationEvent::Type;
        QCOMPARE(types, (QList<T>{T::Started, T::Reasoning, T::Reasoning, T::Reasoning, T::Token, T::Token, T::Completed}));
        QCOMPARE(reasoning, thinking);
        QCOMPARE(rec.tokens(), QStringLiteral("It is."));
        QCOMPARE(rec.last().content, QStringLiteral("It is."));

        const MessageRecord stored = rec.storedAtEnd;
        QCOMPARE(stored.text(), QStringLiteral("It is."));
        QCOMPARE(stored.content.value(QStringLiteral("reasoning")).toString(), thinking);
        QCOMPARE(stored.status, MessageStatus::Complete);

        // The message JSON shows it as content.reasoning.
        const auto listed = f->server->client().get(QStringLiteral("/chats/%1/messages").arg(chat), f->token);
        QCOMPARE(listed.status, 200);
        const QJsonArray messages = QJsonDocument::fromJson(listed.body).array();
        QCOMPARE(messages.size(), 2);
        const QJsonObject content = messages.at(1).toObject().value(QStringLiteral("content")).toObject();
        QCOMPARE(content.value(QStringLiteral("reasoning")).toString(), thinking);
        QCOMPARE(content.value(QStringLiteral("text")).toString(), QStringLiteral("It is."));
    }

    void aReplyWithoutReasoningSavesNoReasoning()
    {
        f->fake.enqueue(reply(QStringLiteral("openai"), {QStringLiteral("plain")}));
        Generation *g = f->send(f->newChat(), QStringLiteral("q"));
        QVERIFY(g);
        Recorder rec;
        rec.attachStoring(g, f->backend().database());
        QVERIFY(rec.waitFinished());
        QCOMPARE(rec.count(GenerationEvent::Type::Reasoning), 0);
        QVERIFY(!rec.storedAtEnd.content.contains(QStringLiteral("reasoning")));
    }

    void reasoningIsSavedWhileItStreams_data() { providers(); }
    void reasoningIsSavedWhileItStreams()
    {
        // Saved with the same batching as text: a crash now keeps what is in the row.
        QFETCH(QString, provider);
        f->fake.enqueue(thinkingReply(provider, thoughts, {}, 0, Ending::Hang));
        Generation *g = f->send(f->newChat(), QStringLiteral("q"), provider);
        QVERIFY(g);
        const QString id = g->messageId();
        QVERIFY(QTest::qWaitFor([&] { return f->stored(id).content.value(QStringLiteral("reasoning")).toString() == thinking; }, 5000));
        QCOMPARE(f->stored(id).status, MessageStatus::Streaming);
        QCOMPARE(f->stored(id).text(), QString());
        g->abort();
        QCOMPARE(f->stored(id).content.value(QStringLiteral("reasoning")).toString(), thinking);
        QCOMPARE(f->stored(id).status, MessageStatus::Aborted);
    }

    void reasoningIsNeverSentBackToAProvider_data() { providers(); }
    void reasoningIsNeverSentBackToAProvider()
    {
        QFETCH(QString, provider);
        const QString chat = f->newChat();
        f->fake.enqueue(thinkingReply(provider, thoughts, {QStringLiteral("First answer.")}));
        Recorder first;
        first.attach(f->send(chat, QStringLiteral("one"), provider));
        QVERIFY(first.waitFinished());
        QCOMPARE(first.last().type, GenerationEvent::Type::Completed);

        f->fake.enqueue(reply(provider, {QStringLiteral("Second answer.")}));
        Recorder second;
        second.attach(f->send(chat, QStringLiteral("two"), provider));
        QVERIFY(second.waitFinished());
        const RecordedRequest next = f->fake.requests().constLast();
        QCOMPARE(sentContext(next), (QList<QPair<QString, QString>>{{"user", "one"}, {"assistant", "First answer."}, {"user", "two"}}));
        const QString body = QString::fromUtf8(next.body);
        for (const QString &thought : thoughts)
            QVERIFY2(!body.contains(thought.trimmed()), qPrintable(body));
        QVERIFY(!next.body.contains("\"reasoning_content\"") && !next.body.contains("\"reasoning\""));
        QVERIFY(!next.body.contains("\"thinking\":\"")); // no thinking block either
    }

    void continueKeepsTheEarlierReasoning_data() { providers(); }
    void continueKeepsTheEarlierReasoning()
    {
        QFETCH(QString, provider);
        const QString chat = f->newChat();
        f->fake.enqueue(thinkingReply(provider, {QStringLiteral("First thought. ")}, {QStringLiteral("Half ")}, 0, Ending::CutOff));
        Recorder first;
        first.attach(f->send(chat, QStringLiteral("q"), provider));
        QVERIFY(first.waitFinished());
        QCOMPARE(first.last().type, GenerationEvent::Type::Failed);
        const QString id = first.last().messageId;
        QCOMPARE(f->stored(id).content.value(QStringLiteral("reasoning")).toString(), QStringLiteral("First thought. "));

        f->fake.enqueue(thinkingReply(provider, {QStringLiteral("Second thought.")}, {QStringLiteral("done.")}));
        auto g = f->gens().continueMessage(f->user, id, {provider, modelFor(provider)});
        QVERIFY2(g, qPrintable(g ? QString() : g.error().message));
        Recorder rec;
        rec.attachStoring(g.value(), f->backend().database());
        QVERIFY(rec.waitFinished());
        QCOMPARE(rec.last().type, GenerationEvent::Type::Completed);
        // The reasoning events go on from the saved reasoning.
        const auto reasoningEvents = [&] {
            QList<GenerationEvent> out;
            for (const auto &e : std::as_const(rec.events))
                if (e.type == GenerationEvent::Type::Reasoning)
                    out.append(e);
            return out;
        }();
        QCOMPARE(reasoningEvents.size(), 1);
        QCOMPARE(reasoningEvents.first().content, QStringLiteral("First thought. Second thought."));
        QCOMPARE(rec.storedAtEnd.content.value(QStringLiteral("reasoning")).toString(), QStringLiteral("First thought. Second thought."));
        QCOMPARE(rec.storedAtEnd.text(), QStringLiteral("Half done."));
        // The continue request carries the partial answer, not the reasoning.
        const QByteArray body = f->fake.requests().constLast().body;
        QVERIFY(body.contains("Half"));
        QVERIFY2(!body.contains("First thought"), body.constData());
    }

    void theWebSocketSendsReasoningEvents_data() { providers(); }
    void theWebSocketSendsReasoningEvents()
    {
        QFETCH(QString, provider);
        const QString chat = f->newChat();
        f->fake.enqueue(thinkingReply(provider, thoughts, {QStringLiteral("Yes.")}));
        WsClient full, compact;
        QVERIFY(full.open(url(chat)));
        QVERIFY(compact.open(url(chat, QStringLiteral("&compact=1"))));
        full.send(streamMessage(QStringLiteral("q"), provider));
        QVERIFY(full.waitFor(QStringLiteral("stream_complete")));
        QVERIFY(compact.waitFor(QStringLiteral("stream_complete")));
        // chat_updated: the named provider and model become the chat's.
        QCOMPARE(full.types(), (QStringList{"message_created", "chat_updated", "stream_start", "reasoning", "reasoning",
                                            "reasoning", "token", "stream_complete"}));
        const QString id = full.last("stream_start").value("message_id").toString();
        QString soFar;
        for (const QJsonObject &o : full.ofType(QStringLiteral("reasoning"))) {
            QCOMPARE(keys(o), (QStringList{"content", "message_id", "token", "type"}));
            QCOMPARE(o.value("message_id").toString(), id);
            soFar += o.value("token").toString();
            QCOMPARE(o.value("content").toString(), soFar);
        }
        QCOMPARE(soFar, thinking);
        for (const QJsonObject &o : compact.ofType(QStringLiteral("reasoning")))
            QCOMPARE(keys(o), (QStringList{"message_id", "token", "type"}));
        QCOMPARE(compact.ofType(QStringLiteral("reasoning")).size(), thoughts.size());
        QCOMPARE(full.last("stream_complete").value("content").toString(), QStringLiteral("Yes."));
    }

    void aSocketJoiningMidStreamGetsTheReasoningSoFar()
    {
        const QString chat = f->newChat();
        f->fake.enqueue(thinkingReply(QStringLiteral("openai"), thoughts, {}, 0, Ending::Hang));
        Generation *g = f->send(chat, QStringLiteral("q"));
        QVERIFY(g);
        QVERIFY(QTest::qWaitFor([&] { return g->reasoning() == thinking; }, 5000));
        WsClient late;
        QVERIFY(late.open(url(chat)));
        QVERIFY(late.waitFor(QStringLiteral("stream_resume")));
        const QJsonObject resume = late.got.first();
        QCOMPARE(resume.value("type").toString(), QStringLiteral("stream_resume"));
        QCOMPARE(resume.value("content").toString(), QString());
        QCOMPARE(resume.value("reasoning").toString(), thinking);
        g->abort();
    }

    void sseSendsReasoningEventsAndReplaysThem()
    {
        const QString chat = f->newChat();
        f->fake.enqueue(thinkingReply(QStringLiteral("anthropic"), thoughts, {QStringLiteral("Yes.")}));
        const QJsonObject body{{"content", "q"}, {"provider", "anthropic"}, {"model", modelFor(QStringLiteral("anthropic"))}};
        const auto r = f->server->client().request("POST", QStringLiteral("/chats/%1/stream").arg(chat),
                                                   QJsonDocument(body).toJson(QJsonDocument::Compact), headers());
        QCOMPARE(r.status, 200);
        const auto events = parseSse(r.body);
        QStringList names;
        for (const auto &e : events)
            names.append(e.event);
        QCOMPARE(names, (QStringList{"message_created", "stream_start", "reasoning", "reasoning", "reasoning", "token", "stream_complete"}));
        QString soFar;
        for (const auto &e : events) {
            if (e.event != u"reasoning")
                continue;
            QVERIFY(e.id > 0);
            QCOMPARE(keys(e.data), (QStringList{"content", "message_id", "token", "type"}));
            soFar += e.data.value("token").toString();
            QCOMPARE(e.data.value("content").toString(), soFar);
        }
        QCOMPARE(soFar, thinking);

        // Attaching afterwards replays them, with the reasoning so far rebuilt for each.
        const QString id = events.last().data.value("message_id").toString();
        auto h = headers();
        h.append(qMakePair(QByteArray("Last-Event-ID"), QByteArray::number(events[1].id)));
        const auto replayed = parseSse(f->server->client().request("GET", QStringLiteral("/stream/%1/events").arg(id), {}, h).body);
        QCOMPARE(replayed.size(), events.size() - 2);
        for (int i = 0; i < replayed.size(); ++i) {
            QCOMPARE(replayed[i].event, events[i + 2].event);
            QCOMPARE(replayed[i].data, events[i + 2].data);
        }
        const auto compact = parseSse(f->server->client()
                                          .request("GET", QStringLiteral("/stream/%1/events?compact=1").arg(id), {}, headers())
                                          .body);
        int seen = 0;
        for (const auto &e : compact) {
            if (e.event == u"reasoning") {
                ++seen;
                QCOMPARE(keys(e.data), (QStringList{"message_id", "token", "type"}));
            }
        }
        QCOMPARE(seen, thoughts.size());
    }
};

QTEST_MAIN(TestReasoning)
#include "tst_reasoning.moc"
