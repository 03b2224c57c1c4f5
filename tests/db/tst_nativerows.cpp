// Rows read through the drivers' own APIs give the same values as the rows
// written through Qt, on both databases: NULLs, ids, times, JSON, integers,
// booleans; errors come back as values, never a crash.
#include "db/migrations.h"
#include "db/nativerows.h"
#include "db/sqlquery.h"
#include "support/testenv.h"

#include <QTest>
#include <memory>

using namespace teehee;

class TestNativeRows : public QObject {
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_tdb;
    std::unique_ptr<Database> m_db;

    QSqlDatabase connection() { return m_db->connection().value(); }

    // One row of every column type we read, written through QSqlQuery.
    void insertMessageRow(const QString &id, const QString &parent, const QDateTime &time, const QJsonObject &content)
    {
        SqlQuery users(connection(), QStringLiteral("INSERT INTO users (id, email, created_at) VALUES (:id, :email, :t)"));
        users.bind(QStringLiteral(":id"), QStringLiteral("11111111-1111-4111-8111-111111111111"))
            .bind(QStringLiteral(":email"), QStringLiteral("n@example.com")).bindTime(QStringLiteral(":t"), time);
        (void)users.exec();
        SqlQuery chats(connection(), QStringLiteral("INSERT INTO chat_sessions (id, user_id, name, created_at, updated_at)"
                                                    " VALUES (:id, :user, 'c', :t, :t)"));
        chats.bind(QStringLiteral(":id"), QStringLiteral("22222222-2222-4222-8222-222222222222"))
            .bind(QStringLiteral(":user"), QStringLiteral("11111111-1111-4111-8111-111111111111")).bindTime(QStringLiteral(":t"), time);
        (void)chats.exec();
        SqlQuery q(connection(), QStringLiteral(
            "INSERT INTO messages (id, chat_session_id, parent_message_id, role, content, timestamp, is_partial, seq,"
            " status, tokens_in, tokens_out, updated_at)"
            " VALUES (:id, '22222222-2222-4222-8222-222222222222', :parent, 'assistant', :content, :t, :partial, :seq,"
            " 'aborted', :tin, NULL, :t)"));
        q.bind(QStringLiteral(":id"), id).bindText(QStringLiteral(":parent"), parent).bindJson(QStringLiteral(":content"), content)
            .bindTime(QStringLiteral(":t"), time).bind(QStringLiteral(":partial"), true)
            .bind(QStringLiteral(":seq"), qint64(9007199254740993LL)).bind(QStringLiteral(":tin"), -7);
        QVERIFY(q.exec());
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

    void everyColumnTypeReadsBackAsWritten_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::newRow("now") << QDateTime::currentDateTimeUtc();
        QTest::newRow("before 2000, with milliseconds") << QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 999), Qt::UTC);
        QTest::newRow("leap day") << QDateTime(QDate(2024, 2, 29), QTime(12, 0, 0, 1), Qt::UTC);
    }
    void everyColumnTypeReadsBackAsWritten()
    {
        QFETCH(QDateTime, time);
        const QString id = QStringLiteral("abcdef01-2345-4678-89ab-cdef01234567");
        const QJsonObject content{{QStringLiteral("text"), QStringLiteral("é 😀 \"quoted\" \\ <b>x</b>'; DROP TABLE messages;--")},
                                  {QStringLiteral("usage"), QJsonObject{{QStringLiteral("output_tokens"), 3}}}};
        insertMessageRow(id, {}, time, content);
        auto rows = NativeRows::select(connection(),
            "SELECT id, parent_message_id, content, timestamp, is_partial, seq, tokens_in, tokens_out, status, model"
            " FROM messages WHERE id = $1", {id.toUtf8()});
        QVERIFY2(rows, rows ? "" : qPrintable(rows.error().message));
        QVERIFY(rows->next());
        QCOMPARE(rows->text(0), id);
        QVERIFY(rows->isNull(1));
        QCOMPARE(rows->text(1), QString());
        QCOMPARE(rows->json(2), content);
        QCOMPARE(rows->time(3), time.toUTC());
        QCOMPARE(rows->time(3).timeSpec(), Qt::UTC);
        QCOMPARE(rows->boolean(4), true);
        QCOMPARE(rows->integer(5), 9007199254740993LL);
        QCOMPARE(rows->optionalInt(6), std::optional<int>(-7));
        QCOMPARE(rows->optionalInt(7), std::optional<int>());
        QCOMPARE(rows->text(8), QStringLiteral("aborted"));
        QVERIFY(rows->isNull(9));
        QVERIFY(rows->time(9).isNull());
        QVERIFY(!rows->next());
        QVERIFY(!rows->error());
    }

    void parametersBindByNumberWhateverTheirOrder()
    {
        insertMessageRow(QStringLiteral("abcdef01-2345-4678-89ab-cdef01234567"), {}, QDateTime::currentDateTimeUtc(), {});
        auto rows = NativeRows::select(connection(), "SELECT id FROM messages WHERE status = $2 AND role = $1",
                                       {QByteArray("assistant"), QByteArray("aborted")});
        QVERIFY(rows);
        QVERIFY(rows->next());
        auto none = NativeRows::select(connection(), "SELECT id FROM messages WHERE status = $2 AND role = $1",
                                       {QByteArray("aborted"), QByteArray("assistant")});
        QVERIFY(none);
        QVERIFY(!none->next());
    }

    void repeatedValuesStayCorrectAcrossRows()
    {
        // Consecutive rows share text that repeats; a change must still show.
        auto rows = NativeRows::select(connection(),
            "SELECT 'same' AS a, 'x' AS b UNION ALL SELECT 'same', 'y' UNION ALL SELECT 'other', 'y'", {});
        QVERIFY(rows);
        QStringList seen;
        while (rows->next())
            seen << rows->text(0) + rows->text(1);
        QCOMPARE(seen, (QStringList{"samex", "samey", "othery"}));
    }

    void badSqlIsAnErrorValue()
    {
        auto rows = NativeRows::select(connection(), "SELECT no_such_column FROM messages", {});
        QVERIFY(!rows);
        QCOMPARE(rows.error().code, ErrorCode::Database);
        QVERIFY(rows.error().message.contains(QStringLiteral("no_such_column")));
        // The connection stays usable.
        auto again = NativeRows::select(connection(), "SELECT COUNT(*) FROM messages", {});
        QVERIFY(again);
        QVERIFY(again->next());
        QCOMPARE(again->integer(0), 0);
    }

    void aClosedConnectionIsUnavailable()
    {
        QSqlDatabase closed = connection();
        closed.close();
        auto rows = NativeRows::select(closed, "SELECT 1", {});
        QVERIFY(!rows);
        QCOMPARE(rows.error().code, ErrorCode::Unavailable);
    }
};

QTEST_GUILESS_MAIN(TestNativeRows)
#include "tst_nativerows.moc"
