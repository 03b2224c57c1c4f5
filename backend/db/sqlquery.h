#pragma once

#include "core/error.h"
#include "db/database.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace teehee {

// A prepared statement with typed errors. Values are bound by name; the SQL
// (never the values) is logged when a statement fails. Prepared statements are
// reused per connection (see StatementCache): preparing costs SQLite a parse
// and PostgreSQL two extra round trips on every call otherwise.
class SqlQuery {
public:
    SqlQuery(const QSqlDatabase &db, const QString &sql);
    ~SqlQuery();
    SqlQuery(const SqlQuery &) = delete;
    SqlQuery &operator=(const SqlQuery &) = delete;

    SqlQuery &bind(const QString &name, const QVariant &value);
    SqlQuery &bindText(const QString &name, const QString &value);     // empty → NULL
    SqlQuery &bindTime(const QString &name, const QDateTime &value);
    SqlQuery &bindJson(const QString &name, const QJsonObject &value);

    Status exec();
    bool next() { return m_query.next(); }
    QVariant value(int i) const { return m_query.value(i); }
    QVariant value(const QString &name) const { return m_query.value(name); }
    int rowsAffected() const { return m_query.numRowsAffected(); }
    QSqlQuery &raw() { return m_query; }

    // Maps a QSqlError to an Error: unique violations become Conflict.
    static Error toError(const QSqlError &error, const QString &what);

private:
    QSqlQuery m_query;
    QString m_sql;
    QString m_connection;
    bool m_prepared = false;
};

// Prepared statements kept per connection name. A SqlQuery takes its statement
// out while it runs and puts it back when done, so two live queries never share one.
namespace StatementCache {
// Forgets the statements of a connection (QSqlQuery's and NativeRows'): call
// before it closes or is removed.
void clear(const QString &connectionName);
}

// Column converters that hide the differences between QSQLITE and QPSQL.
namespace sqlvalue {
QString text(const QVariant &v);                 // NULL → empty
QDateTime time(const QVariant &v);               // TIMESTAMPTZ or ISO text, always UTC
QJsonObject json(const QVariant &v);             // JSONB or TEXT
QString isoTime(const QDateTime &t);             // "2024-01-01T00:00:00.000Z"
// "YYYY-MM-DD[T ]HH:MM:SS[.fff…][Z|±HH[:MM]]" (ours and PostgreSQL's text) as UTC; invalid otherwise.
QDateTime parseUtc(QByteArrayView text);
}

// Commits on commit(); rolls back when destroyed without commit().
// Begun while another Transaction of this thread holds the same connection,
// it joins that one: its commit() only ends its part, and dropping it
// without commit() makes the outer commit() fail and roll everything back.
// So a step that writes in its own transaction can also be one step of a
// larger one (a user message, its reply and the reply's first save).
class Transaction {
public:
    explicit Transaction(QSqlDatabase db);
    // On this thread's connection of `db`, taken by begin() (its error, if any, is begin()'s).
    explicit Transaction(const Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    Status begin();
    Status commit();

private:
    QSqlDatabase m_db;
    const Database *m_database = nullptr; // when the connection is taken at begin()
    bool m_active = false;
    bool m_joined = false; // part of an outer transaction on the same connection
};

// A strictly increasing number for ordering rows created in the same millisecond:
// microseconds since the epoch, bumped past the last value handed out.
qint64 nextSequence();

} // namespace teehee

namespace teehee {
// True for a canonical UUID; PostgreSQL refuses anything else in a UUID column,
// so repositories answer NotFound for malformed ids before asking it.
bool isUuid(const QString &id);
QString newUuid();
}
