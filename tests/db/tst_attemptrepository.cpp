// The attempts behind the sign-in and pairing limits (migration 14): on
// PostgreSQL a table that several servers' handles read and write together,
// read newest first within a bound and pruned a bounded batch at a time; on
// SQLite no table at all (one server counts in memory), so every call is an
// error, never a crash.
#include "db/attemptrepository.h"
#include "db/migrations.h"
#include "support/testenv.h"

#include <QTest>
#include <memory>

using namespace teehee;

namespace {
const QString kKind = QStringLiteral("signin-address");
const QString kKey = QStringLiteral("0123abcd");
} // namespace

class TestAttemptRepository : public QObject {
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_tdb;
    std::unique_ptr<Database> m_a, m_b; // two servers' handles on one database

    std::unique_ptr<Database> open()
    {
        auto db = std::make_unique<Database>(m_tdb->url());
        if (!db->open())
            return nullptr;
        return db;
    }

private Q_SLOTS:
    void init()
    {
        m_tdb = std::make_unique<TestDatabase>();
        TEEHEE_REQUIRE_DB(*m_tdb);
        m_a = open();
        m_b = open();
        QVERIFY(m_a && m_b);
        QVERIFY(Migrator(*m_a).migrate());
    }
    void cleanup()
    {
        m_b.reset();
        m_a.reset();
        m_tdb.reset();
    }

    void attemptsOfBothHandlesAreReadTogetherNewestWithinTheBound()
    {
        AttemptRepository a(*m_a), b(*m_b);
        if (!m_tdb->isPostgres()) {
            QVERIFY(!a.add(kKind, kKey, 1000)); // no table on SQLite
            QVERIFY(!a.since(kKind, kKey, 0, 10));
            return;
        }
        QVERIFY(a.add(kKind, kKey, 1000));
        QVERIFY(b.add(kKind, kKey, 2000));
        QVERIFY(a.add(kKind, kKey, 3000));
        QVERIFY(b.add(QStringLiteral("pair-redeem"), kKey, 2500));     // another kind
        QVERIFY(b.add(kKind, QStringLiteral("ffff"), 2500));           // another key
        QCOMPARE(a.since(kKind, kKey, 0, 10).value(), (QList<qint64>{1000, 2000, 3000}));
        QCOMPARE(b.since(kKind, kKey, 1000, 10).value(), (QList<qint64>{2000, 3000})); // after, not at
        QCOMPARE(b.since(kKind, kKey, 0, 2).value(), (QList<qint64>{2000, 3000}));    // the newest, oldest first
    }

    void removeOneKeyOrUpToATime()
    {
        if (!m_tdb->isPostgres()) {
            QVERIFY(!AttemptRepository(*m_a).removeKey(kKind, kKey));
            return;
        }
        AttemptRepository a(*m_a), b(*m_b);
        for (qint64 at : {1000, 2000, 2000, 3000})
            QVERIFY(a.add(kKind, kKey, at));
        QVERIFY(b.removeOne(kKind, kKey, 2000));
        QCOMPARE(a.since(kKind, kKey, 0, 10).value(), (QList<qint64>{1000, 2000, 3000}));
        QVERIFY(b.removeOne(kKind, kKey, 2500)); // none at that time: nothing goes
        QCOMPARE(a.since(kKind, kKey, 0, 10)->size(), 3);
        QVERIFY(b.removeKey(kKind, kKey, 2000));
        QCOMPARE(a.since(kKind, kKey, 0, 10).value(), (QList<qint64>{3000}));
        QVERIFY(b.add(kKind, QStringLiteral("ffff"), 1000));
        QVERIFY(b.removeKey(kKind, kKey));
        QCOMPARE(a.since(kKind, kKey, 0, 10)->size(), 0);
        QCOMPARE(a.since(kKind, QStringLiteral("ffff"), 0, 10)->size(), 1);
    }

    void pruningIsBoundedAndKeepsTheRecent()
    {
        if (!m_tdb->isPostgres()) {
            QVERIFY(!AttemptRepository(*m_a).prune(kKind, 1000, 10));
            return;
        }
        AttemptRepository a(*m_a);
        for (int i = 0; i < 5; ++i)
            QVERIFY(a.add(kKind, QStringLiteral("old%1").arg(i), 1000 + i));
        QVERIFY(a.add(kKind, kKey, 9000));
        QVERIFY(a.add(QStringLiteral("pair-poll"), kKey, 1000)); // another kind's rows are not this sweep's
        QCOMPARE(a.prune(kKind, 5000, 3).value(), 3);
        QCOMPARE(a.prune(kKind, 5000, 3).value(), 2);
        QCOMPARE(a.prune(kKind, 5000, 3).value(), 0);
        QCOMPARE(a.since(kKind, kKey, 0, 10)->size(), 1);
        QCOMPARE(a.since(QStringLiteral("pair-poll"), kKey, 0, 10)->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAttemptRepository)
#include "tst_attemptrepository.moc"
