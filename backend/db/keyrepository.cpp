#include "db/keyrepository.h"

#include "db/sqlquery.h"

namespace teehee {
namespace {
const QString kColumns = QStringLiteral("id, user_id, provider_name, encrypted_api_key, hint, base_url, label, created_at");

KeyRecord readKey(SqlQuery &q)
{
    KeyRecord k;
    k.id = sqlvalue::text(q.value(0));
    k.userId = sqlvalue::text(q.value(1));
    k.providerName = sqlvalue::text(q.value(2));
    k.encryptedApiKey = sqlvalue::text(q.value(3));
    k.hint = sqlvalue::text(q.value(4));
    k.baseUrl = sqlvalue::text(q.value(5));
    k.label = sqlvalue::text(q.value(6));
    k.createdAt = sqlvalue::time(q.value(7));
    return k;
}

Error keyNotFound() { return Error::notFound(QStringLiteral("API key not found")); }
}

Result<KeyRecord> KeyRepository::create(KeyRecord key) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    if (key.id.isEmpty())
        key.id = newUuid();
    if (!key.createdAt.isValid())
        key.createdAt = QDateTime::currentDateTimeUtc();
    SqlQuery q(db.value(), QStringLiteral("INSERT INTO provider_keys (%1) VALUES (:id, :user, :provider, :enc, :hint, :base, :label, :created)").arg(kColumns));
    q.bind(QStringLiteral(":id"), key.id).bind(QStringLiteral(":user"), key.userId)
        .bind(QStringLiteral(":provider"), key.providerName).bind(QStringLiteral(":enc"), key.encryptedApiKey)
        .bindText(QStringLiteral(":hint"), key.hint).bindText(QStringLiteral(":base"), key.baseUrl)
        .bindText(QStringLiteral(":label"), key.label).bindTime(QStringLiteral(":created"), key.createdAt);
    if (auto st = q.exec(); !st)
        return st.error();
    return key;
}

Result<QList<KeyRecord>> KeyRepository::listForUser(const QString &userId) const
{
    if (!isUuid(userId))
        return QList<KeyRecord>{};
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT %1 FROM provider_keys WHERE user_id = :user ORDER BY created_at, provider_name").arg(kColumns));
    q.bind(QStringLiteral(":user"), userId);
    if (auto st = q.exec(); !st)
        return st.error();
    QList<KeyRecord> out;
    while (q.next())
        out << readKey(q);
    return out;
}

Result<KeyRecord> KeyRepository::get(const QString &userId, const QString &keyId) const
{
    if (!isUuid(userId) || !isUuid(keyId))
        return keyNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT %1 FROM provider_keys WHERE id = :id AND user_id = :user").arg(kColumns));
    q.bind(QStringLiteral(":id"), keyId.toLower()).bind(QStringLiteral(":user"), userId);
    if (auto st = q.exec(); !st)
        return st.error();
    if (!q.next())
        return keyNotFound();
    return readKey(q);
}

Result<KeyRecord> KeyRepository::findByProvider(const QString &userId, const QString &providerName) const
{
    if (!isUuid(userId))
        return keyNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT %1 FROM provider_keys WHERE user_id = :user AND provider_name = :p ORDER BY created_at DESC").arg(kColumns));
    q.bind(QStringLiteral(":user"), userId).bind(QStringLiteral(":p"), providerName);
    if (auto st = q.exec(); !st)
        return st.error();
    if (!q.next())
        return keyNotFound();
    return readKey(q);
}

Status KeyRepository::remove(const QString &userId, const QString &keyId) const
{
    if (!isUuid(userId) || !isUuid(keyId))
        return keyNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("DELETE FROM provider_keys WHERE id = :id AND user_id = :user"));
    q.bind(QStringLiteral(":id"), keyId.toLower()).bind(QStringLiteral(":user"), userId);
    if (auto st = q.exec(); !st)
        return st;
    if (q.rowsAffected() == 0)
        return keyNotFound();
    return success();
}

Status KeyRepository::replaceEncrypted(const QString &keyId, const QString &encrypted, const QString &hint) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("UPDATE provider_keys SET encrypted_api_key = :enc, hint = :hint WHERE id = :id"));
    q.bind(QStringLiteral(":enc"), encrypted).bindText(QStringLiteral(":hint"), hint).bind(QStringLiteral(":id"), keyId);
    return q.exec();
}

Result<QList<KeyRecord>> KeyRepository::listFirstForm() const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT %1 FROM provider_keys WHERE encrypted_api_key LIKE 'v1:%'").arg(kColumns));
    if (auto st = q.exec(); !st)
        return st.error();
    QList<KeyRecord> out;
    while (q.next())
        out << readKey(q);
    return out;
}

Result<bool> KeyRepository::swapEncrypted(const QString &keyId, const QString &expected, const QString &encrypted) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("UPDATE provider_keys SET encrypted_api_key = :enc WHERE id = :id AND encrypted_api_key = :old"));
    q.bind(QStringLiteral(":enc"), encrypted).bind(QStringLiteral(":id"), keyId).bind(QStringLiteral(":old"), expected);
    if (auto st = q.exec(); !st)
        return st.error();
    return q.rowsAffected() > 0;
}

Status RevokedTokenRepository::revoke(const QString &jti, const QDateTime &expiresAt) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("INSERT INTO revoked_tokens (jti, expires_at) VALUES (:jti, :exp)"));
    q.bind(QStringLiteral(":jti"), jti).bindTime(QStringLiteral(":exp"), expiresAt);
    auto st = q.exec();
    if (!st && st.error().code == ErrorCode::Conflict)
        return success(); // revoking twice is fine
    return st;
}

Result<bool> RevokedTokenRepository::isRevoked(const QString &jti) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT 1 FROM revoked_tokens WHERE jti = :jti"));
    q.bind(QStringLiteral(":jti"), jti);
    if (auto st = q.exec(); !st)
        return st.error();
    return q.next();
}

Result<int> RevokedTokenRepository::purgeExpired(const QDateTime &now) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("DELETE FROM revoked_tokens WHERE expires_at < :now"));
    q.bindTime(QStringLiteral(":now"), now);
    if (auto st = q.exec(); !st)
        return st.error();
    return q.rowsAffected();
}

} // namespace teehee
