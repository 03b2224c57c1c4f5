#pragma once

#include "core/error.h"
#include "db/database.h"

#include <QList>
#include <QStringList>

namespace teehee {

// One numbered schema step. The SQL is written once with type placeholders
// ({uuid} {json} {ts} {bool} {true} {false}) that each dialect fills in;
// a step may instead give per-dialect statements where the SQL differs.
struct Migration {
    int version = 0;
    QString description;
    QStringList statements;          // both dialects, with placeholders
    QStringList sqliteOnly;          // run after `statements` on SQLite
    QStringList postgresOnly;        // run after `statements` on PostgreSQL
};

// Applies pending migrations at start-up, each in its own transaction with its
// row in schema_version, so a failed step leaves the previous version intact.
class Migrator {
public:
    explicit Migrator(const Database &db);

    static const QList<Migration> &all();
    static int latestVersion();

    Result<int> currentVersion() const;
    // Migrates up to `target` (default: the newest). Returns the version reached.
    Result<int> migrate(int target = -1) const;

    static QString expand(const QString &sql, Dialect dialect);

private:
    Status apply(const Migration &m) const;

    const Database &m_db;
};

} // namespace teehee
