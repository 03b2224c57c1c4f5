// Chats and Messages over HTTP, as spec/api.md states them: every route, its
// statuses and aliases, JSON on every 2xx, limits and bad input, and that
// another user's ids answer exactly like missing ones. SQLite and PostgreSQL.
#include "api/httpserver.h"
#include "auth/authservice.h"
#include "auth/tokenservice.h"
#include "backend.h"
#include "chat/chatservice.h"
#include "db/sqlquery.h"
#include "db/userrepository.h"
#include "support/httptestclient.h"

#include <QJsonDocument>
#include <QTest>
#include <memory>

using namespace teehee;

class TestChatRoutes : public QObject {
    Q_OBJECT

    std::unique_ptr<TestApiServer> server;
    QString user;
    QByteArray token;

    struct Account { QString id; QByteArray token; };
    Account newAccount()
    {
        UserRecord u;
        u.email = QStringLiteral("%1@example.com").arg(newUuid());
        auto created = UserRepository(server->backend().database()).create(u);
        if (!created)
            return {};
        return {created->id, server->backend().auth().tokens().issue(created->id, created->email)};
    }

    HttpTestResponse call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                          const QByteArray &as = QByteArray("me"))
    {
        QList<QPair<QByteArray, QByteArray>> h{{"Content-Type", "application/json"}};
        const QByteArray t = as == "me" ? token : as;
        if (!t.isEmpty())
            h.append({"Authorization", "Bearer " + t});
        return server->client().request(method, path, body, h);
    }
    HttpTestResponse call(const QByteArray &method, const QString &path, const QJsonObject &json,
                          const QByteArray &as = QByteArray("me"))
    {
        return call(method, path, QJsonDocument(json).toJson(QJsonDocument::Compact), as);
    }
    QString newChat(const QJsonObject &body = {})
    {
        return call("POST", QStringLiteral("/chats"), body).object().value("id").toString();
    }
    QJsonObject post(const QString &chat, const QJsonObject &body)
    {
        return call("POST", QStringLiteral("/chats/%1/messages").arg(chat), body).object();
    }
    QJsonObject say(const QString &chat, const QString &text)
    {
        return post(chat, {{"role", "user"}, {"content", text}});
    }
    static QString id(const QJsonObject &o) { return o.value("id").toString(); }

private Q_SLOTS:
    void initTestCase()
    {
        server = std::make_unique<TestApiServer>();
        TEEHEE_REQUIRE_SERVER(*server);
    }
    void init()
    {
        Account a = newAccount();
        QVERIFY(!a.id.isEmpty());
        user = a.id;
        token = a.token;
    }
    void cleanupTestCase() { server.reset(); }

    // --- Chats ---------------------------------------------------------------

    void listOfANewUserIsAnEmptyArray()
    {
        auto r = call("GET", QStringLiteral("/chats"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.array().isEmpty());
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    }

    void listAnswersWithATrailingSlash()
    {
        newChat();
        auto r = call("GET", QStringLiteral("/chats/"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.array().size(), 1);
    }

    void createAnswers201WithTheContractFields()
    {
        auto r = call("POST", QStringLiteral("/chats"), QJsonObject{});
        QCOMPARE(r.status, 201);
        const QJsonObject c = r.object();
        QCOMPARE(c.value("name").toString(), QStringLiteral("New Chat"));
        QCOMPARE(c.value("user_id").toString(), user);
        QVERIFY(isUuid(id(c)));
        QCOMPARE(id(c), id(c).toLower());
        QVERIFY(c.value("root_message_id").isNull());
        QVERIFY(c.value("created_at").toString().endsWith(u'Z'));
        QVERIFY(c.value("updated_at").toString().endsWith(u'Z'));
    }

    void createWithATrailingSlashKeepsNameAndSystemPrompt()
    {
        auto r = call("POST", QStringLiteral("/chats/"), QJsonObject{{"name", "Trip"}, {"system_prompt", "Be brief."}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("name").toString(), QStringLiteral("Trip"));
        QCOMPARE(r.object().value("system_prompt").toString(), QStringLiteral("Be brief."));
    }

    void createWithANonStringNameIs422()
    {
        auto r = call("POST", QStringLiteral("/chats"), QJsonObject{{"name", 5}});
        QCOMPARE(r.status, 422);
        QVERIFY(r.detail().contains(QStringLiteral("name")));
    }

    void malformedJsonIs400()
    {
        auto r = call("POST", QStringLiteral("/chats"), QByteArray("{\"name\": "));
        QCOMPARE(r.status, 400);
        QVERIFY(!r.detail().isEmpty());
    }

    void listIsMostRecentlyActiveFirst()
    {
        const QString a = newChat({{"name", "a"}});
        QTest::qWait(5);
        const QString b = newChat({{"name", "b"}});
        QTest::qWait(5);
        say(a, QStringLiteral("bump"));
        const QJsonArray list = call("GET", QStringLiteral("/chats")).array();
        QCOMPARE(list.size(), 2);
        QCOMPARE(id(list.at(0).toObject()), a);
        QCOMPARE(id(list.at(1).toObject()), b);
    }

    void getChatHasEveryMessageAndTheCurrentPath()
    {
        const QString c = newChat();
        const QString q = id(say(c, QStringLiteral("q")));
        const QString a1 = id(post(c, {{"role", "assistant"}, {"content", "a1"}}));
        const QString a2 = id(post(c, {{"role", "assistant"}, {"content", "a2"}, {"parent_message_id", q}}));
        auto r = call("GET", QStringLiteral("/chats/%1").arg(c));
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.object();
        QCOMPARE(id(o), c);
        QCOMPARE(o.value("root_message_id").toString(), q);
        const QJsonArray messages = o.value("messages").toArray();
        QCOMPARE(messages.size(), 3);
        QCOMPARE(id(messages.at(1).toObject()), a1);
        QCOMPARE(o.value("current_path").toArray(), (QJsonArray{q, a2}));
    }

    void patchRenamesAndSetsTheSystemPrompt()
    {
        const QString c = newChat({{"name", "old"}});
        auto r = call("PATCH", QStringLiteral("/chats/%1").arg(c), QJsonObject{{"name", "new"}, {"system_prompt", "Terse."}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("name").toString(), QStringLiteral("new"));
        QCOMPARE(r.object().value("system_prompt").toString(), QStringLiteral("Terse."));
        QCOMPARE(call("GET", QStringLiteral("/chats/%1").arg(c)).object().value("name").toString(), QStringLiteral("new"));
    }

    void patchWithAnEmptyNameIs422()
    {
        const QString c = newChat();
        auto r = call("PATCH", QStringLiteral("/chats/%1/").arg(c), QJsonObject{{"name", ""}});
        QCOMPARE(r.status, 422);
        QVERIFY(r.detail().contains(QStringLiteral("name")));
    }

    void deleteAnswersJsonAndTakesTheMessages()
    {
        const QString c = newChat();
        const QString m = id(say(c, QStringLiteral("x")));
        auto r = call("DELETE", QStringLiteral("/chats/%1").arg(c));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.object().value("message").toString().isEmpty());
        QCOMPARE(call("GET", QStringLiteral("/chats/%1").arg(c)).status, 404);
        QCOMPARE(call("DELETE", QStringLiteral("/messages/%1").arg(m)).status, 404);
    }

    void deleteOfADeletedChatIs404()
    {
        const QString c = newChat();
        QCOMPARE(call("DELETE", QStringLiteral("/chats/%1").arg(c)).status, 200);
        auto r = call("DELETE", QStringLiteral("/chats/%1").arg(c));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.detail(), QStringLiteral("Chat not found"));
    }

    void branchForksThePathIntoANewChat()
    {
        const QString c = newChat({{"name", "src"}});
        const QString q = id(say(c, QStringLiteral("q")));
        const QString a = id(post(c, {{"role", "assistant"}, {"content", "a"}}));
        say(c, QStringLiteral("later"));
        auto r = call("POST", QStringLiteral("/chats/%1/branch").arg(c), QJsonObject{{"base_message_id", a}});
        QCOMPARE(r.status, 201);
        const QJsonObject fork = r.object();
        QVERIFY(id(fork) != c);
        const QJsonArray messages = fork.value("messages").toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0).toObject().value("content").toObject().value("text").toString(), QStringLiteral("q"));
        QVERIFY(id(messages.at(0).toObject()) != q);
        QCOMPARE(fork.value("current_path").toArray().size(), 2);
        QCOMPARE(call("GET", QStringLiteral("/chats")).array().size(), 2);
    }

    void branchWithoutABaseMessageIs422()
    {
        const QString c = newChat();
        QCOMPARE(call("POST", QStringLiteral("/chats/%1/branch").arg(c), QJsonObject{}).status, 422);
        QCOMPARE(call("POST", QStringLiteral("/chats/%1/branch").arg(c), QJsonObject{{"base_message_id", "nope"}}).status, 422);
        QCOMPARE(call("POST", QStringLiteral("/chats/%1/branch").arg(c), QJsonObject{{"base_message_id", newUuid()}}).status, 404);
    }

    // --- Messages ------------------------------------------------------------

    void postedMessageHasTheContractFields()
    {
        const QString c = newChat();
        auto r = call("POST", QStringLiteral("/chats/%1/messages").arg(c), QJsonObject{{"role", "user"}, {"content", "hi"}});
        QCOMPARE(r.status, 201);
        const QJsonObject m = r.object();
        for (const char *k : {"id", "chat_session_id", "parent_message_id", "role", "content", "timestamp", "is_partial",
                              "model", "provider", "status", "sibling_index", "sibling_count"})
            QVERIFY2(m.contains(QLatin1String(k)), k);
        QCOMPARE(m.value("chat_session_id").toString(), c);
        QCOMPARE(m.value("content").toObject(), (QJsonObject{{"text", "hi"}}));
        QCOMPARE(m.value("status").toString(), QStringLiteral("complete"));
        QCOMPARE(m.value("is_partial").toBool(), false);
        QCOMPARE(m.value("sibling_index").toInt(), 0);
        QCOMPARE(m.value("sibling_count").toInt(), 1);
        QVERIFY(m.value("timestamp").toString().endsWith(u'Z'));
    }

    void contentAsAnObjectIsAccepted()
    {
        const QString c = newChat();
        const QJsonObject m = post(c, {{"role", "user"}, {"content", QJsonObject{{"text", "obj"}}}});
        QCOMPARE(m.value("content").toObject().value("text").toString(), QStringLiteral("obj"));
    }

    void absentParentAppendsToTheActiveBranch()
    {
        const QString c = newChat();
        const QString a = id(say(c, QStringLiteral("a")));
        const QJsonObject b = say(c, QStringLiteral("b"));
        QCOMPARE(b.value("parent_message_id").toString(), a);
    }

    void nullParentStartsANewRoot()
    {
        const QString c = newChat();
        say(c, QStringLiteral("a"));
        const QJsonObject r = post(c, {{"role", "user"}, {"content", "r"}, {"parent_message_id", QJsonValue::Null}});
        QVERIFY(r.value("parent_message_id").isNull());
        QCOMPARE(r.value("sibling_index").toInt(), 1);
        QCOMPARE(r.value("sibling_count").toInt(), 2);
    }

    void givenParentCreatesASiblingBranch()
    {
        const QString c = newChat();
        const QString q = id(say(c, QStringLiteral("q")));
        say(c, QStringLiteral("first"));
        const QJsonObject second = post(c, {{"role", "user"}, {"content", "second"}, {"parent_message_id", q.toUpper()}});
        QCOMPARE(second.value("parent_message_id").toString(), q);
        QCOMPARE(second.value("sibling_index").toInt(), 1);
        QCOMPARE(second.value("sibling_count").toInt(), 2);
    }

    void parentFromAnotherChatIs400()
    {
        const QString c = newChat();
        const QString other = newChat();
        const QString foreign = id(say(other, QStringLiteral("x")));
        auto r = call("POST", QStringLiteral("/chats/%1/messages").arg(c),
                      QJsonObject{{"role", "user"}, {"content", "y"}, {"parent_message_id", foreign}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.detail().contains(QStringLiteral("parent_message_id")));
    }

    void malformedParentIs422()
    {
        const QString c = newChat();
        auto r = call("POST", QStringLiteral("/chats/%1/messages").arg(c),
                      QJsonObject{{"role", "user"}, {"content", "y"}, {"parent_message_id", "12"}});
        QCOMPARE(r.status, 422);
        QVERIFY(r.detail().contains(QStringLiteral("parent_message_id")));
    }

    void unknownRoleIs422()
    {
        const QString c = newChat();
        auto r = call("POST", QStringLiteral("/chats/%1/messages").arg(c), QJsonObject{{"role", "wizard"}, {"content", "y"}});
        QCOMPARE(r.status, 422);
        QVERIFY(r.detail().contains(QStringLiteral("role")));
    }

    void missingOrMistypedContentIs422()
    {
        const QString c = newChat();
        const QString path = QStringLiteral("/chats/%1/messages").arg(c);
        QCOMPARE(call("POST", path, QJsonObject{{"role", "user"}}).status, 422);
        QCOMPARE(call("POST", path, QJsonObject{{"role", "user"}, {"content", 3}}).status, 422);
        auto r = call("POST", path, QJsonObject{{"role", "user"}, {"content", QJsonObject{{"text", true}}}});
        QCOMPARE(r.status, 422);
        QVERIFY(r.detail().contains(QStringLiteral("content")));
    }

    void listMessagesIsOldestFirst()
    {
        const QString c = newChat();
        const QString a = id(say(c, QStringLiteral("a")));
        const QString b = id(say(c, QStringLiteral("b")));
        auto r = call("GET", QStringLiteral("/chats/%1/messages/").arg(c));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.array().size(), 2);
        QCOMPARE(id(r.array().at(0).toObject()), a);
        QCOMPARE(id(r.array().at(1).toObject()), b);
    }

    void patchEditsAMessageInPlace()
    {
        const QString c = newChat();
        const QString m = id(say(c, QStringLiteral("typo")));
        auto r = call("PATCH", QStringLiteral("/messages/%1").arg(m), QJsonObject{{"content", "fixed"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(id(r.object()), m);
        QCOMPARE(r.object().value("content").toObject().value("text").toString(), QStringLiteral("fixed"));
    }

    void patchAliasUnderChatsEditsToo()
    {
        const QString c = newChat();
        const QString m = id(say(c, QStringLiteral("typo")));
        auto r = call("PATCH", QStringLiteral("/chats/messages/%1").arg(m), QJsonObject{{"content", QJsonObject{{"text", "fixed"}}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("content").toObject().value("text").toString(), QStringLiteral("fixed"));
    }

    void patchWhileStreamingIs409()
    {
        const QString c = newChat();
        const QString q = id(say(c, QStringLiteral("q")));
        NewMessage s{QStringLiteral("assistant"), QString(), MessageParent::message(q), {}, {}, MessageStatus::Streaming, true};
        auto streaming = server->backend().chats().addMessage(user, c, s);
        QVERIFY(streaming);
        auto r = call("PATCH", QStringLiteral("/messages/%1").arg(streaming->message.id), QJsonObject{{"content", "x"}});
        QCOMPARE(r.status, 409);
        QVERIFY(!r.detail().isEmpty());
    }

    void deleteSoftDeletesAndAnswersJson()
    {
        const QString c = newChat();
        const QString m = id(say(c, QStringLiteral("secret")));
        const QString child = id(say(c, QStringLiteral("child")));
        auto r = call("DELETE", QStringLiteral("/messages/%1").arg(m));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("content").toObject(), (QJsonObject{{"text", "[Message deleted]"}, {"deleted", true}}));
        const QJsonArray all = call("GET", QStringLiteral("/chats/%1/messages").arg(c)).array();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(1).toObject().value("parent_message_id").toString(), m);
        QCOMPARE(id(all.at(1).toObject()), child);
    }

    void deleteAliasUnderChatsSoftDeletesToo()
    {
        const QString c = newChat();
        const QString m = id(say(c, QStringLiteral("secret")));
        auto r = call("DELETE", QStringLiteral("/chats/messages/%1").arg(m));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("content").toObject().value("deleted").toBool(), true);
    }

    void activeSwitchesTheBranch()
    {
        const QString c = newChat();
        const QString q = id(say(c, QStringLiteral("q")));
        const QString a1 = id(post(c, {{"role", "assistant"}, {"content", "a1"}}));
        const QString f1 = id(say(c, QStringLiteral("f1")));
        const QString a2 = id(post(c, {{"role", "assistant"}, {"content", "a2"}, {"parent_message_id", q}}));
        auto r = call("POST", QStringLiteral("/chats/%1/active").arg(c), QJsonObject{{"message_id", a1}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("current_path").toArray(), (QJsonArray{q, a1, f1}));
        QCOMPARE(call("GET", QStringLiteral("/chats/%1").arg(c)).object().value("current_path").toArray(), (QJsonArray{q, a1, f1}));
        QCOMPARE(say(c, QStringLiteral("next")).value("parent_message_id").toString(), f1);
        Q_UNUSED(a2);
    }

    void activeWithABadMessageIdIs422Or404()
    {
        const QString c = newChat();
        const QString path = QStringLiteral("/chats/%1/active").arg(c);
        QCOMPARE(call("POST", path, QJsonObject{}).status, 422);
        QCOMPARE(call("POST", path, QJsonObject{{"message_id", "x"}}).status, 422);
        QCOMPARE(call("POST", path, QJsonObject{{"message_id", newUuid()}}).status, 404);
    }

    // --- Limits and bad input -----------------------------------------------

    void messageOfOneMegabyteIsAccepted()
    {
        const QString c = newChat();
        const QString big(1000 * 1000, u'a');
        auto r = call("POST", QStringLiteral("/chats/%1/messages").arg(c), QJsonObject{{"role", "user"}, {"content", big}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("content").toObject().value("text").toString().size(), big.size());
    }

    void messageOverTheLimitIs413()
    {
        const QString c = newChat();
        auto r = call("POST", QStringLiteral("/chats/%1/messages").arg(c),
                      QJsonObject{{"role", "user"}, {"content", QString(1000 * 1000 + 1, u'a')}});
        QCOMPARE(r.status, 413);
        QVERIFY(r.detail().contains(QStringLiteral("limit")));
        QCOMPARE(call("GET", QStringLiteral("/chats/%1/messages").arg(c)).array().size(), 0);
    }

    void editOverTheLimitIs413()
    {
        const QString c = newChat();
        const QString m = id(say(c, QStringLiteral("small")));
        auto r = call("PATCH", QStringLiteral("/messages/%1").arg(m), QJsonObject{{"content", QString(1000 * 1000 + 1, u'a')}});
        QCOMPARE(r.status, 413);
    }

    void nulCharacterIs422()
    {
        const QString c = newChat();
        auto r = call("POST", QStringLiteral("/chats/%1/messages").arg(c), QByteArray(R"({"role":"user","content":"a\u0000b"})"));
        QCOMPARE(r.status, 422);
        QVERIFY(r.detail().contains(QStringLiteral("NUL")));
    }

    void invalidUtf8IsRefusedCleanly()
    {
        const QString c = newChat();
        auto r = call("POST", QStringLiteral("/chats/%1/messages").arg(c), QByteArray("{\"role\":\"user\",\"content\":\"a\xff\xfe b\"}"));
        QCOMPARE(r.status, 400);
        QVERIFY(!r.detail().isEmpty());
    }

    void loneSurrogateIs422()
    {
        const QString c = newChat();
        auto r = call("POST", QStringLiteral("/chats/%1/messages").arg(c), QByteArray(R"({"role":"user","content":"\ud800"})"));
        QCOMPARE(r.status, 422);
    }

    void sqlHtmlAndEmojiComeBackByteForByte()
    {
        const QString c = newChat();
        const QString text = QStringLiteral("Robert'); DROP TABLE chat_sessions;-- <img src=x onerror=alert(1)> "
                                            "&lt; 😀🧪👩🏽‍💻 \u202Eevil\u202C \\ \" \n\t ☃");
        const QJsonObject m = post(c, {{"role", "user"}, {"content", text}});
        QCOMPARE(m.value("content").toObject().value("text").toString(), text);
        auto r = call("GET", QStringLiteral("/chats/%1/messages").arg(c));
        QCOMPARE(r.array().at(0).toObject().value("content").toObject().value("text").toString(), text);
        QVERIFY(r.body.contains(text.toUtf8().left(40)));
        QCOMPARE(call("GET", QStringLiteral("/chats")).array().size(), 1);
    }

    void malformedIdsInPathsAre404()
    {
        QCOMPARE(call("GET", QStringLiteral("/chats/not-a-uuid")).status, 404);
        QCOMPARE(call("GET", QStringLiteral("/chats/123/messages")).status, 404);
        QCOMPARE(call("PATCH", QStringLiteral("/messages/1%27%20OR%201=1"), QJsonObject{{"content", "x"}}).status, 404);
        QCOMPARE(call("DELETE", QStringLiteral("/chats/messages/zzz")).status, 404);
    }

    void everyRouteNeedsAToken()
    {
        const QString c = newChat();
        const QString m = id(say(c, QStringLiteral("x")));
        const QList<QPair<QByteArray, QString>> routes{
            {"GET", "/chats"}, {"POST", "/chats"}, {"GET", "/chats/" + c}, {"PATCH", "/chats/" + c},
            {"DELETE", "/chats/" + c}, {"POST", "/chats/" + c + "/branch"}, {"GET", "/chats/" + c + "/messages"},
            {"POST", "/chats/" + c + "/messages"}, {"POST", "/chats/" + c + "/active"}, {"PATCH", "/messages/" + m},
            {"DELETE", "/messages/" + m}, {"PATCH", "/chats/messages/" + m}, {"DELETE", "/chats/messages/" + m}};
        for (const auto &[method, path] : routes) {
            auto r = call(method, path, QJsonObject{}, QByteArray());
            QVERIFY2(r.status == 401, qPrintable(method + ' ' + path + " → " + QString::number(r.status)));
            QCOMPARE(r.header("www-authenticate"), QByteArray("Bearer"));
        }
        QCOMPARE(call("GET", QStringLiteral("/chats/%1").arg(c)).status, 200); // nothing was changed
    }

    // --- Isolation -------------------------------------------------------------

    void anotherUsersIdsAnswerLikeMissingOnesOnEveryRoute()
    {
        const QString c = newChat({{"name", "mine"}});
        const QString m = id(say(c, QStringLiteral("private")));
        const Account intruder = newAccount();
        const QString ownChat = call("POST", QStringLiteral("/chats"), QJsonObject{}, intruder.token).object().value("id").toString();
        QVERIFY(!ownChat.isEmpty());
        const QString missingChat = newUuid();
        const QString missingMsg = newUuid();

        struct Probe { QByteArray method; QString path; QString missingPath; QJsonObject body; QJsonObject missingBody; };
        const QList<Probe> probes{
            {"GET", "/chats/" + c, "/chats/" + missingChat, {}, {}},
            {"PATCH", "/chats/" + c, "/chats/" + missingChat, {{"name", "pwned"}}, {{"name", "pwned"}}},
            {"DELETE", "/chats/" + c, "/chats/" + missingChat, {}, {}},
            {"GET", "/chats/" + c + "/messages", "/chats/" + missingChat + "/messages", {}, {}},
            {"POST", "/chats/" + c + "/messages", "/chats/" + missingChat + "/messages", {{"role", "user"}, {"content", "x"}}, {{"role", "user"}, {"content", "x"}}},
            {"POST", "/chats/" + c + "/branch", "/chats/" + missingChat + "/branch", {{"base_message_id", m}}, {{"base_message_id", m}}},
            {"POST", "/chats/" + ownChat + "/branch", "/chats/" + ownChat + "/branch", {{"base_message_id", m}}, {{"base_message_id", missingMsg}}},
            {"POST", "/chats/" + c + "/active", "/chats/" + missingChat + "/active", {{"message_id", m}}, {{"message_id", m}}},
            {"POST", "/chats/" + ownChat + "/active", "/chats/" + ownChat + "/active", {{"message_id", m}}, {{"message_id", missingMsg}}},
            {"PATCH", "/messages/" + m, "/messages/" + missingMsg, {{"content", "pwned"}}, {{"content", "pwned"}}},
            {"DELETE", "/messages/" + m, "/messages/" + missingMsg, {}, {}},
            {"PATCH", "/chats/messages/" + m, "/chats/messages/" + missingMsg, {{"content", "pwned"}}, {{"content", "pwned"}}},
            {"DELETE", "/chats/messages/" + m, "/chats/messages/" + missingMsg, {}, {}},
        };
        for (const Probe &p : probes) {
            const auto theirs = call(p.method, p.path, p.body, intruder.token);
            const auto missing = call(p.method, p.missingPath, p.missingBody, intruder.token);
            const QByteArray what = p.method + ' ' + p.path.toUtf8();
            QVERIFY2(theirs.status == 404, what + " → " + QByteArray::number(theirs.status));
            QVERIFY2(missing.status == 404, what + " (missing) → " + QByteArray::number(missing.status));
            QVERIFY2(theirs.body == missing.body, what + ": " + theirs.body + " vs " + missing.body);
        }
        // A parent from another user's chat is refused exactly like a missing one.
        const auto foreignParent = call("POST", "/chats/" + ownChat + "/messages",
                                        QJsonObject{{"role", "user"}, {"content", "x"}, {"parent_message_id", m}}, intruder.token);
        const auto missingParent = call("POST", "/chats/" + ownChat + "/messages",
                                        QJsonObject{{"role", "user"}, {"content", "x"}, {"parent_message_id", missingMsg}}, intruder.token);
        QCOMPARE(foreignParent.status, 400);
        QCOMPARE(foreignParent.body, missingParent.body);
        QVERIFY(call("GET", QStringLiteral("/chats"), QByteArray(), intruder.token).array().size() == 1);

        // The owner's chat is untouched.
        const QJsonObject mine = call("GET", QStringLiteral("/chats/%1").arg(c)).object();
        QCOMPARE(mine.value("name").toString(), QStringLiteral("mine"));
        QCOMPARE(mine.value("messages").toArray().at(0).toObject().value("content").toObject().value("text").toString(),
                 QStringLiteral("private"));
    }
};

QTEST_GUILESS_MAIN(TestChatRoutes)
#include "tst_chatroutes.moc"
