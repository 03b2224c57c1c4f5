// Saving many streaming replies: each reply is written by its own deadline
// (GenerationSaver::kMaxLagMs after its oldest unsaved text, at once with a
// kilobyte pending), with the others due then, in transactions of
// SaveBatcher::kSliceSize, on a thread of their own: the thread that carries
// the tokens never waits for them.
#include "db/chatrepository.h"
#include "db/messagerepository.h"
#include "db/migrations.h"
#include "db/userrepository.h"
#include "generation/generationsaver.h"
#include "generation/savebatcher.h"
#include "db/sqlquery.h"
#include "support/testenv.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QRegularExpression>
#include <QTest>
#include <QThread>
#include <memory>
#include <vector>

using namespace teehee;

class TestSaveBatcher : public QObject {
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_tdb;
    std::unique_ptr<Database> m_db;

    int savedWith(const QStringList &ids, const QString &text)
    {
        int n = 0;
        for (const QString &id : ids)
            n += MessageRepository(*m_db).get(id)->text() == text;
        return n;
    }

    // An assistant row in a new chat, as a generation finds it.
    MessageRecord newReply(const QString &email, MessageRecord m = {})
    {
        const QString user = UserRepository(*m_db).create(UserRecord{{}, email, {}, {}, {}})->id;
        const QString chat = ChatRepository(*m_db).create(ChatRecord{{}, user, QStringLiteral("c"), {}, {}, {}, {}, {}})->id;
        m.chatId = chat;
        m.role = QStringLiteral("assistant");
        return MessageRepository(*m_db).insert(m).value();
    }

    // `count` assistant rows of one chat, created in order, each with a saver that has begun.
    struct Replies {
        std::vector<std::unique_ptr<GenerationSaver>> savers;
        QStringList ids;
        bool begun = true; // every saver's first write went through
    };
    Replies startReplies(SaveBatcher &batcher, const QString &email, int count)
    {
        Replies out;
        const MessageRecord first = newReply(email);
        for (int i = 0; i < count; ++i) {
            MessageRecord m = first;
            m.id.clear();
            m.seq = 0; // a new row: its own place in the creation order
            const MessageRecord row = MessageRepository(*m_db).insert(m).value();
            out.ids << row.id;
            out.savers.push_back(std::make_unique<GenerationSaver>(*m_db, row, batcher));
            out.begun = out.savers.back()->begin() && out.begun;
        }
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_tdb = std::make_unique<TestDatabase>();
        TEEHEE_REQUIRE_DB(*m_tdb);
        m_db = std::make_unique<Database>(m_tdb->url());
        QVERIFY(m_db->open());
        QVERIFY(Migrator(*m_db).migrate());
    }
    void cleanup()
    {
        m_db.reset();
        m_tdb.reset();
    }

    void aFlushWritesEveryReplyInSlicesOffThisThread()
    {
        SaveBatcher batcher(*m_db);
        constexpr int kReplies = 2 * SaveBatcher::kSliceSize + 6;
        auto [savers, ids, begun] = startReplies(batcher, QStringLiteral("s@example.com"), kReplies);
        QVERIFY(begun);
        const qint64 before = batcher.commits();
        for (auto &s : savers)
            s->append(QStringLiteral("hello"));
        QCOMPARE(savedWith(ids, QStringLiteral("hello")), 0); // nothing before the deadline

        batcher.flushNow();
        QCOMPARE(batcher.slicesInFlight(), 3);
        // This thread runs no event loop from here: the rows land all the same.
        QElapsedTimer t;
        t.start();
        while (savedWith(ids, QStringLiteral("hello")) < kReplies && t.elapsed() < 5000)
            QThread::msleep(5);
        QCOMPARE(savedWith(ids, QStringLiteral("hello")), kReplies);
        // The writer reports back through this thread's loop: one commit per slice.
        QTRY_COMPARE(batcher.slicesInFlight(), 0);
        QCOMPARE(batcher.commits(), before + 3);
    }

    void eachReplyIsWrittenByItsOwnDeadline()
    {
        SaveBatcher batcher(*m_db);
        auto [savers, ids, begun] = startReplies(batcher, QStringLiteral("d@example.com"), 2);
        QVERIFY(begun);
        QElapsedTimer sinceFirst;
        sinceFirst.start();
        savers[0]->append(QStringLiteral("early"));
        // The second reply gets text three quarters of a lag later: it is due then.
        QTest::qWait(GenerationSaver::kMaxLagMs * 3 / 4);
        savers[1]->append(QStringLiteral("late"));
        QCOMPARE(savedWith(ids.mid(0, 1), QStringLiteral("early")), 0);

        QTRY_COMPARE_WITH_TIMEOUT(savedWith(ids.mid(0, 1), QStringLiteral("early")), 1, 5000);
        QVERIFY(sinceFirst.elapsed() >= GenerationSaver::kMaxLagMs - SaveBatcher::kGatherMs);
        QCOMPARE(savedWith(ids.mid(1, 1), QStringLiteral("late")), 0); // not swept along with the first
        QTRY_COMPARE_WITH_TIMEOUT(savedWith(ids.mid(1, 1), QStringLiteral("late")), 1, 5000);
        QVERIFY(sinceFirst.elapsed() >= GenerationSaver::kMaxLagMs * 7 / 4 - SaveBatcher::kGatherMs);
        // The text waited about a lag for its commit, as the batcher reports.
        QVERIFY(batcher.longestLagMs() >= GenerationSaver::kMaxLagMs - SaveBatcher::kGatherMs);
    }

    void theLagIsTakenAtTheCommitNotAtItsReport()
    {
        // What a crash can lose ends at the commit. A busy loop hears of the
        // commit later; that wait must not count.
        SaveBatcher batcher(*m_db);
        auto [savers, ids, begun] = startReplies(batcher, QStringLiteral("l@example.com"), 1);
        QVERIFY(begun);
        QElapsedTimer sinceText;
        sinceText.start();
        savers[0]->append(QStringLiteral("kept"));
        batcher.flushNow();
        while (savedWith(ids, QStringLiteral("kept")) < 1 && sinceText.elapsed() < 5000)
            QThread::msleep(1);
        const qint64 seenCommittedMs = sinceText.elapsed(); // the commit came before this
        QCOMPARE(savedWith(ids, QStringLiteral("kept")), 1);
        QThread::msleep(500); // this thread's loop is busy: the report waits
        QTRY_COMPARE(batcher.slicesInFlight(), 0);
        QVERIFY2(batcher.longestLagMs() <= seenCommittedMs + 1,
                 qPrintable(QStringLiteral("lag %1 ms, committed by %2 ms").arg(batcher.longestLagMs()).arg(seenCommittedMs)));
    }

    void aKilobyteWaitingIsWrittenAtOnceAndAlone()
    {
        SaveBatcher batcher(*m_db);
        auto [savers, ids, begun] = startReplies(batcher, QStringLiteral("k@example.com"), 2);
        QVERIFY(begun);
        savers[1]->append(QStringLiteral("small"));
        const QString kilobyte(GenerationSaver::kMaxPendingBytes, u'x');
        QElapsedTimer t;
        t.start();
        savers[0]->append(kilobyte);
        QTRY_COMPARE_WITH_TIMEOUT(savedWith(ids.mid(0, 1), kilobyte), 1, 5000);
        QVERIFY(t.elapsed() < GenerationSaver::kMaxLagMs); // not by the deadline: by the next turns
        QCOMPARE(savedWith(ids.mid(1, 1), QStringLiteral("small")), 0); // its deadline is still ahead
    }

    void aReplyHasOneSaveOnTheWayAtATime()
    {
        SaveBatcher batcher(*m_db);
        auto [savers, ids, begun] = startReplies(batcher, QStringLiteral("o@example.com"), 1);
        QVERIFY(begun);
        const QString kilobyte(GenerationSaver::kMaxPendingBytes, u'x');
        savers[0]->append(kilobyte);
        QCOMPARE(batcher.slicesInFlight(), 1);
        // Another kilobyte before the writer reported: it waits for that report
        // instead of sending a second copy of the reply along.
        savers[0]->append(kilobyte);
        savers[0]->append(QStringLiteral("end"));
        QCOMPARE(batcher.slicesInFlight(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(savedWith(ids, kilobyte + kilobyte + QStringLiteral("end")), 1, 5000);
        QTRY_COMPARE(batcher.slicesInFlight(), 0);
    }

    void aStreamingSaveTouchesOnlyTheText()
    {
        MessageRecord m;
        m.model = QStringLiteral("gpt-test");
        m.content = QJsonObject{{QStringLiteral("text"), QStringLiteral("Once")}, {QStringLiteral("error"), QStringLiteral("cut off")}};
        m.status = MessageStatus::Aborted;
        const MessageRecord row = newReply(QStringLiteral("t@example.com"), m);
        SaveBatcher batcher(*m_db);
        GenerationSaver saver(*m_db, row, batcher);
        QVERIFY(saver.begin()); // continuing: streaming again, the old error gone
        saver.append(QStringLiteral(" upon a time"));
        batcher.flushNow();
        QTRY_COMPARE_WITH_TIMEOUT(MessageRepository(*m_db).get(row.id)->text(), QStringLiteral("Once upon a time"), 5000);
        const MessageRecord stored = MessageRepository(*m_db).get(row.id).value();
        QCOMPARE(stored.status, MessageStatus::Streaming);
        QVERIFY(stored.isPartial);
        QCOMPARE(stored.model, QStringLiteral("gpt-test"));
        QVERIFY(!stored.content.contains(QStringLiteral("error")));
    }

    void streamingSavesKeepEveryCharacterAndTheOtherFields()
    {
        MessageRecord m;
        m.content = QJsonObject{{QStringLiteral("text"), QStringLiteral("Say \"hi\"")},
                                {QStringLiteral("usage"), QJsonObject{{QStringLiteral("input_tokens"), 3}}}};
        m.status = MessageStatus::Aborted;
        const MessageRecord row = newReply(QStringLiteral("e@example.com"), m);
        SaveBatcher batcher(*m_db);
        GenerationSaver saver(*m_db, row, batcher);
        QVERIFY(saver.begin());
        const QString emoji = QStringLiteral("\U0001F600");
        // Quotes, a backslash, control characters, accents, CJK, and an emoji
        // whose two UTF-16 halves come in two deltas.
        saver.append(QStringLiteral(" \\ \"quoted\"\n\ttab \x01 é 漢字 ") + emoji.at(0));
        batcher.flushNow();
        QTRY_VERIFY_WITH_TIMEOUT(MessageRepository(*m_db).get(row.id)->text().contains(u'漢'), 5000);
        const QString firstSave = MessageRepository(*m_db).get(row.id)->text();
        QVERIFY(saver.text().startsWith(firstSave));
        QVERIFY(!firstSave.contains(QChar(QChar::ReplacementCharacter)));

        saver.append(QString(emoji.at(1)) + QStringLiteral(" done"));
        batcher.flushNow();
        QTRY_COMPARE_WITH_TIMEOUT(MessageRepository(*m_db).get(row.id)->text(), saver.text(), 5000);
        QVERIFY(saver.text().endsWith(emoji + QStringLiteral(" done")));
        const QJsonObject stored = MessageRepository(*m_db).get(row.id)->content;
        QCOMPARE(stored.value(QStringLiteral("usage")).toObject().value(QStringLiteral("input_tokens")).toInt(), 3);
    }

    void aSaveTheDatabaseRefusesIsWrittenAgainLater()
    {
        // The database refuses any content that says "boom", until told otherwise.
        QSqlDatabase db = m_db->connection().value();
        QSqlQuery q(db);
        const bool sqlite = m_db->dialect() == Dialect::Sqlite;
        if (sqlite) {
            QVERIFY2(q.exec(QStringLiteral("CREATE TRIGGER refuse_boom BEFORE UPDATE OF content ON messages"
                                           " WHEN instr(NEW.content, 'boom') > 0 BEGIN SELECT RAISE(ABORT, 'boom refused'); END")),
                     qPrintable(q.lastError().text()));
        } else {
            QVERIFY2(q.exec(QStringLiteral("CREATE FUNCTION refuse_boom() RETURNS trigger AS $$ BEGIN"
                                           " IF position('boom' in NEW.content::text) > 0 THEN RAISE EXCEPTION 'boom refused'; END IF;"
                                           " RETURN NEW; END $$ LANGUAGE plpgsql")),
                     qPrintable(q.lastError().text()));
            QVERIFY2(q.exec(QStringLiteral("CREATE TRIGGER refuse_boom BEFORE UPDATE ON messages FOR EACH ROW EXECUTE FUNCTION refuse_boom()")),
                     qPrintable(q.lastError().text()));
        }
        SaveBatcher batcher(*m_db);
        auto [savers, ids, begun] = startReplies(batcher, QStringLiteral("b@example.com"), 1);
        QVERIFY(begun);
        savers[0]->append(QStringLiteral("boom"));
        const qint64 before = batcher.commits();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("saving streaming replies failed.*boom refused")));
        batcher.flushNow();
        QTRY_COMPARE(batcher.commits(), before + 1); // the writer reported back
        QCOMPARE(savedWith(ids, QStringLiteral("boom")), 0);

        // The text is pending again, and goes with its next deadline once the database takes it.
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER refuse_boom") + (sqlite ? QString() : QStringLiteral(" ON messages"))));
        QTRY_COMPARE_WITH_TIMEOUT(savedWith(ids, QStringLiteral("boom")), 1, 5000);
    }

    void aStreamingSaveNeverUndoesTheEndOfAReply()
    {
        MessageRecord m;
        m.status = MessageStatus::Streaming;
        m.isPartial = true;
        const MessageRecord row = newReply(QStringLiteral("g@example.com"), m);
        const MessageRepository messages(*m_db);
        const QByteArray now = sqlvalue::isoTime(QDateTime::currentDateTimeUtc()).toUtf8();
        QCOMPARE(messages.updateStreamingContent(row.id, R"({"text":"Once"})", now).value(), true);
        QCOMPARE(messages.get(row.id)->text(), QStringLiteral("Once"));

        MessageRecord ended = messages.get(row.id).value();
        ended.status = MessageStatus::Complete;
        ended.isPartial = false;
        QVERIFY(messages.update(ended));
        QCOMPARE(messages.updateStreamingContent(row.id, R"({"text":"On"})", now).value(), false);
        QCOMPARE(messages.get(row.id)->text(), QStringLiteral("Once"));
        QCOMPARE(messages.get(row.id)->status, MessageStatus::Complete);
        QCOMPARE(messages.updateStreamingContent(newUuid(), "{}", now).value(), false); // no such row: no error
    }

    void aReplyThatEndsWhileItsSaveIsOnTheWayKeepsItsEnd()
    {
        SaveBatcher batcher(*m_db);
        auto [savers, ids, begun] = startReplies(batcher, QStringLiteral("f@example.com"), SaveBatcher::kSliceSize + 1);
        QVERIFY(begun);
        for (auto &s : savers)
            s->append(QStringLiteral("partial"));
        batcher.flushNow();
        // The replies end (finished, then destroyed, as generations are)
        // while the writer may still be on their saves.
        int failedFinishes = 0;
        for (auto &s : savers) {
            s->append(QStringLiteral(" and more"));
            failedFinishes += s->finish(MessageStatus::Complete, false, QStringLiteral("stop"), -1, -1, {}) ? 0 : 1;
        }
        savers.clear();
        QCOMPARE(failedFinishes, 0);
        QTRY_COMPARE(batcher.slicesInFlight(), 0); // reported back about savers that are gone: no crash
        for (const QString &id : ids) {
            const MessageRecord stored = MessageRepository(*m_db).get(id).value();
            QCOMPARE(stored.status, MessageStatus::Complete); // a late streaming save never lands on an ended reply
            QCOMPARE(stored.text(), QStringLiteral("partial and more"));
        }
    }
};

QTEST_GUILESS_MAIN(TestSaveBatcher)
#include "tst_savebatcher.moc"
