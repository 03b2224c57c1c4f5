// Export and import over HTTP (spec/api.md, "Export and import"): a chat as
// JSON and Markdown, everything streamed, POST /import of Teehee and ChatGPT
// documents with its own body limit, 422 for a malformed document, and
// another user's chat answered 404. SQLite and PostgreSQL.
#include "auth/authservice.h"
#include "auth/tokenservice.h"
#include "backend.h"
#include "db/sqlquery.h"
#include "db/userrepository.h"
#include "support/httptestclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <memory>

using namespace teehee;

class TestTransferRoutes : public QObject {
    Q_OBJECT

    std::unique_ptr<TestApiServer> server;
    QByteArray token;

    QByteArray newUserToken()
    {
        UserRecord u;
        u.email = QStringLiteral("%1@example.com").arg(newUuid());
        auto created = UserRepository(server->backend().database()).create(u);
        return created ? server->backend().auth().tokens().issue(created->id, created->email) : QByteArray();
    }
    HttpTestResponse call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                          const QByteArray &as = {})
    {
        return server->client().request(method, path, body,
                                        {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + (as.isEmpty() ? token : as)}});
    }
    HttpTestResponse call(const QByteArray &method, const QString &path, const QJsonObject &json)
    {
        return call(method, path, QJsonDocument(json).toJson(QJsonDocument::Compact));
    }
    // A chat with an edited question: two branches, the second active.
    QString branchedChat()
    {
        const QString chat = call("POST", QStringLiteral("/chats"), QJsonObject{{"name", "Code talk"}}).object().value("id").toString();
        const QString q = call("POST", QStringLiteral("/chats/%1/messages").arg(chat),
                               QJsonObject{{"role", "user"}, {"content", "Show a loop"}}).object().value("id").toString();
        call("POST", QStringLiteral("/chats/%1/messages").arg(chat),
             QJsonObject{{"role", "assistant"}, {"content", "```c\nfor (;;) {}\n```"}});
        call("POST", QStringLiteral("/chats/%1/messages").arg(chat),
             QJsonObject{{"role", "user"}, {"content", "Show a loop in C"}, {"parent_message_id", QJsonValue::Null}});
        call("POST", QStringLiteral("/chats/%1/messages").arg(chat),
             QJsonObject{{"role", "assistant"}, {"content", "`while (1) {}`"}});
        return q.isEmpty() ? QString() : chat;
    }
    static QStringList texts(const QJsonObject &detail)
    {
        QStringList out;
        for (const QJsonValue &m : detail.value("messages").toArray())
            out << m[QStringLiteral("content")][QStringLiteral("text")].toString();
        return out;
    }
    static QStringList pathTexts(const QJsonObject &detail)
    {
        QHash<QString, QString> byId;
        for (const QJsonValue &m : detail.value("messages").toArray())
            byId.insert(m[QStringLiteral("id")].toString(), m[QStringLiteral("content")][QStringLiteral("text")].toString());
        QStringList out;
        for (const QJsonValue &id : detail.value("current_path").toArray())
            out << byId.value(id.toString());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A small general body limit, so that the import's own limit shows.
        server = std::make_unique<TestApiServer>([](Config &c) {
            c.maxRequestBytes = 16 * 1024;
            c.importMaxBytes = 512 * 1024;
        });
        TEEHEE_REQUIRE_SERVER(*server);
    }
    void init()
    {
        token = newUserToken();
        QVERIFY(!token.isEmpty());
    }
    void cleanupTestCase() { server.reset(); }

    void aChatExportedAsJsonImportsAsTheSameChat()
    {
        const QString chat = branchedChat();
        QVERIFY(!chat.isEmpty());
        const auto exported = call("GET", QStringLiteral("/chats/%1/export?format=json").arg(chat));
        QCOMPARE(exported.status, 200);
        QVERIFY(exported.headers.value("content-type").startsWith("application/json"));
        QVERIFY(exported.headers.value("content-disposition").startsWith("attachment;"));
        const QJsonObject doc = QJsonDocument::fromJson(exported.body).object();
        QCOMPARE(doc.value("format").toString(), QStringLiteral("teehee.chat.v1"));
        QCOMPARE(doc.value("messages").toArray().size(), 4);

        const QByteArray other = newUserToken();
        const auto imported = call("POST", QStringLiteral("/import"), exported.body, other);
        QCOMPARE(imported.status, 201);
        QCOMPARE(imported.object().value("imported").toInt(), 1);
        QCOMPARE(imported.object().value("skipped").toInt(), 0);
        const QString copy = imported.object().value("chat_ids").toArray().at(0).toString();
        const auto original = call("GET", QStringLiteral("/chats/%1").arg(chat)).object();
        const auto copied = call("GET", QStringLiteral("/chats/%1").arg(copy), {}, other).object();
        QCOMPARE(texts(copied), texts(original));
        QCOMPARE(pathTexts(copied), (QStringList{"Show a loop in C", "`while (1) {}`"}));
        QCOMPARE(pathTexts(copied), pathTexts(original));

        const auto again = call("POST", QStringLiteral("/import"), exported.body, other);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.object().value("imported").toInt(), 0);
        QCOMPARE(again.object().value("skipped").toInt(), 1);
    }

    void markdownIsTheActivePathAsAnAttachment()
    {
        const QString chat = branchedChat();
        const auto md = call("GET", QStringLiteral("/chats/%1/export?format=markdown").arg(chat));
        QCOMPARE(md.status, 200);
        QCOMPARE(md.headers.value("content-type"), QByteArray("text/markdown; charset=utf-8"));
        QCOMPARE(md.headers.value("content-disposition"), QByteArray("attachment; filename=\"Code talk.md\""));
        const QString text = QString::fromUtf8(md.body);
        QVERIFY2(text.contains(QStringLiteral("## User\n\nShow a loop in C\n")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("## Assistant\n\n`while (1) {}`\n")));
        QVERIFY(!text.contains(QStringLiteral("for (;;)")));
        QCOMPARE(call("GET", QStringLiteral("/chats/%1/export?format=pdf").arg(chat)).status, 422);
    }

    void everythingIsStreamedAndOnlyTheUsersOwn()
    {
        branchedChat();
        branchedChat();
        const QByteArray other = newUserToken();
        QCOMPARE(call("POST", QStringLiteral("/chats"), "{\"name\":\"Someone else's\"}", other).status, 201);
        const auto all = call("GET", QStringLiteral("/export"));
        QCOMPARE(all.status, 200);
        QCOMPARE(all.headers.value("transfer-encoding"), QByteArray("chunked"));
        const QJsonObject doc = QJsonDocument::fromJson(all.body).object();
        QCOMPARE(doc.value("format").toString(), QStringLiteral("teehee.export.v1"));
        QVERIFY(!doc.value("exported_at").toString().isEmpty());
        const QJsonArray chats = doc.value("chats").toArray();
        QCOMPARE(chats.size(), 2);
        for (const QJsonValue &c : chats)
            QCOMPARE(c[QStringLiteral("chat")][QStringLiteral("name")].toString(), QStringLiteral("Code talk"));

        // The whole export goes back in.
        const QByteArray third = newUserToken();
        const auto imported = call("POST", QStringLiteral("/import"), all.body, third);
        QCOMPARE(imported.status, 201);
        QCOMPARE(imported.object().value("imported").toInt(), 2);
        QCOMPARE(call("GET", QStringLiteral("/chats"), {}, third).array().size(), 2);
    }

    void aChatGptExportImportsWithItsBranches()
    {
        QFile file(QStringLiteral(TEEHEE_TRANSFER_DATA_DIR "/chatgpt-conversations.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray doc = file.readAll();
        const auto r = call("POST", QStringLiteral("/import"), doc);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.object().value("imported").toInt(), 2);
        const QString chat = r.object().value("chat_ids").toArray().at(0).toString();
        const auto detail = call("GET", QStringLiteral("/chats/%1").arg(chat)).object();
        QCOMPARE(detail.value("name").toString(), QStringLiteral("Reversing a list"));
        QCOMPARE(texts(detail).size(), 4);
        QCOMPARE(pathTexts(detail), (QStringList{"How do I reverse a list in place?", "Call `xs.reverse()`: it changes the list itself."}));
        const auto again = call("POST", QStringLiteral("/import"), doc);
        QCOMPARE(again.object().value("imported").toInt(), 0);
        QCOMPARE(again.object().value("skipped").toInt(), 2);
    }

    void aMalformedDocumentIs422AndStoresNothing()
    {
        const QByteArray bad = "{\"format\":\"teehee.export.v1\",\"chats\":[{\"format\":\"teehee.chat.v1\",\"chat\":{\"id\":\"a\",\"name\":\"ok\"},"
                               "\"messages\":[]},{\"format\":\"teehee.chat.v1\",\"chat\":{\"id\":\"b\",\"name\":\"x\"},"
                               "\"messages\":[{\"id\":\"m\",\"role\":\"user\",\"content\":\"not an object\"}]}]}";
        const auto r = call("POST", QStringLiteral("/import"), bad);
        QCOMPARE(r.status, 422);
        QVERIFY2(r.object().value("detail").toString().contains(QStringLiteral("chats[1].messages[0].content")), r.body.constData());
        QCOMPARE(call("POST", QStringLiteral("/import"), "[1]").status, 422);
        QCOMPARE(call("POST", QStringLiteral("/import"), "not json").status, 422);
        QCOMPARE(call("GET", QStringLiteral("/chats")).array().size(), 0);
    }

    void theImportHasItsOwnBodyLimit()
    {
        QByteArray big = "{\"format\":\"teehee.chat.v1\",\"chat\":{\"id\":\"big\",\"name\":\"Big\"},\"messages\":"
                         "[{\"id\":\"m\",\"role\":\"user\",\"content\":{\"text\":\"" + QByteArray(64 * 1024, 'a') + "\"}}]}";
        QCOMPARE(call("POST", QStringLiteral("/chats"), big).status, 413);   // the general limit elsewhere
        QCOMPARE(call("POST", QStringLiteral("/import"), big).status, 201);
        QCOMPARE(call("POST", QStringLiteral("/import/"), QByteArray(600 * 1024, ' ')).status, 413);   // IMPORT_MAX_BYTES
    }

    void anotherUsersChatIsNotFound()
    {
        const QString chat = branchedChat();
        const QByteArray other = newUserToken();
        QCOMPARE(call("GET", QStringLiteral("/chats/%1/export").arg(chat), {}, other).status, 404);
        QCOMPARE(call("GET", QStringLiteral("/chats/%1/export?format=markdown").arg(chat), {}, other).status, 404);
        QCOMPARE(call("GET", QStringLiteral("/chats/%1/export").arg(newUuid())).status, 404);
        QCOMPARE(server->client().request("GET", QStringLiteral("/export")).status, 401);
        QCOMPARE(server->client().request("POST", QStringLiteral("/import"), "[]").status, 401);
    }
};

QTEST_GUILESS_MAIN(TestTransferRoutes)
#include "tst_transferroutes.moc"
