#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QHash>
#include <QMutex>
#include <QString>

namespace teehee {

struct TokenClaims {
    QString sub;     // user id
    QString email;
    QString jti;
    qint64 iat = 0;  // seconds since the epoch
    qint64 exp = 0;
    QString did;     // the device the token was issued to; empty for tokens made before devices
};

// Our own access tokens: HS256 JWT written directly on HMAC-SHA256. Exactly
// one algorithm is accepted (no alg confusion, no "none"), signatures are
// compared in constant time and must be spelt canonically, exp and iat are
// required (range-checked numbers), and iat may not lie in the future.
//
// A device's token (claim `did`) is written with exp = iat + deviceTokenDays,
// but its lifetime is its device's (auth/README.md): verify() leaves its exp
// to AuthService, which accepts it while the device is signed in and was used
// within deviceTokenDays. A token without `did` ends at its exp, as before.
class TokenService {
public:
    TokenService(QByteArray secret, int expireMinutes, int deviceTokenDays = 90);

    QByteArray issue(const QString &userId, const QString &email) const;
    QByteArray issue(const QString &userId, const QString &email, qint64 now) const;
    QByteArray issueForDevice(const QString &userId, const QString &email, const QString &deviceId) const;
    QByteArray issueForDevice(const QString &userId, const QString &email, const QString &deviceId, qint64 now) const;
    // Unauthorized with a reason (never the token) when anything is off.
    Result<TokenClaims> verify(const QByteArray &token) const;
    Result<TokenClaims> verify(const QByteArray &token, qint64 now) const;

    int expireMinutes() const { return m_expireMinutes; }
    int deviceTokenDays() const { return m_deviceTokenDays; }
    qint64 deviceTokenSeconds() const { return qint64(m_deviceTokenDays) * 24 * 3600; }

private:
    QByteArray sign(const QByteArray &signingInput) const;
    QByteArray write(const QJsonObject &claims) const;
    Result<TokenClaims> verifySignature(const QByteArray &token) const;

    QByteArray m_secret;
    int m_expireMinutes;
    int m_deviceTokenDays;
    // Tokens whose signature and claims were already checked: every request
    // presents the same token again, and the same bytes always verify the same
    // way. Expiry is still checked on every use. Bounded; cleared when full.
    mutable QMutex m_verifiedMutex;
    mutable QHash<QByteArray, TokenClaims> m_verified;
};

// base64url without padding, as JWT uses it.
QByteArray base64Url(const QByteArray &data);
// Strict decoding: nullopt-like empty result plus ok=false on bad input.
QByteArray fromBase64Url(const QByteArray &text, bool *ok);

} // namespace teehee
