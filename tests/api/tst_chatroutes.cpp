// Chats over HTTP, as spec/api.md states them: every route, its statuses and
// aliases, JSON on every 2xx, ids that are not ids, a token on every route,
// and that another user's ids answer exactly like missing ones. SQLite and
// PostgreSQL. Messages: tst_messageroutes.
#include "chatroutestest.h"

class TestChatRoutes : public ChatRoutesTest {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { startServer(); }
    void init() { signInAsANewAccount(); }
    void cleanupTestCase() { stopServer(); }

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

    // --- Every route ---------------------------------------------------------

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
