// A stored key is bound to its row: owner, key id, provider and base URL are
// the AEAD's associated data. A ciphertext copied to another row or account,
// or a base_url changed in the database (which would send the key elsewhere),
// no longer decrypts and is reported as an unreadable key. Rows of the first
// form (bound to the owner only) are upgraded, at start-up and on read.
// SQLite and PostgreSQL.
#include "auth/authservice.h"
#include "backend.h"
#include "db/userrepository.h"
#include "db/keyrepository.h"
#include "db/sqlquery.h"
#include "keys/keycipher.h"
#include "keys/keyservice.h"
#include "support/httptestclient.h"
#include "support/testenv.h"

#include <QTest>

using namespace teehee;

namespace {

const QString kSecret = QStringLiteral("sk-proj-THISISTHESECRETKEY1234abcd");

QString newUser(Backend &b, const QString &email)
{
    UserRecord u;
    u.email = email;
    auto created = UserRepository(b.database()).create(u);
    return created ? created->id : QString();
}

QString storedCipher(Backend &b, const QString &keyId)
{
    auto db = b.database().connection();
    SqlQuery q(db.value(), QStringLiteral("SELECT encrypted_api_key FROM provider_keys WHERE id = :id"));
    q.bind(QStringLiteral(":id"), keyId);
    if (!q.exec() || !q.next())
        return {};
    return sqlvalue::text(q.value(0));
}

bool setColumn(Backend &b, const QString &keyId, const QString &column, const QString &value)
{
    auto db = b.database().connection();
    SqlQuery q(db.value(), QStringLiteral("UPDATE provider_keys SET %1 = :v WHERE id = :id").arg(column));
    q.bind(QStringLiteral(":v"), value).bind(QStringLiteral(":id"), keyId);
    return bool(q.exec()) && q.rowsAffected() == 1;
}

void expectUnreadable(KeyService &keys, const QString &userId, const QString &provider)
{
    auto r = keys.resolve(userId, provider);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Conflict);
    QVERIFY(r.error().message.contains(QStringLiteral("cannot be read")));
    QVERIFY(!r.error().message.contains(kSecret));
}

} // namespace

class TstKeyBinding : public QObject {
    Q_OBJECT

    std::unique_ptr<TestApiServer> s;
    QString alice, bob;

    KeyService &keys() { return s->backend().keys(); }
    QString add(const QString &user, const QString &provider, const QString &key, const QString &url = {},
                const QString &label = {})
    {
        auto r = keys().add(user, provider, key, url, label);
        if (!r)
            qWarning() << r.error().message;
        return r ? r->id : QString();
    }

private Q_SLOTS:
    void init()
    {
        s = std::make_unique<TestApiServer>([](Config &c) { c.allowPrivateEndpoints = true; });
        QVERIFY2(s->isValid(), qPrintable(s->error()));
        alice = newUser(s->backend(), QStringLiteral("alice@example.com"));
        bob = newUser(s->backend(), QStringLiteral("bob@example.com"));
        QVERIFY(!alice.isEmpty() && !bob.isEmpty());
    }
    void cleanup() { s.reset(); }

    void newKeysAreStoredInTheBoundForm()
    {
        const QString id = add(alice, QStringLiteral("openai"), kSecret);
        QVERIFY(storedCipher(s->backend(), id).startsWith(u"v2:"));
        QCOMPARE(keys().resolveKey(alice, QStringLiteral("openai")).value(), kSecret);
    }

    void aCiphertextMovedToAnotherRowOfTheSameUserDoesNotDecrypt()
    {
        const QString openai = add(alice, QStringLiteral("openai"), kSecret);
        const QString mistral = add(alice, QStringLiteral("mistral"), QStringLiteral("mistral-key-1234567890"));
        QVERIFY(setColumn(s->backend(), mistral, QStringLiteral("encrypted_api_key"), storedCipher(s->backend(), openai)));
        expectUnreadable(keys(), alice, QStringLiteral("mistral"));
        QCOMPARE(keys().resolveKey(alice, QStringLiteral("openai")).value(), kSecret); // the original still reads
    }

    void aCiphertextMovedToAnotherUserDoesNotDecrypt()
    {
        const QString mine = add(alice, QStringLiteral("openai"), kSecret);
        const QString theirs = add(bob, QStringLiteral("openai"), QStringLiteral("sk-bob-0123456789abcdef"));
        QVERIFY(setColumn(s->backend(), theirs, QStringLiteral("encrypted_api_key"), storedCipher(s->backend(), mine)));
        expectUnreadable(keys(), bob, QStringLiteral("openai"));
    }

    void aRowMovedToAnotherUserDoesNotDecrypt()
    {
        const QString mine = add(alice, QStringLiteral("anthropic"), kSecret);
        QVERIFY(setColumn(s->backend(), mine, QStringLiteral("user_id"), bob));
        expectUnreadable(keys(), bob, QStringLiteral("anthropic"));
    }

    void aProviderChangedInTheDatabaseDoesNotDecrypt()
    {
        const QString id = add(alice, QStringLiteral("openai"), kSecret);
        QVERIFY(setColumn(s->backend(), id, QStringLiteral("provider_name"), QStringLiteral("mistral")));
        expectUnreadable(keys(), alice, QStringLiteral("mistral"));
    }

    void aBaseUrlChangedInTheDatabaseDoesNotDecrypt()
    {
        const QString id = add(alice, QStringLiteral("custom"), kSecret, QStringLiteral("https://llm.example.com/v1"),
                               QStringLiteral("mine"));
        QCOMPARE(keys().resolve(alice, QStringLiteral("custom:mine"))->apiKey, kSecret);
        QVERIFY(setColumn(s->backend(), id, QStringLiteral("base_url"), QStringLiteral("https://attacker.example/v1")));
        expectUnreadable(keys(), alice, QStringLiteral("custom:mine"));
    }

    void aFirstFormRowIsUpgradedOnRead()
    {
        // Written exactly as before: owner-only associated data, "v1:".
        KeyCipher cipher(s->backend().config().encryptionKey);
        KeyRecord k;
        k.userId = alice;
        k.providerName = QStringLiteral("custom");
        k.baseUrl = QStringLiteral("http://127.0.0.1:11434/v1");
        k.label = QStringLiteral("old");
        k.hint = KeyCipher::hint(kSecret);
        k.encryptedApiKey = cipher.encryptV1(kSecret, alice).value();
        auto created = KeyRepository(s->backend().database()).create(k);
        QVERIFY(created);
        auto read = keys().resolve(alice, QStringLiteral("custom:old"));
        QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
        QCOMPARE(read->apiKey, kSecret);
        const QString upgraded = storedCipher(s->backend(), created->id);
        QVERIFY(upgraded.startsWith(u"v2:"));
        QCOMPARE(cipher.decrypt(upgraded, {alice, created->id, k.providerName, k.baseUrl}).value(), kSecret);
        // From now on bound to the row: a changed base_url no longer reads.
        QVERIFY(setColumn(s->backend(), created->id, QStringLiteral("base_url"), QStringLiteral("http://10.9.9.9/v1")));
        expectUnreadable(keys(), alice, QStringLiteral("custom:old"));
    }

    void firstFormRowsAreUpgradedAtStartUpOnce()
    {
        KeyCipher cipher(s->backend().config().encryptionKey);
        QStringList ids;
        for (const QString &user : {alice, bob}) {
            KeyRecord k;
            k.userId = user;
            k.providerName = QStringLiteral("openai");
            k.hint = KeyCipher::hint(kSecret);
            k.encryptedApiKey = cipher.encryptV1(kSecret + user.left(4), user).value();
            auto created = KeyRepository(s->backend().database()).create(k);
            QVERIFY(created);
            ids << created->id;
        }
        // One that does not decrypt (another ENCRYPTION_KEY) is left as it is, not lost.
        KeyRecord broken;
        broken.userId = bob;
        broken.providerName = QStringLiteral("mistral");
        broken.encryptedApiKey = KeyCipher("another key").encryptV1(kSecret, bob).value();
        QVERIFY(KeyRepository(s->backend().database()).create(broken));

        QCOMPARE(keys().upgradeStoredKeys().value(), 2);
        for (const QString &id : std::as_const(ids))
            QVERIFY(storedCipher(s->backend(), id).startsWith(u"v2:"));
        QCOMPARE(keys().upgradeStoredKeys().value(), 0); // idempotent
        QCOMPARE(keys().resolveKey(alice, QStringLiteral("openai")).value(), kSecret + alice.left(4));
        QCOMPARE(keys().resolveKey(bob, QStringLiteral("openai")).value(), kSecret + bob.left(4));
        expectUnreadable(keys(), bob, QStringLiteral("mistral"));
    }

    void anUnreadableKeyIsAnAnswerNotACrash()
    {
        const QString id = add(alice, QStringLiteral("openai"), kSecret);
        QVERIFY(setColumn(s->backend(), id, QStringLiteral("encrypted_api_key"), QStringLiteral("v2:not base64 at all")));
        expectUnreadable(keys(), alice, QStringLiteral("openai"));
        // Still listed (masked) and deletable.
        const QByteArray token = s->backend().auth().tokens().issue(alice, QStringLiteral("alice@example.com"));
        QCOMPARE(s->client().get(QStringLiteral("/user/keys"), token).array().size(), 1);
        QCOMPARE(s->client().del(QStringLiteral("/user/keys/") + id, token).status, 200);
    }
};

QTEST_GUILESS_MAIN(TstKeyBinding)
#include "tst_keybinding.moc"
