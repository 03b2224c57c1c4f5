// The end of a reply (status, partial flag, usage, the whole text) is written
// off the backend thread, with the other replies ending meanwhile: one slice
// of endings at a time, the ones that end while it is written going together
// in the next, while other replies stream; a reply that ends alone is written
// at once. The saver hears of the commit; an ending is written even when
// its saver is gone, or the batcher stops first; a row deleted meanwhile is no
// error; a refused ending is tried again alone, then reported, and holds back
// no other.
#include "savefixture.h"

#include <QJsonObject>
#include <QRegularExpression>

using namespace teehee;

namespace {

GenerationSaver::Ending completed()
{
    GenerationSaver::Ending e;
    e.status = MessageStatus::Complete;
    e.isPartial = false;
    e.finishReason = QStringLiteral("stop");
    e.inputTokens = 7;
    e.outputTokens = 3;
    return e;
}

} // namespace

class TestSaveEndings : public QObject {
    Q_OBJECT

    testing::SaveFixture f;

    MessageRecord stored(const QString &id) const { return MessageRepository(*f.db).get(id).value(); }
    // Another reply that goes on streaming: while one does, endings are batched.
    std::unique_ptr<GenerationSaver> stillStreaming(SaveBatcher &batcher)
    {
        auto other = f.startReplies(batcher, QStringLiteral("%1@example.com").arg(++m_others), 1);
        return other.begun ? std::move(other.savers.front()) : nullptr;
    }
    int m_others = 0;

private Q_SLOTS:
    void init()
    {
        const QString error = f.open();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    void cleanup() { f.close(); }

    void repliesEndingTogetherShareCommitsAndHearOfThemOnceStored()
    {
        SaveBatcher batcher(*f.db);
        const auto other = stillStreaming(batcher);
        QVERIFY(other);
        constexpr int kReplies = 20;
        auto [savers, ids, begun] = f.startReplies(batcher, QStringLiteral("e@example.com"), kReplies);
        QVERIFY(begun);
        // Each saver, when told, finds its row already ended.
        int heard = 0, heardStored = 0;
        for (int i = 0; i < kReplies; ++i) {
            connect(savers[i].get(), &GenerationSaver::endingSaved, this, [&, id = ids[i]](bool saved) {
                ++heard;
                const MessageRecord m = stored(id);
                heardStored += saved && m.status == MessageStatus::Complete && m.text() == QStringLiteral("the answer");
            });
        }
        const qint64 before = batcher.commits();
        for (auto &s : savers) {
            s->append(QStringLiteral("the answer"));
            s->finishBatched(completed());
        }
        // Nothing was written on this thread: the last ending waits for the first slice's report.
        QCOMPARE(stored(ids.last()).status, MessageStatus::Streaming);
        QCOMPARE(heard, 0);

        QTRY_COMPARE_WITH_TIMEOUT(heard, kReplies, 5000);
        QCOMPARE(heardStored, kReplies);
        QCOMPARE(batcher.commits() - before, 2); // the first alone, the other nineteen together
        const MessageRecord m = stored(ids.first());
        QCOMPARE(m.isPartial, false);
        QCOMPARE(m.finishReason, QStringLiteral("stop"));
        QCOMPARE(m.tokensIn.value_or(-1), 7);
        QCOMPARE(m.tokensOut.value_or(-1), 3);
        QCOMPARE(m.content.value(QStringLiteral("usage")).toObject().value(QStringLiteral("total_tokens")).toInt(), 10);
    }

    void anEndingIsWrittenAfterTheSavesBeforeIt()
    {
        SaveBatcher batcher(*f.db);
        const auto other = stillStreaming(batcher);
        QVERIFY(other);
        auto [savers, ids, begun] = f.startReplies(batcher, QStringLiteral("o@example.com"), 1);
        QVERIFY(begun);
        savers[0]->append(QStringLiteral("first"));
        batcher.flushNow(); // a streaming save on its way
        savers[0]->append(QStringLiteral(" and last"));
        GenerationSaver::Ending failed;
        failed.status = MessageStatus::Error;
        failed.error = QStringLiteral("The provider hung up");
        savers[0]->finishBatched(failed);
        QTRY_COMPARE(batcher.slicesInFlight(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(stored(ids[0]).status, MessageStatus::Error, 5000);
        const MessageRecord m = stored(ids[0]);
        QCOMPARE(m.text(), QStringLiteral("first and last"));
        QCOMPARE(m.isPartial, true);
        QCOMPARE(m.content.value(QStringLiteral("error")).toString(), QStringLiteral("The provider hung up"));
    }

    void anEndingIsWrittenEvenWhenItsSaverIsGone()
    {
        SaveBatcher batcher(*f.db);
        const auto other = stillStreaming(batcher);
        QVERIFY(other);
        auto [savers, ids, begun] = f.startReplies(batcher, QStringLiteral("g@example.com"), 3);
        QVERIFY(begun);
        for (auto &s : savers) {
            s->append(QStringLiteral("kept"));
            s->finishBatched(completed());
        }
        savers.clear(); // destroyed, as generations are, before any report
        QTRY_COMPARE_WITH_TIMEOUT(f.savedWith(ids, QStringLiteral("kept")), 3, 5000);
        for (const QString &id : ids)
            QCOMPARE(stored(id).status, MessageStatus::Complete);
    }

    void endingsStillWaitingAreWrittenBeforeTheBatcherStops()
    {
        QStringList ids;
        {
            SaveBatcher batcher(*f.db);
        const auto other = stillStreaming(batcher);
        QVERIFY(other);
            auto replies = f.startReplies(batcher, QStringLiteral("s@example.com"), 2 * SaveBatcher::kEndingSliceSize + 3);
            QVERIFY(replies.begun);
            ids = replies.ids;
            for (auto &s : replies.savers) {
                s->append(QStringLiteral("at shutdown"));
                s->finishBatched(completed());
            }
            replies.savers.clear();
        } // no event loop ran: every slice is handed over and written as the batcher goes
        QCOMPARE(f.savedWith(ids, QStringLiteral("at shutdown")), ids.size());
    }

    void anEndingWhoseRowWasDeletedIsNoError()
    {
        SaveBatcher batcher(*f.db);
        const auto other = stillStreaming(batcher);
        QVERIFY(other);
        auto [savers, ids, begun] = f.startReplies(batcher, QStringLiteral("d@example.com"), 2);
        QVERIFY(begun);
        // A reply in a chat of its own, which its user deletes as the reply ends.
        const MessageRecord doomed = f.newReply(QStringLiteral("d2@example.com"));
        savers.insert(savers.begin() + 1, std::make_unique<GenerationSaver>(*f.db, doomed, batcher));
        QVERIFY(savers[1]->begin());
        // The first ending goes alone; the other two wait, and one of their rows goes meanwhile.
        savers[0]->finishBatched(completed());
        savers[1]->finishBatched(completed());
        savers[2]->append(QStringLiteral("still here"));
        savers[2]->finishBatched(completed());
        const QString doomedUser = UserRepository(*f.db).findByEmail(QStringLiteral("d2@example.com"))->id;
        QVERIFY(ChatRepository(*f.db).remove(doomedUser, doomed.chatId));
        QVERIFY(!MessageRepository(*f.db).get(doomed.id));
        QList<bool> results;
        for (auto &s : savers)
            connect(s.get(), &GenerationSaver::endingSaved, this, [&results](bool saved) { results.append(saved); });
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, 5000);
        QCOMPARE(results, (QList<bool>{true, true, true}));
        QCOMPARE(stored(ids[1]).text(), QStringLiteral("still here"));
        QCOMPARE(stored(ids[1]).status, MessageStatus::Complete);
    }

    void aRefusedEndingIsTriedAgainAloneThenReportedWithoutHoldingBackOthers()
    {
        const QString refusing = f.refuseContentWith(QStringLiteral("boom"));
        QVERIFY2(refusing.isEmpty(), qPrintable(refusing));
        SaveBatcher batcher(*f.db);
        const auto other = stillStreaming(batcher);
        QVERIFY(other);
        auto [savers, ids, begun] = f.startReplies(batcher, QStringLiteral("r@example.com"), 3);
        QVERIFY(begun);
        QList<bool> saved(3, false);
        QList<bool> reported(3, false);
        QString error;
        for (int i = 0; i < 3; ++i) {
            connect(savers[i].get(), &GenerationSaver::endingSaved, this, [&, i](bool ok, const QString &message) {
                reported[i] = true;
                saved[i] = ok;
                if (!ok)
                    error = message;
            });
        }
        // The first goes alone; the other two share a slice, which the refused one fails.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^saving the end of 2 replies failed; trying again: .+")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^saving the end of a reply failed; trying again: .+")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^saving the end of a reply failed for the last time: .+")));
        const qint64 before = batcher.commits();
        const QStringList texts{QStringLiteral("fine"), QStringLiteral("boom"), QStringLiteral("also fine")};
        for (int i = 0; i < 3; ++i) {
            savers[i]->append(texts[i]);
            savers[i]->finishBatched(completed());
        }
        QTRY_VERIFY_WITH_TIMEOUT(reported[0] && reported[1] && reported[2], 5000);
        QCOMPARE(saved, (QList<bool>{true, false, true}));
        QVERIFY(!error.isEmpty());
        // 1 alone, 2 together (refused), then the refused one alone twice, the other once.
        QCOMPARE(batcher.commits() - before, 1 + 1 + (SaveBatcher::kEndingAttempts - 1) + 1);
        QCOMPARE(stored(ids[0]).status, MessageStatus::Complete);
        QCOMPARE(stored(ids[1]).status, MessageStatus::Streaming); // the truth: made aborted at the next start-up
        QCOMPARE(stored(ids[2]).status, MessageStatus::Complete);
        QCOMPARE(stored(ids[2]).text(), QStringLiteral("also fine"));
        QVERIFY(f.acceptEveryContent());
    }

    void aReplyThatEndsAloneIsWrittenAtOnce()
    {
        SaveBatcher batcher(*f.db);
        auto [savers, ids, begun] = f.startReplies(batcher, QStringLiteral("a@example.com"), 1);
        QVERIFY(begun);
        QCOMPARE(batcher.streaming(), 1);
        bool heard = false;
        connect(savers[0].get(), &GenerationSaver::endingSaved, this, [&](bool saved) { heard = saved; });
        savers[0]->append(QStringLiteral("alone"));
        const qint64 before = batcher.commits();
        savers[0]->finishBatched(completed());
        QVERIFY(heard); // before finishBatched() returned
        QCOMPARE(stored(ids[0]).status, MessageStatus::Complete);
        QCOMPARE(stored(ids[0]).text(), QStringLiteral("alone"));
        QCOMPARE(batcher.commits() - before, 1);
        QCOMPARE(batcher.slicesInFlight(), 0);
        QCOMPARE(batcher.streaming(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSaveEndings)
#include "tst_saveendings.moc"
