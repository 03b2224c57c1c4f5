// Abort and continue in the generation engine (spec/api.md "Stream control"):
// abort cancels upstream at once and keeps the text, continue gives the full
// text once (for every provider), answers an empty assistant message and
// leaves complete messages alone. Against the fake providers; SQLite and
// PostgreSQL.
#include "generationfixture.h"

using namespace genfixture;

class TestGenerationContinue : public QObject {
    Q_OBJECT

    std::unique_ptr<Fixture> f;

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<Fixture>();
        GEN_SETUP(*f);
    }
    void cleanup() { f.reset(); }

    void abortCancelsUpstreamAtOnceAndKeepsTheText()
    {
        f->fake.enqueue(reply(QStringLiteral("anthropic"), words(100), 40));
        const QString chat = f->newChat();
        Generation *g = f->send(chat, QStringLiteral("long please"), QStringLiteral("anthropic"));
        QVERIFY(g);
        Recorder rec;
        rec.attach(g);
        QVERIFY(QTest::qWaitFor([&] { return rec.count(GenerationEvent::Type::Token) >= 3; }, 10000));
        int disconnects = 0;
        connect(&f->fake, &FakeProviderServer::clientDisconnected, this, [&] { ++disconnects; });
        QVERIFY(f->gens().abort(f->user, g->messageId()));
        QVERIFY(rec.finished()); // the terminal event comes before abort() returns
        QCOMPARE(rec.last().type, GenerationEvent::Type::Aborted);
        // The upstream connection was closed before abort() returned.
        QVERIFY(withinTurns([&] { return disconnects > 0; }));
        const MessageRecord m = f->stored(g->messageId());
        QCOMPARE(m.status, MessageStatus::Aborted);
        QVERIFY(m.isPartial);
        QCOMPARE(m.text(), rec.tokens());
        QVERIFY(!m.text().isEmpty());
        QCOMPARE(rec.count(GenerationEvent::Type::Aborted), 1);
        QVERIFY(!f->gens().abort(f->user, g->messageId())); // nothing left to abort
    }

    void abortThenContinueGivesTheFullTextOnce_data()
    {
        QTest::addColumn<QString>("provider");
        for (const QString &p : kProviders)
            QTest::newRow(qPrintable(p)) << p;
    }
    void abortThenContinueGivesTheFullTextOnce()
    {
        QFETCH(QString, provider);
        const QStringList all = words(12);
        f->fake.enqueue(reply(provider, all, 60));
        const QString chat = f->newChat();
        Generation *g = f->send(chat, QStringLiteral("count"), provider);
        QVERIFY(g);
        Recorder first;
        first.attach(g);
        QVERIFY(QTest::qWaitFor([&] { return first.count(GenerationEvent::Type::Token) >= 4; }, 10000));
        f->gens().abort(f->user, g->messageId());
        const QString partial = f->stored(g->messageId()).text();
        const int done = first.count(GenerationEvent::Type::Token);
        QCOMPARE(partial, all.mid(0, done).join(QString()));

        f->fake.enqueue(reply(provider, all.mid(done), 1));
        auto cont = f->gens().continueMessage(f->user, g->messageId());
        QVERIFY2(cont, cont ? "" : qPrintable(cont.error().message));
        QCOMPARE(cont.value()->messageId(), g->messageId());
        Recorder second;
        second.attach(cont.value());
        QCOMPARE(second.events.first().type, GenerationEvent::Type::Started);
        QVERIFY(second.events.first().continued);
        QCOMPARE(second.events.first().content, partial);
        QVERIFY(second.waitFinished());
        QCOMPARE(second.last().type, GenerationEvent::Type::Completed);
        const QString full = all.join(QString());
        QCOMPARE(second.last().content, full);
        QCOMPARE(partial + second.tokens(), full);
        const MessageRecord m = f->stored(g->messageId());
        QCOMPARE(m.text(), full);
        QCOMPARE(m.status, MessageStatus::Complete);
        QVERIFY(!m.isPartial);
        // The provider saw the partial answer to extend, as the assistant's turn.
        const auto sent = sentContext(f->fake.requests().constLast());
        const auto answer = std::find_if(sent.crbegin(), sent.crend(), [](const auto &m) { return m.first == u"assistant"; });
        QVERIFY(answer != sent.crend());
        QCOMPARE(answer->second.trimmed(), partial.trimmed());
        QCOMPARE(f->chats().messages(f->user, chat)->size(), 2);
    }

    void continueAnswersAnEmptyAssistantMessage()
    {
        // The original web client: an empty assistant message, then continue on it.
        const QString chat = f->newChat();
        const QString q = f->addMessage(chat, QStringLiteral("user"), QStringLiteral("hello?"));
        const QString a = f->addMessage(chat, QStringLiteral("assistant"), QString(), q);
        f->fake.enqueue(reply(QStringLiteral("mistral"), {QStringLiteral("Hi "), QStringLiteral("there")}));
        auto g = f->gens().continueMessage(f->user, a, {QStringLiteral("mistral"), QStringLiteral("mistral-small-latest")});
        QVERIFY2(g, g ? "" : qPrintable(g.error().message));
        Recorder rec;
        rec.attach(g.value());
        QVERIFY(rec.waitFinished());
        QCOMPARE(rec.last().content, QStringLiteral("Hi there"));
        QCOMPARE(f->stored(a).text(), QStringLiteral("Hi there"));
        const auto sent = sentContext(f->fake.requests().constLast());
        QCOMPARE(sent.constLast(), (QPair<QString, QString>{"user", "hello?"}));
    }

    void completeMessagesAreNotContinued()
    {
        const QString chat = f->newChat();
        const QString q = f->addMessage(chat, QStringLiteral("user"), QStringLiteral("q"));
        const QString a = f->addMessage(chat, QStringLiteral("assistant"), QStringLiteral("done"), q);
        auto g = f->gens().continueMessage(f->user, a, {QStringLiteral("openai"), {}});
        QVERIFY(!g);
        QCOMPARE(g.error().code, ErrorCode::Conflict);
        auto u = f->gens().continueMessage(f->user, q, {QStringLiteral("openai"), {}});
        QVERIFY(!u);
        QCOMPARE(u.error().code, ErrorCode::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestGenerationContinue)
#include "tst_generationcontinue.moc"
