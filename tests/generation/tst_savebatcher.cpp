// Saving many streaming replies: each reply is written by its own deadline
// (GenerationSaver::kMaxLagMs after its oldest unsaved text, at once with a
// kilobyte pending), with the others due then, in transactions of
// SaveBatcher::kSliceSize, on a thread of their own: the thread that carries
// the tokens never waits for them.
#include "db/sqlquery.h"
#include "savefixture.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QThread>

using namespace teehee;

class TestSaveBatcher : public QObject {
    Q_OBJECT

    testing::SaveFixture f;

private Q_SLOTS:
    void init()
    {
        const QString error = f.open();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    void cleanup() { f.close(); }

    void aFlushWritesEveryReplyInSlicesOffThisThread()
    {
        SaveBatcher batcher(*f.db);
        constexpr int kReplies = 2 * SaveBatcher::kSliceSize + 6;
        auto [savers, ids, begun] = f.startReplies(batcher, QStringLiteral("s@example.com"), kReplies);
        QVERIFY(begun);
        const qint64 before = batcher.commits();
        for (auto &s : savers)
            s->append(QStringLiteral("hello"));
        QCOMPARE(f.savedWith(ids, QStringLiteral("hello")), 0); // nothing before the deadline

        batcher.flushNow();
        QCOMPARE(batcher.slicesInFlight(), 3);
        // This thread runs no event loop from here: the rows land all the same.
        QElapsedTimer t;
        t.start();
        while (f.savedWith(ids, QStringLiteral("hello")) < kReplies && t.elapsed() < 5000)
            QThread::msleep(5);
        QCOMPARE(f.savedWith(ids, QStringLiteral("hello")), kReplies);
        // The writer reports back through this thread's loop: one commit per slice.
        QTRY_COMPARE(batcher.slicesInFlight(), 0);
        QCOMPARE(batcher.commits(), before + 3);
    }

    void eachReplyIsWrittenByItsOwnDeadline()
    {
        SaveBatcher batcher(*f.db);
        auto [savers, ids, begun] = f.startReplies(batcher, QStringLiteral("d@example.com"), 2);
        QVERIFY(begun);
        savers[0]->append(QStringLiteral("early"));
        // The second reply gets text three quarters of a lag later: it is due then.
        QTest::qWait(GenerationSaver::kMaxLagMs * 3 / 4);
        savers[1]->append(QStringLiteral("late"));
        QCOMPARE(f.savedWith(ids.mid(0, 1), QStringLiteral("early")), 0);

        QTRY_COMPARE_WITH_TIMEOUT(f.savedWith(ids.mid(0, 1), QStringLiteral("early")), 1, 5000);
        QCOMPARE(f.savedWith(ids.mid(1, 1), QStringLiteral("late")), 0); // not swept along with the first
        QTRY_COMPARE_WITH_TIMEOUT(f.savedWith(ids.mid(1, 1), QStringLiteral("late")), 1, 5000);
        // The text waited about a lag for its commit, as the batcher reports.
        QVERIFY(batcher.longestLagMs() >= GenerationSaver::kMaxLagMs - SaveBatcher::kGatherMs);
    }

    void theLagIsTakenAtTheCommitNotAtItsReport()
    {
        // What a crash can lose ends at the commit. A busy loop hears of the
        // commit later; that wait must not count.
        SaveBatcher batcher(*f.db);
        auto [savers, ids, begun] = f.startReplies(batcher, QStringLiteral("l@example.com"), 1);
        QVERIFY(begun);
        QElapsedTimer sinceText;
        sinceText.start();
        savers[0]->append(QStringLiteral("kept"));
        batcher.flushNow();
        while (f.savedWith(ids, QStringLiteral("kept")) < 1 && sinceText.elapsed() < 5000)
            QThread::msleep(1);
        const qint64 seenCommittedMs = sinceText.elapsed(); // the commit came before this
        QCOMPARE(f.savedWith(ids, QStringLiteral("kept")), 1);
        // This thread's loop is busy: the report waits, far longer than the commit took.
        const qint64 busyMs = qMax<qint64>(500, 4 * seenCommittedMs);
        QThread::msleep(busyMs);
        QTRY_COMPARE(batcher.slicesInFlight(), 0);
        // The writer stamps its commit just after this thread can see it: the
        // lag ends there, not when the report was heard (busyMs later).
        QVERIFY2(batcher.longestLagMs() < seenCommittedMs + busyMs / 2,
                 qPrintable(QStringLiteral("lag %1 ms, committed by %2 ms").arg(batcher.longestLagMs()).arg(seenCommittedMs)));
    }

    void aKilobyteWaitingIsWrittenAtOnceAndAlone()
    {
        SaveBatcher batcher(*f.db);
        auto [savers, ids, begun] = f.startReplies(batcher, QStringLiteral("k@example.com"), 2);
        QVERIFY(begun);
        savers[1]->append(QStringLiteral("small"));
        const QString kilobyte(GenerationSaver::kMaxPendingBytes, u'x');
        savers[0]->append(kilobyte);
        // Handed to the writer within append(), before any turn of the loop
        // could fire the batch timer: not by the deadline.
        QCOMPARE(batcher.slicesInFlight(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(f.savedWith(ids.mid(0, 1), kilobyte), 1, 5000);
        QCOMPARE(f.savedWith(ids.mid(1, 1), QStringLiteral("small")), 0); // its deadline is still ahead
    }

    void aReplyHasOneSaveOnTheWayAtATime()
    {
        SaveBatcher batcher(*f.db);
        auto [savers, ids, begun] = f.startReplies(batcher, QStringLiteral("o@example.com"), 1);
        QVERIFY(begun);
        const QString kilobyte(GenerationSaver::kMaxPendingBytes, u'x');
        savers[0]->append(kilobyte);
        QCOMPARE(batcher.slicesInFlight(), 1);
        // Another kilobyte before the writer reported: it waits for that report
        // instead of sending a second copy of the reply along.
        savers[0]->append(kilobyte);
        savers[0]->append(QStringLiteral("end"));
        QCOMPARE(batcher.slicesInFlight(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(f.savedWith(ids, kilobyte + kilobyte + QStringLiteral("end")), 1, 5000);
        QTRY_COMPARE(batcher.slicesInFlight(), 0);
    }

    void aStreamingSaveTouchesOnlyTheText()
    {
        MessageRecord m;
        m.model = QStringLiteral("gpt-test");
        m.content = QJsonObject{{QStringLiteral("text"), QStringLiteral("Once")}, {QStringLiteral("error"), QStringLiteral("cut off")}};
        m.status = MessageStatus::Aborted;
        const MessageRecord row = f.newReply(QStringLiteral("t@example.com"), m);
        SaveBatcher batcher(*f.db);
        GenerationSaver saver(*f.db, row, batcher);
        QVERIFY(saver.begin()); // continuing: streaming again, the old error gone
        saver.append(QStringLiteral(" upon a time"));
        batcher.flushNow();
        QTRY_COMPARE_WITH_TIMEOUT(MessageRepository(*f.db).get(row.id)->text(), QStringLiteral("Once upon a time"), 5000);
        const MessageRecord stored = MessageRepository(*f.db).get(row.id).value();
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
        const MessageRecord row = f.newReply(QStringLiteral("e@example.com"), m);
        SaveBatcher batcher(*f.db);
        GenerationSaver saver(*f.db, row, batcher);
        QVERIFY(saver.begin());
        const QString emoji = QStringLiteral("\U0001F600");
        // Quotes, a backslash, control characters, accents, CJK, and an emoji
        // whose two UTF-16 halves come in two deltas.
        saver.append(QStringLiteral(" \\ \"quoted\"\n\ttab \x01 é 漢字 ") + emoji.at(0));
        batcher.flushNow();
        QTRY_VERIFY_WITH_TIMEOUT(MessageRepository(*f.db).get(row.id)->text().contains(u'漢'), 5000);
        const QString firstSave = MessageRepository(*f.db).get(row.id)->text();
        QVERIFY(saver.text().startsWith(firstSave));
        QVERIFY(!firstSave.contains(QChar(QChar::ReplacementCharacter)));

        saver.append(QString(emoji.at(1)) + QStringLiteral(" done"));
        batcher.flushNow();
        QTRY_COMPARE_WITH_TIMEOUT(MessageRepository(*f.db).get(row.id)->text(), saver.text(), 5000);
        QVERIFY(saver.text().endsWith(emoji + QStringLiteral(" done")));
        const QJsonObject stored = MessageRepository(*f.db).get(row.id)->content;
        QCOMPARE(stored.value(QStringLiteral("usage")).toObject().value(QStringLiteral("input_tokens")).toInt(), 3);
    }

    void aSaveTheDatabaseRefusesIsWrittenAgainLater()
    {
        // The database refuses any content that says "boom", until told otherwise.
        const QString refusing = f.refuseContentWith(QStringLiteral("boom"));
        QVERIFY2(refusing.isEmpty(), qPrintable(refusing));
        SaveBatcher batcher(*f.db);
        auto [savers, ids, begun] = f.startReplies(batcher, QStringLiteral("b@example.com"), 1);
        QVERIFY(begun);
        savers[0]->append(QStringLiteral("boom"));
        const qint64 before = batcher.commits();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("saving streaming replies failed.*boom refused")));
        batcher.flushNow();
        QTRY_COMPARE(batcher.commits(), before + 1); // the writer reported back
        QCOMPARE(f.savedWith(ids, QStringLiteral("boom")), 0);

        // The text is pending again, and goes with its next deadline once the database takes it.
        QVERIFY(f.acceptEveryContent());
        QTRY_COMPARE_WITH_TIMEOUT(f.savedWith(ids, QStringLiteral("boom")), 1, 5000);
    }

    void aStreamingSaveNeverUndoesTheEndOfAReply()
    {
        MessageRecord m;
        m.status = MessageStatus::Streaming;
        m.isPartial = true;
        const MessageRecord row = f.newReply(QStringLiteral("g@example.com"), m);
        const MessageRepository messages(*f.db);
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
        SaveBatcher batcher(*f.db);
        auto [savers, ids, begun] = f.startReplies(batcher, QStringLiteral("f@example.com"), SaveBatcher::kSliceSize + 1);
        QVERIFY(begun);
        for (auto &s : savers)
            s->append(QStringLiteral("partial"));
        batcher.flushNow();
        // The replies end (finished, then destroyed, as generations are)
        // while the writer may still be on their saves.
        int failedFinishes = 0;
        for (auto &s : savers) {
            s->append(QStringLiteral(" and more"));
            failedFinishes += s->finish({MessageStatus::Complete, false, QStringLiteral("stop")}) ? 0 : 1;
        }
        savers.clear();
        QCOMPARE(failedFinishes, 0);
        QTRY_COMPARE(batcher.slicesInFlight(), 0); // reported back about savers that are gone: no crash
        for (const QString &id : ids) {
            const MessageRecord stored = MessageRepository(*f.db).get(id).value();
            QCOMPARE(stored.status, MessageStatus::Complete); // a late streaming save never lands on an ended reply
            QCOMPARE(stored.text(), QStringLiteral("partial and more"));
        }
    }
};

QTEST_GUILESS_MAIN(TestSaveBatcher)
#include "tst_savebatcher.moc"
