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

Result<UserRepository::TokenHolder> UserRepository::findTokenHolder(const QString &userId, const QString &tokenId) const
{
    if (!isUuid(userId))
        return Error::notFound(QStringLiteral("User not found"));
    auto db = m_db.connection();
    if (!db)
        return db.error();
    const QByteArray sql = "SELECT " + kColumns.toLatin1()
        + ", EXISTS (SELECT 1 FROM revoked_tokens WHERE jti = $2) FROM users WHERE id = $1";
    auto rows = NativeRows::select(db.value(), sql.constData(), {userId.toLower().toUtf8(), tokenId.toUtf8()});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return rows->error() ? Result<TokenHolder>(*rows->error()) : Error::notFound(QStringLiteral("User not found"));
    return TokenHolder{readUser(rows.value()), rows->boolean(5)};
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
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("DELETE FROM users WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    return q.exec();
}

} // namespace teehee
