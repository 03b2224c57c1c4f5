#pragma once

#include "core/error.h"

#include <QString>

namespace teehee {

// Where the data lives, parsed from DATABASE_URL.
struct DatabaseUrl {
    enum class Kind { Sqlite, Postgres };
    Kind kind = Kind::Sqlite;
    QString path;      // SQLite file
    QString host;      // PostgreSQL
    int port = 5432;
    QString user;
    QString password;  // never logged: see redacted()
    QString database;

    // Accepts sqlite:///abs/path.db, postgresql://, postgres:// and postgresql+asyncpg://.
    static Result<DatabaseUrl> parse(const QString &url);
    static DatabaseUrl sqliteFile(const QString &path);

    // The URL with the password masked, for logs and error messages.
    QString redacted() const;
    bool isSqlite() const { return kind == Kind::Sqlite; }
};

} // namespace teehee
