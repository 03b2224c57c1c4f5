#pragma once

#include "core/error.h"

#include <QByteArray>
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
};

// Our own access tokens: HS256 JWT written directly on HMAC-SHA256. Exactly
// one algorithm is accepted (no alg confusion, no "none"), signatures are
// compared in constant time and must be spelt canonically, exp and iat are
// required (range-checked numbers), and iat may not lie in the future.
class TokenService {
public:
    TokenService(QByteArray secret, int expireMinutes);

    QByteArray issue(const QString &userId, const QString &email) const;
    QByteArray issue(const QString &userId, const QString &email, qint64 now) const;
    // Unauthorized with a reason (never the token) when anything is off.
    Result<TokenClaims> verify(const QByteArray &token) const;
    Result<TokenClaims> verify(const QByteArray &token, qint64 now) const;

    int expireMinutes() const { return m_expireMinutes; }

private:
    QByteArray sign(const QByteArray &signingInput) const;
    Result<TokenClaims> verifySignature(const QByteArray &token) const;

    QByteArray m_secret;
    int m_expireMinutes;
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
