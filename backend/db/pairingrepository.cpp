#include "db/pairingrepository.h"

#include "db/sqlquery.h"

namespace teehee {
namespace {
const QString kColumns = QStringLiteral("id, user_id, device_name, verification, status, created_at, expires_at, device_id, delivered_at");

PairingRequestRecord readRequest(SqlQuery &q)
{
    PairingRequestRecord r;
    r.id = sqlvalue::text(q.value(0));
    r.userId = sqlvalue::text(q.value(1));
    r.deviceName = sqlvalue::text(q.value(2));
    r.verification = sqlvalue::text(q.value(3));
    r.status = sqlvalue::text(q.value(4));
    r.createdAt = sqlvalue::time(q.value(5));
    r.expiresAt = sqlvalue::time(q.value(6));
    r.deviceId = sqlvalue::text(q.value(7));
    r.deliveredAt = sqlvalue::time(q.value(8));
    return r;
}

Error requestNotFound() { return Error::notFound(QStringLiteral("Pairing request not found")); }
Error invitationNotFound() { return Error::notFound(QStringLiteral("Pairing invitation not found")); }
} // namespace

Status PairingRepository::addInvitation(const QString &codeHash, const QString &userId, const QDateTime &createdAt,
                                        const QDateTime &expiresAt) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("INSERT INTO pair_invitations (code_hash, user_id, created_at, expires_at)"
                                          " VALUES (:hash, :user, :created, :expires)"));
    q.bind(QStringLiteral(":hash"), codeHash).bind(QStringLiteral(":user"), userId.toLower())
        .bindTime(QStringLiteral(":created"), createdAt).bindTime(QStringLiteral(":expires"), expiresAt);
    return q.exec();
}

Result<QString> PairingRepository::takeInvitation(const QString &codeHash, const QDateTime &now) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery take(db.value(), QStringLiteral("UPDATE pair_invitations SET used_at = :now"
                                             " WHERE code_hash = :hash AND used_at IS NULL AND expires_at > :valid"));
    take.bindTime(QStringLiteral(":now"), now).bindTime(QStringLiteral(":valid"), now).bind(QStringLiteral(":hash"), codeHash);
    if (auto st = take.exec(); !st)
        return st.error();
    if (take.rowsAffected() != 1)
        return invitationNotFound();
    SqlQuery owner(db.value(), QStringLiteral("SELECT user_id FROM pair_invitations WHERE code_hash = :hash"));
    owner.bind(QStringLiteral(":hash"), codeHash);
    if (auto st = owner.exec(); !st)
        return st.error();
    if (!owner.next())
        return invitationNotFound();
    return sqlvalue::text(owner.value(0));
}

Result<PairingRequestRecord> PairingRepository::addRequest(PairingRequestRecord r) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    if (r.id.isEmpty())
        r.id = newUuid();
    SqlQuery q(db.value(), QStringLiteral("INSERT INTO pair_requests (id, user_id, device_name, verification, status, created_at, expires_at)"
                                          " VALUES (:id, :user, :name, :verification, :status, :created, :expires)"));
    q.bind(QStringLiteral(":id"), r.id).bind(QStringLiteral(":user"), r.userId.toLower())
        .bind(QStringLiteral(":name"), r.deviceName).bind(QStringLiteral(":verification"), r.verification)
        .bind(QStringLiteral(":status"), r.status).bindTime(QStringLiteral(":created"), r.createdAt)
        .bindTime(QStringLiteral(":expires"), r.expiresAt);
    if (auto st = q.exec(); !st)
        return st.error();
    return r;
}

Result<PairingRequestRecord> PairingRepository::findRequest(const QString &id) const
{
    if (!isUuid(id))
        return requestNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT %1 FROM pair_requests WHERE id = :id").arg(kColumns));
    q.bind(QStringLiteral(":id"), id.toLower());
    if (auto st = q.exec(); !st)
        return st.error();
    if (!q.next())
        return requestNotFound();
    return readRequest(q);
}

Result<QList<PairingRequestRecord>> PairingRepository::listPending(const QString &userId, const QDateTime &now) const
{
    if (!isUuid(userId))
        return QList<PairingRequestRecord>{};
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT %1 FROM pair_requests WHERE user_id = :user AND status = :pending"
                                          " AND expires_at > :now ORDER BY created_at, id").arg(kColumns));
    q.bind(QStringLiteral(":user"), userId.toLower()).bind(QStringLiteral(":pending"), PairingStatus::Pending)
        .bindTime(QStringLiteral(":now"), now);
    if (auto st = q.exec(); !st)
        return st.error();
    QList<PairingRequestRecord> out;
    while (q.next())
        out << readRequest(q);
    return out;
}

Status PairingRepository::decide(const QString &userId, const QString &id, const QString &status, const QDateTime &now,
                                 const QDateTime &until) const
{
    if (!isUuid(userId) || !isUuid(id))
        return requestNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("UPDATE pair_requests SET status = :status, expires_at = :until"
                                          " WHERE id = :id AND user_id = :user AND status = :pending AND expires_at > :now"));
    q.bind(QStringLiteral(":status"), status).bindTime(QStringLiteral(":until"), until)
        .bind(QStringLiteral(":id"), id.toLower()).bind(QStringLiteral(":user"), userId.toLower())
        .bind(QStringLiteral(":pending"), PairingStatus::Pending).bindTime(QStringLiteral(":now"), now);
    if (auto st = q.exec(); !st)
        return st;
    if (q.rowsAffected() == 1)
        return success();
    auto found = findRequest(id);
    if (!found)
        return found.error();
    if (found->userId != userId.toLower())
        return requestNotFound();
    const QString state = found->status == PairingStatus::Pending ? PairingStatus::Expired : found->status;
    return Error::conflict(QStringLiteral("This pairing request is no longer pending (%1)").arg(state))
        .withReason(ErrorReason::PairingClosed);
}

Result<bool> PairingRepository::markDelivered(const QString &id, const QString &deviceId, const QDateTime &now) const
{
    if (!isUuid(id))
        return false;
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("UPDATE pair_requests SET delivered_at = :now, device_id = :device"
                                          " WHERE id = :id AND status = :approved AND delivered_at IS NULL AND expires_at > :valid"));
    q.bindTime(QStringLiteral(":now"), now).bindTime(QStringLiteral(":valid"), now).bind(QStringLiteral(":device"), deviceId)
        .bind(QStringLiteral(":id"), id.toLower()).bind(QStringLiteral(":approved"), PairingStatus::Approved);
    if (auto st = q.exec(); !st)
        return st.error();
    return q.rowsAffected() == 1;
}

Status PairingRepository::purge(const QDateTime &before) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    for (const char *table : {"pair_invitations", "pair_requests"}) {
        SqlQuery q(db.value(), QStringLiteral("DELETE FROM %1 WHERE expires_at < :before").arg(QLatin1String(table)));
        q.bindTime(QStringLiteral(":before"), before);
        if (auto st = q.exec(); !st)
            return st;
    }
    return success();
}

} // namespace teehee
