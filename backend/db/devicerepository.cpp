#include "db/devicerepository.h"

#include "db/sqlquery.h"

namespace teehee {
namespace {
const QString kColumns = QStringLiteral("id, user_id, name, created_at, last_seen_at, revoked_at");

DeviceRecord readDevice(SqlQuery &q)
{
    DeviceRecord d;
    d.id = sqlvalue::text(q.value(0));
    d.userId = sqlvalue::text(q.value(1));
    d.name = sqlvalue::text(q.value(2));
    d.createdAt = sqlvalue::time(q.value(3));
    d.lastSeenAt = sqlvalue::time(q.value(4));
    d.revokedAt = sqlvalue::time(q.value(5));
    return d;
}

Error deviceNotFound() { return Error::notFound(QStringLiteral("Device not found")); }
} // namespace

Result<DeviceRecord> DeviceRepository::create(DeviceRecord device) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    if (device.id.isEmpty())
        device.id = newUuid();
    if (!device.createdAt.isValid())
        device.createdAt = QDateTime::currentDateTimeUtc();
    if (!device.lastSeenAt.isValid())
        device.lastSeenAt = device.createdAt;
    SqlQuery q(db.value(), QStringLiteral("INSERT INTO devices (id, user_id, name, created_at, last_seen_at)"
                                          " VALUES (:id, :user, :name, :created, :seen)"));
    q.bind(QStringLiteral(":id"), device.id).bind(QStringLiteral(":user"), device.userId)
        .bind(QStringLiteral(":name"), device.name).bindTime(QStringLiteral(":created"), device.createdAt)
        .bindTime(QStringLiteral(":seen"), device.lastSeenAt);
    if (auto st = q.exec(); !st)
        return st.error();
    return device;
}

Result<DeviceRecord> DeviceRepository::find(const QString &userId, const QString &id) const
{
    if (!isUuid(userId) || !isUuid(id))
        return deviceNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT %1 FROM devices WHERE id = :id AND user_id = :user").arg(kColumns));
    q.bind(QStringLiteral(":id"), id.toLower()).bind(QStringLiteral(":user"), userId.toLower());
    if (auto st = q.exec(); !st)
        return st.error();
    if (!q.next())
        return deviceNotFound();
    return readDevice(q);
}

Result<QList<DeviceRecord>> DeviceRepository::listActive(const QString &userId, const QDateTime &seenSince) const
{
    if (!isUuid(userId))
        return QList<DeviceRecord>{};
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT %1 FROM devices WHERE user_id = :user AND revoked_at IS NULL"
                                          " AND last_seen_at > :since ORDER BY last_seen_at DESC, created_at DESC, id")
                               .arg(kColumns));
    q.bind(QStringLiteral(":user"), userId.toLower()).bindTime(QStringLiteral(":since"), seenSince);
    if (auto st = q.exec(); !st)
        return st.error();
    QList<DeviceRecord> out;
    while (q.next())
        out << readDevice(q);
    return out;
}

Status DeviceRepository::touch(const QString &id, const QDateTime &at) const
{
    if (!isUuid(id))
        return deviceNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("UPDATE devices SET last_seen_at = :at WHERE id = :id AND last_seen_at < :before"));
    q.bindTime(QStringLiteral(":at"), at).bind(QStringLiteral(":id"), id.toLower()).bindTime(QStringLiteral(":before"), at);
    return q.exec();
}

Status DeviceRepository::revoke(const QString &userId, const QString &id, const QDateTime &at) const
{
    if (!isUuid(userId) || !isUuid(id))
        return deviceNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("UPDATE devices SET revoked_at = :at"
                                          " WHERE id = :id AND user_id = :user AND revoked_at IS NULL"));
    q.bindTime(QStringLiteral(":at"), at).bind(QStringLiteral(":id"), id.toLower()).bind(QStringLiteral(":user"), userId.toLower());
    if (auto st = q.exec(); !st)
        return st;
    if (q.rowsAffected() != 1)
        return deviceNotFound();
    return success();
}

Result<QList<DeviceRecord>> DeviceRepository::revokedSince(const QDateTime &since) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT %1 FROM devices WHERE revoked_at >= :since ORDER BY revoked_at, id").arg(kColumns));
    q.bindTime(QStringLiteral(":since"), since);
    if (auto st = q.exec(); !st)
        return st.error();
    QList<DeviceRecord> out;
    while (q.next())
        out << readDevice(q);
    return out;
}

} // namespace teehee
