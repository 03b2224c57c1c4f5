#include "auth/jwksignature.h"

#include "auth/tokenservice.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace teehee {
namespace {

QByteArray b64(const QJsonObject &o, const char *name, bool *ok)
{
    return fromBase64Url(o.value(QLatin1String(name)).toString().toLatin1(), ok);
}

std::shared_ptr<EVP_PKEY> fromParams(const char *type, OSSL_PARAM_BLD *bld)
{
    OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(bld);
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr);
    EVP_PKEY *key = nullptr;
    if (ctx && params && EVP_PKEY_fromdata_init(ctx) > 0)
        EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_PUBLIC_KEY, params);
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    return key ? std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free) : nullptr;
}

} // namespace

Result<JwkKey> JwkKey::fromJwk(const QJsonObject &jwk)
{
    const Error bad = Error{ErrorCode::Unauthorized, QStringLiteral("The provider published a signing key we cannot use")};
    JwkKey k;
    k.m_kid = jwk.value(QStringLiteral("kid")).toString();
    const QString kty = jwk.value(QStringLiteral("kty")).toString();
    const QString alg = jwk.value(QStringLiteral("alg")).toString();
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    if (kty == u"RSA" && (alg.isEmpty() || alg == u"RS256")) {
        bool okN = false, okE = false;
        const QByteArray n = b64(jwk, "n", &okN), e = b64(jwk, "e", &okE);
        BIGNUM *bn = BN_bin2bn(reinterpret_cast<const unsigned char *>(n.constData()), int(n.size()), nullptr);
        BIGNUM *be = BN_bin2bn(reinterpret_cast<const unsigned char *>(e.constData()), int(e.size()), nullptr);
        if (okN && okE && n.size() >= 256 && bn && be) { // at least 2048-bit
            OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn);
            OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, be);
            k.m_key = fromParams("RSA", bld);
        }
        BN_free(bn);
        BN_free(be);
        k.m_alg = QStringLiteral("RS256");
    } else if (kty == u"EC" && jwk.value(QStringLiteral("crv")).toString() == u"P-256" && (alg.isEmpty() || alg == u"ES256")) {
        bool okX = false, okY = false;
        const QByteArray x = b64(jwk, "x", &okX), y = b64(jwk, "y", &okY);
        if (okX && okY && x.size() == 32 && y.size() == 32) {
            const QByteArray pub = QByteArray(1, '\x04') + x + y;
            OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0);
            OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, pub.constData(), size_t(pub.size()));
            k.m_key = fromParams("EC", bld);
        }
        k.m_alg = QStringLiteral("ES256");
    }
    OSSL_PARAM_BLD_free(bld);
    if (!k.m_key)
        return bad;
    return k;
}

bool JwkKey::verify(const QByteArray &signingInput, const QByteArray &signature) const
{
    QByteArray sig = signature;
    if (m_alg == u"ES256") {
        // JWS carries r||s; OpenSSL wants DER.
        if (signature.size() != 64)
            return false;
        ECDSA_SIG *s = ECDSA_SIG_new();
        BIGNUM *r = BN_bin2bn(reinterpret_cast<const unsigned char *>(signature.constData()), 32, nullptr);
        BIGNUM *ss = BN_bin2bn(reinterpret_cast<const unsigned char *>(signature.constData()) + 32, 32, nullptr);
        ECDSA_SIG_set0(s, r, ss);
        unsigned char *der = nullptr;
        const int len = i2d_ECDSA_SIG(s, &der);
        ECDSA_SIG_free(s);
        if (len <= 0)
            return false;
        sig = QByteArray(reinterpret_cast<const char *>(der), len);
        OPENSSL_free(der);
    }
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    bool ok = ctx && EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, m_key.get()) == 1
        && EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(sig.constData()), size_t(sig.size()),
                            reinterpret_cast<const unsigned char *>(signingInput.constData()), size_t(signingInput.size())) == 1;
    EVP_MD_CTX_free(ctx);
    return ok;
}

} // namespace teehee
