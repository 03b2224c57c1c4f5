// Single sign-on that cannot be turned against password accounts or hang:
// linking needs email_verified true, the issuer is reached over https only
// (http on loopback with DEBUG), without redirects, with capped and timed answers.
#include "api/httpserver.h"
#include "auth/authservice.h"
#include "auth/oidcverifier.h"
#include "backend.h"
#include "db/userrepository.h"
#include "fakeoidcissuer.h"
#include "support/httptestclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace teehee;

namespace {
const QString kClient = QStringLiteral("teehee-oidc-client");
// How long a test waits for an answer before it fails: a deadline, not a speed claim.
constexpr int kAnswerDeadlineMs = 120'000;

QJsonObject ssoBody(const QByteArray &token)
{
    return {{QStringLiteral("provider"), QStringLiteral("oidc")}, {QStringLiteral("id_token"), QString::fromLatin1(token)}};
}

HttpTestResponse postSso(TestApiServer &s, const QByteArray &token)
{
    return s.client().request("POST", QStringLiteral("/auth/sso"), QJsonDocument(ssoBody(token)).toJson(QJsonDocument::Compact),
                              {{QByteArray("Content-Type"), QByteArray("application/json")}}, kAnswerDeadlineMs);
}

std::unique_ptr<TestApiServer> serverFor(const QString &issuerUrl, bool debug = true)
{
    return std::make_unique<TestApiServer>([issuerUrl, debug](Config &c) {
        c.oidcIssuer = issuerUrl;
        c.oidcClientId = kClient;
        c.debug = debug;
    });
}
} // namespace

class TstSsoSafety : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void onlyAVerifiedEmailIsJoinedToAPasswordAccount()
    {
        FakeOidcIssuer issuer;
        TestSigningKey key(TestSigningKey::Type::Rsa, QStringLiteral("rsa-1"));
        issuer.setKeys({key});
        auto s = serverFor(issuer.issuer());
        TEEHEE_REQUIRE_SERVER(*s);
        const QString victim = QStringLiteral("victim@example.com");
        QCOMPARE(s->client().post(QStringLiteral("/auth/signup"), {{QStringLiteral("email"), victim},
                                                                   {QStringLiteral("password"), QStringLiteral("password1")}}).status, 201);
        auto claims = issuer.claims(kClient, QStringLiteral("idp-user-666"), victim);
        claims.remove(QStringLiteral("email_verified"));
        const auto absent = postSso(*s, key.sign(claims));
        QCOMPARE(absent.status, 403);
        QVERIFY2(absent.detail().contains(QStringLiteral("email_verified")), qPrintable(absent.detail()));
        claims.insert(QStringLiteral("email_verified"), QStringLiteral("true")); // a string is not the boolean
        QCOMPARE(postSso(*s, key.sign(claims)).status, 403);
        claims.insert(QStringLiteral("email_verified"), 1);
        QCOMPARE(postSso(*s, key.sign(claims)).status, 403);
        auto account = UserRepository(s->backend().database()).findByEmail(victim);
        QVERIFY(account);
        QVERIFY2(account->ssoId.isEmpty(), qPrintable(account->ssoId));
        // The issuer's word links it.
        claims.insert(QStringLiteral("email_verified"), true);
        const auto linked = postSso(*s, key.sign(claims));
        QCOMPARE(linked.status, 200);
        const auto session = s->client().get(QStringLiteral("/auth/session"), linked.object().value(QStringLiteral("access_token")).toString().toLatin1());
        QCOMPARE(session.object().value(QStringLiteral("id")).toString(), account->id);
    }

    void anUnverifiedEmailOfNoAccountMakesANewOne()
    {
        FakeOidcIssuer issuer;
        TestSigningKey key(TestSigningKey::Type::Ec, QStringLiteral("ec-1"));
        issuer.setKeys({key});
        auto s = serverFor(issuer.issuer());
        TEEHEE_REQUIRE_SERVER(*s);
        auto claims = issuer.claims(kClient, QStringLiteral("fresh"), QStringLiteral("fresh@example.com"));
        claims.remove(QStringLiteral("email_verified"));
        QCOMPARE(postSso(*s, key.sign(claims)).status, 200);
        auto account = UserRepository(s->backend().database()).findByEmail(QStringLiteral("fresh@example.com"));
        QVERIFY(account);
        QVERIFY(account->ssoId.endsWith(QStringLiteral("|fresh")));
    }

    void issuedInTheFutureOrOutOfRangeIsRefused()
    {
        FakeOidcIssuer issuer;
        TestSigningKey key(TestSigningKey::Type::Rsa, QStringLiteral("rsa-1"));
        issuer.setKeys({key});
        auto s = serverFor(issuer.issuer());
        TEEHEE_REQUIRE_SERVER(*s);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        auto claims = issuer.claims(kClient, QStringLiteral("t"), QStringLiteral("t@example.com"));
        claims.insert(QStringLiteral("iat"), now + 3600);
        const auto future = postSso(*s, key.sign(claims));
        QCOMPARE(future.status, 401);
        QVERIFY(future.detail().contains(QStringLiteral("future")));
        claims = issuer.claims(kClient, QStringLiteral("t"), QStringLiteral("t@example.com"));
        claims.insert(QStringLiteral("exp"), 1e300);
        QCOMPARE(postSso(*s, key.sign(claims)).status, 401);
        claims.insert(QStringLiteral("exp"), now + 600);
        QCOMPARE(postSso(*s, key.sign(claims)).status, 200); // the control
    }

    void severalAudiencesRequireUsAsAuthorisedParty()
    {
        FakeOidcIssuer issuer;
        TestSigningKey key(TestSigningKey::Type::Rsa, QStringLiteral("rsa-1"));
        issuer.setKeys({key});
        auto s = serverFor(issuer.issuer());
        TEEHEE_REQUIRE_SERVER(*s);
        auto claims = issuer.claims(kClient, QStringLiteral("a"), QStringLiteral("a@example.com"));
        claims.insert(QStringLiteral("aud"), QJsonArray{kClient, QStringLiteral("other-app")});
        const auto noAzp = postSso(*s, key.sign(claims));
        QCOMPARE(noAzp.status, 401);
        QVERIFY(noAzp.detail().contains(QStringLiteral("azp")));
        claims.insert(QStringLiteral("azp"), QStringLiteral("other-app"));
        QCOMPARE(postSso(*s, key.sign(claims)).status, 401);
        claims.insert(QStringLiteral("azp"), kClient);
        QCOMPARE(postSso(*s, key.sign(claims)).status, 200);
    }

    void plainHttpIssuerNeedsLoopbackAndDebug()
    {
        FakeOidcIssuer issuer;
        TestSigningKey key(TestSigningKey::Type::Rsa, QStringLiteral("rsa-1"));
        issuer.setKeys({key});
        auto s = serverFor(issuer.issuer(), /*debug=*/false);
        TEEHEE_REQUIRE_SERVER(*s);
        const auto r = postSso(*s, key.sign(issuer.claims(kClient, QStringLiteral("h"), QStringLiteral("h@example.com"))));
        QCOMPARE(r.status, 503);
        QVERIFY2(r.detail().contains(QStringLiteral("https")), qPrintable(r.detail()));
        QCOMPARE(issuer.discoveryHits(), 0);

        auto remote = serverFor(QStringLiteral("http://issuer.example.invalid"), /*debug=*/true);
        TEEHEE_REQUIRE_SERVER(*remote);
        const auto r2 = postSso(*remote, key.sign(issuer.claims(kClient, QStringLiteral("h"), QStringLiteral("h@example.com"))));
        QCOMPARE(r2.status, 503);
        QVERIFY2(r2.detail().contains(QStringLiteral("https")), qPrintable(r2.detail()));
    }

    void plainHttpKeySetElsewhereIsRefused()
    {
        FakeOidcIssuer issuer;
        TestSigningKey key(TestSigningKey::Type::Rsa, QStringLiteral("rsa-1"));
        issuer.setKeys({key});
        issuer.setJwksUri(QStringLiteral("http://keys.example.invalid/jwks"));
        auto s = serverFor(issuer.issuer());
        TEEHEE_REQUIRE_SERVER(*s);
        const auto r = postSso(*s, key.sign(issuer.claims(kClient, QStringLiteral("j"), QStringLiteral("j@example.com"))));
        QCOMPARE(r.status, 503);
        QVERIFY2(r.detail().contains(QStringLiteral("jwks_uri")), qPrintable(r.detail()));
        QCOMPARE(issuer.discoveryHits(), 1);
    }

    void redirectsAreNotFollowed()
    {
        FakeOidcIssuer issuer(FakeOidcIssuer::Behaviour::RedirectJwks);
        TestSigningKey key(TestSigningKey::Type::Rsa, QStringLiteral("rsa-1"));
        issuer.setKeys({key});
        auto s = serverFor(issuer.issuer());
        TEEHEE_REQUIRE_SERVER(*s);
        const auto r = postSso(*s, key.sign(issuer.claims(kClient, QStringLiteral("r"), QStringLiteral("r@example.com"))));
        QCOMPARE(r.status, 503);
        QVERIFY2(r.detail().contains(QStringLiteral("302")), qPrintable(r.detail()));
        QCOMPARE(issuer.jwksHits(), 1);
        QCOMPARE(issuer.movedHits(), 0);
    }

    void anOversizedKeySetIsRefused()
    {
        FakeOidcIssuer issuer(FakeOidcIssuer::Behaviour::HugeJwks);
        TestSigningKey key(TestSigningKey::Type::Rsa, QStringLiteral("rsa-1"));
        issuer.setKeys({key});
        auto s = serverFor(issuer.issuer());
        TEEHEE_REQUIRE_SERVER(*s);
        const auto r = postSso(*s, key.sign(issuer.claims(kClient, QStringLiteral("b"), QStringLiteral("b@example.com"))));
        QCOMPARE(r.status, 503);
        QVERIFY2(r.detail().contains(QStringLiteral("1 MiB")), qPrintable(r.detail()));
    }

    void aSilentIssuerEndsTheSignInWithAClearError()
    {
        FakeOidcIssuer issuer(FakeOidcIssuer::Behaviour::Silent);
        TestSigningKey key(TestSigningKey::Type::Rsa, QStringLiteral("rsa-1"));
        auto s = serverFor(issuer.issuer());
        TEEHEE_REQUIRE_SERVER(*s);
        s->backend().auth().oidc().setNetworkTimeoutMs(300);
        const auto r = postSso(*s, key.sign(issuer.claims(kClient, QStringLiteral("q"), QStringLiteral("q@example.com"))));
        QVERIFY2(r.status != 0, "no answer before the test's deadline");
        QCOMPARE(r.status, 503);
        QVERIFY2(r.detail().contains(QStringLiteral("timed out")), qPrintable(r.detail()));
        QVERIFY(issuer.silentConnections() >= 1); // the issuer was reached and said nothing
    }
};

QTEST_GUILESS_MAIN(TstSsoSafety)
#include "tst_ssosafety.moc"
