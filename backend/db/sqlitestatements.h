#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace teehee {

// Prepared sqlite3 statements kept per connection name, for NativeRows: for a
// short query (a chat list, a token check) preparing costs as much as running.
// A statement is taken out while in use and given back afterwards, so two live
// reads never share one. Like StatementCache, cleared before a connection
// closes; a connection reopened under the same name gets a fresh set.
namespace SqliteStatements {

Result<sqlite3_stmt *> take(const QString &connectionName, sqlite3 *handle, const char *sql);
// Resets the statement and keeps it for the next take() of the same SQL.
void giveBack(const QString &connectionName, sqlite3_stmt *statement);
// Finalises every statement of the connection.
void clear(const QString &connectionName);

} // namespace SqliteStatements
} // namespace teehee
