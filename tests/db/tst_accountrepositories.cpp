// Users, provider keys, revoked tokens and chats as stored, on both databases.
#include "db/chatrepository.h"
#include "db/keyrepository.h"
#include "db/migrations.h"
#include "db/sqlquery.h"
#include "db/userrepository.h"
#include "support/testenv.h"

#include <QTest>
#include <memory>

using namespace teehee;

class TestAccountRepositories : public QObject {
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_tdb;
    std::unique_ptr<Database> m_db;

    UserRecord makeUser(const QString &email)
    {
        auto u = UserRepository(*m_db).create(UserRecord{{}, email, {}, QStringLiteral("hash"), {}});
        [&] { QVERIFY2(u, qPrintable(u ? QString() : u.error().message)); }();
        return u ? u.value() : UserRecord{};
    }

private Q_SLOTS:
    void init()
    {
        m_tdb = std::make_unique<TestDatabase>();
        TEEHEE_REQUIRE_DB(*m_tdb);
        m_db = std::make_unique<Database>(m_tdb->url());
        QVERIFY(m_db->open());
        QVERIFY(Migrator(*m_db).migrate());
    }
    void cleanup()
    {
        m_db.reset();
        m_tdb.reset();
    }

    void usersAreFoundByIdEmailAndSsoId()
    {
        UserRepository users(*m_db);
        const UserRecord u = makeUser(QStringLiteral("Alice@Example.com"));
        QCOMPARE(u.email, QStringLiteral("alice@example.com"));
        QCOMPARE(users.findById(u.id)->email, u.email);
        QCOMPARE(users.findByEmail(QStringLiteral("ALICE@example.COM"))->id, u.id);
        QVERIFY(users.setSsoId(u.id, QStringLiteral("google|123")));
        QCOMPARE(users.findBySsoId(QStringLiteral("google|123"))->id, u.id);
        QVERIFY(users.findById(u.id)->createdAt.isValid());
    }

    void emailsAreUniqueWhateverTheirCase()
    {
        makeUser(QStringLiteral("bob@example.com"));
        auto dup = UserRepository(*m_db).create(UserRecord{{}, QStringLiteral("BOB@example.com"), {}, QStringLiteral("h"), {}});
        QVERIFY(!dup);
        QCOMPARE(dup.error().code, ErrorCode::Conflict);
    }

    void malformedOrMissingIdsAreNotFound()
    {
        UserRepository users(*m_db);
        QCOMPARE(users.findById(QStringLiteral("not-a-uuid")).error().code, ErrorCode::NotFound);
        QCOMPARE(users.findById(newUuid()).error().code, ErrorCode::NotFound);
        QCOMPARE(ChatRepository(*m_db).get(newUuid(), QStringLiteral("'; DROP TABLE users; --")).error().code, ErrorCode::NotFound);
    }

    void keysBelongToTheirUserOnly()
    {
        const UserRecord alice = makeUser(QStringLiteral("a@example.com"));
        const UserRecord eve = makeUser(QStringLiteral("e@example.com"));
        KeyRepository keys(*m_db);
        auto key = keys.create(KeyRecord{{}, alice.id, QStringLiteral("openai"), QStringLiteral("ciphertext"), QStringLiteral("sk-…abcd"), {}, {}, {}});
        QVERIFY(key);
        QCOMPARE(keys.listForUser(alice.id)->size(), 1);
        QCOMPARE(keys.listForUser(eve.id)->size(), 0);
        QCOMPARE(keys.get(eve.id, key->id).error().code, ErrorCode::NotFound);
        QCOMPARE(keys.remove(eve.id, key->id).error().code, ErrorCode::NotFound);
        QCOMPARE(keys.findByProvider(alice.id, QStringLiteral("openai"))->hint, QStringLiteral("sk-…abcd"));
        QVERIFY(keys.remove(alice.id, key->id));
        QCOMPARE(keys.listForUser(alice.id)->size(), 0);
    }

    void deletingAUserTakesTheirKeysAndChats()
    {
        const UserRecord alice = makeUser(QStringLiteral("gone@example.com"));
        QVERIFY(KeyRepository(*m_db).create(KeyRecord{{}, alice.id, QStringLiteral("mistral"), QStringLiteral("c"), {}, {}, {}, {}}));
        QVERIFY(ChatRepository(*m_db).create(ChatRecord{{}, alice.id, QStringLiteral("Chat"), {}, {}, {}, {}, {}}));
        QVERIFY(UserRepository(*m_db).remove(alice.id));
        QCOMPARE(KeyRepository(*m_db).listForUser(alice.id)->size(), 0);
        QCOMPARE(ChatRepository(*m_db).listForUser(alice.id)->size(), 0);
    }

    void revokedTokensStayRevokedUntilTheyExpire()
    {
        RevokedTokenRepository tokens(*m_db);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(tokens.revoke(QStringLiteral("jti-1"), now.addSecs(600)));
        QVERIFY(tokens.revoke(QStringLiteral("jti-1"), now.addSecs(600))); // twice is fine
        QVERIFY(tokens.revoke(QStringLiteral("jti-old"), now.addSecs(-5)));
        QVERIFY(tokens.isRevoked(QStringLiteral("jti-1")).value());
        QVERIFY(!tokens.isRevoked(QStringLiteral("jti-2")).value());
        QCOMPARE(tokens.purgeExpired(now).value(), 1);
        QVERIFY(tokens.isRevoked(QStringLiteral("jti-1")).value());
        QVERIFY(!tokens.isRevoked(QStringLiteral("jti-old")).value());
    }

    void aTokenHolderIsTheUserPlusTheRevocationOfThatToken()
    {
        const UserRecord alice = makeUser(QStringLiteral("holder@example.com"));
        QVERIFY(RevokedTokenRepository(*m_db).revoke(QStringLiteral("jti-gone"), QDateTime::currentDateTimeUtc().addSecs(600)));
        UserRepository users(*m_db);
        auto live = users.findTokenHolder(alice.id, QStringLiteral("jti-live"));
        QVERIFY(live);
        QCOMPARE(live->user.id, alice.id);
        QCOMPARE(live->user.email, alice.email);
        QVERIFY(!live->tokenRevoked);
        auto revoked = users.findTokenHolder(alice.id.toUpper(), QStringLiteral("jti-gone"));
        QVERIFY(revoked);
        QVERIFY(revoked->tokenRevoked);
        QCOMPARE(users.findTokenHolder(QStringLiteral("00000000-0000-4000-8000-000000000000"), QStringLiteral("jti-live")).error().code,
                 ErrorCode::NotFound);
        QCOMPARE(users.findTokenHolder(QStringLiteral("not-a-uuid"), QStringLiteral("jti-live")).error().code, ErrorCode::NotFound);
    }

    void chatsListMostRecentlyActiveFirst()
    {
        const UserRecord alice = makeUser(QStringLiteral("order@example.com"));
        ChatRepository chats(*m_db);
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-100);
        auto older = chats.create(ChatRecord{{}, alice.id, QStringLiteral("older"), {}, {}, {}, t0, t0});
        auto newer = chats.create(ChatRecord{{}, alice.id, QStringLiteral("newer"), {}, {}, {}, t0.addSecs(10), t0.addSecs(10)});
        QVERIFY(older && newer);
        QCOMPARE(chats.listForUser(alice.id)->first().name, QStringLiteral("newer"));
        QVERIFY(chats.touch(older->id));
        QCOMPARE(chats.listForUser(alice.id)->first().name, QStringLiteral("older"));
    }

    void chatUpdatesAreScopedAndKeepText()
    {
        const UserRecord alice = makeUser(QStringLiteral("c@example.com"));
        const UserRecord eve = makeUser(QStringLiteral("eve@example.com"));
        ChatRepository chats(*m_db);
        auto chat = chats.create(ChatRecord{{}, alice.id, QStringLiteral("First"), {}, {}, {}, {}, {}});
        QVERIFY(chat);
        const QString tricky = QStringLiteral("Robert'); DROP TABLE chat_sessions;-- <b>x</b> 😀");
        QVERIFY(chats.rename(chat->id, tricky));
        QVERIFY(chats.setSystemPrompt(chat->id, QStringLiteral("Be brief.")));
        auto got = chats.get(alice.id, chat->id);
        QCOMPARE(got->name, tricky);
        QCOMPARE(got->systemPrompt, QStringLiteral("Be brief."));
        QCOMPARE(chats.get(eve.id, chat->id).error().code, ErrorCode::NotFound);
        QCOMPARE(chats.remove(eve.id, chat->id).error().code, ErrorCode::NotFound);
        QVERIFY(chats.remove(alice.id, chat->id));
        QCOMPARE(chats.get(alice.id, chat->id).error().code, ErrorCode::NotFound);
    }

    // Written through SqlQuery, read through NativeRows (one chat and the list).
    void chatSettingsAreStoredAndReadBack()
    {
        const UserRecord alice = makeUser(QStringLiteral("settings@example.com"));
        ChatRepository chats(*m_db);
        ChatRecord fresh{{}, alice.id, QStringLiteral("s"), {}, {}, {}, {}, {}};
        fresh.provider = QStringLiteral("anthropic");
        fresh.model = QStringLiteral("claude-sonnet-4-5");
        fresh.options = QJsonObject{{QStringLiteral("temperature"), 0.5}, {QStringLiteral("thinking"), true}};
        auto chat = chats.create(fresh);
        QVERIFY(chat);
        auto got = chats.get(alice.id, chat->id);
        QVERIFY(got);
        QCOMPARE(got->provider, fresh.provider);
        QCOMPARE(got->model, fresh.model);
        QCOMPARE(got->options, fresh.options);
        const QJsonObject other{{QStringLiteral("max_tokens"), 77}, {QStringLiteral("reasoning_effort"), QStringLiteral("low")}};
        QVERIFY(chats.setSettings(chat->id, QStringLiteral("openai"), QString(), other));
        const ChatRecord listed = chats.listForUser(alice.id)->first();
        QCOMPARE(listed.provider, QStringLiteral("openai"));
        QVERIFY(listed.model.isEmpty()); // cleared: NULL
        QCOMPARE(listed.options, other);
        QCOMPARE(chats.setSettings(newUuid(), {}, {}, {}).error().code, ErrorCode::NotFound);
    }

    void aRolledBackTransactionLeavesNothing()
    {
        const UserRecord alice = makeUser(QStringLiteral("tx@example.com"));
        {
            Transaction tx(m_db->connection().value());
            QVERIFY(tx.begin());
            QVERIFY(ChatRepository(*m_db).create(ChatRecord{{}, alice.id, QStringLiteral("half"), {}, {}, {}, {}, {}}));
            // no commit: the destructor rolls back
        }
        QCOMPARE(ChatRepository(*m_db).listForUser(alice.id)->size(), 0);
    }

    void aTransactionBegunInsideAnotherJoinsIt()
    {
        const UserRecord alice = makeUser(QStringLiteral("nested@example.com"));
        {
            Transaction outer(m_db->connection().value());
            QVERIFY(outer.begin());
            {
                Transaction inner(m_db->connection().value());
                QVERIFY(inner.begin());
                QVERIFY(ChatRepository(*m_db).create(ChatRecord{{}, alice.id, QStringLiteral("inner"), {}, {}, {}, {}, {}}));
                QVERIFY(inner.commit()); // only its part: nothing is committed yet
            }
            QVERIFY(ChatRepository(*m_db).create(ChatRecord{{}, alice.id, QStringLiteral("outer"), {}, {}, {}, {}, {}}));
            // no outer commit: both go
        }
        QCOMPARE(ChatRepository(*m_db).listForUser(alice.id)->size(), 0);

        Transaction outer(m_db->connection().value());
        QVERIFY(outer.begin());
        {
            Transaction inner(m_db->connection().value());
            QVERIFY(inner.begin());
            QVERIFY(inner.commit());
        }
        QVERIFY(ChatRepository(*m_db).create(ChatRecord{{}, alice.id, QStringLiteral("kept"), {}, {}, {}, {}, {}}));
        QVERIFY(outer.commit());
        QCOMPARE(ChatRepository(*m_db).listForUser(alice.id)->size(), 1);
    }

    void anInnerTransactionThatFailsRollsBackTheOuterOne()
    {
        const UserRecord alice = makeUser(QStringLiteral("doomed@example.com"));
        Transaction outer(m_db->connection().value());
        QVERIFY(outer.begin());
        QVERIFY(ChatRepository(*m_db).create(ChatRecord{{}, alice.id, QStringLiteral("first"), {}, {}, {}, {}, {}}));
        {
            Transaction inner(m_db->connection().value());
            QVERIFY(inner.begin());
            // a step fails here: its transaction ends without commit()
        }
        const Status committed = outer.commit();
        QVERIFY(!committed);
        QCOMPARE(committed.error().code, ErrorCode::Database);
        QCOMPARE(ChatRepository(*m_db).listForUser(alice.id)->size(), 0);

        // The connection is usable afterwards, for a transaction of its own.
        Transaction next(m_db->connection().value());
        QVERIFY(next.begin());
        QVERIFY(ChatRepository(*m_db).create(ChatRecord{{}, alice.id, QStringLiteral("later"), {}, {}, {}, {}, {}}));
        QVERIFY(next.commit());
        QCOMPARE(ChatRepository(*m_db).listForUser(alice.id)->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAccountRepositories)
#include "tst_accountrepositories.moc"
