#include "db/ownedaccountrepository.h"

#include "db/sqlquery.h"

namespace teehee {
namespace {

OwnedAccountRecord readAccount(SqlQuery &q)
{
    return OwnedAccountRecord{sqlvalue::text(q.value(0)), sqlvalue::text(q.value(1)), sqlvalue::text(q.value(2)),
                              sqlvalue::time(q.value(3))};
}

Error accountNotFound() { return Error::notFound(QStringLiteral("account not found")); }

} // namespace

Status OwnedAccountRepository::add(const OwnedAccountRecord &a) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("INSERT INTO owned_accounts (user_id, owner_id, name, created_at) VALUES (:u, :o, :n, :t)"));
    q.bind(QStringLiteral(":u"), a.userId.toLower()).bind(QStringLiteral(":o"), a.ownerId.toLower())
        .bind(QStringLiteral(":n"), a.name).bindTime(QStringLiteral(":t"), a.createdAt);
    return q.exec();
}

Result<QList<OwnedAccountRecord>> OwnedAccountRepository::listForOwner(const QString &ownerId) const
{
    if (!isUuid(ownerId))
        return QList<OwnedAccountRecord>{};
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT user_id, owner_id, name, created_at FROM owned_accounts"
                                          " WHERE owner_id = :o ORDER BY created_at, name"));
    q.bind(QStringLiteral(":o"), ownerId.toLower());
    if (auto st = q.exec(); !st)
        return st.error();
    QList<OwnedAccountRecord> out;
    while (q.next())
        out << readAccount(q);
    return out;
}

Result<OwnedAccountRecord> OwnedAccountRepository::get(const QString &ownerId, const QString &userId) const
{
    if (!isUuid(ownerId) || !isUuid(userId))
        return accountNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT user_id, owner_id, name, created_at FROM owned_accounts"
                                          " WHERE owner_id = :o AND user_id = :u"));
    q.bind(QStringLiteral(":o"), ownerId.toLower()).bind(QStringLiteral(":u"), userId.toLower());
    if (auto st = q.exec(); !st)
        return st.error();
    if (!q.next())
        return accountNotFound();
    return readAccount(q);
}

} // namespace teehee
