// Saving many streaming replies: one tick writes them all, in transactions of
// SaveBatcher::kSliceSize, handing the event loop back between slices.
#include "db/chatrepository.h"
#include "db/messagerepository.h"
#include "db/migrations.h"
#include "db/userrepository.h"
#include "generation/generationsaver.h"
#include "generation/savebatcher.h"
#include "support/testenv.h"

#include <QTest>
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

    void aTickWritesEveryReplyInSlicesBetweenLoopTurns()
    {
        const QString user = UserRepository(*m_db).create(UserRecord{{}, QStringLiteral("s@example.com"), {}, {}, {}})->id;
        const QString chat = ChatRepository(*m_db).create(ChatRecord{{}, user, QStringLiteral("Many"), {}, {}, {}, {}, {}})->id;
        SaveBatcher batcher(*m_db);
        constexpr int kReplies = 2 * SaveBatcher::kSliceSize + 6;
        std::vector<std::unique_ptr<GenerationSaver>> savers;
        QStringList ids;
        for (int i = 0; i < kReplies; ++i) {
            MessageRecord m;
            m.chatId = chat;
            m.role = QStringLiteral("assistant");
            auto row = MessageRepository(*m_db).insert(m);
            QVERIFY(row);
            ids << row->id;
            savers.push_back(std::make_unique<GenerationSaver>(*m_db, row.value(), batcher));
            QVERIFY(savers.back()->begin());
        }
        const qint64 before = batcher.commits();
        for (auto &s : savers)
            s->append(QStringLiteral("hello"));
        QCOMPARE(savedWith(ids, QStringLiteral("hello")), 0); // nothing before the tick

        batcher.flushNow();
        // One slice at once; the rest only after control went back to the loop.
        QCOMPARE(savedWith(ids, QStringLiteral("hello")), SaveBatcher::kSliceSize);
        QCOMPARE(batcher.commits(), before + 1);
        QTRY_COMPARE_WITH_TIMEOUT(savedWith(ids, QStringLiteral("hello")), kReplies, 2000);
        QCOMPARE(batcher.commits(), before + 3);
    }

    void aReplyFinishedWhileQueuedIsNotWrittenAgain()
    {
        const QString user = UserRepository(*m_db).create(UserRecord{{}, QStringLiteral("f@example.com"), {}, {}, {}})->id;
        const QString chat = ChatRepository(*m_db).create(ChatRecord{{}, user, QStringLiteral("Done"), {}, {}, {}, {}, {}})->id;
        SaveBatcher batcher(*m_db);
        std::vector<std::unique_ptr<GenerationSaver>> savers;
        QStringList ids;
        for (int i = 0; i < SaveBatcher::kSliceSize + 1; ++i) {
            MessageRecord m;
            m.chatId = chat;
            m.role = QStringLiteral("assistant");
            auto row = MessageRepository(*m_db).insert(m);
            ids << row->id;
            savers.push_back(std::make_unique<GenerationSaver>(*m_db, row.value(), batcher));
            QVERIFY(savers.back()->begin());
            savers.back()->append(QStringLiteral("partial"));
        }
        batcher.flushNow();
        // Whichever reply waits for the second slice: finish or destroy them all now.
        for (auto &s : savers)
            QVERIFY(s->finish(MessageStatus::Complete, false, QStringLiteral("stop"), -1, -1, {}));
        savers.clear();
        QTest::qWait(50); // the second slice must find nothing (a freed saver would crash here)
        for (const QString &id : ids)
            QCOMPARE(MessageRepository(*m_db).get(id)->status, MessageStatus::Complete);
    }
};

QTEST_GUILESS_MAIN(TestSaveBatcher)
#include "tst_savebatcher.moc"
