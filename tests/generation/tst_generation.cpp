// The generation engine as every front end uses it (spec/api.md "Streaming",
// "Stream control"): one reply per chat, typed events with exactly one
// terminal event, batched saving that always tells the truth, abort that
// cancels upstream at once, continue, regenerate, resume without gaps.
// Against the fake providers; SQLite and PostgreSQL.
#include "generationfixture.h"

#include "generation/generationsaver.h"

using namespace genfixture;

class TestGeneration : public QObject {
    Q_OBJECT

    std::unique_ptr<Fixture> f;

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<Fixture>();
        GEN_SETUP(*f);
    }
    void cleanup() { f.reset(); }

    void replyStreamsAndIsStoredForEachProvider_data()
    {
        QTest::addColumn<QString>("provider");
        for (const QString &p : kProviders)
            QTest::newRow(qPrintable(p)) << p;
    }
    void replyStreamsAndIsStoredForEachProvider()
    {
        QFETCH(QString, provider);
        const QStringList pieces{QStringLiteral("Hel"), QStringLiteral("lo, "), QStringLiteral("wörld 🌍"), QStringLiteral("!")};
        f->fake.enqueue(reply(provider, pieces, 5));
        const QString chat = f->newChat();
        Recorder rec;
        Generation *g = f->send(chat, QStringLiteral("Hi"), provider);
        QVERIFY(g);
        rec.attachStoring(g, f->backend().database());
        QVERIFY(rec.waitFinished());

        QCOMPARE(rec.events.first().type, GenerationEvent::Type::Started);
        QCOMPARE(rec.count(GenerationEvent::Type::Started), 1);
        QCOMPARE(rec.count(GenerationEvent::Type::Token), pieces.size());
        QCOMPARE(rec.last().type, GenerationEvent::Type::Completed);
        for (int i = 1; i < rec.events.size(); ++i)
            QVERIFY(rec.events[i].seq > rec.events[i - 1].seq);
        const QString full = pieces.join(QString());
        QCOMPARE(rec.tokens(), full);
        QCOMPARE(rec.last().content, full);
        QCOMPARE(rec.events[rec.events.size() - 2].content, full); // cumulative content on tokens

        const MessageRecord m = rec.storedAtEnd;
        QCOMPARE(m.text(), full);
        QCOMPARE(m.status, MessageStatus::Complete);
        QCOMPARE(m.isPartial, false);
        QCOMPARE(m.provider, provider);
        QCOMPARE(m.model, modelFor(provider));
        QVERIFY(m.tokensIn.value_or(0) > 0);
        QVERIFY(m.tokensOut.value_or(0) > 0);
        QVERIFY(!m.finishReason.isEmpty());
        QVERIFY(m.content.value(QStringLiteral("usage")).isObject());
        QCOMPARE(m.parentId, g->parentMessageId());
        QCOMPARE(f->stored(g->parentMessageId()).text(), QStringLiteral("Hi"));
        QVERIFY(!f->gens().activeInChat(chat));
        // The engine's requests offer to keep their connection (HTTP/1.1's
        // default) for the next reply: no "Connection: close".
        QCOMPARE(f->fake.requests().last().header("connection"), QByteArray());
    }

    void contextIsTheBranchPathWithTheSystemPromptFirst()
    {
        const QString chat = f->newChat(QStringLiteral("Be brief."));
        const QString q1 = f->addMessage(chat, QStringLiteral("user"), QStringLiteral("first question"));
        const QString a1 = f->addMessage(chat, QStringLiteral("assistant"), QStringLiteral("first answer"), q1);
        f->addMessage(chat, QStringLiteral("user"), QStringLiteral("other branch, never sent"), a1);
        f->fake.enqueue(reply(QStringLiteral("openai"), {QStringLiteral("ok")}));
        auto g = f->gens().sendMessage(f->user, chat, QStringLiteral("second question"), MessageParent::message(a1),
                                       {QStringLiteral("openai"), QStringLiteral("gpt-4o-mini")});
        QVERIFY(g);
        Recorder rec;
        rec.attach(g.value());
        QVERIFY(rec.waitFinished());
        const auto sent = sentContext(f->fake.requests().constLast());
        const QList<QPair<QString, QString>> expected{{"system", "Be brief."}, {"user", "first question"},
                                                     {"assistant", "first answer"}, {"user", "second question"}};
        QCOMPARE(sent, expected);
    }

    void aSecondRequestWhileOneRunsIsAClearConflict()
    {
        f->fake.enqueue(reply(QStringLiteral("openai"), words(20), 50));
        const QString chat = f->newChat();
        Generation *g = f->send(chat, QStringLiteral("one"));
        QVERIFY(g);
        auto second = f->gens().sendMessage(f->user, chat, QStringLiteral("two"), MessageParent::activeLeaf(),
                                            {QStringLiteral("openai"), QStringLiteral("gpt-4o-mini")});
        QVERIFY(!second);
        QCOMPARE(second.error().code, ErrorCode::Conflict);
        QVERIFY(second.error().message.contains(QStringLiteral("already")));
        auto cont = f->gens().continueMessage(f->user, g->messageId());
        QVERIFY(!cont);
        QCOMPARE(cont.error().code, ErrorCode::Conflict);
        QVERIFY(f->gens().abort(f->user, chat));
    }

    void anUnknownProviderIsRefusedBeforeAnythingIsWritten()
    {
        const QString chat = f->newChat();
        auto unknown = f->gens().sendMessage(f->user, chat, QStringLiteral("x"), MessageParent::activeLeaf(),
                                             {QStringLiteral("nope"), QStringLiteral("m")});
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::InvalidInput);
        QVERIFY(unknown.error().message.contains(QStringLiteral("nope")));
        QCOMPARE(f->chats().messages(f->user, chat)->size(), 0);
    }

    void textIsSavedInBatchesWhileStreaming()
    {
        // 40 tokens 25 ms apart: about a second of streaming.
        f->fake.enqueue(reply(QStringLiteral("openai"), words(40), 25));
        const QString chat = f->newChat();
        Generation *g = f->send(chat, QStringLiteral("go"));
        QVERIFY(g);
        Recorder rec;
        rec.attach(g);
        // Mid-stream the row is streaming and partial, and lags the stream by at most one batch.
        QVERIFY(QTest::qWaitFor([&] { return rec.count(GenerationEvent::Type::Token) >= 20; }, 10000));
        QTest::qWait(GenerationSaver::kMaxLagMs + 100);
        const MessageRecord mid = f->stored(g->messageId());
        QCOMPARE(mid.status, MessageStatus::Streaming);
        QVERIFY(mid.isPartial);
        QVERIFY(!mid.text().isEmpty());
        QVERIFY(g->text().startsWith(mid.text()));
        QVERIFY(rec.waitFinished());
        // Never one commit per token: begin + about one per 200 ms + the end.
        QVERIFY2(g->commits() < 15, qPrintable(QString::number(g->commits())));
        QCOMPARE(f->stored(g->messageId()).text(), rec.tokens());
    }

    void concurrentRepliesShareTheirCommits()
    {
        // Ten replies streaming at once: their batches go in the same transactions.
        const int kReplies = 10;
        f = std::make_unique<Fixture>(); // one user runs all ten: over the default cap
        const QString e = f->setUp([](Config &c) { c.maxGenerationsPerUser = kReplies; });
        QVERIFY2(e.isEmpty(), qPrintable(e));
        const qint64 before = f->gens().stats().commits;
        QList<Generation *> running;
        std::vector<std::unique_ptr<Recorder>> recs;
        for (int i = 0; i < kReplies; ++i) {
            f->fake.enqueue(reply(QStringLiteral("openai"), words(30), 20));
            running.append(f->send(f->newChat(), QStringLiteral("go")));
            QVERIFY(running.last());
            recs.push_back(std::make_unique<Recorder>());
            recs.back()->attach(running.last());
        }
        for (auto &r : recs)
            QVERIFY(r->waitFinished());
        const qint64 commits = f->gens().stats().commits - before;
        int writes = 0;
        for (Generation *g : running) {
            writes += g->commits();
            QCOMPARE(f->stored(g->messageId()).text(), words(30).join(QString()));
        }
        // Each reply: its first and last write alone, everything between shared.
        QVERIFY2(commits < writes, qPrintable(QStringLiteral("%1 commits for %2 writes").arg(commits).arg(writes)));
        QVERIFY2(commits <= 2 * kReplies + 15, qPrintable(QString::number(commits)));
    }

    void aKilobyteOfTextIsSavedAtOnce()
    {
        // One 1100-byte token, then silence: saved with the token, not 200 ms later.
        FakeResponse r = FakeResponse::sse();
        r.send(wire::openAiRoleChunk()).send(wire::openAiChunk(QString(1100, u'a'))).hang();
        f->fake.enqueue(r);
        const QString chat = f->newChat();
        Generation *g = f->send(chat, QStringLiteral("go"));
        QVERIFY(g);
        Recorder rec;
        rec.attach(g);
        // The token event follows the saver's append in the same call: the
        // save must be with the writer by then, not waiting for the batch timer.
        qsizetype inFlightAtToken = -1;
        connect(g, &Generation::event, rec.context.get(), [&](const GenerationEvent &e) {
            if (e.type == GenerationEvent::Type::Token && inFlightAtToken < 0)
                inFlightAtToken = f->gens().saveBatcher().slicesInFlight();
        });
        QVERIFY(QTest::qWaitFor([&] { return rec.count(GenerationEvent::Type::Token) >= 1; }, 10000));
        QCOMPARE(inFlightAtToken, 1);
        QTRY_COMPARE_WITH_TIMEOUT(f->stored(g->messageId()).text().size(), 1100, 10000);
        QVERIFY(f->gens().abort(f->user, g->messageId()));
    }

    void regenerateMakesASiblingUnderTheSameUserMessage()
    {
        f->fake.enqueue(reply(QStringLiteral("openai"), {QStringLiteral("one")}));
        const QString chat = f->newChat();
        Generation *g = f->send(chat, QStringLiteral("q"));
        Recorder a;
        a.attach(g);
        QVERIFY(a.waitFinished());
        f->fake.enqueue(reply(QStringLiteral("openai"), {QStringLiteral("two")}));
        auto again = f->gens().regenerate(f->user, g->messageId());
        QVERIFY(again);
        Recorder b;
        b.attach(again.value());
        QVERIFY(b.waitFinished());
        QVERIFY(again.value()->messageId() != g->messageId());
        QCOMPARE(again.value()->parentMessageId(), g->parentMessageId());
        QCOMPARE(f->stored(g->messageId()).text(), QStringLiteral("one"));
        QCOMPARE(f->stored(again.value()->messageId()).text(), QStringLiteral("two"));
        auto placed = f->chats().message(f->user, again.value()->messageId());
        QCOMPARE(placed->position.index, 1);
        QCOMPARE(placed->position.count, 2);
        // The regenerated context ends with the user message, without the old answer.
        const auto sent = sentContext(f->fake.requests().constLast());
        QCOMPARE(sent.constLast(), (QPair<QString, QString>{"user", "q"}));
    }

    void anErrorMidStreamKeepsThePartialTextAndSaysWhatHappened()
    {
        f->fake.enqueue(reply(QStringLiteral("openai"), {QStringLiteral("half "), QStringLiteral("an answer")}, 5, true));
        const QString chat = f->newChat();
        Generation *g = f->send(chat, QStringLiteral("q"));
        Recorder rec;
        rec.attachStoring(g, f->backend().database());
        QVERIFY(rec.waitFinished());
        QCOMPARE(rec.last().type, GenerationEvent::Type::Failed);
        QVERIFY(!rec.last().error.isEmpty());
        QCOMPARE(rec.last().content, QStringLiteral("half an answer"));
        const MessageRecord m = rec.storedAtEnd;
        QCOMPARE(m.status, MessageStatus::Error);
        QVERIFY(m.isPartial);
        QCOMPARE(m.text(), QStringLiteral("half an answer"));
        QCOMPARE(m.content.value(QStringLiteral("error")).toString(), rec.last().error);
    }

    void aRefusedModelIsNamedInTheError()
    {
        f->fake.enqueue(FakeResponse::json(404, wire::openAiErrorBody("The model `gpt-9` does not exist or you do not have access to it.",
                                                                      "invalid_request_error", "model_not_found")));
        const QString chat = f->newChat();
        auto g = f->gens().sendMessage(f->user, chat, QStringLiteral("q"), MessageParent::activeLeaf(),
                                       {QStringLiteral("openai"), QStringLiteral("gpt-9")});
        QVERIFY(g); // not in the catalogue: still sent
        Recorder rec;
        rec.attach(g.value());
        QVERIFY(rec.waitFinished());
        QCOMPARE(rec.last().type, GenerationEvent::Type::Failed);
        QVERIFY2(rec.last().error.contains(QStringLiteral("gpt-9")), qPrintable(rec.last().error));
        QCOMPARE(f->stored(g.value()->messageId()).status, MessageStatus::Error);
    }

    void deletingTheChatAbortsItsStream()
    {
        f->fake.enqueue(reply(QStringLiteral("openai"), words(50), 40));
        const QString chat = f->newChat();
        Generation *g = f->send(chat, QStringLiteral("q"));
        Recorder rec;
        rec.attach(g);
        QVERIFY(QTest::qWaitFor([&] { return rec.count(GenerationEvent::Type::Token) >= 1; }, 10000));
        QVERIFY(f->chats().deleteChat(f->user, chat));
        QVERIFY(rec.finished());
        QCOMPARE(rec.last().type, GenerationEvent::Type::Aborted);
        QVERIFY(!f->gens().activeInChat(chat));
        QVERIFY(QTest::qWaitFor([&] { return f->fake.clientDisconnects() > 0; }, 1000));
    }

    void aLateSubscriberCatchesUpWithoutGapOrDuplicate()
    {
        f->fake.enqueue(reply(QStringLiteral("openai"), words(30), 15));
        const QString chat = f->newChat();
        Generation *g = f->send(chat, QStringLiteral("q"));
        Recorder early;
        early.attach(g);
        QVERIFY(QTest::qWaitFor([&] { return early.count(GenerationEvent::Type::Token) >= 10; }, 10000));
        // Joining mid-stream: the text so far, then live tokens.
        const QString snapshot = g->text();
        QString live;
        QObject ctx;
        connect(g, &Generation::event, &ctx, [&](const GenerationEvent &e) {
            if (e.type == GenerationEvent::Type::Token)
                live += e.token;
        });
        // And replaying from a sequence number gives exactly what came after it.
        const qint64 mark = early.events[5].seq;
        QVERIFY(early.waitFinished());
        QCOMPARE(snapshot + live, early.tokens());
        const auto replay = g->eventsAfter(mark);
        QCOMPARE(replay.size(), early.events.size() - 6);
        QCOMPARE(replay.first().seq, early.events[6].seq);
        QCOMPARE(replay.first().content, early.events[6].content);
        // A finished generation stays attachable by message id.
        QCOMPARE(f->gens().forMessage(g->messageId()), g);
    }

    void anotherUserCannotAbortOrContinue()
    {
        f->fake.enqueue(reply(QStringLiteral("openai"), words(30), 40));
        const QString chat = f->newChat();
        Generation *g = f->send(chat, QStringLiteral("q"));
        const auto other = f->newAccount();
        QVERIFY(!f->gens().abort(other.first, g->messageId()));
        QVERIFY(!f->gens().abort(other.first, chat));
        QVERIFY(!g->isFinished());
        auto cont = f->gens().continueMessage(other.first, g->messageId(), {QStringLiteral("openai"), {}});
        QCOMPARE(cont.error().code, ErrorCode::NotFound);
        QVERIFY(f->gens().abort(f->user, g->messageId()));
    }
};

QTEST_GUILESS_MAIN(TestGeneration)
#include "tst_generation.moc"
