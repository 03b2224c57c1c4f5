#include "db/migrations.h"

#include "core/logging.h"
#include "db/sqlquery.h"

#include <QDateTime>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace teehee {


int Migrator::latestVersion()
{
    return all().constLast().version;
}

Migrator::Migrator(const Database &db) : m_db(db) {}

QString Migrator::expand(const QString &sql, Dialect dialect)
{
    QString out = sql;
    const bool pg = dialect == Dialect::Postgres;
    out.replace(QStringLiteral("{uuid}"), pg ? QStringLiteral("UUID") : QStringLiteral("TEXT"));
    out.replace(QStringLiteral("{json}"), pg ? QStringLiteral("JSONB") : QStringLiteral("TEXT"));
    out.replace(QStringLiteral("{ts}"), pg ? QStringLiteral("TIMESTAMPTZ") : QStringLiteral("TEXT"));
    out.replace(QStringLiteral("{bool}"), pg ? QStringLiteral("BOOLEAN") : QStringLiteral("INTEGER"));
    out.replace(QStringLiteral("{true}"), pg ? QStringLiteral("TRUE") : QStringLiteral("1"));
    out.replace(QStringLiteral("{false}"), pg ? QStringLiteral("FALSE") : QStringLiteral("0"));
    return out;
}

Result<int> Migrator::currentVersion() const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    QSqlQuery q(db.value());
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                               " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)")))
        return SqlQuery::toError(q.lastError(), QStringLiteral("creating schema_version"));
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version")) || !q.next())
        return SqlQuery::toError(q.lastError(), QStringLiteral("reading the schema version"));
    return q.value(0).toInt();
}

Result<int> Migrator::migrate(int target) const
{
    if (target < 0)
        target = latestVersion();
    auto current = currentVersion();
    if (!current)
        return current.error();
    if (current.value() > latestVersion())
        return Error::database(QStringLiteral("the database is at schema version %1, newer than this program (%2); upgrade Teehee")
                                   .arg(current.value()).arg(latestVersion()));
    // Every listed step not yet applied, not only those above the newest: steps
    // written side by side may be numbered before one a database already has.
    auto db = m_db.connection();
    if (!db)
        return db.error();
    QSet<int> applied;
    QSqlQuery q(db.value());
    if (!q.exec(QStringLiteral("SELECT version FROM schema_version")))
        return SqlQuery::toError(q.lastError(), QStringLiteral("reading the applied schema steps"));
    while (q.next())
        applied.insert(q.value(0).toInt());
    for (const Migration &m : all()) {
        if (applied.contains(m.version) || m.version > target)
            continue;
        if (auto st = apply(m); !st)
            return st.error();
    }
    return currentVersion();
}

Status Migrator::apply(const Migration &m) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    Transaction tx(db.value());
    if (auto st = tx.begin(); !st)
        return st;
    QSqlQuery q(db.value());
    if (m_db.dialect() == Dialect::Postgres) {
        // Several servers may start at once against one database: one migrates, the others wait.
        if (!q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(7311)")))
            return SqlQuery::toError(q.lastError(), QStringLiteral("locking for migration"));
        if (!q.exec(QStringLiteral("SELECT 1 FROM schema_version WHERE version = %1").arg(m.version)))
            return SqlQuery::toError(q.lastError(), QStringLiteral("checking the schema version"));
        if (q.next())
            return success(); // applied by another process meanwhile
    }
    QStringList statements = m.statements;
    statements += m_db.dialect() == Dialect::Sqlite ? m.sqliteOnly : m.postgresOnly;
    for (const QString &sql : statements) {
        if (!q.exec(expand(sql, m_db.dialect()))) {
            qCWarning(lcDb).noquote() << "migration" << m.version << "failed:" << q.lastError().text();
            return Error::database(QStringLiteral("migration %1 (%2) failed: %3")
                                       .arg(m.version).arg(m.description, q.lastError().text()));
        }
    }
    SqlQuery record(db.value(), QStringLiteral("INSERT INTO schema_version (version, description, applied_at) VALUES (:v, :d, :t)"));
    record.bind(QStringLiteral(":v"), m.version).bind(QStringLiteral(":d"), m.description)
        .bind(QStringLiteral(":t"), sqlvalue::isoTime(QDateTime::currentDateTimeUtc()));
    if (auto st = record.exec(); !st)
        return st;
    if (auto st = tx.commit(); !st)
        return st;
    qCInfo(lcDb) << "schema migrated to version" << m.version << "-" << m.description;
    return success();
}

} // namespace teehee
