// The sign-in and pairing limits of servers that share one database: two
// complete backends on one PostgreSQL database stand for two servers behind
// a round-robin proxy, and attempts spread over both reach each limit
// together (auth/sharedattemptstore.h, migration 14). On SQLite one server
// owns the file and counts in memory, as before: the same sequences run on
// that one server, and no table is made. Keys are stored only as keyed
// hashes, and a store that cannot count refuses.
#include "auth/attemptstores.h"
#include "auth/authservice.h"
#include "auth/pairingservice.h"
#include "auth/ratelimiter.h"
#include "auth/sharedattemptstore.h"
#include "backend.h"
#include "db/database.h"
#include "db/migrations.h"
#include "support/testenv.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace teehee;

namespace {
// How long a test waits for a hashed answer before it fails: a deadline, not a speed claim.
constexpr int kAnswerDeadlineMs = 120'000;
const QString kAttacker = QStringLiteral("203.0.113.7");
const QString kOwnerAddress = QStringLiteral("198.51.100.20");
const QString kOwner = QStringLiteral("owner@example.com");
const QString kPassword = QStringLiteral("owner-password");

struct Answer {
    bool ok = false;
    ErrorCode code = ErrorCode::Internal;
    int retryAfter = 0;
};

Answer await(const std::function<void(AuthService::TokenCallback)> &call)
{
    std::optional<Answer> answer;
    call([&answer](Result<QString> token, int retryAfter) {
        answer = Answer{bool(token), token ? ErrorCode::Internal : token.error().code, retryAfter};
    });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, kAnswerDeadlineMs))
        return Answer{false, ErrorCode::Internal, -1};
    return *answer;
}

Answer signIn(Backend &server, const QString &email, const QString &password, const QString &address)
{
    return await([&](AuthService::TokenCallback done) { server.auth().signIn(email, password, address, QStringLiteral("Test"), done); });
}

// The warnings of teehee.auth while one lives (then handed on as usual).
class AuthWarnings {
public:
    AuthWarnings() { s_previous = qInstallMessageHandler(&AuthWarnings::handle); s_lines.clear(); }
    ~AuthWarnings() { qInstallMessageHandler(s_previous); }
    static QStringList lines() { return s_lines; }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (type == QtWarningMsg && qstrcmp(context.category, "teehee.auth") == 0)
            s_lines << message;
        s_previous(type, context, message);
    }
    static inline QtMessageHandler s_previous = nullptr;
    static inline QStringList s_lines;
};

bool tableExists(Database &db)
{
    QSqlQuery q(db.connection().value());
    return q.exec(QStringLiteral("SELECT count(*) FROM auth_attempts"));
}
} // namespace

class TstSharedLimits : public QObject {
    Q_OBJECT

    std::unique_ptr<TestDatabase> db;
    QTemporaryDir dirA, dirB;
    std::unique_ptr<Backend> a, b;

    // The servers the attempts are spread over: both on PostgreSQL, the one owner of the file on SQLite.
    QList<Backend *> servers() const
    {
        if (db->isPostgres())
            return {a.get(), b.get()};
        return {a.get()};
    }
    Backend &server(int i) const { return *servers().at(i % servers().size()); }

private Q_SLOTS:
    void init()
    {
        db = std::make_unique<TestDatabase>();
        TEEHEE_REQUIRE_DB(*db);
        a = std::make_unique<Backend>(testConfig(*db, dirA.path()));
        QVERIFY2(a->startWithConfig(), "server A");
        b = std::make_unique<Backend>(testConfig(*db, dirB.path()));
        QVERIFY2(b->startWithConfig(), "server B");
        QVERIFY(await([&](AuthService::TokenCallback done) {
                    a->auth().signUp(kOwner, kPassword, kOwnerAddress, QStringLiteral("Test"), done);
                }).ok);
    }
    void cleanup()
    {
        b.reset();
        a.reset();
        db.reset();
    }

    void theStoreFollowsTheDatabase()
    {
        QCOMPARE(AttemptStores::forDatabase(a->database(), "secret").shared(), db->isPostgres());
        QCOMPARE(tableExists(a->database()), db->isPostgres());
        QCOMPARE(Migrator(a->database()).currentVersion().value(), Migrator::latestVersion());
        QVERIFY(Migrator::latestVersion() >= 14);
    }

    void wrongPasswordsOnEitherServerReachTheAccountsDelayTogether()
    {
        const AuthService::Limits limits;
        const int verifiedBefore = a->auth().hasher().verifications() + b->auth().hasher().verifications();
        for (int i = 0; i < limits.failuresPerEmail; ++i) {
            const Answer wrong = signIn(server(i), kOwner, QStringLiteral("wrong-guess"), kAttacker);
            QCOMPARE(wrong.code, ErrorCode::Unauthorized);
        }
        // The next guess, on the other server, waits the first delay, without a hash.
        const Answer refused = signIn(server(limits.failuresPerEmail), kOwner, QStringLiteral("wrong-guess"), kAttacker);
        QCOMPARE(refused.code, ErrorCode::RateLimited);
        QVERIFY2(refused.retryAfter > limits.accountFirstDelaySeconds - 5 && refused.retryAfter <= limits.accountFirstDelaySeconds,
                 qPrintable(QString::number(refused.retryAfter)));
        QCOMPARE(a->auth().hasher().verifications() + b->auth().hasher().verifications(),
                 verifiedBefore + limits.failuresPerEmail);
        // The owner from a clean address is not held back, on either server.
        QVERIFY(signIn(server(1), kOwner, kPassword, kOwnerAddress).ok);
    }

    void anAddressReachesItsHardLimitOverBothServers()
    {
        AuthService::Limits limits;
        // Each guess at another account, so that only the address's limit counts.
        for (int i = 0; i < limits.failuresPerAddress; ++i) {
            const Answer wrong = signIn(server(i), QStringLiteral("nobody%1@example.com").arg(i), QStringLiteral("wrong-guess"), kAttacker);
            QCOMPARE(wrong.code, ErrorCode::Unauthorized);
        }
        for (int i = 0; i < 2; ++i) {
            const Answer refused = signIn(server(i + 1), kOwner, kPassword, kAttacker);
            QCOMPARE(refused.code, ErrorCode::RateLimited);
            QVERIFY(refused.retryAfter > 0 && refused.retryAfter <= limits.windowSeconds);
        }
    }

    void aSuccessOnOneServerForgivesTheAccountOnTheOther()
    {
        const AuthService::Limits limits;
        for (int i = 0; i < limits.failuresPerEmail - 1; ++i)
            QCOMPARE(signIn(server(0), kOwner, QStringLiteral("wrong-guess"), kAttacker).code, ErrorCode::Unauthorized);
        QVERIFY(signIn(server(1), kOwner, kPassword, kAttacker).ok);
        // The account starts afresh on the server that took the failures too: as many free guesses again.
        for (int i = 0; i < limits.failuresPerEmail; ++i)
            QCOMPARE(signIn(server(0), kOwner, QStringLiteral("wrong-guess"), kAttacker).code, ErrorCode::Unauthorized);
        QCOMPARE(signIn(server(1), kOwner, QStringLiteral("wrong-guess"), kAttacker).code, ErrorCode::RateLimited);
    }

    void pairingTriesFromOneAddressAreCountedOverBothServers()
    {
        const PairingService::Limits limits;
        for (int i = 0; i < limits.redeemsPerAddress; ++i) {
            int wait = 0;
            auto tried = server(i).pairing().redeem(QStringLiteral("0000000000%1").arg(i, 2, 10, QLatin1Char('0')),
                                                    QStringLiteral("Pixel"), kAttacker, &wait);
            QVERIFY(!tried);
            QCOMPARE(tried.error().code, ErrorCode::Unauthorized);
        }
        auto user = a->auth().ensureLocalUser(QString()); // any account may invite
        QVERIFY(user);
        auto invitation = a->pairing().invite(user.value(), QStringLiteral("http://127.0.0.1"));
        QVERIFY(invitation);
        int wait = 0;
        auto limited = server(limits.redeemsPerAddress).pairing().redeem(invitation->code, QStringLiteral("Pixel"), kAttacker, &wait);
        QVERIFY(!limited);
        QCOMPARE(limited.error().code, ErrorCode::RateLimited);
        QVERIFY2(wait > 0 && wait <= limits.redeemWindowSeconds, qPrintable(QString::number(wait)));

        // A good code from another address; its polls are paced over both servers.
        auto redeemed = b->pairing().redeem(invitation->code, QStringLiteral("Pixel"), kOwnerAddress, &wait);
        QVERIFY(redeemed);
        int pollWait = 0;
        QVERIFY(server(0).pairing().poll(redeemed->pairingId, &pollWait));
        auto tooSoon = server(1).pairing().poll(redeemed->pairingId, &pollWait);
        QVERIFY(!tooSoon);
        QCOMPARE(tooSoon.error().code, ErrorCode::RateLimited);
        QCOMPARE(pollWait, 1);
    }

    void keysAreStoredAsKeyedHashesOnly()
    {
        QCOMPARE(signIn(server(0), kOwner, QStringLiteral("wrong-guess"), kAttacker).code, ErrorCode::Unauthorized);
        if (!db->isPostgres()) {
            QVERIFY(!tableExists(a->database())); // counted in memory
            return;
        }
        QSqlQuery q(a->database().connection().value());
        QVERIFY(q.exec(QStringLiteral("SELECT kind, key_hash FROM auth_attempts ORDER BY kind")));
        QStringList kinds;
        while (q.next()) {
            kinds << q.value(0).toString();
            const QString hash = q.value(1).toString();
            QCOMPARE(hash.size(), 64);
            QVERIFY(!hash.contains(QStringLiteral("example")) && !hash.contains(QStringLiteral("203.0")));
        }
        // The sign-up of init() and this sign-in's two limits.
        QCOMPARE(kinds, (QStringList{QStringLiteral("signin-account"), QStringLiteral("signin-address"), QStringLiteral("signup-address")}));
        SharedAttemptStore store(a->database(), QStringLiteral("signin-address"), a->config().secretKey, 60'000, 10);
        QVERIFY(store.keyHash(kAttacker) != SharedAttemptStore(a->database(), QStringLiteral("signin-address"), "another secret", 60'000, 10).keyHash(kAttacker));
        auto found = store.attempts(kAttacker, QDateTime::currentMSecsSinceEpoch());
        QVERIFY(found);
        QCOMPARE(found->size(), 1);
    }

    void aStoreThatCannotCountRefuses()
    {
        // PostgreSQL: the table goes; SQLite never has one.
        if (db->isPostgres()) {
            QSqlQuery q(a->database().connection().value());
            QVERIFY(q.exec(QStringLiteral("DROP TABLE auth_attempts")));
        }
        AuthWarnings warnings;
        SharedAttemptStore store(a->database(), QStringLiteral("signin-address"), "secret", 60'000, 10);
        auto read = store.attempts(kAttacker, 1000);
        QVERIFY(!read);
        QCOMPARE(read.error().code, ErrorCode::Unavailable);
        auto recorded = store.record(kAttacker, 1000);
        QVERIFY(!recorded);
        QCOMPARE(recorded.error().code, ErrorCode::Unavailable);

        // Sign-in through the servers: refused unhashed where the limits are shared, as before in memory.
        const int verifiedBefore = a->auth().hasher().verifications();
        const Answer answer = signIn(*a, kOwner, QStringLiteral("wrong-guess"), kAttacker);
        QCOMPARE(answer.code, db->isPostgres() ? ErrorCode::Unavailable : ErrorCode::Unauthorized);
        QCOMPARE(a->auth().hasher().verifications() - verifiedBefore, db->isPostgres() ? 0 : 1);
        int wait = 0;
        auto tried = a->pairing().redeem(QStringLiteral("000000000000"), QStringLiteral("Pixel"), kAttacker, &wait);
        QVERIFY(!tried);
        QCOMPARE(tried.error().code, db->isPostgres() ? ErrorCode::Unavailable : ErrorCode::Unauthorized);
        // Logged under teehee.auth, without the address or the account.
        const QString logged = AuthWarnings::lines().join(u'\n');
        QVERIFY2(logged.contains(QStringLiteral("cannot read signin-address attempts")), qPrintable(logged));
        QVERIFY(!logged.contains(kAttacker) && !logged.contains(kOwner));
    }

    void oldAttemptsArePruned()
    {
        if (!db->isPostgres()) {
            QVERIFY(!tableExists(a->database()));
            return;
        }
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        SharedAttemptStore store(a->database(), QStringLiteral("test-kind"), "secret", 60'000, 10);
        for (int i = 0; i < 5; ++i)
            QVERIFY(store.record(QStringLiteral("gone-%1").arg(i), now - 10 * 60'000));
        QVERIFY(store.record(QStringLiteral("kept"), now - 1000));
        QVERIFY(store.record(QStringLiteral("busy"), now - 2 * 60'000));
        // A new store sweeps on its first record; the key's own stale rows go too.
        SharedAttemptStore sweeper(a->database(), QStringLiteral("test-kind"), "secret", 60'000, 10);
        QVERIFY(sweeper.record(QStringLiteral("busy"), now));
        QSqlQuery q(a->database().connection().value());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM auth_attempts WHERE kind = 'test-kind'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2); // "kept" and busy's new one
        // release takes back one attempt, reset all of a key's.
        QCOMPARE(store.attempts(QStringLiteral("busy"), now)->size(), 1);
        store.release(QStringLiteral("busy"), now);
        QCOMPARE(store.attempts(QStringLiteral("busy"), now)->size(), 0);
        QVERIFY(store.record(QStringLiteral("kept"), now));
        QCOMPARE(store.attempts(QStringLiteral("kept"), now)->size(), 2);
        store.reset(QStringLiteral("kept"));
        QCOMPARE(store.attempts(QStringLiteral("kept"), now)->size(), 0);
    }
};

QTEST_GUILESS_MAIN(TstSharedLimits)
#include "tst_sharedlimits.moc"
