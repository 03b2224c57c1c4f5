// Sign-in and sign-up limits over real HTTP, on SQLite and PostgreSQL: a
// burst of guesses is counted as it arrives (the rest refused without a
// hash), the owner still gets in from a clean address, X-Forwarded-For
// counts only from TRUSTED_PROXIES, and the hashing queue is bounded.
#include "api/clientaddress.h"
#include "api/httpserver.h"
#include "auth/authservice.h"
#include "auth/passwordhasher.h"
#include "backend.h"
#include "core/configloader.h"
#include "support/httptestclient.h"

#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTest>
#include <algorithm>

using namespace teehee;

namespace {
// How long a test waits for an answer before it fails: a deadline, not a speed claim.
constexpr int kAnswerDeadlineMs = 120'000;
constexpr int kBurst = 150;
const AuthService::Limits kLimits; // the server's defaults

QByteArray postBytes(const QString &path, const QString &email, const QString &password, const QByteArray &forwardedFor)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("email"), email}, {QStringLiteral("password"), password}})
                                .toJson(QJsonDocument::Compact);
    QByteArray req = "POST " + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
    if (!forwardedFor.isEmpty())
        req += "X-Forwarded-For: " + forwardedFor + "\r\n";
    return req + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

HttpTestResponse post(TestApiServer &s, const QString &path, const QString &email, const QString &password,
                      const QByteArray &forwardedFor = {})
{
    RawHttpConnection c(s.port());
    c.send(postBytes(path, email, password, forwardedFor));
    return c.readResponse(kAnswerDeadlineMs);
}

// n requests on n connections, all sent before any answer is read.
QList<HttpTestResponse> burst(TestApiServer &s, int n, const std::function<QByteArray(int)> &request)
{
    std::vector<std::unique_ptr<RawHttpConnection>> connections;
    for (int i = 0; i < n; ++i)
        connections.push_back(std::make_unique<RawHttpConnection>(s.port()));
    for (int i = 0; i < n; ++i)
        connections[size_t(i)]->send(request(i));
    QList<HttpTestResponse> answers;
    for (auto &c : connections)
        answers << c->readResponse(kAnswerDeadlineMs);
    return answers;
}

int countStatus(const QList<HttpTestResponse> &answers, int status)
{
    return int(std::count_if(answers.begin(), answers.end(), [status](const HttpTestResponse &r) { return r.status == status; }));
}

bool allRateLimitedCarryRetryAfter(const QList<HttpTestResponse> &answers)
{
    return std::all_of(answers.begin(), answers.end(), [](const HttpTestResponse &r) {
        return r.status != 429 || r.header("retry-after").toInt() > 0;
    });
}

void behindProxy(Config &c)
{
    c.trustedProxies = {QStringLiteral("127.0.0.1/32")};
}
} // namespace

class TstAuthLimits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aBurstOfGuessesIsCountedAsItArrivesAndTheOwnerStillGetsIn()
    {
        TestApiServer s(behindProxy);
        TEEHEE_REQUIRE_SERVER(s);
        const QString owner = QStringLiteral("owner@example.com");
        QCOMPARE(post(s, QStringLiteral("/auth/signup"), owner, QStringLiteral("owner-password"), "198.51.100.20").status, 201);
        const PasswordHasher &hasher = s.backend().auth().hasher();
        const int verifiedBefore = hasher.verifications();

        const QByteArray guess = postBytes(QStringLiteral("/auth/signin"), owner, QStringLiteral("wrong-guess"), "203.0.113.7");
        const auto answers = burst(s, kBurst, [&](int) { return guess; });
        const int wrong = countStatus(answers, 401);
        const int limited = countStatus(answers, 429);
        const int evaluated = hasher.verifications() - verifiedBefore;
        qInfo("%d parallel wrong sign-ins: %d evaluated (401), %d refused (429)", kBurst, wrong, limited);
        QCOMPARE(wrong + limited, kBurst);
        QCOMPARE(evaluated, wrong); // every 429 was refused without a hash
        QVERIFY2(evaluated >= 1 && evaluated <= kLimits.failuresPerEmail, qPrintable(QString::number(evaluated)));
        QVERIFY(allRateLimitedCarryRetryAfter(answers));

        // The attacker's address waits; the owner from another address does not.
        const auto again = post(s, QStringLiteral("/auth/signin"), owner, QStringLiteral("owner-password"), "203.0.113.7");
        QCOMPARE(again.status, 429);
        QVERIFY(again.header("retry-after").toInt() > 0);
        const auto ownerIn = post(s, QStringLiteral("/auth/signin"), owner, QStringLiteral("owner-password"), "198.51.100.20");
        QCOMPARE(ownerIn.status, 200);
        QCOMPARE(hasher.verifications() - verifiedBefore, evaluated + 1);
    }

    void forwardedForIsIgnoredFromAnUntrustedPeer()
    {
        TestApiServer s; // no TRUSTED_PROXIES
        TEEHEE_REQUIRE_SERVER(s);
        const QString owner = QStringLiteral("owner@example.com");
        QCOMPARE(post(s, QStringLiteral("/auth/signup"), owner, QStringLiteral("owner-password")).status, 201);
        for (int i = 0; i < kLimits.failuresPerEmail; ++i)
            QCOMPARE(post(s, QStringLiteral("/auth/signin"), owner, QStringLiteral("wrong-guess"), "203.0.113.7").status, 401);
        // A claimed other address changes nothing: the socket peer has failures.
        const auto r = post(s, QStringLiteral("/auth/signin"), owner, QStringLiteral("owner-password"), "198.51.100.20");
        QCOMPARE(r.status, 429);
    }

    void theAddressLimitFollowsTheForwardedAddressFromATrustedProxy()
    {
        TestApiServer s(behindProxy);
        TEEHEE_REQUIRE_SERVER(s);
        // Only the right-most address that is not itself a proxy counts; the client wrote the rest.
        for (int i = 0; i < kLimits.failuresPerAddress; ++i)
            QCOMPARE(post(s, QStringLiteral("/auth/signin"), QStringLiteral("u%1@example.com").arg(i), QStringLiteral("whatever1"),
                          QByteArray::number(i) + ".1.2.3, 203.0.113.9, 127.0.0.1").status, 401);
        const auto blocked = post(s, QStringLiteral("/auth/signin"), QStringLiteral("x@example.com"), QStringLiteral("whatever1"), "203.0.113.9");
        QCOMPARE(blocked.status, 429);
        QVERIFY(blocked.header("retry-after").toInt() > 0);
        QCOMPARE(post(s, QStringLiteral("/auth/signin"), QStringLiteral("x@example.com"), QStringLiteral("whatever1"), "203.0.113.10").status, 401);
    }

    void theAddressLimitIgnoresForwardedForFromAnUntrustedPeer()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        for (int i = 0; i < kLimits.failuresPerAddress; ++i)
            QCOMPARE(post(s, QStringLiteral("/auth/signin"), QStringLiteral("u%1@example.com").arg(i), QStringLiteral("whatever1"),
                          "203.0.113." + QByteArray::number(i)).status, 401);
        QCOMPARE(post(s, QStringLiteral("/auth/signin"), QStringLiteral("x@example.com"), QStringLiteral("whatever1"), "198.51.100.1").status, 429);
    }

    void aBurstOfSignUpsFromOneAddressStopsAtTheLimit()
    {
        TestApiServer s(behindProxy);
        TEEHEE_REQUIRE_SERVER(s);
        const int n = kLimits.signupsPerAddress * 3;
        const auto answers = burst(s, n, [](int i) {
            return postBytes(QStringLiteral("/auth/signup"), QStringLiteral("new%1@example.com").arg(i), QStringLiteral("password1"), "203.0.113.50");
        });
        QCOMPARE(countStatus(answers, 201), kLimits.signupsPerAddress);
        QCOMPARE(countStatus(answers, 429), n - kLimits.signupsPerAddress);
        QVERIFY(allRateLimitedCarryRetryAfter(answers));
        QCOMPARE(post(s, QStringLiteral("/auth/signup"), QStringLiteral("other@example.com"), QStringLiteral("password1"), "203.0.113.51").status, 201);
    }

    void theClientIsTheRightMostAddressThatIsNotATrustedProxy()
    {
        const QStringList proxies{QStringLiteral("127.0.0.1/32"), QStringLiteral("10.0.0.0/8")};
        const QHostAddress loopback(QStringLiteral("127.0.0.1"));
        auto client = [&](const QHostAddress &peer, const QByteArray &xff, const QStringList &trusted) {
            return clientAddress(peer, xff, trusted).toString();
        };
        QCOMPARE(client(loopback, "203.0.113.7", proxies), QStringLiteral("203.0.113.7"));
        QCOMPARE(client(loopback, "1.1.1.1, 203.0.113.7", proxies), QStringLiteral("203.0.113.7"));
        QCOMPARE(client(loopback, "1.1.1.1, 203.0.113.7, 10.1.2.3", proxies), QStringLiteral("203.0.113.7"));
        QCOMPARE(client(loopback, "203.0.113.7:5555", proxies), QStringLiteral("203.0.113.7"));
        QCOMPARE(client(loopback, "[2001:db8::7]:443", proxies), QStringLiteral("2001:db8::7"));
        QCOMPARE(client(QHostAddress(QStringLiteral("::ffff:127.0.0.1")), "203.0.113.7", proxies), QStringLiteral("203.0.113.7"));
        // Garbage stops the walk at the last trusted hop; only proxies: the left-most.
        QCOMPARE(client(loopback, "203.0.113.7, bogus", proxies), QStringLiteral("127.0.0.1"));
        QCOMPARE(client(loopback, "10.0.0.1, 10.0.0.2", proxies), QStringLiteral("10.0.0.1"));
        // Not from a trusted proxy, or none configured: the header is ignored.
        QCOMPARE(client(QHostAddress(QStringLiteral("198.51.100.1")), "203.0.113.7", proxies), QStringLiteral("198.51.100.1"));
        QCOMPARE(client(loopback, "203.0.113.7", {}), QStringLiteral("127.0.0.1"));
        QCOMPARE(client(loopback, {}, proxies), QStringLiteral("127.0.0.1"));
    }

    void trustedProxiesAreReadAsAddressRanges()
    {
        ConfigLoader loader;
        loader.setEnvironment(QProcessEnvironment());
        loader.setOverride(QStringLiteral("TRUSTED_PROXIES"), QStringLiteral("127.0.0.1/32, 10.0.0.0/8 ,::1, 192.168.1.7"));
        auto c = loader.load();
        QVERIFY2(c, qPrintable(c ? QString() : c.error().message));
        QCOMPARE(c->trustedProxies, (QStringList{QStringLiteral("127.0.0.1/32"), QStringLiteral("10.0.0.0/8"),
                                                 QStringLiteral("::1/128"), QStringLiteral("192.168.1.7/32")}));
        loader.setOverride(QStringLiteral("TRUSTED_PROXIES"), QStringLiteral("127.0.0.1/32, proxy.example"));
        auto bad = loader.load();
        QVERIFY(!bad);
        QVERIFY(bad.error().message.startsWith(QStringLiteral("TRUSTED_PROXIES")));
    }

    void theHashingQueueRefusesWhenFull()
    {
        PasswordHasher hasher(2);
        QObject context;
        int answered = 0;
        auto count = [&answered](PasswordHasher::Verdict) { ++answered; };
        // argon2id takes tens of milliseconds: both jobs are still queued at the third call.
        QVERIFY(hasher.verify(QString(), "guess-1", &context, count));
        QVERIFY(hasher.verify(QString(), "guess-2", &context, count));
        QVERIFY(!hasher.verify(QString(), "guess-3", &context, count));
        QVERIFY(!hasher.hash("password", &context, [](Result<QString>) {}));
        QTRY_COMPARE_WITH_TIMEOUT(answered, 2, kAnswerDeadlineMs);
        QCOMPARE(hasher.pending(), 0);
        QVERIFY(hasher.verify(QString(), "guess-4", &context, count)); // room again
        QTRY_COMPARE_WITH_TIMEOUT(answered, 3, kAnswerDeadlineMs);
        QCOMPARE(hasher.dummyVerifications(), 3);
    }
};

QTEST_GUILESS_MAIN(TstAuthLimits)
#include "tst_authlimits.moc"
