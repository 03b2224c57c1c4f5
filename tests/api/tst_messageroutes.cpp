// Messages over HTTP, as spec/api.md states them: posting at the end, as a
// sibling or a new root, listing, editing, deleting and switching branches,
// with their aliases and statuses; then sizes and text that must be refused
// or come back byte for byte. SQLite and PostgreSQL. Chats: tst_chatroutes.
#include "chatroutestest.h"

class TestMessageRoutes : public ChatRoutesTest {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { startServer(); }
    void init() { signInAsANewAccount(); }
    void cleanupTestCase() { stopServer(); }

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
};

QTEST_GUILESS_MAIN(TestMessageRoutes)
#include "tst_messageroutes.moc"
