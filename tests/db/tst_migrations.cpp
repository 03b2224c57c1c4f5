// Schema migrations: the same numbered steps on SQLite and PostgreSQL, and
// a database of the original schema (version 1) upgrades in place, data kept.
#include "db/database.h"
#include "db/messagerepository.h"
#include "db/chatrepository.h"
#include "db/migrations.h"
#include "db/sqlquery.h"
#include "support/testenv.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace teehee;

class TestMigrations : public QObject {
    Q_OBJECT

    static int count(const Database &db, const QString &sql)
    {
        QSqlQuery q(db.connection().value());
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toInt();
    }

private Q_SLOTS:
    void aFreshDatabaseReachesTheNewestVersion()
    {
        TestDatabase tdb;
        TEEHEE_REQUIRE_DB(tdb);
        Database db(tdb.url());
        QVERIFY(db.open());
        Migrator m(db);
        QCOMPARE(m.currentVersion().value(), 0);
        auto v = m.migrate();
        QVERIFY2(v, qPrintable(v ? QString() : v.error().message));
        QCOMPARE(v.value(), Migrator::latestVersion());
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM schema_version")), int(Migrator::all().size()));
    }

    void migratingTwiceChangesNothing()
    {
        TestDatabase tdb;
        TEEHEE_REQUIRE_DB(tdb);
        Database db(tdb.url());
        QVERIFY(db.open());
        QVERIFY(Migrator(db).migrate());
        auto again = Migrator(db).migrate();
        QVERIFY(again);
        QCOMPARE(again.value(), Migrator::latestVersion());
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM schema_version")), int(Migrator::all().size()));
    }

    void aVersionOneDatabaseUpgradesInPlaceKeepingItsData()
    {
        TestDatabase tdb;
        TEEHEE_REQUIRE_DB(tdb);
        Database db(tdb.url());
        QVERIFY(db.open());
        QCOMPARE(Migrator(db).migrate(1).value(), 1);

        // Rows as the original backend wrote them: no status, no seq, partial flag set.
        auto conn = db.connection().value();
        const QString user = newUuid(), chat = newUuid(), m1 = newUuid(), m2 = newUuid();
        QSqlQuery q(conn);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO users (id, email, password_hash, created_at) VALUES ('%1', 'old@example.com', '$2b$12$abc', '2024-01-01T10:00:00.000Z')").arg(user)));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO chat_sessions (id, user_id, name, created_at, root_message_id) VALUES ('%1', '%2', 'Old chat', '2024-01-01T10:00:00.000Z', '%3')").arg(chat, user, m1)));
        const QString partialTrue = tdb.isPostgres() ? QStringLiteral("TRUE") : QStringLiteral("1");
        const QString partialFalse = tdb.isPostgres() ? QStringLiteral("FALSE") : QStringLiteral("0");
        QVERIFY(q.exec(QStringLiteral("INSERT INTO messages (id, chat_session_id, parent_message_id, role, content, timestamp, is_partial, model, provider)"
                                      " VALUES ('%1', '%2', NULL, 'user', '{\"text\": \"hi\"}', '2024-01-01T10:00:01.000Z', %3, NULL, NULL)").arg(m1, chat, partialFalse)));
        QVERIFY2(q.exec(QStringLiteral("INSERT INTO messages (id, chat_session_id, parent_message_id, role, content, timestamp, is_partial, model, provider)"
                                      " VALUES ('%1', '%2', '%3', 'assistant', '{\"text\": \"hel\"}', '2024-01-01T10:00:02.000Z', %4, 'gpt-4', 'openai')").arg(m2, chat, m1, partialTrue)),
                 qPrintable(q.lastError().text()));

        auto v = Migrator(db).migrate();
        QVERIFY2(v, qPrintable(v ? QString() : v.error().message));
        QCOMPARE(v.value(), Migrator::latestVersion());

        MessageRepository messages(db);
        auto first = messages.get(m1);
        auto second = messages.get(m2);
        QVERIFY(first && second);
        QCOMPARE(first->text(), QStringLiteral("hi"));
        QCOMPARE(first->status, MessageStatus::Complete);
        QCOMPARE(second->status, MessageStatus::Aborted); // a partial reply can be continued
        QVERIFY(second->isPartial);
        QCOMPARE(second->model, QStringLiteral("gpt-4"));
        QVERIFY(first->seq > 0);
        QVERIFY(second->seq > first->seq); // order recovered from the timestamps
        auto path = messages.pathToRoot(m2);
        QVERIFY(path);
        QCOMPARE(path->size(), 2);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM chat_sessions WHERE updated_at IS NOT NULL")), 1);
        // An old chat has chosen nothing yet: no provider or model, no options.
        auto old = ChatRepository(db).get(user, chat);
        QVERIFY2(old, qPrintable(old ? QString() : old.error().message));
        QVERIFY(old->provider.isEmpty());
        QVERIFY(old->model.isEmpty());
        QCOMPARE(old->options, QJsonObject{});
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM chat_sessions WHERE options IS NOT NULL")), 1);
    }

    void aNewerSchemaThanTheProgramIsRefused()
    {
        TestDatabase tdb;
        TEEHEE_REQUIRE_DB(tdb);
        Database db(tdb.url());
        QVERIFY(db.open());
        QVERIFY(Migrator(db).migrate());
        QSqlQuery q(db.connection().value());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_version (version, description, applied_at) VALUES (999, 'future', 'x')")));
        auto v = Migrator(db).migrate();
        QVERIFY(!v);
        QVERIFY(v.error().message.contains(QStringLiteral("newer")));
    }

    void aFailingStepLeavesThePreviousVersionIntact()
    {
        TestDatabase tdb;
        TEEHEE_REQUIRE_DB(tdb);
        Database db(tdb.url());
        QVERIFY(db.open());
        QCOMPARE(Migrator(db).migrate(1).value(), 1);
        // A table that step 2 wants to create already exists: step 2 fails as a whole.
        QSqlQuery q(db.connection().value());
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE revoked_tokens (x INTEGER)")));
        auto v = Migrator(db).migrate();
        QVERIFY(!v);
        QCOMPARE(v.error().code, ErrorCode::Database);
        QCOMPARE(Migrator(db).currentVersion().value(), 1);
        // Nothing of step 2 was kept: chat_sessions has no updated_at yet.
        QSqlQuery probe(db.connection().value());
        QVERIFY(!probe.exec(QStringLiteral("SELECT updated_at FROM chat_sessions")));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
