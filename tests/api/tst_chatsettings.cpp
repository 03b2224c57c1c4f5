// Chat settings that every device shares (spec/api.md, Additions): the chat's
// provider, model and model options over real HTTP — PATCH, what GET shows
// (one chat and the list, whose JSON is written by two paths), the 422s, and
// that they are kept in the database. SQLite and PostgreSQL.
#include "auth/tokenservice.h"
#include "auth/authservice.h"
#include "backend.h"
#include "db/chatrepository.h"
#include "db/sqlquery.h"
#include "db/userrepository.h"
#include "support/httptestclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <memory>

using namespace teehee;

class TestChatSettings : public QObject {
    Q_OBJECT

    std::unique_ptr<TestApiServer> server;
    QString user;
    QByteArray token;

    HttpTestResponse call(const QByteArray &method, const QString &path, const QJsonObject &json = {})
    {
        return server->client().request(method, path, QJsonDocument(json).toJson(QJsonDocument::Compact),
                                        {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}});
    }
    QString newChat() { return call("POST", QStringLiteral("/chats")).object().value("id").toString(); }
    HttpTestResponse patch(const QString &chat, const QJsonObject &body)
    {
        return call("PATCH", QStringLiteral("/chats/%1").arg(chat), body);
    }
    QJsonObject listed(const QString &chat)
    {
        for (const auto &v : call("GET", QStringLiteral("/chats")).array())
            if (v.toObject().value("id").toString() == chat)
                return v.toObject();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        server = std::make_unique<TestApiServer>();
        TEEHEE_REQUIRE_SERVER(*server);
    }
    void init()
    {
        UserRecord u;
        u.email = QStringLiteral("%1@example.com").arg(newUuid());
        auto created = UserRepository(server->backend().database()).create(u);
        QVERIFY(created);
        user = created->id;
        token = server->backend().auth().tokens().issue(created->id, created->email);
    }
    void cleanupTestCase() { server.reset(); }

    void aNewChatHasNoChoiceYet()
    {
        const auto r = call("POST", QStringLiteral("/chats"));
        QCOMPARE(r.status, 201);
        QVERIFY(r.object().value("provider").isNull());
        QVERIFY(r.object().value("model").isNull());
        QCOMPARE(r.object().value("options").toObject(), QJsonObject{});
        const QString chat = r.object().value("id").toString();
        QVERIFY(listed(chat).value("provider").isNull());
        QCOMPARE(listed(chat).value("options").toObject(), QJsonObject{});
    }

    void patchSetsProviderModelAndOptionsThatGetShows()
    {
        const QString chat = newChat();
        const QJsonObject options{{"temperature", 0.7}, {"max_tokens", 321}, {"reasoning_effort", "high"}, {"thinking", true}};
        const auto r = patch(chat, {{"provider", "anthropic"}, {"model", "claude-sonnet-4-5"}, {"options", options}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("provider").toString(), QStringLiteral("anthropic"));
        QCOMPARE(r.object().value("model").toString(), QStringLiteral("claude-sonnet-4-5"));
        QCOMPARE(r.object().value("options").toObject(), options);
        // What another device reads: the chat, and the chat list.
        const QJsonObject one = call("GET", QStringLiteral("/chats/%1").arg(chat)).object();
        QCOMPARE(one.value("provider").toString(), QStringLiteral("anthropic"));
        QCOMPARE(one.value("model").toString(), QStringLiteral("claude-sonnet-4-5"));
        QCOMPARE(one.value("options").toObject(), options);
        QCOMPARE(listed(chat).value("options").toObject(), options);
        QCOMPARE(listed(chat).value("model").toString(), QStringLiteral("claude-sonnet-4-5"));
        // In the database, not only in the answer.
        auto stored = ChatRepository(server->backend().database()).get(user, chat);
        QVERIFY(stored);
        QCOMPARE(stored->provider, QStringLiteral("anthropic"));
        QCOMPARE(stored->options, options);
    }

    void settingsAloneLeaveNameAndPromptAndTheOtherWayRound()
    {
        const QString chat = newChat();
        QCOMPARE(patch(chat, {{"name", "Trip"}, {"system_prompt", "Be brief."}}).status, 200);
        auto r = patch(chat, {{"model", "gpt-4o"}, {"options", QJsonObject{{"temperature", 1}}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value("name").toString(), QStringLiteral("Trip"));
        QCOMPARE(r.object().value("system_prompt").toString(), QStringLiteral("Be brief."));
        r = patch(chat, {{"name", "Trip 2"}});
        QCOMPARE(r.object().value("model").toString(), QStringLiteral("gpt-4o"));
        QCOMPARE(r.object().value("options").toObject(), (QJsonObject{{"temperature", 1}}));
        r = patch(chat, {{"name", "Trip 3"}, {"provider", "openai"}});
        QCOMPARE(r.object().value("name").toString(), QStringLiteral("Trip 3"));
        QCOMPARE(r.object().value("provider").toString(), QStringLiteral("openai"));
    }

    void optionsAreReplacedAsAWholeAndNullClears()
    {
        const QString chat = newChat();
        patch(chat, {{"provider", "openai"}, {"model", "gpt-4o"}, {"options", QJsonObject{{"temperature", 0.5}, {"thinking", false}}}});
        auto r = patch(chat, {{"options", QJsonObject{{"max_tokens", 10}}}});
        QCOMPARE(r.object().value("options").toObject(), (QJsonObject{{"max_tokens", 10}}));
        r = patch(chat, {{"model", QJsonValue::Null}, {"options", QJsonValue::Null}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.object().value("model").isNull());
        QCOMPARE(r.object().value("provider").toString(), QStringLiteral("openai"));
        QCOMPARE(r.object().value("options").toObject(), QJsonObject{});
    }

    void badSettingsAre422NamingTheFieldAndChangeNothing_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("temperature 3") << QJsonObject{{"options", QJsonObject{{"temperature", 3}}}} << "options.temperature";
        QTest::newRow("temperature -1") << QJsonObject{{"options", QJsonObject{{"temperature", -1}}}} << "options.temperature";
        QTest::newRow("max_tokens 0") << QJsonObject{{"options", QJsonObject{{"max_tokens", 0}}}} << "options.max_tokens";
        QTest::newRow("effort") << QJsonObject{{"options", QJsonObject{{"reasoning_effort", "max"}}}} << "options.reasoning_effort";
        QTest::newRow("thinking") << QJsonObject{{"options", QJsonObject{{"thinking", 1}}}} << "options.thinking";
        QTest::newRow("unknown option") << QJsonObject{{"options", QJsonObject{{"top_k", 5}}}} << "top_k";
        QTest::newRow("options a list") << QJsonObject{{"options", QJsonArray{}}} << "options";
        QTest::newRow("model a number") << QJsonObject{{"model", 4}} << "model";
        QTest::newRow("provider too long") << QJsonObject{{"provider", QString(201, u'p')}} << "provider";
        // A valid name does not carry an invalid option through.
        QTest::newRow("with a rename") << QJsonObject{{"name", "x"}, {"options", QJsonObject{{"temperature", 9}}}} << "options.temperature";
    }
    void badSettingsAre422NamingTheFieldAndChangeNothing()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const QString chat = newChat();
        QCOMPARE(patch(chat, {{"model", "kept"}, {"options", QJsonObject{{"temperature", 0.1}}}}).status, 200);
        const auto r = patch(chat, body);
        QCOMPARE(r.status, 422);
        QVERIFY2(r.detail().contains(field), qPrintable(r.detail()));
        const QJsonObject after = call("GET", QStringLiteral("/chats/%1").arg(chat)).object();
        QCOMPARE(after.value("name").toString(), QStringLiteral("New Chat"));
        QCOMPARE(after.value("model").toString(), QStringLiteral("kept"));
        QCOMPARE(after.value("options").toObject(), (QJsonObject{{"temperature", 0.1}}));
    }

    void anotherUsersChatIs404()
    {
        const QString chat = newChat();
        const QByteArray mine = token;
        init();
        QCOMPARE(patch(chat, {{"model", "x"}}).status, 404);
        token = mine;
        QVERIFY(call("GET", QStringLiteral("/chats/%1").arg(chat)).object().value("model").isNull());
    }

    void theOpenApiDocumentListsTheSettings()
    {
        const QJsonObject doc = server->client().get(QStringLiteral("/openapi.json")).object();
        const QJsonObject patchBody = doc.value("paths").toObject().value("/chats/{chat_id}").toObject().value("patch").toObject()
                                          .value("requestBody").toObject().value("content").toObject().value("application/json")
                                          .toObject().value("schema").toObject().value("properties").toObject();
        for (const char *f : {"provider", "model", "options", "name", "system_prompt"})
            QVERIFY2(patchBody.contains(QLatin1String(f)), f);
        const QJsonObject schemas = doc.value("components").toObject().value("schemas").toObject();
        const QJsonObject options = schemas.value("ChatOptions").toObject().value("properties").toObject();
        QCOMPARE(options.value("temperature").toObject().value("maximum").toInt(), 2);
        QCOMPARE(options.value("max_tokens").toObject().value("minimum").toInt(), 1);
        QCOMPARE(options.value("reasoning_effort").toObject().value("enum").toArray().size(), 3);
        QVERIFY(schemas.value("Chat").toObject().value("properties").toObject().contains("options"));
    }
};

QTEST_GUILESS_MAIN(TestChatSettings)
#include "tst_chatsettings.moc"
