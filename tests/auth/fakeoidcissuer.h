#pragma once

#include <QByteArray>
#include <QHttpServer>
#include <QJsonObject>
#include <QList>
#include <QTcpServer>
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
// Other behaviours for the failure cases: Silent accepts connections and
// never answers; RedirectJwks answers the key set with a 302 to itself;
// HugeJwks sends a key set of 2 MiB.
class FakeOidcIssuer {
public:
    enum class Behaviour { Normal, Silent, RedirectJwks, HugeJwks };
    explicit FakeOidcIssuer(Behaviour behaviour = Behaviour::Normal);

    QString issuer() const;
    quint16 port() const { return m_port; }
    void setKeys(QList<TestSigningKey> keys) { m_keys = std::move(keys); }
    int discoveryHits() const { return m_discoveryHits; }
    int jwksHits() const { return m_jwksHits; }
    // Connections the silent issuer took and left hanging.
    int silentConnections() const { return m_silentConnections; }
    // Reads of the key set at the place the redirect points to.
    int movedHits() const { return m_movedHits; }
    // The jwks_uri the discovery document names (default: <issuer>/jwks).
    void setJwksUri(QString uri) { m_jwksUri = std::move(uri); }

    // Standard claims for the subject, valid now.
    QJsonObject claims(const QString &audience, const QString &subject, const QString &email) const;

private:
    QHttpServerResponse keySet(Behaviour behaviour) const;

    QHttpServer m_server;
    QTcpServer m_silent;
    quint16 m_port = 0;
    int m_silentConnections = 0;
    int m_movedHits = 0;
    QString m_jwksUri;
    QList<TestSigningKey> m_keys;
    int m_discoveryHits = 0;
    int m_jwksHits = 0;
};
