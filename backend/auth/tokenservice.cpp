#include "auth/tokenservice.h"

#include "auth/jwtclaims.h"

#include "db/sqlquery.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QMessageAuthenticationCode>
#include <openssl/crypto.h>

namespace teehee {
namespace {
// A token issued by a clock this far ahead of ours still counts as issued now.
constexpr qint64 kLeewaySeconds = 60;

Error unauthorized(const QString &why)
{
    return Error{ErrorCode::Unauthorized, QStringLiteral("Invalid or expired token: %1").arg(why)};
}

using jwtclaims::epochSeconds;
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray fromBase64Url(const QByteArray &text, bool *ok)
{
    auto r = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    *ok = bool(r) && !text.contains('=');
    return r.decoded;
}

TokenService::TokenService(QByteArray secret, int expireMinutes, int deviceTokenDays)
    : m_secret(std::move(secret)), m_expireMinutes(expireMinutes > 0 ? expireMinutes : 30),
      m_deviceTokenDays(deviceTokenDays > 0 ? deviceTokenDays : 90)
{
}

QByteArray TokenService::sign(const QByteArray &signingInput) const
{
    return QMessageAuthenticationCode::hash(signingInput, m_secret, QCryptographicHash::Sha256);
}

QByteArray TokenService::issue(const QString &userId, const QString &email) const
{
    return issue(userId, email, QDateTime::currentSecsSinceEpoch());
}

QByteArray TokenService::issue(const QString &userId, const QString &email, qint64 now) const
{
    return write({{QStringLiteral("sub"), userId},
                  {QStringLiteral("email"), email},
                  {QStringLiteral("iat"), now},
                  {QStringLiteral("exp"), now + qint64(m_expireMinutes) * 60},
                  {QStringLiteral("jti"), newUuid()}});
}

QByteArray TokenService::issueForDevice(const QString &userId, const QString &email, const QString &deviceId) const
{
    return issueForDevice(userId, email, deviceId, QDateTime::currentSecsSinceEpoch());
}

QByteArray TokenService::issueForDevice(const QString &userId, const QString &email, const QString &deviceId, qint64 now) const
{
    return write({{QStringLiteral("sub"), userId},
                  {QStringLiteral("email"), email},
                  {QStringLiteral("did"), deviceId},
                  {QStringLiteral("iat"), now},
                  {QStringLiteral("exp"), now + deviceTokenSeconds()},
                  {QStringLiteral("jti"), newUuid()}});
}

QByteArray TokenService::write(const QJsonObject &claims) const
{
    static const QByteArray header = base64Url(R"({"alg":"HS256","typ":"JWT"})");
    const QByteArray input = header + '.' + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    return input + '.' + base64Url(sign(input));
}

Result<TokenClaims> TokenService::verify(const QByteArray &token) const
{
    return verify(token, QDateTime::currentSecsSinceEpoch());
}

Result<TokenClaims> TokenService::verify(const QByteArray &token, qint64 now) const
{
    constexpr qsizetype kMaxRemembered = 4096;
    TokenClaims claims;
    bool known = false;
    {
        QMutexLocker lock(&m_verifiedMutex);
        auto it = m_verified.constFind(token);
        if (it != m_verified.constEnd()) {
            claims = it.value();
            known = true;
        }
    }
    if (!known) {
        auto checked = verifySignature(token);
        if (!checked)
            return checked.error();
        claims = std::move(checked).value();
        QMutexLocker lock(&m_verifiedMutex);
        if (m_verified.size() >= kMaxRemembered)
            m_verified.clear();
        m_verified.insert(token, claims);
    }
    // A device's token lives as long as its device is used (AuthService checks that).
    if (claims.did.isEmpty() && claims.exp <= now)
        return unauthorized(QStringLiteral("expired"));
    if (claims.iat > now + kLeewaySeconds)
        return unauthorized(QStringLiteral("issued in the future"));
    return claims;
}

// Everything about a token that does not depend on the time.
Result<TokenClaims> TokenService::verifySignature(const QByteArray &token) const
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return unauthorized(QStringLiteral("not a JWT"));
    bool ok = false;
    const QJsonObject header = QJsonDocument::fromJson(fromBase64Url(parts[0], &ok)).object();
    if (!ok || header.value(QStringLiteral("alg")).toString() != u"HS256")
        return unauthorized(QStringLiteral("unsupported algorithm"));
    for (auto it = header.begin(); it != header.end(); ++it)
        if (it.key() != u"alg" && it.key() != u"typ")
            return unauthorized(QStringLiteral("unexpected header field"));
    const QByteArray signature = fromBase64Url(parts[2], &ok);
    const QByteArray expected = sign(parts[0] + '.' + parts[1]);
    if (!ok || signature.size() != expected.size() || CRYPTO_memcmp(signature.constData(), expected.constData(), size_t(expected.size())) != 0)
        return unauthorized(QStringLiteral("bad signature"));
    // base64url leaves spare bits in the last character: only the canonical
    // spelling is the token, so one token has one form (and one cache entry).
    if (base64Url(signature) != parts[2])
        return unauthorized(QStringLiteral("bad signature"));
    const QJsonObject payload = QJsonDocument::fromJson(fromBase64Url(parts[1], &ok)).object();
    if (!ok)
        return unauthorized(QStringLiteral("malformed claims"));
    TokenClaims c;
    c.sub = payload.value(QStringLiteral("sub")).toString();
    c.email = payload.value(QStringLiteral("email")).toString();
    c.jti = payload.value(QStringLiteral("jti")).toString();
    if (c.sub.isEmpty() || c.jti.isEmpty() || !epochSeconds(payload.value(QStringLiteral("exp")), &c.exp)
        || !epochSeconds(payload.value(QStringLiteral("iat")), &c.iat))
        return unauthorized(QStringLiteral("missing claims"));
    const QJsonValue did = payload.value(QStringLiteral("did"));
    if (!did.isUndefined()) {
        c.did = did.toString();
        if (!isUuid(c.did))
            return unauthorized(QStringLiteral("malformed claims"));
    }
    return c;
}

} // namespace teehee
