#pragma once

#include "auth/jwksignature.h"
#include "core/config.h"
#include "core/error.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;

namespace teehee {

struct OidcIdentity {
    QString issuer;
    QString subject;
    QString email;
    bool emailVerified = false; // the token said email_verified: true (the boolean)
};

// Verifies OpenID Connect ID tokens: the issuer's discovery document is read
// at the first SSO request, its JWKS cached and re-read when a token names an
// unknown key (at most once a minute). RS256 and ES256 only; iss, aud (and
// azp when there are several audiences), exp/nbf/iat (60 s leeway) and a
// present, not-unverified email are required. The issuer and its jwks_uri
// must be https (http only for a loopback host with DEBUG=true); redirects
// are not followed and answers are capped at 1 MiB. Network trouble answers
// Unavailable (503) within a bounded time, a silent issuer included.
class OidcVerifier : public QObject {
    Q_OBJECT
public:
    OidcVerifier(const Config &config, QObject *parent = nullptr);
    ~OidcVerifier() override;

    // provider: "google" (GOOGLE_ISSUER, GOOGLE_CLIENT_ID) or "oidc" (OIDC_ISSUER, OIDC_CLIENT_ID).
    void verify(const QString &provider, const QByteArray &idToken, QObject *context,
                std::function<void(Result<OidcIdentity>)> done);

    void setNetworkTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Least time between two JWKS reads caused by unknown key ids (default one minute).
    void setKeyRefreshIntervalMs(qint64 ms) { m_refreshIntervalMs = ms; }

private:
    struct Issuer {
        QUrl jwksUri;
        QHash<QString, JwkKey> keys;
        qint64 jwksFetchedAtMs = 0;
    };
    struct Parsed {
        QString alg;
        QString kid;
        QJsonObject claims;
        QByteArray signingInput;
        QByteArray signature;
    };
    using Done = std::function<void(Result<OidcIdentity>)>;

    void fetchJson(const QUrl &url, std::function<void(Result<QJsonObject>)> done);
    Status checkUrl(const QString &what, const QUrl &url) const;
    void ensureDiscovered(const QString &issuer, std::function<void(Status)> done);
    void refreshKeys(const QString &issuer, std::function<void(Status)> done);
    void checkSignatureAndClaims(const QString &issuer, const QString &audience, const Parsed &token, bool mayRefresh, Done done);
    Result<OidcIdentity> checkClaims(const QString &issuer, const QString &audience, const QJsonObject &claims) const;

    const Config &m_config;
    QNetworkAccessManager *m_network;
    QHash<QString, Issuer> m_issuers;
    int m_timeoutMs = 5000;
    qint64 m_refreshIntervalMs = 60 * 1000;
};

} // namespace teehee
