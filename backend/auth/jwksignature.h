#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace teehee {

// A public key from a JWKS entry, with the one JWS algorithm it may verify:
// RSA keys only RS256, P-256 keys only ES256 (no algorithm confusion).
class JwkKey {
public:
    static Result<JwkKey> fromJwk(const QJsonObject &jwk);

    QString kid() const { return m_kid; }
    QString algorithm() const { return m_alg; }
    // signature is the raw JWS signature (for ES256: r||s, 64 bytes).
    bool verify(const QByteArray &signingInput, const QByteArray &signature) const;

private:
    QString m_kid;
    QString m_alg;
    std::shared_ptr<EVP_PKEY> m_key;
};

} // namespace teehee
