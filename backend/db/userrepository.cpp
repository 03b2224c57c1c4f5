#include "db/userrepository.h"

#include "db/nativerows.h"
#include "db/sqlquery.h"

#include <QUuid>

namespace teehee {
namespace {
const QString kColumns = QStringLiteral("id, email, sso_id, password_hash, created_at");

UserRecord readUser(const NativeRows &r)
{
    UserRecord u;
    u.id = r.text(0);
    u.email = r.text(1);
    u.ssoId = r.text(2);
    u.passwordHash = r.text(3);
    u.createdAt = r.time(4);
    return u;
}
}

Result<UserRecord> UserRepository::create(UserRecord user) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    if (user.id.isEmpty())
        user.id = newUuid();
    if (!user.createdAt.isValid())
        user.createdAt = QDateTime::currentDateTimeUtc();
    user.email = user.email.trimmed().toLower();
    SqlQuery q(db.value(), QStringLiteral("INSERT INTO users (%1) VALUES (:id, :email, :sso, :hash, :created)").arg(kColumns));
    q.bind(QStringLiteral(":id"), user.id).bind(QStringLiteral(":email"), user.email)
        .bindText(QStringLiteral(":sso"), user.ssoId).bindText(QStringLiteral(":hash"), user.passwordHash)
        .bindTime(QStringLiteral(":created"), user.createdAt);
    if (auto st = q.exec(); !st) {
        if (st.error().code == ErrorCode::Conflict)
            return Error::conflict(QStringLiteral("An account with this email already exists"));
        return st.error();
    }
    return user;
}

Result<UserRecord> UserRepository::findOne(const QString &column, const QString &value) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    // Every request's authentication ends here: read natively, statement cached.
    const QByteArray sql = "SELECT " + kColumns.toLatin1() + " FROM users WHERE " + column.toLatin1() + " = $1";
    auto rows = NativeRows::select(db.value(), sql.constData(), {value.toUtf8()});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return rows->error() ? Result<UserRecord>(*rows->error()) : Error::notFound(QStringLiteral("User not found"));
    return readUser(rows.value());
}

Result<UserRecord> UserRepository::findById(const QString &id) const
{
    if (!isUuid(id))
        return Error::notFound(QStringLiteral("User not found"));
    return findOne(QStringLiteral("id"), id.toLower());
}

Result<UserRepository::TokenHolder> UserRepository::findTokenHolder(const QString &userId, const QString &tokenId,
                                                                    const QString &deviceId) const
{
    if (!isUuid(userId))
        return Error::notFound(QStringLiteral("User not found"));
    auto db = m_db.connection();
    if (!db)
        return db.error();
    const bool withDevice = !deviceId.isEmpty();
    if (withDevice && !isUuid(deviceId))
        return Error::notFound(QStringLiteral("Device not found"));
    const QByteArray sql = withDevice
        ? "SELECT u.id, u.email, u.sso_id, u.password_hash, u.created_at,"
          " EXISTS (SELECT 1 FROM revoked_tokens WHERE jti = $2), d.id, d.name, d.created_at, d.last_seen_at, d.revoked_at"
          " FROM users u LEFT JOIN devices d ON d.id = $3 AND d.user_id = u.id WHERE u.id = $1"
        : "SELECT " + kColumns.toLatin1() + ", EXISTS (SELECT 1 FROM revoked_tokens WHERE jti = $2) FROM users WHERE id = $1";
    auto rows = withDevice
        ? NativeRows::select(db.value(), sql.constData(), {userId.toLower().toUtf8(), tokenId.toUtf8(), deviceId.toLower().toUtf8()})
        : NativeRows::select(db.value(), sql.constData(), {userId.toLower().toUtf8(), tokenId.toUtf8()});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return rows->error() ? Result<TokenHolder>(*rows->error()) : Error::notFound(QStringLiteral("User not found"));
    TokenHolder holder{readUser(rows.value()), rows->boolean(5), std::nullopt};
    if (withDevice && !rows->isNull(6)) {
        DeviceRecord d;
        d.id = rows->text(6);
        d.userId = holder.user.id;
        d.name = rows->text(7);
        d.createdAt = rows->time(8);
        d.lastSeenAt = rows->time(9);
        d.revokedAt = rows->time(10);
        holder.device = d;
    }
    return holder;
}

Result<UserRecord> UserRepository::findByEmail(const QString &email) const
{
    return findOne(QStringLiteral("email"), email.trimmed().toLower());
}

Result<UserRecord> UserRepository::findBySsoId(const QString &ssoId) const
{
    if (ssoId.isEmpty())
        return Error::notFound(QStringLiteral("User not found"));
    return findOne(QStringLiteral("sso_id"), ssoId);
}

Status UserRepository::setPasswordHash(const QString &id, const QString &hash) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("UPDATE users SET password_hash = :h WHERE id = :id"));
    q.bind(QStringLiteral(":h"), hash).bind(QStringLiteral(":id"), id);
    return q.exec();
}

Status UserRepository::setSsoId(const QString &id, const QString &ssoId) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("UPDATE users SET sso_id = :s WHERE id = :id"));
    q.bind(QStringLiteral(":s"), ssoId).bind(QStringLiteral(":id"), id);
    return q.exec();
}

Status UserRepository::remove(const QString &id) const
{
    Transaction tx(m_db);
    if (auto st = tx.begin(); !st)
        return st;
    auto db = m_db.connection();
    if (!db)
        return db.error();
    // As for one chat (ChatRepository::remove): no cascade a thousand levels deep.
    SqlQuery unlink(db.value(), QStringLiteral("UPDATE messages SET parent_message_id = NULL"
                                               " WHERE chat_session_id IN (SELECT id FROM chat_sessions WHERE user_id = :id)"));
    unlink.bind(QStringLiteral(":id"), id);
    if (auto st = unlink.exec(); !st)
        return st;
    SqlQuery q(db.value(), QStringLiteral("DELETE FROM users WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    if (auto st = q.exec(); !st)
        return st;
    return tx.commit();
}

} // namespace teehee
