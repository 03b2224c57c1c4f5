#include "db/sqlitestatements.h"

#include <QHash>
#include <QMutex>

#include <sqlite3.h>

namespace teehee::SqliteStatements {
namespace {
constexpr int kMaxPerConnection = 128;

struct Connection {
    sqlite3 *handle = nullptr;
    QHash<QByteArray, sqlite3_stmt *> statements; // by SQL text
};

struct Cache {
    QMutex mutex;
    QHash<QString, Connection> byName;
};

Cache &cache()
{
    static Cache c;
    return c;
}

void finalizeAll(Connection &c)
{
    for (sqlite3_stmt *s : std::as_const(c.statements))
        sqlite3_finalize(s);
    c.statements.clear();
}
} // namespace

Result<sqlite3_stmt *> take(const QString &connectionName, sqlite3 *handle, const char *sql)
{
    {
        QMutexLocker lock(&cache().mutex);
        auto conn = cache().byName.find(connectionName);
        if (conn != cache().byName.end()) {
            if (conn->handle != handle) {
                // The name was reopened on a new handle: the old statements
                // belong to the old one (kept alive by them until now).
                finalizeAll(*conn);
                conn->handle = handle;
            }
            auto it = conn->statements.find(QByteArray::fromRawData(sql, qstrlen(sql)));
            if (it != conn->statements.end()) {
                sqlite3_stmt *s = it.value();
                conn->statements.erase(it);
                return s;
            }
        }
    }
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v3(handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK) {
        sqlite3_finalize(s);
        return Error::database(QString::fromUtf8(sqlite3_errmsg(handle)));
    }
    return s;
}

void giveBack(const QString &connectionName, sqlite3_stmt *statement)
{
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    sqlite3 *handle = sqlite3_db_handle(statement);
    {
        QMutexLocker lock(&cache().mutex);
        Connection &conn = cache().byName[connectionName];
        if (conn.handle == nullptr)
            conn.handle = handle;
        const QByteArray sql(sqlite3_sql(statement));
        if (conn.handle == handle && conn.statements.size() < kMaxPerConnection && !conn.statements.contains(sql)) {
            conn.statements.insert(sql, statement);
            return;
        }
    }
    sqlite3_finalize(statement);
}

void clear(const QString &connectionName)
{
    Connection dropped;
    {
        QMutexLocker lock(&cache().mutex);
        dropped = cache().byName.take(connectionName);
    }
    finalizeAll(dropped);
}

} // namespace teehee::SqliteStatements
