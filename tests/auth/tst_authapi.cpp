// Accounts over HTTP, on SQLite and PostgreSQL: sign-up, sign-in, session,
// logout with revocation, token checks, bcrypt migration, rate limits.
#include "api/httpserver.h"
#include "auth/authservice.h"
#include "auth/passwordhasher.h"
#include "auth/tokenservice.h"
#include "backend.h"
#include "db/userrepository.h"
#include "support/httptestclient.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>
#include <crypt.h>

using namespace teehee;

namespace {
QJsonObject creds(const QString &email, const QString &password)
{
    return {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}};
}
QByteArray tokenOf(const HttpTestResponse &r)
{
    return r.object().value(QStringLiteral("access_token")).toString().toLatin1();
}
}

class TstAuthApi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void signUpSignInSessionAndLogoutRevokesTheToken()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        auto c = s.client();
        const auto up = c.post(QStringLiteral("/auth/signup"), creds(QStringLiteral("Alice@Example.com"), QStringLiteral("correct horse")));
        QCOMPARE(up.status, 201);
        QCOMPARE(up.object().value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
        QVERIFY(!tokenOf(up).isEmpty());

        const auto in = c.post(QStringLiteral("/auth/signin"), creds(QStringLiteral("alice@example.com"), QStringLiteral("correct horse")));
        QCOMPARE(in.status, 200);
        const QByteArray token = tokenOf(in);

        const auto session = c.get(QStringLiteral("/auth/session"), token);
        QCOMPARE(session.status, 200);
        const auto o = session.object();
        QCOMPARE(o.value(QStringLiteral("email")).toString(), QStringLiteral("alice@example.com"));
        QVERIFY(o.value(QStringLiteral("id")).toString().size() == 36);
        QVERIFY(o.contains(QStringLiteral("sso_id")));
        QVERIFY(o.value(QStringLiteral("created_at")).toString().endsWith(u'Z'));

        const auto out = c.post(QStringLiteral("/auth/logout"), {}, token);
        QCOMPARE(out.status, 200);
        QCOMPARE(out.object().value(QStringLiteral("message")).toString(), QStringLiteral("Successfully logged out"));
        const auto after = c.get(QStringLiteral("/auth/session"), token);
        QCOMPARE(after.status, 401);
        QCOMPARE(after.header("www-authenticate"), QByteArray("Bearer"));
        // The other token of the same user still works.
        QCOMPARE(c.get(QStringLiteral("/auth/session"), tokenOf(up)).status, 200);
    }

    void duplicateEmailIsRefusedCaseInsensitively()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        QCOMPARE(s.client().post(QStringLiteral("/auth/signup"), creds(QStringLiteral("bob@example.com"), QStringLiteral("password1"))).status, 201);
        const auto again = s.client().post(QStringLiteral("/auth/signup"), creds(QStringLiteral("BOB@Example.COM"), QStringLiteral("password2")));
        QCOMPARE(again.status, 409);
        QVERIFY(!again.detail().isEmpty());
    }

    void badEmailOrShortPasswordAnswers422NamingTheField()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const auto email = s.client().post(QStringLiteral("/auth/signup"), creds(QStringLiteral("not-an-email"), QStringLiteral("password1")));
        QCOMPARE(email.status, 422);
        QVERIFY(email.detail().startsWith(QStringLiteral("email")));
        const auto pw = s.client().post(QStringLiteral("/auth/signup"), creds(QStringLiteral("c@example.com"), QStringLiteral("short")));
        QCOMPARE(pw.status, 422);
        QVERIFY(pw.detail().startsWith(QStringLiteral("password")));
        const auto missing = s.client().post(QStringLiteral("/auth/signup"), QJsonObject{{QStringLiteral("email"), QStringLiteral("c@example.com")}});
        QCOMPARE(missing.status, 422);
        QVERIFY(missing.detail().contains(QStringLiteral("password")));
    }

    void controlCharactersInTheEmailAnswer422()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const int verified = s.backend().auth().hasher().verifications();
        for (const QString &email : {QStringLiteral("nul\u0000@example.com"), QStringLiteral("a@example.com\u0000"),
                                     QStringLiteral("tab\t@example.com"), QStringLiteral("a@example.com\n"), QStringLiteral("del\u007f@example.com")}) {
            for (const char *path : {"/auth/signup", "/auth/signin"}) {
                const auto r = s.client().post(QLatin1String(path), creds(email, QStringLiteral("password1")));
                QVERIFY2(r.status == 422, qPrintable(QStringLiteral("%1 %2: %3").arg(QLatin1String(path)).arg(r.status).arg(r.detail())));
                QVERIFY(r.detail().startsWith(QStringLiteral("email")));
            }
        }
        QCOMPARE(s.backend().auth().hasher().verifications(), verified);
    }

    void signInRefusesAnOverlongPasswordLikeSignUpWithoutHashing()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        QCOMPARE(s.client().post(QStringLiteral("/auth/signup"), creds(QStringLiteral("long@example.com"), QStringLiteral("password1"))).status, 201);
        const int verified = s.backend().auth().hasher().verifications();
        const QString tooLong(4097, u'p');
        for (const char *path : {"/auth/signup", "/auth/signin"}) {
            const auto r = s.client().post(QLatin1String(path), creds(QStringLiteral("long@example.com"), tooLong));
            QCOMPARE(r.status, 422);
            QVERIFY(r.detail().contains(QStringLiteral("4096 bytes")));
        }
        QCOMPARE(s.backend().auth().hasher().verifications(), verified);
        // 4096 bytes exactly is a password like any other (a wrong one here).
        QCOMPARE(s.client().post(QStringLiteral("/auth/signin"), creds(QStringLiteral("long@example.com"), QString(4096, u'p'))).status, 401);
        QCOMPARE(s.backend().auth().hasher().verifications(), verified + 1);
    }

    void signUpIsForbiddenWhenDisabled()
    {
        TestApiServer s([](Config &c) { c.allowSignup = false; });
        TEEHEE_REQUIRE_SERVER(s);
        const auto r = s.client().post(QStringLiteral("/auth/signup"), creds(QStringLiteral("d@example.com"), QStringLiteral("password1")));
        QCOMPARE(r.status, 403);
    }

    void wrongPasswordAndUnknownEmailGetTheSame401()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        QCOMPARE(s.client().post(QStringLiteral("/auth/signup"), creds(QStringLiteral("e@example.com"), QStringLiteral("password1"))).status, 201);
        const PasswordHasher &hasher = s.backend().auth().hasher();
        const int verified = hasher.verifications(), dummy = hasher.dummyVerifications();
        const auto wrong = s.client().post(QStringLiteral("/auth/signin"), creds(QStringLiteral("e@example.com"), QStringLiteral("password2")));
        QCOMPARE(hasher.verifications(), verified + 1);
        QCOMPARE(hasher.dummyVerifications(), dummy);
        const auto unknown = s.client().post(QStringLiteral("/auth/signin"), creds(QStringLiteral("nobody@example.com"), QStringLiteral("password2")));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.detail(), unknown.detail());
        QCOMPARE(wrong.header("www-authenticate"), QByteArray("Bearer"));
        // An unknown e-mail pays for a full hash verification too: against the dummy hash.
        QCOMPARE(hasher.verifications(), verified + 2);
        QCOMPARE(hasher.dummyVerifications(), dummy + 1);
    }

    void invalidTokensAnswer401WithWwwAuthenticate()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        auto c = s.client();
        const auto up = c.post(QStringLiteral("/auth/signup"), creds(QStringLiteral("f@example.com"), QStringLiteral("password1")));
        const QByteArray good = tokenOf(up);
        const QString userId = c.get(QStringLiteral("/auth/session"), good).object().value(QStringLiteral("id")).toString();
        QVERIFY(!userId.isEmpty());

        auto parts = good.split('.');
        QByteArray tampered = parts[0] + '.' + parts[1] + '.' + (parts[2].startsWith('A') ? "B" : "A") + parts[2].mid(1);
        bool ok = false;
        auto claims = QJsonDocument::fromJson(fromBase64Url(parts[1], &ok)).object();
        // Foreign algorithms over a CORRECT HS256 signature with the server's secret:
        // only the header can make them fail.
        auto correctlySigned = [&](const QByteArray &header) {
            const QByteArray input = base64Url(header) + '.' + parts[1];
            return input + '.' + base64Url(QMessageAuthenticationCode::hash(input, s.backend().config().secretKey, QCryptographicHash::Sha256));
        };
        QCOMPARE(c.get(QStringLiteral("/auth/session"), correctlySigned(R"({"alg":"HS256","typ":"JWT"})")).status, 200); // the control
        const QByteArray none = correctlySigned(R"({"alg":"none","typ":"JWT"})");
        const QByteArray hs512 = correctlySigned(R"({"alg":"HS512","typ":"JWT"})");
        const QByteArray expired = TokenService(s.backend().config().secretKey, 1)
                                       .issue(userId, QStringLiteral("f@example.com"), QDateTime::currentSecsSinceEpoch() - 3600);
        const QByteArray otherKey = TokenService("some-other-secret-some-other-secret", 30).issue(userId, QStringLiteral("f@example.com"));

        for (const QByteArray &bad : {QByteArray(), QByteArray("garbage"), tampered, none, hs512, expired, otherKey}) {
            const auto r = c.get(QStringLiteral("/auth/session"), bad);
            QCOMPARE(r.status, 401);
            QCOMPARE(r.header("www-authenticate"), QByteArray("Bearer"));
            QVERIFY(!r.detail().isEmpty());
            QVERIFY(!r.body.contains(bad.isEmpty() ? QByteArray("\x01") : bad));
        }
        // A deleted user's token stops working.
        QVERIFY(UserRepository(s.backend().database()).remove(userId));
        QCOMPARE(c.get(QStringLiteral("/auth/session"), good).status, 401);
    }

    void bcryptHashFromTheOriginalBackendVerifiesAndIsRehashed()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        char setting[CRYPT_GENSALT_OUTPUT_SIZE];
        QVERIFY(crypt_gensalt_rn("$2b$", 5, nullptr, 0, setting, sizeof setting));
        crypt_data data{};
        const char *hashed = crypt_rn("legacy-password", setting, &data, sizeof data);
        QVERIFY(hashed && QByteArray(hashed).startsWith("$2b$"));
        UserRecord u;
        u.email = QStringLiteral("legacy@example.com");
        u.passwordHash = QString::fromLatin1(hashed);
        auto created = UserRepository(s.backend().database()).create(u);
        QVERIFY(created);

        QCOMPARE(s.client().post(QStringLiteral("/auth/signin"), creds(QStringLiteral("legacy@example.com"), QStringLiteral("wrong-password"))).status, 401);
        QVERIFY(UserRepository(s.backend().database()).findById(created->id)->passwordHash.startsWith(u"$2b$"));
        const auto in = s.client().post(QStringLiteral("/auth/signin"), creds(QStringLiteral("legacy@example.com"), QStringLiteral("legacy-password")));
        QCOMPARE(in.status, 200);
        const QString now = UserRepository(s.backend().database()).findById(created->id)->passwordHash;
        QVERIFY2(now.startsWith(u"$argon2id$"), qPrintable(now.left(10)));
        QCOMPARE(s.client().post(QStringLiteral("/auth/signin"), creds(QStringLiteral("legacy@example.com"), QStringLiteral("legacy-password"))).status, 200);
    }

    void repeatedFailuresForAnEmailAreRateLimitedWithRetryAfter()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        QCOMPARE(s.client().post(QStringLiteral("/auth/signup"), creds(QStringLiteral("g@example.com"), QStringLiteral("password1"))).status, 201);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(s.client().post(QStringLiteral("/auth/signin"), creds(QStringLiteral("g@example.com"), QStringLiteral("nope-nope"))).status, 401);
        const auto limited = s.client().post(QStringLiteral("/auth/signin"), creds(QStringLiteral("G@example.com"), QStringLiteral("password1")));
        QCOMPARE(limited.status, 429);
        QVERIFY(limited.header("retry-after").toInt() > 0);
        // Another account from the same address is not blocked yet.
        QCOMPARE(s.client().post(QStringLiteral("/auth/signin"), creds(QStringLiteral("h@example.com"), QStringLiteral("whatever1"))).status, 401);
    }

    void repeatedFailuresFromAnAddressAreRateLimited()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        int status = 0;
        for (int i = 0; i < 21 && status != 429; ++i)
            status = s.client().post(QStringLiteral("/auth/signin"), creds(QStringLiteral("user%1@example.com").arg(i), QStringLiteral("whatever1"))).status;
        QCOMPARE(status, 429);
    }
};

QTEST_GUILESS_MAIN(TstAuthApi)
#include "tst_authapi.moc"
