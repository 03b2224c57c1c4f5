// HS256 access tokens written on Qt's HMAC: one algorithm, constant-time check, exp required.
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

    void algNoneIsRejected()
    {
        TokenService t(secret, 30);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QJsonObject claims{{QStringLiteral("sub"), QStringLiteral("u1")}, {QStringLiteral("jti"), QStringLiteral("j")},
                                 {QStringLiteral("iat"), now}, {QStringLiteral("exp"), now + 600}};
        QVERIFY(!t.verify(forge({{QStringLiteral("alg"), QStringLiteral("none")}}, claims, "")));
        QVERIFY(!t.verify(forge({{QStringLiteral("alg"), QStringLiteral("none")}}, claims, "").chopped(0) + "x"));
        QVERIFY(!t.verify(forge({{QStringLiteral("alg"), QStringLiteral("HS512")}}, claims, "abc")));
        QVERIFY(!t.verify(forge({{QStringLiteral("alg"), QStringLiteral("RS256")}}, claims, "abc")));
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
        QCOMPARE(r.retryAfter(QStringLiteral("k"), 0), 0);
        r.recordFailure(QStringLiteral("k"), 0);
        r.recordFailure(QStringLiteral("k"), 1000);
        QCOMPARE(r.retryAfter(QStringLiteral("k"), 1000), 0);
        r.recordFailure(QStringLiteral("k"), 2000);
        QCOMPARE(r.retryAfter(QStringLiteral("k"), 2000), 58);
        QCOMPARE(r.retryAfter(QStringLiteral("other"), 2000), 0);
        QCOMPARE(r.retryAfter(QStringLiteral("k"), 60'000), 0);
    }
};

QTEST_GUILESS_MAIN(TstTokenService)
#include "tst_tokenservice.moc"
