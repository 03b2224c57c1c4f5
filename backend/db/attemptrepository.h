#pragma once

#include "core/error.h"
#include "db/database.h"

#include <QList>

namespace teehee {

// The sign-in and pairing attempts that servers sharing a PostgreSQL database
// count together (`auth_attempts`, migration 14; the table exists on
// PostgreSQL only: on SQLite one server owns the file and counts in memory).
// A row is one attempt: its kind ("signin-address", "pair-redeem", …), the
// keyed hash of what it counts against (never the address or the name
// itself) and when it was made, in milliseconds since the epoch.
class AttemptRepository {
public:
    explicit AttemptRepository(const Database &db) : m_db(db) {}

    Status add(const QString &kind, const QString &keyHash, qint64 atMs) const;
    // The newest `limit` attempts of the key made after `sinceMs`, oldest first.
    Result<QList<qint64>> since(const QString &kind, const QString &keyHash, qint64 sinceMs, int limit) const;
    // Removes one attempt of the key made at atMs (if there is one).
    Status removeOne(const QString &kind, const QString &keyHash, qint64 atMs) const;
    // Removes every attempt of the key; `upToMs` set: only those made at or before it.
    Status removeKey(const QString &kind, const QString &keyHash, qint64 upToMs = -1) const;
    // Removes at most `limit` attempts of the kind made at or before upToMs;
    // answers how many went.
    Result<int> prune(const QString &kind, qint64 upToMs, int limit) const;

private:
    const Database &m_db;
};

} // namespace teehee
