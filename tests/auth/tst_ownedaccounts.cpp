// Accounts a desktop's owner makes for other people: made with a name and a
// password, listed for their owner only, signed in to by name, held to the
// custom-endpoint limits of any account but the owner's, and removed with
// their sessions ended at once.
#include "auth/authservice.h"
#include "auth/ownedaccounts.h"
#include "backend.h"
#include "db/userrepository.h"
#include "keys/keyservice.h"
#include "support/httptestclient.h"

#include <QTest>

#include <optional>

using namespace teehee;

namespace {
const QString kPassword = QStringLiteral("a good password");

QByteArray signUp(const HttpTestClient &c, const QString &email)
{
    return c.post(QStringLiteral("/auth/signup"), {{QStringLiteral("email"), email}, {QStringLiteral("password"), kPassword}})
        .object().value(QStringLiteral("access_token")).toString().toLatin1();
}

HttpTestResponse signIn(const HttpTestClient &c, const QString &name, const QString &password)
{
    return c.post(QStringLiteral("/auth/signin"), {{QStringLiteral("email"), name}, {QStringLiteral("password"), password}});
}
}

class TstOwnedAccounts : public QObject {
    Q_OBJECT

    Result<OwnedAccountRecord> create(TestApiServer &s, const QString &ownerId, const QString &name, const QString &password)
    {
        std::optional<Result<OwnedAccountRecord>> made;
        OwnedAccounts(s.backend().database(), s.backend().auth()).create(ownerId, name, password, this,
            [&made](Result<OwnedAccountRecord> r) { made = std::move(r); });
        if (!QTest::qWaitFor([&] { return made.has_value(); }, 10000))
            return Error::internal(QStringLiteral("no answer"));
        return *made;
    }

private Q_SLOTS:
    void theOwnerMakesListsAndRemovesAccountsForOtherPeople()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        auto c = s.client();
        const QByteArray ownerToken = signUp(c, QStringLiteral("owner@example.com"));
        const QString ownerId = c.get(QStringLiteral("/auth/session"), ownerToken).object().value(QStringLiteral("id")).toString();
        const QByteArray otherToken = signUp(c, QStringLiteral("other@example.com"));
        const QString otherId = c.get(QStringLiteral("/auth/session"), otherToken).object().value(QStringLiteral("id")).toString();
        s.backend().keys().trustWithPrivateEndpoints(ownerId); // as the desktop does for its owner
        OwnedAccounts accounts(s.backend().database(), s.backend().auth());

        auto made = create(s, ownerId, QStringLiteral("  Grandma Rose "), kPassword);
        QVERIFY2(made, made ? "" : qPrintable(made.error().message));
        QCOMPARE(made->name, QStringLiteral("Grandma Rose"));
        QCOMPARE(accounts.list(ownerId).value().size(), 1);
        QCOMPARE(accounts.list(ownerId).value().constFirst().userId, made->userId);
        QCOMPARE(accounts.list(otherId).value().size(), 0); // only their owner sees them

        // They sign in with the name, in any case, and only with their password.
        QCOMPARE(signIn(c, QStringLiteral("other name"), kPassword).status, 401);
        QCOMPARE(signIn(c, QStringLiteral("grandma rose"), QStringLiteral("wrong password")).status, 401);
        const auto signedIn = signIn(c, QStringLiteral("GRANDMA ROSE"), kPassword);
        QCOMPARE(signedIn.status, 200);
        const QByteArray token = signedIn.object().value(QStringLiteral("access_token")).toString().toLatin1();
        QCOMPARE(c.get(QStringLiteral("/auth/session"), token).object().value(QStringLiteral("id")).toString(), made->userId);

        // A guest: no custom endpoint on this machine or the private network.
        for (const QString &url : {QStringLiteral("http://127.0.0.1:11434/v1"), QStringLiteral("http://192.168.1.5:1234/v1")}) {
            const auto added = c.post(QStringLiteral("/user/keys"),
                {{QStringLiteral("provider_name"), QStringLiteral("custom")}, {QStringLiteral("label"), QStringLiteral("x")},
                 {QStringLiteral("base_url"), url}, {QStringLiteral("api_key"), QStringLiteral("k")}}, token);
            QVERIFY2(added.status == 403 || added.status == 422, added.body.constData());
        }

        // Names are unique in any case; bad names and short passwords are refused before hashing.
        auto taken = create(s, ownerId, QStringLiteral("grandma ROSE"), kPassword);
        QVERIFY(!taken);
        QCOMPARE(taken.error().code, ErrorCode::Conflict);
        QCOMPARE(create(s, ownerId, QStringLiteral("owner@example.com"), kPassword).error().code, ErrorCode::InvalidInput);
        QCOMPARE(create(s, ownerId, QStringLiteral("   "), kPassword).error().code, ErrorCode::InvalidInput);
        QCOMPARE(create(s, ownerId, QString(65, u'n'), kPassword).error().code, ErrorCode::InvalidInput);
        QCOMPARE(create(s, ownerId, QStringLiteral("Tom"), QStringLiteral("short")).error().code, ErrorCode::InvalidInput);
        QCOMPARE(accounts.list(ownerId).value().size(), 1);

        // Another owner cannot remove it; its owner can, and its sessions end.
        QCOMPARE(accounts.remove(otherId, made->userId).error().code, ErrorCode::NotFound);
        QCOMPARE(c.get(QStringLiteral("/auth/session"), token).status, 200);
        QVERIFY(accounts.remove(ownerId, made->userId));
        QCOMPARE(c.get(QStringLiteral("/auth/session"), token).status, 401);
        QCOMPARE(signIn(c, QStringLiteral("grandma rose"), kPassword).status, 401);
        QCOMPARE(accounts.list(ownerId).value().size(), 0);
        QCOMPARE(UserRepository(s.backend().database()).findById(made->userId).error().code, ErrorCode::NotFound);
        QCOMPARE(accounts.remove(ownerId, made->userId).error().code, ErrorCode::NotFound);
        // The owner's own account is untouched.
        QCOMPARE(c.get(QStringLiteral("/auth/session"), ownerToken).status, 200);
    }
};

QTEST_GUILESS_MAIN(TstOwnedAccounts)
#include "tst_ownedaccounts.moc"
