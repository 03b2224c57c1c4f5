// SQLite allows one writer at a time. A connection that meets another's write
// lock (the reply-saves thread, the checkpointer) waits for it and goes on,
// instead of failing with "database is locked". A background writer that
// commits transaction after transaction lets a waiting writer go first.
#include "db/migrations.h"
#include "db/sqlquery.h"
#include "support/testenv.h"

#include <QSemaphore>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace teehee;

class TestSqliteLocking : public QObject {
    Q_OBJECT

    TestDatabase m_tdb; // SQLite: this test has no PostgreSQL variant
    std::unique_ptr<Database> m_db;

private Q_SLOTS:
    void initTestCase()
    {
        TEEHEE_REQUIRE_DB(m_tdb);
        QVERIFY(m_tdb.url().isSqlite());
        m_db = std::make_unique<Database>(m_tdb.url());
        QVERIFY(m_db->open());
        QVERIFY(Migrator(*m_db).migrate());
    }
    void cleanupTestCase() { m_db.reset(); }

    void aWriterThatMeetsAnotherWritersLockWaitsForIt()
    {
        QSemaphore locked;
        std::atomic<bool> otherCommitted{false};
        bool otherOk = false;
        std::unique_ptr<QThread> other(QThread::create([&] {
            {
                Transaction tx(*m_db);
                if (tx.begin()) {
                    locked.release();
                    QThread::msleep(150); // holding the write lock
                    otherCommitted = true;
                    otherOk = bool(tx.commit());
                } else {
                    locked.release();
                }
            }
            m_db->closeThreadConnection();
        }));
        other->start();
        QVERIFY(locked.tryAcquire(1, 10000));

        Transaction mine(*m_db);
        const Status began = mine.begin(); // meets the lock: waits, then takes it
        QVERIFY2(began, began ? "" : qPrintable(began.error().message));
        QVERIFY(otherCommitted); // it went first
        QSqlQuery q(m_db->connection().value());
        QVERIFY(q.exec(QStringLiteral("UPDATE users SET email = email WHERE 0")));
        QVERIFY(mine.commit());
        QVERIFY(other->wait(10000));
        QVERIFY(otherOk);
    }

    void aBackgroundWriterLetsAWaitingWriterGoFirst()
    {
        constexpr int kRun = 40; // transactions, back to back, each holding the lock 2 ms
        std::atomic<int> committed{0};
        std::atomic<bool> ok{true};
        std::unique_ptr<QThread> other(QThread::create([&] {
            Database::markBackgroundWriter();
            for (int i = 0; i < kRun; ++i) {
                Transaction tx(*m_db);
                if (!tx.begin()) {
                    ok = false;
                    break;
                }
                QThread::usleep(2000);
                ok = ok && bool(tx.commit());
                ++committed;
            }
            m_db->closeThreadConnection();
        }));
        other->start();
        QTRY_VERIFY(committed >= 2); // the run is under way

        const int before = committed;
        Transaction mine(*m_db);
        const Status began = mine.begin();
        const int during = committed - before;
        QVERIFY2(began, began ? "" : qPrintable(began.error().message));
        QVERIFY(mine.commit());
        QVERIFY(other->wait(10000));
        QVERIFY(ok);
        QCOMPARE(committed.load(), kRun);
        // The one under way when this thread came, and at most one more if
        // this thread was kept from the CPU for a while. Without yielding,
        // nearly all of the rest of the run goes first.
        QVERIFY2(during <= 2, qPrintable(QStringLiteral("%1 of its transactions went first").arg(during)));
    }
};

QTEST_GUILESS_MAIN(TestSqliteLocking)
#include "tst_sqlitelocking.moc"
