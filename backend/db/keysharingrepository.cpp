#include "db/keysharingrepository.h"

#include "db/sqlquery.h"

#include <QDateTime>

namespace teehee {

Status KeySharingRepository::setShared(const QString &ownerId, const QString &providerName, bool shared) const
{
    if (!isUuid(ownerId))
        return Error::notFound(QStringLiteral("user not found"));
    auto db = m_db.connection();
    if (!db)
        return db.error();
    // Delete first either way: sharing twice is not an error.
    Transaction tx(db.value());
    if (auto st = tx.begin(); !st)
        return st;
    SqlQuery del(db.value(), QStringLiteral("DELETE FROM shared_provider_keys WHERE owner_id = :owner AND provider_name = :p"));
    del.bind(QStringLiteral(":owner"), ownerId.toLower()).bind(QStringLiteral(":p"), providerName);
    if (auto st = del.exec(); !st)
        return st;
    if (shared) {
        SqlQuery ins(db.value(), QStringLiteral("INSERT INTO shared_provider_keys (owner_id, provider_name, created_at) VALUES (:owner, :p, :t)"));
        ins.bind(QStringLiteral(":owner"), ownerId.toLower()).bind(QStringLiteral(":p"), providerName)
            .bindTime(QStringLiteral(":t"), QDateTime::currentDateTimeUtc());
        if (auto st = ins.exec(); !st)
            return st;
    }
    return tx.commit();
}

Result<bool> KeySharingRepository::isShared(const QString &ownerId, const QString &providerName) const
{
    if (!isUuid(ownerId))
        return false;
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT 1 FROM shared_provider_keys WHERE owner_id = :owner AND provider_name = :p"));
    q.bind(QStringLiteral(":owner"), ownerId.toLower()).bind(QStringLiteral(":p"), providerName);
    if (auto st = q.exec(); !st)
        return st.error();
    return q.next();
}

Result<QStringList> KeySharingRepository::sharedProviders(const QString &ownerId) const
{
    if (!isUuid(ownerId))
        return QStringList{};
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT provider_name FROM shared_provider_keys WHERE owner_id = :owner ORDER BY provider_name"));
    q.bind(QStringLiteral(":owner"), ownerId.toLower());
    if (auto st = q.exec(); !st)
        return st.error();
    QStringList out;
    while (q.next())
        out << sqlvalue::text(q.value(0));
    return out;
}

} // namespace teehee
