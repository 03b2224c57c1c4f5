// Single sign-on against a fake OpenID Connect issuer on loopback, with RSA
// and EC keys made here: signatures, claims, key rotation, issuer down.
#include "api/httpserver.h"
#include "auth/authservice.h"
#include "auth/oidcverifier.h"
#include "backend.h"
#include "fakeoidcissuer.h"
#include "support/httptestclient.h"
#include "support/refusingport.h"

#include <QDateTime>
#include <QTest>

using namespace teehee;

namespace {
const QString kOidcClient = QStringLiteral("teehee-oidc-client");
const QString kGoogleClient = QStringLiteral("teehee-google-client");

QJsonObject ssoBody(const QByteArray &token, const QString &provider = QStringLiteral("oidc"))
{
    return {{QStringLiteral("provider"), provider}, {QStringLiteral("id_token"), QString::fromLatin1(token)}};
}
}

class TstSso : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<TestApiServer> serverFor(const FakeOidcIssuer &issuer)
    {
        const QString url = issuer.issuer();
        return std::make_unique<TestApiServer>([url](Config &c) {
            c.oidcIssuer = url;
            c.oidcClientId = kOidcClient;
            c.googleIssuer = url;
            c.googleClientId = kGoogleClient;
            c.debug = true; // the fake issuer speaks http on loopback
        });
    }

private Q_SLOTS:
    void validRs256TokenSignsInAndCreatesTheUser()
    {
        FakeOidcIssuer issuer;
        TestSigningKey key(TestSigningKey::Type::Rsa, QStringLiteral("rsa-1"));
        issuer.setKeys({key});
        auto s = serverFor(issuer);
        TEEHEE_REQUIRE_SERVER(*s);
        const auto r = s->client().post(QStringLiteral("/auth/sso"),
                                        ssoBody(key.sign(issuer.claims(kOidcClient, QStringLiteral("sub-1"), QStringLiteral("Sso@Example.com")))));
        QCOMPARE(r.status, 200);
        const QByteArray token = r.object().value(QStringLiteral("access_token")).toString().toLatin1();
        const auto session = s->client().get(QStringLiteral("/auth/session"), token).object();
        QCOMPARE(session.value(QStringLiteral("email")).toString(), QStringLiteral("sso@example.com"));
        QVERIFY(session.value(QStringLiteral("sso_id")).toString().endsWith(QStringLiteral("|sub-1")));
        // Signing in again reuses the discovery document and the cached keys.
        QCOMPARE(s->client().post(QStringLiteral("/auth/sso"),
                                  ssoBody(key.sign(issuer.claims(kOidcClient, QStringLiteral("sub-1"), QStringLiteral("sso@example.com"))))).status, 200);
        QCOMPARE(issuer.discoveryHits(), 1);
        QCOMPARE(issuer.jwksHits(), 1);
    }

    void validEs256TokenSignsIn()
    {
        FakeOidcIssuer issuer;
        TestSigningKey key(TestSigningKey::Type::Ec, QStringLiteral("ec-1"));
        issuer.setKeys({key});
        auto s = serverFor(issuer);
        TEEHEE_REQUIRE_SERVER(*s);
        const auto r = s->client().post(QStringLiteral("/auth/sso"),
                                        ssoBody(key.sign(issuer.claims(kOidcClient, QStringLiteral("sub-ec"), QStringLiteral("ec@example.com")))));
        QCOMPARE(r.status, 200);
    }

    void googleSsoPathUsesTheGoogleAudienceAndTheTokenAlias()
    {
        FakeOidcIssuer issuer;
        TestSigningKey key(TestSigningKey::Type::Rsa, QStringLiteral("g-1"));
        issuer.setKeys({key});
        auto s = serverFor(issuer);
        TEEHEE_REQUIRE_SERVER(*s);
        const QByteArray good = key.sign(issuer.claims(kGoogleClient, QStringLiteral("g-sub"), QStringLiteral("g@example.com")));
        QCOMPARE(s->client().post(QStringLiteral("/auth/google-sso"), {{QStringLiteral("token"), QString::fromLatin1(good)}}).status, 200);
        const QByteArray oidcAud = key.sign(issuer.claims(kOidcClient, QStringLiteral("g-sub"), QStringLiteral("g@example.com")));
        QCOMPARE(s->client().post(QStringLiteral("/auth/google-sso"), {{QStringLiteral("token"), QString::fromLatin1(oidcAud)}}).status, 401);
    }

    void passwordAccountWithTheSameEmailIsLinked()
    {
        FakeOidcIssuer issuer;
        TestSigningKey key(TestSigningKey::Type::Rsa, QStringLiteral("rsa-1"));
        issuer.setKeys({key});
        auto s = serverFor(issuer);
        TEEHEE_REQUIRE_SERVER(*s);
        const auto up = s->client().post(QStringLiteral("/auth/signup"), {{QStringLiteral("email"), QStringLiteral("link@example.com")},
                                                                          {QStringLiteral("password"), QStringLiteral("password1")}});
        QCOMPARE(up.status, 201);
        const QString id = s->client().get(QStringLiteral("/auth/session"), up.object().value(QStringLiteral("access_token")).toString().toLatin1())
                               .object().value(QStringLiteral("id")).toString();
        const auto r = s->client().post(QStringLiteral("/auth/sso"),
                                        ssoBody(key.sign(issuer.claims(kOidcClient, QStringLiteral("sub-link"), QStringLiteral("LINK@example.com")))));
        QCOMPARE(r.status, 200);
        const auto session = s->client().get(QStringLiteral("/auth/session"), r.object().value(QStringLiteral("access_token")).toString().toLatin1()).object();
        QCOMPARE(session.value(QStringLiteral("id")).toString(), id);
    }

    void wrongAudienceIssuerOrAlgorithmIsRejected()
    {
        FakeOidcIssuer issuer;
        TestSigningKey key(TestSigningKey::Type::Rsa, QStringLiteral("rsa-1"));
        issuer.setKeys({key});
        auto s = serverFor(issuer);
        TEEHEE_REQUIRE_SERVER(*s);
        auto claims = issuer.claims(QStringLiteral("someone-else"), QStringLiteral("x"), QStringLiteral("x@example.com"));
        QCOMPARE(s->client().post(QStringLiteral("/auth/sso"), ssoBody(key.sign(claims))).status, 401);
        claims = issuer.claims(kOidcClient, QStringLiteral("x"), QStringLiteral("x@example.com"));
        claims.insert(QStringLiteral("iss"), QStringLiteral("https://evil.example"));
        QCOMPARE(s->client().post(QStringLiteral("/auth/sso"), ssoBody(key.sign(claims))).status, 401);
        claims = issuer.claims(kOidcClient, QStringLiteral("x"), QStringLiteral("x@example.com"));
        QCOMPARE(s->client().post(QStringLiteral("/auth/sso"), ssoBody(key.sign(claims, QStringLiteral("ES256")))).status, 401);
        QCOMPARE(s->client().post(QStringLiteral("/auth/sso"), ssoBody(key.sign(claims, QStringLiteral("none")))).status, 401);
        QCOMPARE(s->client().post(QStringLiteral("/auth/sso"), ssoBody(key.sign(claims, QStringLiteral("HS256")))).status, 401);
        // Another key with the same kid (a forgery) fails the signature.
        TestSigningKey forger(TestSigningKey::Type::Rsa, QStringLiteral("rsa-1"));
        const auto forged = s->client().post(QStringLiteral("/auth/sso"), ssoBody(forger.sign(claims)));
        QCOMPARE(forged.status, 401);
        QCOMPARE(forged.header("www-authenticate"), QByteArray("Bearer"));
        QCOMPARE(s->client().post(QStringLiteral("/auth/sso"), ssoBody("not.a-token")).status, 401);
    }

    void expiredTokenIsRejectedBeyondTheLeeway()
    {
        FakeOidcIssuer issuer;
        TestSigningKey key(TestSigningKey::Type::Ec, QStringLiteral("ec-1"));
        issuer.setKeys({key});
        auto s = serverFor(issuer);
        TEEHEE_REQUIRE_SERVER(*s);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        auto claims = issuer.claims(kOidcClient, QStringLiteral("x"), QStringLiteral("x@example.com"));
        claims.insert(QStringLiteral("exp"), now - 30);
        QCOMPARE(s->client().post(QStringLiteral("/auth/sso"), ssoBody(key.sign(claims))).status, 200);
        claims.insert(QStringLiteral("exp"), now - 120);
        QCOMPARE(s->client().post(QStringLiteral("/auth/sso"), ssoBody(key.sign(claims))).status, 401);
        claims.insert(QStringLiteral("exp"), now + 600);
        claims.insert(QStringLiteral("nbf"), now + 600);
        QCOMPARE(s->client().post(QStringLiteral("/auth/sso"), ssoBody(key.sign(claims))).status, 401);
    }

    void unverifiedOrMissingEmailIsRejected()
    {
        FakeOidcIssuer issuer;
        TestSigningKey key(TestSigningKey::Type::Rsa, QStringLiteral("rsa-1"));
        issuer.setKeys({key});
        auto s = serverFor(issuer);
        TEEHEE_REQUIRE_SERVER(*s);
        auto claims = issuer.claims(kOidcClient, QStringLiteral("x"), QStringLiteral("x@example.com"));
        claims.insert(QStringLiteral("email_verified"), false);
        const auto r = s->client().post(QStringLiteral("/auth/sso"), ssoBody(key.sign(claims)));
        QCOMPARE(r.status, 401);
        QVERIFY(r.detail().contains(QStringLiteral("verified")));
        claims.remove(QStringLiteral("email_verified"));
        claims.remove(QStringLiteral("email"));
        QCOMPARE(s->client().post(QStringLiteral("/auth/sso"), ssoBody(key.sign(claims))).status, 401);
    }

    void unknownKeyIdTriggersOneJwksRefresh()
    {
        FakeOidcIssuer issuer;
        TestSigningKey oldKey(TestSigningKey::Type::Rsa, QStringLiteral("old"));
        TestSigningKey newKey(TestSigningKey::Type::Ec, QStringLiteral("new"));
        // Made before any request: an RSA key can take seconds to make on a busy machine.
        TestSigningKey stranger(TestSigningKey::Type::Rsa, QStringLiteral("stranger"));
        issuer.setKeys({oldKey});
        auto s = serverFor(issuer);
        TEEHEE_REQUIRE_SERVER(*s);
        s->backend().auth().oidc().setKeyRefreshIntervalMs(2000);
        const auto claims = issuer.claims(kOidcClient, QStringLiteral("rot"), QStringLiteral("rot@example.com"));
        QCOMPARE(s->client().post(QStringLiteral("/auth/sso"), ssoBody(oldKey.sign(claims))).status, 200);
        QCOMPARE(issuer.jwksHits(), 1);
        issuer.setKeys({oldKey, newKey}); // the issuer rotates
        QTest::qWait(2100);
        QCOMPARE(s->client().post(QStringLiteral("/auth/sso"), ssoBody(newKey.sign(claims))).status, 200);
        QCOMPARE(issuer.jwksHits(), 2);
        // An unknown kid right after a refresh does not hammer the issuer; with
        // the usual minute between refreshes, a slow machine cannot make "right
        // after" too late.
        s->backend().auth().oidc().setKeyRefreshIntervalMs(60 * 1000);
        QCOMPARE(s->client().post(QStringLiteral("/auth/sso"), ssoBody(stranger.sign(claims))).status, 401);
        QCOMPARE(issuer.jwksHits(), 2);
    }

    void issuerDownAnswers503()
    {
        RefusingPort refusing;
        QVERIFY(refusing.port() != 0);
        const quint16 port = refusing.port();
        TestApiServer s([port](Config &c) {
            c.oidcIssuer = QStringLiteral("http://127.0.0.1:%1").arg(port);
            c.oidcClientId = kOidcClient;
            c.debug = true;
        });
        TEEHEE_REQUIRE_SERVER(s);
        TestSigningKey key(TestSigningKey::Type::Rsa, QStringLiteral("k"));
        QJsonObject claims{{QStringLiteral("iss"), QStringLiteral("http://127.0.0.1:%1").arg(port)}, {QStringLiteral("aud"), kOidcClient},
                           {QStringLiteral("sub"), QStringLiteral("s")}, {QStringLiteral("email"), QStringLiteral("s@example.com")},
                           {QStringLiteral("exp"), QDateTime::currentSecsSinceEpoch() + 600}};
        const auto r = s.client().post(QStringLiteral("/auth/sso"), ssoBody(key.sign(claims)));
        QCOMPARE(r.status, 503);
        QVERIFY(r.detail().contains(QStringLiteral("could not be reached")));
    }

    void ssoWithoutConfigurationAnswers503()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const auto r = s.client().post(QStringLiteral("/auth/sso"), ssoBody("a.b.c"));
        QCOMPARE(r.status, 503);
        QVERIFY(r.detail().contains(QStringLiteral("OIDC_ISSUER")));
        QCOMPARE(s.client().post(QStringLiteral("/auth/sso"), {{QStringLiteral("provider"), QStringLiteral("github")},
                                                             {QStringLiteral("id_token"), QStringLiteral("a.b.c")}}).status, 422);
    }
};

QTEST_GUILESS_MAIN(TstSso)
#include "tst_sso.moc"
