#include "fakeoidcissuer.h"

#include "auth/tokenservice.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>

using teehee::base64Url;

namespace {
QByteArray bnParam(EVP_PKEY *key, const char *name)
{
    BIGNUM *bn = nullptr;
    EVP_PKEY_get_bn_param(key, name, &bn);
    QByteArray out(BN_num_bytes(bn), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(out.data()));
    BN_free(bn);
    return out;
}
}

TestSigningKey::TestSigningKey(Type type, QString kid) : m_type(type), m_kid(std::move(kid))
{
    EVP_PKEY *k = type == Type::Rsa ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048))
                                    : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    m_key.reset(k, EVP_PKEY_free);
}

QJsonObject TestSigningKey::jwk() const
{
    if (m_type == Type::Rsa)
        return {{QStringLiteral("kty"), QStringLiteral("RSA")}, {QStringLiteral("kid"), m_kid},
                {QStringLiteral("use"), QStringLiteral("sig")}, {QStringLiteral("alg"), QStringLiteral("RS256")},
                {QStringLiteral("n"), QString::fromLatin1(base64Url(bnParam(m_key.get(), OSSL_PKEY_PARAM_RSA_N)))},
                {QStringLiteral("e"), QString::fromLatin1(base64Url(bnParam(m_key.get(), OSSL_PKEY_PARAM_RSA_E)))}};
    unsigned char pub[65];
    size_t len = 0;
    EVP_PKEY_get_octet_string_param(m_key.get(), OSSL_PKEY_PARAM_PUB_KEY, pub, sizeof pub, &len);
    const QByteArray p(reinterpret_cast<const char *>(pub), qsizetype(len));
    return {{QStringLiteral("kty"), QStringLiteral("EC")}, {QStringLiteral("kid"), m_kid},
            {QStringLiteral("crv"), QStringLiteral("P-256")}, {QStringLiteral("use"), QStringLiteral("sig")},
            {QStringLiteral("x"), QString::fromLatin1(base64Url(p.mid(1, 32)))},
            {QStringLiteral("y"), QString::fromLatin1(base64Url(p.mid(33, 32)))}};
}

QByteArray TestSigningKey::sign(const QJsonObject &claims, const QString &algOverride) const
{
    const QString alg = !algOverride.isEmpty() ? algOverride : (m_type == Type::Rsa ? QStringLiteral("RS256") : QStringLiteral("ES256"));
    const QJsonObject header{{QStringLiteral("alg"), alg}, {QStringLiteral("kid"), m_kid}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    size_t len = 0;
    EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, m_key.get());
    EVP_DigestSign(ctx, nullptr, &len, reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()));
    QByteArray sig(qsizetype(len), '\0');
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(sig.data()), &len,
                   reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()));
    sig.truncate(qsizetype(len));
    EVP_MD_CTX_free(ctx);
    if (m_type == Type::Ec) {
        const unsigned char *p = reinterpret_cast<const unsigned char *>(sig.constData());
        ECDSA_SIG *s = d2i_ECDSA_SIG(nullptr, &p, long(sig.size()));
        QByteArray raw(64, '\0');
        BN_bn2binpad(ECDSA_SIG_get0_r(s), reinterpret_cast<unsigned char *>(raw.data()), 32);
        BN_bn2binpad(ECDSA_SIG_get0_s(s), reinterpret_cast<unsigned char *>(raw.data()) + 32, 32);
        ECDSA_SIG_free(s);
        sig = raw;
    }
    return input + '.' + base64Url(sig);
}

FakeOidcIssuer::FakeOidcIssuer(Behaviour behaviour)
{
    if (behaviour == Behaviour::Silent) {
        // Reads nothing, answers nothing, keeps every connection open.
        QObject::connect(&m_silent, &QTcpServer::newConnection, &m_silent, [this] {
            while (m_silent.hasPendingConnections()) {
                m_silent.nextPendingConnection()->setParent(&m_silent);
                ++m_silentConnections;
            }
        });
        m_silent.listen(QHostAddress::LocalHost, 0);
        m_port = m_silent.serverPort();
        return;
    }
    m_server.route(QStringLiteral("/.well-known/openid-configuration"), [this] {
        ++m_discoveryHits;
        const QString jwks = m_jwksUri.isEmpty() ? issuer() + QStringLiteral("/jwks") : m_jwksUri;
        return QHttpServerResponse(QJsonObject{{QStringLiteral("issuer"), issuer()}, {QStringLiteral("jwks_uri"), jwks}});
    });
    m_server.route(QStringLiteral("/jwks"), [this, behaviour] {
        ++m_jwksHits;
        if (behaviour == Behaviour::RedirectJwks) {
            QHttpServerResponse r(QHttpServerResponse::StatusCode::Found);
            r.addHeader("Location", (issuer() + QStringLiteral("/moved-jwks")).toLatin1());
            return r;
        }
        return keySet(behaviour);
    });
    m_server.route(QStringLiteral("/moved-jwks"), [this, behaviour] {
        ++m_movedHits;
        return keySet(behaviour);
    });
    m_port = m_server.listen(QHostAddress::LocalHost, 0);
}

QHttpServerResponse FakeOidcIssuer::keySet(Behaviour behaviour) const
{
    QJsonArray keys;
    for (const auto &k : m_keys)
        keys.append(k.jwk());
    QJsonObject set{{QStringLiteral("keys"), keys}};
    if (behaviour == Behaviour::HugeJwks)
        set.insert(QStringLiteral("padding"), QString(2 * 1024 * 1024, u'x'));
    return QHttpServerResponse(set);
}

QString FakeOidcIssuer::issuer() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

QJsonObject FakeOidcIssuer::claims(const QString &audience, const QString &subject, const QString &email) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return {{QStringLiteral("iss"), issuer()}, {QStringLiteral("aud"), audience}, {QStringLiteral("sub"), subject},
            {QStringLiteral("email"), email}, {QStringLiteral("email_verified"), true},
            {QStringLiteral("iat"), now}, {QStringLiteral("nbf"), now}, {QStringLiteral("exp"), now + 600}};
}
