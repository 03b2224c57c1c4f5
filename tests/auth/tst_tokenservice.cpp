// HS256 access tokens written on Qt's HMAC: one algorithm, constant-time check,
// exp and iat required and range-checked, one spelling per token; and the
// sign-in throttles' arithmetic.
#include "auth/accountthrottle.h"
#include "auth/ratelimiter.h"
#include "auth/tokenservice.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace teehee;

class TstTokenService : public QObject {
    Q_OBJECT
private:
    const QByteArray secret = QByteArrayLiteral("0123456789abcdef0123456789abcdef");

    static QByteArray forge(const QJsonObject &header, const QJsonObject &claims, const QByteArray &sig)
    {
        return base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
            + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + '.' + sig;
    }

    // A token with any header and claims and a CORRECT HS256 signature with
    // the real secret: only what it says can make it fail.
    QByteArray signedWith(const QJsonObject &header, const QJsonObject &claims) const
    {
        const QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
            + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
        return input + '.' + base64Url(QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256));
    }

    static QJsonObject claimsAt(qint64 iat, qint64 exp)
    {
        return {{QStringLiteral("sub"), QStringLiteral("u1")}, {QStringLiteral("jti"), QStringLiteral("j")},
                {QStringLiteral("iat"), iat}, {QStringLiteral("exp"), exp}};
    }

private Q_SLOTS:
    void issuedTokenVerifiesWithAllClaims()
    {
        TokenService t(secret, 30);
        const qint64 now = 1'700'000'000;
        const auto token = t.issue(QStringLiteral("u1"), QStringLiteral("a@b.co"), now);
        auto c = t.verify(token, now + 10);
        QVERIFY2(c, qPrintable(c ? QString() : c.error().message));
        QCOMPARE(c->sub, QStringLiteral("u1"));
        QCOMPARE(c->email, QStringLiteral("a@b.co"));
        QCOMPARE(c->iat, now);
        QCOMPARE(c->exp, now + 30 * 60);
        QVERIFY(!c->jti.isEmpty());
        QVERIFY(t.issue(QStringLiteral("u1"), QStringLiteral("a@b.co"), now) != token); // fresh jti
    }

    void expiredTokenIsRejected()
    {
        TokenService t(secret, 1);
        const auto token = t.issue(QStringLiteral("u1"), QStringLiteral("a@b.co"), 1000);
        QVERIFY(t.verify(token, 1059));
        auto c = t.verify(token, 1060);
        QVERIFY(!c);
        QCOMPARE(c.error().code, ErrorCode::Unauthorized);
    }

    void tamperedPayloadIsRejected()
    {
        TokenService t(secret, 30);
        const QByteArray genuine = t.issue(QStringLiteral("u1"), QStringLiteral("a@b.co"));
        QVERIFY(t.verify(genuine)); // remembered as verified: a tampered copy must not ride on that
        auto parts = genuine.split('.');
        bool ok = false;
        auto claims = QJsonDocument::fromJson(fromBase64Url(parts[1], &ok)).object();
        claims.insert(QStringLiteral("sub"), QStringLiteral("u2"));
        parts[1] = base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
        QVERIFY(!t.verify(parts.join('.')));
    }

    void otherSecretIsRejected()
    {
        TokenService a(secret, 30), b(QByteArrayLiteral("another-secret-another-secret-xx"), 30);
        QVERIFY(!b.verify(a.issue(QStringLiteral("u1"), QStringLiteral("a@b.co"))));
    }

    void correctlySignedTokenWithAnotherAlgorithmIsRejected()
    {
        TokenService t(secret, 30);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QJsonObject claims = claimsAt(now, now + 600);
        // The control: the same claims and signature under "HS256" pass.
        QVERIFY(t.verify(signedWith({{QStringLiteral("alg"), QStringLiteral("HS256")}}, claims)));
        for (const char *alg : {"none", "HS512", "RS256", "hs256", ""}) {
            auto r = t.verify(signedWith({{QStringLiteral("alg"), QLatin1String(alg)}}, claims));
            QVERIFY2(!r, alg);
            QCOMPARE(r.error().code, ErrorCode::Unauthorized);
        }
        QVERIFY(!t.verify(signedWith({{QStringLiteral("typ"), QStringLiteral("JWT")}}, claims))); // no alg at all
        QVERIFY(!t.verify(forge({{QStringLiteral("alg"), QStringLiteral("none")}}, claims, "")));
    }

    void issuedInTheFutureIsRejected()
    {
        TokenService t(secret, 30);
        const qint64 now = 1'700'000'000;
        const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")}};
        QVERIFY(t.verify(signedWith(header, claimsAt(now + 30, now + 600)), now)); // within the leeway
        auto r = t.verify(signedWith(header, claimsAt(now + 3600, now + 7200)), now);
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QStringLiteral("future")));
    }

    void outOfRangeTimesAreRejected()
    {
        TokenService t(secret, 30);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")}};
        for (double exp : {1e300, -1e300, 1e19, -5.0}) {
            QJsonObject c = claimsAt(now, now + 600);
            c.insert(QStringLiteral("exp"), exp);
            QVERIFY2(!t.verify(signedWith(header, c)), qPrintable(QString::number(exp)));
        }
        QJsonObject c = claimsAt(now, now + 600);
        c.insert(QStringLiteral("iat"), -1e300);
        QVERIFY(!t.verify(signedWith(header, c)));
        c.insert(QStringLiteral("iat"), QStringLiteral("now"));
        QVERIFY(!t.verify(signedWith(header, c)));
        c.remove(QStringLiteral("iat"));
        QVERIFY(!t.verify(signedWith(header, c)));
    }

    void aTokenHasOneSpelling()
    {
        TokenService t(secret, 30);
        const QByteArray genuine = t.issue(QStringLiteral("u1"), QStringLiteral("a@b.co"));
        QVERIFY(t.verify(genuine));
        // 32 signature bytes leave two spare bits in the last character:
        // flipping them spells the same bytes differently.
        static const QByteArray alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
        const qsizetype last = alphabet.indexOf(genuine.back());
        QVERIFY(last >= 0);
        const QByteArray variant = genuine.chopped(1) + alphabet.at(last ^ 1);
        bool ok = false;
        QCOMPARE(fromBase64Url(variant.split('.')[2], &ok), fromBase64Url(genuine.split('.')[2], &ok));
        QVERIFY(ok); // the decoder alone does not tell them apart
        QVERIFY(!t.verify(variant));
    }

    void tokenWithoutExpiryIsRejected()
    {
        TokenService t(secret, 30);
        const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")}};
        const QJsonObject claims{{QStringLiteral("sub"), QStringLiteral("u1")}, {QStringLiteral("jti"), QStringLiteral("j")}};
        const QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
            + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
        const QByteArray sig = base64Url(QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256));
        QVERIFY(!t.verify(input + '.' + sig));
    }

    void garbageIsRejected()
    {
        TokenService t(secret, 30);
        QVERIFY(!t.verify(""));
        QVERIFY(!t.verify("a.b"));
        QVERIFY(!t.verify("a.b.c.d"));
        QVERIFY(!t.verify("!!!.???.***"));
    }

    void rateLimiterBlocksAfterTheLimitAndForgetsAfterTheWindow()
    {
        RateLimiter r(3, 60);
        QCOMPARE(r.retryAfter(QStringLiteral("k"), 0).value(), 0);
        QVERIFY(r.recordFailure(QStringLiteral("k"), 0));
        QVERIFY(r.recordFailure(QStringLiteral("k"), 1000));
        QCOMPARE(r.retryAfter(QStringLiteral("k"), 1000).value(), 0);
        QVERIFY(r.recordFailure(QStringLiteral("k"), 2000));
        QCOMPARE(r.retryAfter(QStringLiteral("k"), 2000).value(), 58);
        QCOMPARE(r.retryAfter(QStringLiteral("other"), 2000).value(), 0);
        QCOMPARE(r.retryAfter(QStringLiteral("k"), 60'000).value(), 0);
    }

    void rateLimiterReleasesOneReservedAttempt()
    {
        RateLimiter r(2, 60);
        QVERIFY(r.isClean(QStringLiteral("k"), 0).value());
        QVERIFY(r.recordFailure(QStringLiteral("k"), 100));
        QVERIFY(r.recordFailure(QStringLiteral("k"), 200));
        QVERIFY(r.retryAfter(QStringLiteral("k"), 200).value() > 0);
        QVERIFY(!r.isClean(QStringLiteral("k"), 200).value());
        r.release(QStringLiteral("k"), 200);
        QCOMPARE(r.retryAfter(QStringLiteral("k"), 200).value(), 0);
        r.release(QStringLiteral("k"), 100);
        QVERIFY(r.isClean(QStringLiteral("k"), 200).value());
    }

    void accountDelayGrowsAfterTheFreeFailures()
    {
        AccountThrottle a(AccountThrottle::Policy{3, 30, 900, 86400});
        QCOMPARE(a.delayAfter(2), 0);
        QCOMPARE(a.delayAfter(3), 30);
        QCOMPARE(a.delayAfter(4), 60);
        QCOMPARE(a.delayAfter(5), 120);
        QCOMPARE(a.delayAfter(60), 900);
        const QString k = QStringLiteral("a@b.co");
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(a.retryAfter(k, 1000).value(), 0);
            QVERIFY(a.recordFailure(k, 1000));
        }
        QCOMPARE(a.retryAfter(k, 1000).value(), 30);
        QCOMPARE(a.retryAfter(k, 31'000).value(), 0); // a delay, not a lock
        QVERIFY(a.recordFailure(k, 31'000));
        QCOMPARE(a.retryAfter(k, 31'000).value(), 60);
        a.release(k, 31'000); // never evaluated: taken back
        QCOMPARE(a.retryAfter(k, 31'000).value(), 0);
        a.reset(k);
        QCOMPARE(a.retryAfter(k, 31'000).value(), 0);
    }
};

QTEST_GUILESS_MAIN(TstTokenService)
#include "tst_tokenservice.moc"
