#pragma once

#include "core/databaseurl.h"
#include "core/error.h"

#include <QSqlDatabase>
#include <QString>

namespace teehee {

enum class Dialect { Sqlite, Postgres };

// Opens and hands out connections: one QSqlDatabase per thread, because a
// connection belongs to the thread that opened it. Every SQLite connection
// gets WAL, foreign keys and a busy timeout when it is opened.
class Database {
public:
    explicit Database(DatabaseUrl url);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Checks that the database can be opened (creates the SQLite folder).
    Status open();
    // The calling thread's connection, opened on first use.
    Result<QSqlDatabase> connection() const;
    // Closes the calling thread's connection (call before a worker thread ends).
    void closeThreadConnection() const;

    Dialect dialect() const { return m_url.isSqlite() ? Dialect::Sqlite : Dialect::Postgres; }
    const DatabaseUrl &url() const { return m_url; }
    bool ping() const;

private:
    QString connectionName() const;
    Status configure(QSqlDatabase &db) const;
    static void waitBrieflyWhenLocked(const QSqlDatabase &db);

    DatabaseUrl m_url;
    QString m_prefix;
};

} // namespace teehee
