// Provider keys: encryption at rest, masking, the /user/keys contract, resolution.
#include "api/httpserver.h"
#include "backend.h"
#include "db/keyrepository.h"
#include "db/ownedaccountrepository.h"
#include "keys/keycipher.h"
#include "keys/keyservice.h"
#include "support/httptestclient.h"

#include <QTest>

using namespace teehee;

namespace {
const QString kSecret = QStringLiteral("sk-proj-THISISTHESECRETKEY1234abcd");

QByteArray signUp(const HttpTestClient &c, const QString &email)
{
    return c.post(QStringLiteral("/auth/signup"), {{QStringLiteral("email"), email}, {QStringLiteral("password"), QStringLiteral("password1")}})
        .object().value(QStringLiteral("access_token")).toString().toLatin1();
}
QJsonObject keyBody(const QString &provider, const QString &key)
{
    return {{QStringLiteral("provider_name"), provider}, {QStringLiteral("api_key"), key}};
}
}

class TstKeys : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void encryptionRoundTripsAndIsBoundToTheUser()
    {
        KeyCipher cipher("an encryption key");
        const KeyBinding a{QStringLiteral("user-a"), QStringLiteral("key-1"), QStringLiteral("openai"), {}};
        auto enc = cipher.encrypt(kSecret, a);
        QVERIFY(enc);
        QVERIFY(!enc->contains(kSecret));
        QVERIFY(enc->startsWith(u"v2:"));
        QCOMPARE(cipher.decrypt(enc.value(), a).value(), kSecret);
        QVERIFY(cipher.encrypt(kSecret, a).value() != enc.value()); // fresh nonce
        KeyBinding otherUser = a;
        otherUser.userId = QStringLiteral("user-b");
        QVERIFY(!cipher.decrypt(enc.value(), otherUser));
        QVERIFY(!KeyCipher("another key").decrypt(enc.value(), a));
    }

    void tamperedCiphertextIsRejected()
    {
        KeyCipher cipher("an encryption key");
        const KeyBinding u{QStringLiteral("u"), QStringLiteral("k"), QStringLiteral("openai"), {}};
        const QString enc = cipher.encrypt(kSecret, u).value();
        QByteArray raw = QByteArray::fromBase64(enc.mid(3).toLatin1());
        raw[raw.size() - 5] = char(raw[raw.size() - 5] ^ 0x01);
        const QString tampered = QStringLiteral("v2:") + QString::fromLatin1(raw.toBase64());
        auto r = cipher.decrypt(tampered, u);
        QVERIFY(!r);
        QVERIFY(!r.error().message.contains(kSecret));
        QVERIFY(!cipher.decrypt(QStringLiteral("v2:AAAA"), u));
        QVERIFY(!cipher.decrypt(kSecret, u));
        // The first form is not taken for the current one.
        QVERIFY(!cipher.decrypt(cipher.encryptV1(kSecret, QStringLiteral("u")).value(), u));
    }

    void hintIsMasked()
    {
        QCOMPARE(KeyCipher::hint(kSecret), QStringLiteral("sk-…abcd"));
        QVERIFY(!KeyCipher::hint(QStringLiteral("short")).contains(QStringLiteral("short")));
        QCOMPARE(KeyCipher::hint(QStringLiteral("abcdefghij")), QStringLiteral("…ij"));
    }

    void keysAreAddedListedAndDeletedWithoutEverShowingTheKey()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        auto c = s.client();
        const QByteArray token = signUp(c, QStringLiteral("k@example.com"));
        const auto created = c.post(QStringLiteral("/user/keys/"), keyBody(QStringLiteral("openai"), kSecret), token);
        QCOMPARE(created.status, 201);
        const auto o = created.object();
        QCOMPARE(o.value(QStringLiteral("provider_name")).toString(), QStringLiteral("openai"));
        QCOMPARE(o.value(QStringLiteral("hint")).toString(), QStringLiteral("sk-…abcd"));
        QVERIFY(o.contains(QStringLiteral("id")) && o.contains(QStringLiteral("user_id")) && o.contains(QStringLiteral("created_at")));
        QVERIFY(!created.body.contains(kSecret.toLatin1()));

        const auto list = c.get(QStringLiteral("/user/keys"), token);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.array().size(), 1);
        QVERIFY(!list.body.contains(kSecret.toLatin1()));
        QVERIFY(!list.body.contains("encrypted"));

        // Stored encrypted.
        auto stored = KeyRepository(s.backend().database()).get(o.value(QStringLiteral("user_id")).toString(), o.value(QStringLiteral("id")).toString());
        QVERIFY(stored);
        QVERIFY(!stored->encryptedApiKey.contains(kSecret));

        const auto del = c.del(QStringLiteral("/user/keys/") + o.value(QStringLiteral("id")).toString(), token);
        QCOMPARE(del.status, 200);
        QVERIFY(!del.object().value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(c.get(QStringLiteral("/user/keys"), token).array().size(), 0);
    }

    void secondKeyForTheSameProviderIs409()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const QByteArray token = signUp(s.client(), QStringLiteral("d@example.com"));
        QCOMPARE(s.client().post(QStringLiteral("/user/keys"), keyBody(QStringLiteral("anthropic"), QStringLiteral("sk-ant-1234567890abcdef")), token).status, 201);
        QCOMPARE(s.client().post(QStringLiteral("/user/keys"), keyBody(QStringLiteral("anthropic"), QStringLiteral("sk-ant-other7890abcdef")), token).status, 409);
    }

    void unknownProviderOrEmptyKeyIs422()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const QByteArray token = signUp(s.client(), QStringLiteral("v@example.com"));
        const auto unknown = s.client().post(QStringLiteral("/user/keys"), keyBody(QStringLiteral("skynet"), QStringLiteral("abcdefgh12345678")), token);
        QCOMPARE(unknown.status, 422);
        QVERIFY(unknown.detail().startsWith(QStringLiteral("provider_name")));
        const auto empty = s.client().post(QStringLiteral("/user/keys"), keyBody(QStringLiteral("openai"), QStringLiteral("  ")), token);
        QCOMPARE(empty.status, 422);
        QVERIFY(empty.detail().startsWith(QStringLiteral("api_key")));
        QCOMPARE(s.client().post(QStringLiteral("/user/keys"), QJsonObject{}, token).status, 422);
    }

    void anotherUsersKeyIs404()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const QByteArray alice = signUp(s.client(), QStringLiteral("alice@example.com"));
        const QByteArray bob = signUp(s.client(), QStringLiteral("bob@example.com"));
        const QString id = s.client().post(QStringLiteral("/user/keys"), keyBody(QStringLiteral("mistral"), QStringLiteral("mistral-key-1234567890")), alice)
                               .object().value(QStringLiteral("id")).toString();
        QCOMPARE(s.client().del(QStringLiteral("/user/keys/") + id, bob).status, 404);
        QCOMPARE(s.client().get(QStringLiteral("/user/keys"), bob).array().size(), 0);
        QCOMPARE(s.client().del(QStringLiteral("/user/keys/0f8fad5b-d9cb-469f-a165-70867728950e"), alice).status, 404);
        QCOMPARE(s.client().get(QStringLiteral("/user/keys"), alice).array().size(), 1);
    }

    void customEndpointNeedsABaseUrl()
    {
        TestApiServer s([](Config &c) { c.allowedEndpointHosts = {QStringLiteral("127.0.0.1")}; });
        TEEHEE_REQUIRE_SERVER(s);
        const QByteArray token = signUp(s.client(), QStringLiteral("c@example.com"));
        auto body = keyBody(QStringLiteral("custom"), QStringLiteral("local-key-1234567890"));
        QCOMPARE(s.client().post(QStringLiteral("/user/keys"), body, token).status, 422);
        body.insert(QStringLiteral("base_url"), QStringLiteral("http://127.0.0.1:11434/v1"));
        body.insert(QStringLiteral("label"), QStringLiteral("ollama"));
        const auto r = s.client().post(QStringLiteral("/user/keys"), body, token);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value(QStringLiteral("base_url")).toString(), QStringLiteral("http://127.0.0.1:11434/v1"));
        QCOMPARE(r.object().value(QStringLiteral("label")).toString(), QStringLiteral("ollama"));
    }

    void resolveKeyPrefersTheUsersKeyThenTheServerKey()
    {
        TestApiServer s([](Config &c) { c.anthropicApiKey = QStringLiteral("server-anthropic-key"); });
        TEEHEE_REQUIRE_SERVER(s);
        const QByteArray token = signUp(s.client(), QStringLiteral("r@example.com"));
        const QString userId = s.client().get(QStringLiteral("/auth/session"), token).object().value(QStringLiteral("id")).toString();
        QCOMPARE(s.client().post(QStringLiteral("/user/keys"), keyBody(QStringLiteral("openai"), kSecret), token).status, 201);
        KeyService &keys = s.backend().keys();
        QCOMPARE(keys.resolveKey(userId, QStringLiteral("openai")).value(), kSecret);
        QCOMPARE(keys.resolveKey(userId, QStringLiteral("anthropic")).value(), QStringLiteral("server-anthropic-key"));
        auto none = keys.resolveKey(userId, QStringLiteral("mistral"));
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::NotFound);
        QVERIFY(none.error().message.contains(QStringLiteral("MISTRAL_API_KEY")));
    }

    void theOwnersKeyIsSharedPerProviderWithoutShowingIt()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        auto c = s.client();
        const QByteArray ownerToken = signUp(c, QStringLiteral("owner@example.com"));
        const QByteArray guestToken = signUp(c, QStringLiteral("guest@example.com"));
        const QString ownerId = c.get(QStringLiteral("/auth/session"), ownerToken).object().value(QStringLiteral("id")).toString();
        const QString guestId = c.get(QStringLiteral("/auth/session"), guestToken).object().value(QStringLiteral("id")).toString();
        QCOMPARE(c.post(QStringLiteral("/user/keys"), keyBody(QStringLiteral("openai"), kSecret), ownerToken).status, 201);
        QCOMPARE(c.post(QStringLiteral("/user/keys"), keyBody(QStringLiteral("anthropic"), kSecret + QStringLiteral("A")), ownerToken).status, 201);
        KeyService &keys = s.backend().keys();
        keys.setKeyOwner(ownerId);
        // Someone who signed up on their own never gets the owner's key, shared or not.
        const QByteArray strangerToken = signUp(c, QStringLiteral("stranger@example.com"));
        const QString strangerId = c.get(QStringLiteral("/auth/session"), strangerToken).object().value(QStringLiteral("id")).toString();
        // The guest is one the owner made an account for.
        QVERIFY(OwnedAccountRepository(s.backend().database())
                    .add({guestId, ownerId, QStringLiteral("Guest"), QDateTime::currentDateTimeUtc()}));

        // Not shared by default.
        QCOMPARE(keys.sharedProviders(ownerId).value(), QStringList());
        auto none = keys.resolve(guestId, QStringLiteral("openai"));
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::NotFound);

        QVERIFY(keys.setKeyShared(ownerId, QStringLiteral("openai"), true));
        QVERIFY(keys.setKeyShared(ownerId, QStringLiteral("OpenAI"), true)); // twice is fine
        QCOMPARE(keys.sharedProviders(ownerId).value(), QStringList{QStringLiteral("openai")});
        auto shared = keys.resolve(guestId, QStringLiteral("openai"));
        QVERIFY(shared);
        QCOMPARE(shared->apiKey, kSecret);
        QVERIFY(shared->keyId.isEmpty()); // the owner's row is not named to the guest
        QCOMPARE(keys.resolve(strangerId, QStringLiteral("openai")).error().code, ErrorCode::NotFound);
        // Per provider: anthropic stays the owner's alone.
        QVERIFY(!keys.resolve(guestId, QStringLiteral("anthropic")));
        // The owner's own resolution is unchanged.
        QCOMPARE(keys.resolveKey(ownerId, QStringLiteral("anthropic")).value(), kSecret + QStringLiteral("A"));

        // The guest's key list shows neither the key nor its hint.
        const auto listed = c.get(QStringLiteral("/user/keys"), guestToken);
        QCOMPARE(listed.status, 200);
        QVERIFY(listed.body.contains("[]"));
        QVERIFY(!listed.body.contains("abcd"));
        QVERIFY(!listed.body.contains(kSecret.toUtf8()));

        // A key of their own comes first.
        QCOMPARE(c.post(QStringLiteral("/user/keys"), keyBody(QStringLiteral("openai"), QStringLiteral("sk-guest-own-key-9999")), guestToken).status, 201);
        QCOMPARE(keys.resolveKey(guestId, QStringLiteral("openai")).value(), QStringLiteral("sk-guest-own-key-9999"));

        // Unsharing takes it back at once; the choice outlives a replaced key.
        QVERIFY(keys.setKeyShared(ownerId, QStringLiteral("anthropic"), true));
        QVERIFY(keys.replace(ownerId, QStringLiteral("anthropic"), QStringLiteral("sk-ant-new-key-7777")));
        QCOMPARE(keys.resolveKey(guestId, QStringLiteral("anthropic")).value(), QStringLiteral("sk-ant-new-key-7777"));
        QVERIFY(keys.setKeyShared(ownerId, QStringLiteral("anthropic"), false));
        QVERIFY(!keys.resolve(guestId, QStringLiteral("anthropic")));
        QCOMPARE(keys.sharedProviders(ownerId).value(), QStringList{QStringLiteral("openai")});

        // Custom endpoints are the owner's own network: never shared.
        auto custom = keys.setKeyShared(ownerId, QStringLiteral("custom"), true);
        QVERIFY(!custom);
        QCOMPARE(custom.error().code, ErrorCode::InvalidInput);
        // Without an owner, nothing is shared.
        QVERIFY(OwnedAccountRepository(s.backend().database())
                    .add({strangerId, ownerId, QStringLiteral("Stranger"), QDateTime::currentDateTimeUtc()}));
        QCOMPARE(keys.resolveKey(strangerId, QStringLiteral("openai")).value(), kSecret);
        keys.setKeyOwner(QString());
        QCOMPARE(keys.resolveKey(strangerId, QStringLiteral("openai")).error().code, ErrorCode::NotFound);
    }

    void keysNeedAToken()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const auto r = s.client().get(QStringLiteral("/user/keys"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.header("www-authenticate"), QByteArray("Bearer"));
    }
};

QTEST_GUILESS_MAIN(TstKeys)
#include "tst_keys.moc"
