#include "db/attemptrepository.h"

#include "db/sqlquery.h"

#include <algorithm>

namespace teehee {

Status AttemptRepository::add(const QString &kind, const QString &keyHash, qint64 atMs) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("INSERT INTO auth_attempts (kind, key_hash, at_ms) VALUES (:kind, :key, :at)"));
    q.bind(QStringLiteral(":kind"), kind).bind(QStringLiteral(":key"), keyHash).bind(QStringLiteral(":at"), atMs);
    return q.exec();
}

Result<QList<qint64>> AttemptRepository::since(const QString &kind, const QString &keyHash, qint64 sinceMs, int limit) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT at_ms FROM auth_attempts WHERE kind = :kind AND key_hash = :key AND at_ms > :since"
                                          " ORDER BY at_ms DESC LIMIT :limit"));
    q.bind(QStringLiteral(":kind"), kind).bind(QStringLiteral(":key"), keyHash).bind(QStringLiteral(":since"), sinceMs)
        .bind(QStringLiteral(":limit"), limit);
    if (auto st = q.exec(); !st)
        return st.error();
    QList<qint64> times;
    while (q.next())
        times.append(q.value(0).toLongLong());
    std::reverse(times.begin(), times.end());
    return times;
}

Status AttemptRepository::removeOne(const QString &kind, const QString &keyHash, qint64 atMs) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("DELETE FROM auth_attempts WHERE id = (SELECT id FROM auth_attempts"
                                          " WHERE kind = :kind AND key_hash = :key AND at_ms = :at ORDER BY id DESC LIMIT 1)"));
    q.bind(QStringLiteral(":kind"), kind).bind(QStringLiteral(":key"), keyHash).bind(QStringLiteral(":at"), atMs);
    return q.exec();
}

Status AttemptRepository::removeKey(const QString &kind, const QString &keyHash, qint64 upToMs) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    const bool all = upToMs < 0;
    SqlQuery q(db.value(), all ? QStringLiteral("DELETE FROM auth_attempts WHERE kind = :kind AND key_hash = :key")
                               : QStringLiteral("DELETE FROM auth_attempts WHERE kind = :kind AND key_hash = :key AND at_ms <= :upto"));
    q.bind(QStringLiteral(":kind"), kind).bind(QStringLiteral(":key"), keyHash);
    if (!all)
        q.bind(QStringLiteral(":upto"), upToMs);
    return q.exec();
}

Result<int> AttemptRepository::prune(const QString &kind, qint64 upToMs, int limit) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    // Bounded, so that one server's sweep after a long quiet spell stays a short statement.
    SqlQuery q(db.value(), QStringLiteral("DELETE FROM auth_attempts WHERE id IN (SELECT id FROM auth_attempts"
                                          " WHERE kind = :kind AND at_ms <= :upto LIMIT :limit)"));
    q.bind(QStringLiteral(":kind"), kind).bind(QStringLiteral(":upto"), upToMs).bind(QStringLiteral(":limit"), limit);
    if (auto st = q.exec(); !st)
        return st.error();
    return q.rowsAffected();
}

} // namespace teehee
