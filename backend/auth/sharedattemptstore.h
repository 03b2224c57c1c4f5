#pragma once

#include "auth/attemptstore.h"

#include <QByteArray>

namespace teehee {

class Database;

// Attempts kept in the PostgreSQL database that several servers share
// (db/attemptrepository.h), so that a limit holds however the attempts are
// spread over the servers. Keys are stored as HMAC-SHA256 under the servers'
// common secret: an address or an account name never reaches the table or a
// log, and the small space of IPv4 addresses cannot be hashed through to find
// one. Times are the servers' own clocks, which must agree (as for tokens).
//
// Rows leave with their key's next attempt once out of the retention, and
// every kPruneEveryMs a bounded sweep removes those of keys that stopped.
// A database failure is an error for record() and attempts() (the limits
// refuse, never let through), logged under teehee.auth without the key.
class SharedAttemptStore : public AttemptStore {
public:
    static constexpr qint64 kPruneEveryMs = 60'000;
    static constexpr int kPruneBatch = 1000;

    SharedAttemptStore(const Database &db, const QString &kind, const QByteArray &keySecret, qint64 retentionMs,
                       size_t maxPerKey);

    Status record(const QString &key, qint64 nowMs) override;
    void release(const QString &key, qint64 atMs) override;
    void reset(const QString &key) override;
    Result<QList<qint64>> attempts(const QString &key, qint64 nowMs) override;

    // What a key is stored as.
    QString keyHash(const QString &key) const;

private:
    Error unavailable(const char *what, const Error &cause) const;
    void pruneIfDue(qint64 nowMs);

    const Database &m_db;
    QString m_kind;
    QByteArray m_keySecret;
    qint64 m_retentionMs;
    int m_maxPerKey;
    qint64 m_lastPruneMs = 0;
};

} // namespace teehee
