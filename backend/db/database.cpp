#include "db/database.h"

#include "core/logging.h"
#include "core/privatefiles.h"
#include "db/searchtokenizer.h"
#include "db/sqlquery.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlDriver>
#include <QThread>

#include <sqlite3.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <limits>

namespace teehee {
namespace {
QAtomicInteger<quint64> g_instances;

// Connections opened by a Database, so the destructor can remove them all.
struct OpenConnections {
    QMutex mutex;
    QSet<QString> names;
};
OpenConnections &openConnections()
{
    static OpenConnections c;
    return c;
}
}

Database::Database(DatabaseUrl url)
    : m_url(std::move(url)), m_prefix(QStringLiteral("teehee-%1").arg(g_instances.fetchAndAddRelaxed(1)))
{
}

Database::~Database()
{
    QSet<QString> mine;
    {
        auto &open = openConnections();
        QMutexLocker lock(&open.mutex);
        for (auto it = open.names.begin(); it != open.names.end();) {
            if (it->startsWith(m_prefix + u'-')) {
                mine.insert(*it);
                it = open.names.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (const QString &name : mine) {
        StatementCache::clear(name);
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isValid())
                db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

QString Database::connectionName() const
{
    return QStringLiteral("%1-%2").arg(m_prefix).arg(quintptr(QThread::currentThreadId()));
}

Status Database::open()
{
    if (m_url.isSqlite()) {
        const QString dir = QFileInfo(m_url.path).absolutePath();
        if (!makePrivateDirectory(dir))
            return Error::database(QStringLiteral("cannot create the database folder %1").arg(dir));
        // SQLite creates a new database 0644 & ~umask and gives its -wal and -shm files the
        // database's mode: create it 0600 first, and tighten files an older run left open.
        if (!QFileInfo::exists(m_url.path)) {
            QFile file(m_url.path);
            if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
                return Error::database(QStringLiteral("cannot create the database %1: %2").arg(m_url.path, file.errorString()));
        }
        for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
            if (auto st = makePrivateFile(m_url.path + QLatin1String(suffix)); !st)
                return Error::database(st.error().message);
        }
    }
    auto db = connection();
    if (!db)
        return db.error();
    return success();
}

Result<QSqlDatabase> Database::connection() const
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
        StatementCache::clear(name);
        if (!db.open())
            return Error{ErrorCode::Unavailable, QStringLiteral("cannot reopen the database %1: %2")
                                                     .arg(m_url.redacted(), db.lastError().text())};
        if (auto st = configure(db); !st)
            return st.error();
        return db;
    }

    QSqlDatabase db;
    if (m_url.isSqlite()) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_url.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_url.host);
        db.setPort(m_url.port);
        db.setUserName(m_url.user);
        db.setPassword(m_url.password);
        db.setDatabaseName(m_url.database);
        db.setConnectOptions(QStringLiteral("connect_timeout=5;application_name=teehee"));
    }
    {
        auto &open = openConnections();
        QMutexLocker lock(&open.mutex);
        open.names.insert(name);
    }
    if (!db.isValid())
        return Error{ErrorCode::Unavailable, QStringLiteral("the Qt SQL driver for %1 is not installed")
                                                 .arg(m_url.isSqlite() ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL"))};
    if (!db.open()) {
        // The driver's text may quote the URL; only the redacted form is ours to show.
        QString why = db.lastError().text();
        if (!m_url.password.isEmpty())
            why.replace(m_url.password, QStringLiteral("***"));
        return Error{ErrorCode::Unavailable, QStringLiteral("cannot open the database %1: %2").arg(m_url.redacted(), why)};
    }
    if (auto st = configure(db); !st)
        return st.error();
    return db;
}

namespace {
constexpr int kTryEveryUs = 100;

thread_local bool t_background = false;
// When a thread other than a background writer last met the write lock.
std::atomic<qint64> g_foregroundWaitedUs{std::numeric_limits<qint64>::min() / 2};

qint64 monotonicUs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

// SQLite's own busy handler sleeps 1, 2, 5, 10… ms between tries: a write
// that meets the checkpointer's lock held for 2 ms waits 8 ms, and with it
// every stream on the backend thread. Trying again every 100 µs waits about
// as long as the lock is held, up to the same 5 s.
int retrySoon(void *, int tries)
{
    constexpr int kGiveUpAfterUs = 5 * 1000 * 1000;
    if (tries * kTryEveryUs >= kGiveUpAfterUs)
        return 0;
    if (!t_background)
        g_foregroundWaitedUs.store(monotonicUs(), std::memory_order_relaxed);
    usleep(kTryEveryUs);
    return 1;
}
}

void Database::markBackgroundWriter()
{
    t_background = true;
}

void Database::yieldToWaitingWriters()
{
    if (!t_background)
        return;
    // The waiting thread tries again within kTryEveryUs and takes the lock;
    // its timestamp goes stale once it stops waiting.
    for (int waited = 0; waited < kMaxYieldUs; waited += kTryEveryUs) {
        if (monotonicUs() - g_foregroundWaitedUs.load(std::memory_order_relaxed) >= kForegroundWaitFreshUs)
            return;
        usleep(kTryEveryUs);
    }
}

void Database::waitBrieflyWhenLocked(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        sqlite3_busy_handler(*static_cast<sqlite3 *const *>(handle.constData()), retrySoon, nullptr);
}

Status Database::configure(QSqlDatabase &db) const
{
    QSqlQuery q(db);
    if (m_url.isSqlite()) {
        for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"}) {
            if (!q.exec(QLatin1String(pragma)))
                return Error::database(QStringLiteral("%1 failed: %2").arg(QLatin1String(pragma), q.lastError().text()));
        }
        waitBrieflyWhenLocked(db);
        // The search triggers index through this tokenizer (migration 8).
        const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
            && !registerSearchTokenizer(*static_cast<sqlite3 *const *>(handle.constData())))
            return Error::database(QStringLiteral("SQLite has no FTS5: full-text search cannot work"));
    } else {
        if (!q.exec(QStringLiteral("SET TIME ZONE 'UTC'")))
            return Error::database(QStringLiteral("cannot set the session time zone: %1").arg(q.lastError().text()));
        q.exec(QStringLiteral("SET client_min_messages TO WARNING"));
    }
    return success();
}

void Database::closeThreadConnection() const
{
    const QString name = connectionName();
    {
        auto &open = openConnections();
        QMutexLocker lock(&open.mutex);
        if (!open.names.remove(name))
            return;
    }
    StatementCache::clear(name);
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

bool Database::ping() const
{
    auto db = connection();
    if (!db)
        return false;
    QSqlQuery q(db.value());
    if (q.exec(QStringLiteral("SELECT 1")) && q.next())
        return true;
    // A dropped PostgreSQL connection: reopen once (its prepared statements died with it).
    StatementCache::clear(db->connectionName());
    db->close();
    auto again = connection();
    if (!again)
        return false;
    QSqlQuery retry(again.value());
    return retry.exec(QStringLiteral("SELECT 1")) && retry.next();
}

} // namespace teehee
