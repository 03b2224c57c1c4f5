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

    // SQLite has one writer at a time and no queue: a writer that commits
    // transaction after transaction (the reply-saves thread) takes the lock
    // back within microseconds, and the backend thread, retrying every 100 µs,
    // waits for the whole run while every stream waits for it. A thread that
    // calls markBackgroundWriter() lets a waiting writer go first: before each
    // of its transactions, it waits while another thread has been kept waiting
    // for the lock within the last kForegroundWaitFreshUs (at most
    // kMaxYieldUs). Process-wide, for every database: a rare extra wait of a
    // millisecond costs a background writer nothing.
    static constexpr int kForegroundWaitFreshUs = 1000;
    static constexpr int kMaxYieldUs = 20000;
    static void markBackgroundWriter();
    // Called by Transaction before it takes SQLite's write lock.
    static void yieldToWaitingWriters();

    Dialect dialect() const { return m_url.isSqlite() ? Dialect::Sqlite : Dialect::Postgres; }
    // The process that writes through this object, among servers sharing the
    // database: a reply's row names it while the reply streams.
    void setServerId(const QString &id) { m_serverId = id; }
    const QString &serverId() const { return m_serverId; }
    const DatabaseUrl &url() const { return m_url; }
    bool ping() const;

private:
    QString connectionName() const;
    Status configure(QSqlDatabase &db) const;
    static void waitBrieflyWhenLocked(const QSqlDatabase &db);

    DatabaseUrl m_url;
    QString m_prefix;
    QString m_serverId;
};

} // namespace teehee
