#pragma once

#include <QByteArray>
#include <QHttpServer>
#include <QJsonObject>
#include <QList>
#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

// A signing key made in the test: RSA-2048 (RS256) or P-256 (ES256).
class TestSigningKey {
public:
    enum class Type { Rsa, Ec };
    TestSigningKey(Type type, QString kid);

    QString kid() const { return m_kid; }
    QJsonObject jwk() const;
    // A compact JWS of the claims, with this key's algorithm and kid.
    QByteArray sign(const QJsonObject &claims, const QString &algOverride = {}) const;

private:
    Type m_type;
    QString m_kid;
    std::shared_ptr<EVP_PKEY> m_key;
};

// An OpenID Connect issuer on loopback: discovery document and JWKS.
class FakeOidcIssuer {
public:
    FakeOidcIssuer();

    QString issuer() const;
    quint16 port() const { return m_port; }
    void setKeys(QList<TestSigningKey> keys) { m_keys = std::move(keys); }
    int discoveryHits() const { return m_discoveryHits; }
    int jwksHits() const { return m_jwksHits; }

    // Standard claims for the subject, valid now.
    QJsonObject claims(const QString &audience, const QString &subject, const QString &email) const;

private:
    QHttpServer m_server;
    quint16 m_port = 0;
    QList<TestSigningKey> m_keys;
    int m_discoveryHits = 0;
    int m_jwksHits = 0;
};
