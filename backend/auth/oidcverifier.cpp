#include "auth/oidcverifier.h"

#include "auth/jwtclaims.h"
#include "auth/tokenservice.h"
#include "core/logging.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>
#include <memory>

namespace teehee {
namespace {
constexpr qint64 kLeewaySeconds = 60;
// Discovery documents and key sets are a few KiB; anything near this is not one.
constexpr qint64 kMaxReplyBytes = 1024 * 1024;

using jwtclaims::epochSeconds;

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress a(host);
    return !a.isNull() && a.isLoopback();
}

Error invalidToken(const QString &why)
{
    return Error{ErrorCode::Unauthorized, QStringLiteral("Invalid ID token: %1").arg(why)};
}

QString trimSlash(QString s)
{
    while (s.endsWith(u'/'))
        s.chop(1);
    return s;
}
} // namespace

OidcVerifier::OidcVerifier(const Config &config, QObject *parent)
    : QObject(parent), m_config(config), m_network(new QNetworkAccessManager(this))
{
}

OidcVerifier::~OidcVerifier() = default;

Status OidcVerifier::checkUrl(const QString &what, const QUrl &url) const
{
    if (url.scheme() == u"https" && !url.host().isEmpty())
        return success();
    if (url.scheme() == u"http" && m_config.debug && isLoopbackHost(url.host()))
        return success();
    return Error{ErrorCode::Unavailable,
                 QStringLiteral("The %1 of the sign-in provider must be an https URL (http only for a loopback host with DEBUG=true)").arg(what)};
}

void OidcVerifier::fetchJson(const QUrl &url, std::function<void(Result<QJsonObject>)> done)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    // A redirect could lead anywhere, plain http included: the issuer answers itself.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    QNetworkReply *reply = m_network->get(request);
    auto tooLarge = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, tooLarge](qint64 received, qint64 total) {
        if (received > kMaxReplyBytes || total > kMaxReplyBytes) {
            *tooLarge = true;
            reply->abort();
        }
    });
    // The transfer timeout only notices silence; this bounds a slow trickle too.
    QTimer::singleShot(m_timeoutMs, reply, [reply] { reply->abort(); });
    connect(reply, &QNetworkReply::finished, this, [reply, url, done, tooLarge] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (*tooLarge || reply->error() != QNetworkReply::NoError || status != 200) {
            const QString why = *tooLarge ? QStringLiteral("answer larger than 1 MiB")
                : reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError
                ? QStringLiteral("timed out") : (status ? QStringLiteral("HTTP %1").arg(status) : reply->errorString());
            qCWarning(lcAuth).noquote() << "SSO issuer request failed:" << url.toString(QUrl::RemoveQuery) << why;
            return done(Error{ErrorCode::Unavailable,
                              QStringLiteral("The sign-in provider %1 could not be reached (%2); try again later")
                                  .arg(url.host(), why)});
        }
        const auto doc = QJsonDocument::fromJson(reply->read(kMaxReplyBytes));
        if (!doc.isObject())
            return done(Error{ErrorCode::Unavailable, QStringLiteral("The sign-in provider %1 sent an unreadable answer").arg(url.host())});
        done(doc.object());
    });
}

void OidcVerifier::ensureDiscovered(const QString &issuer, std::function<void(Status)> done)
{
    if (m_issuers.contains(issuer))
        return done(success());
    const QUrl url(issuer + QStringLiteral("/.well-known/openid-configuration"));
    fetchJson(url, [this, issuer, done](Result<QJsonObject> doc) {
        if (!doc)
            return done(doc.error());
        const QString declared = trimSlash(doc->value(QStringLiteral("issuer")).toString());
        const QUrl jwks(doc->value(QStringLiteral("jwks_uri")).toString());
        if (declared != issuer || !jwks.isValid() || jwks.scheme().isEmpty())
            return done(Error{ErrorCode::Unavailable, QStringLiteral("The discovery document of %1 is not usable (issuer or jwks_uri)").arg(issuer)});
        if (auto st = checkUrl(QStringLiteral("jwks_uri"), jwks); !st)
            return done(st.error());
        Issuer state;
        state.jwksUri = jwks;
        m_issuers.insert(issuer, state);
        refreshKeys(issuer, done);
    });
}

void OidcVerifier::refreshKeys(const QString &issuer, std::function<void(Status)> done)
{
    m_issuers[issuer].jwksFetchedAtMs = QDateTime::currentMSecsSinceEpoch();
    fetchJson(m_issuers[issuer].jwksUri, [this, issuer, done](Result<QJsonObject> doc) {
        if (!doc)
            return done(doc.error());
        QHash<QString, JwkKey> keys;
        for (const auto &v : doc->value(QStringLiteral("keys")).toArray()) {
            const QJsonObject jwk = v.toObject();
            if (jwk.value(QStringLiteral("use")).toString() == u"enc")
                continue;
            auto key = JwkKey::fromJwk(jwk);
            if (key)
                keys.insert(key->kid(), key.value());
        }
        m_issuers[issuer].keys = keys;
        qCInfo(lcAuth).noquote() << "loaded" << keys.size() << "signing keys of" << issuer;
        done(success());
    });
}

void OidcVerifier::verify(const QString &provider, const QByteArray &idToken, QObject *context, Done doneIn)
{
    QPointer<QObject> ctx(context);
    Done done = [ctx, doneIn](Result<OidcIdentity> r) {
        if (ctx)
            doneIn(std::move(r));
    };
    const bool google = provider == u"google";
    const QString issuer = trimSlash(google ? m_config.googleIssuer : m_config.oidcIssuer);
    const QString audience = google ? m_config.googleClientId : m_config.oidcClientId;
    if (issuer.isEmpty() || audience.isEmpty())
        return done(Error{ErrorCode::Unavailable, google
                              ? QStringLiteral("Google sign-in is not configured on this server (GOOGLE_CLIENT_ID)")
                              : QStringLiteral("OIDC sign-in is not configured on this server (OIDC_ISSUER, OIDC_CLIENT_ID)")});
    if (auto st = checkUrl(QStringLiteral("issuer"), QUrl(issuer)); !st)
        return done(st.error());
    const QList<QByteArray> parts = idToken.split('.');
    if (parts.size() != 3)
        return done(invalidToken(QStringLiteral("not a JWT")));
    bool ok1 = false, ok2 = false, ok3 = false;
    const QJsonObject header = QJsonDocument::fromJson(fromBase64Url(parts[0], &ok1)).object();
    Parsed t;
    t.claims = QJsonDocument::fromJson(fromBase64Url(parts[1], &ok2)).object();
    t.signature = fromBase64Url(parts[2], &ok3);
    t.signingInput = parts[0] + '.' + parts[1];
    t.alg = header.value(QStringLiteral("alg")).toString();
    t.kid = header.value(QStringLiteral("kid")).toString();
    if (!ok1 || !ok2 || !ok3 || t.signature.isEmpty())
        return done(invalidToken(QStringLiteral("malformed")));
    if (t.alg != u"RS256" && t.alg != u"ES256")
        return done(invalidToken(QStringLiteral("unsupported algorithm")));
    ensureDiscovered(issuer, [this, issuer, audience, t, done](Status st) {
        if (!st)
            return done(st.error());
        checkSignatureAndClaims(issuer, audience, t, true, done);
    });
}

void OidcVerifier::checkSignatureAndClaims(const QString &issuer, const QString &audience, const Parsed &t, bool mayRefresh, Done done)
{
    const Issuer &state = m_issuers[issuer];
    auto it = state.keys.constFind(t.kid);
    if (it == state.keys.constEnd() && t.kid.isEmpty() && state.keys.size() == 1)
        it = state.keys.constBegin();
    if (it == state.keys.constEnd()) {
        // Keys rotate: re-read the JWKS once, but not more than once a minute.
        if (mayRefresh && QDateTime::currentMSecsSinceEpoch() - state.jwksFetchedAtMs >= m_refreshIntervalMs) {
            return refreshKeys(issuer, [this, issuer, audience, t, done](Status st) {
                if (!st)
                    return done(st.error());
                checkSignatureAndClaims(issuer, audience, t, false, done);
            });
        }
        return done(invalidToken(QStringLiteral("signed with an unknown key")));
    }
    if (it->algorithm() != t.alg || !it->verify(t.signingInput, t.signature))
        return done(invalidToken(QStringLiteral("bad signature")));
    done(checkClaims(issuer, audience, t.claims));
}

Result<OidcIdentity> OidcVerifier::checkClaims(const QString &issuer, const QString &audience, const QJsonObject &c) const
{
    const QString iss = trimSlash(c.value(QStringLiteral("iss")).toString());
    // Google also issues tokens with the scheme-less issuer.
    const bool issOk = iss == issuer || (issuer == u"https://accounts.google.com" && iss == u"accounts.google.com");
    if (!issOk)
        return invalidToken(QStringLiteral("wrong issuer"));
    const QJsonValue aud = c.value(QStringLiteral("aud"));
    const QJsonArray audiences = aud.isArray() ? aud.toArray() : QJsonArray{aud};
    if (!audiences.contains(audience))
        return invalidToken(QStringLiteral("issued for another application"));
    // With several audiences, the party the token was issued to must be us.
    if (audiences.size() > 1 && c.value(QStringLiteral("azp")).toString() != audience)
        return invalidToken(QStringLiteral("issued to another application (azp)"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    qint64 exp = 0, nbf = 0, iat = 0;
    if (!epochSeconds(c.value(QStringLiteral("exp")), &exp) || exp + kLeewaySeconds < now)
        return invalidToken(QStringLiteral("expired"));
    if (c.contains(QStringLiteral("nbf")) && (!epochSeconds(c.value(QStringLiteral("nbf")), &nbf) || nbf - kLeewaySeconds > now))
        return invalidToken(QStringLiteral("not valid yet"));
    if (c.contains(QStringLiteral("iat")) && (!epochSeconds(c.value(QStringLiteral("iat")), &iat) || iat - kLeewaySeconds > now))
        return invalidToken(QStringLiteral("issued in the future"));
    const QString sub = c.value(QStringLiteral("sub")).toString();
    const QString email = c.value(QStringLiteral("email")).toString().trimmed();
    if (sub.isEmpty())
        return invalidToken(QStringLiteral("no subject"));
    if (email.isEmpty())
        return invalidToken(QStringLiteral("no email address"));
    const QJsonValue verified = c.value(QStringLiteral("email_verified"));
    if ((verified.isBool() && !verified.toBool()) || (verified.isString() && verified.toString() == u"false"))
        return invalidToken(QStringLiteral("email address not verified"));
    // Strictly the boolean: "true" as a string is not the issuer's word.
    return OidcIdentity{issuer, sub, email, verified.isBool() && verified.toBool()};
}

} // namespace teehee
