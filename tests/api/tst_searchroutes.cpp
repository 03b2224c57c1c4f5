// GET /search as spec/api.md states it: the answer's shape, every word and a
// prefix, accents and Japanese, deleted messages, isolation between users,
// pages through next_cursor, and 4xx for bad input. SQLite and PostgreSQL.
#include "api/httpserver.h"
#include "auth/authservice.h"
#include "auth/tokenservice.h"
#include "backend.h"
#include "db/sqlquery.h"
#include "db/userrepository.h"
#include "support/httptestclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrl>
#include <memory>

using namespace teehee;

class TestSearchRoutes : public QObject {
    Q_OBJECT

    std::unique_ptr<TestApiServer> server;
    QByteArray token;

    QByteArray newAccount()
    {
        UserRecord u;
        u.email = QStringLiteral("%1@example.com").arg(newUuid());
        auto created = UserRepository(server->backend().database()).create(u);
        return created ? server->backend().auth().tokens().issue(created->id, created->email) : QByteArray();
    }
    HttpTestResponse call(const QByteArray &method, const QString &path, const QJsonObject &json = {},
                          const QByteArray &as = {})
    {
        QList<QPair<QByteArray, QByteArray>> h{{"Content-Type", "application/json"}};
        const QByteArray t = as.isEmpty() ? token : as;
        if (t != "none")
            h.append({"Authorization", "Bearer " + t});
        return server->client().request(method, path, json.isEmpty() ? QByteArray() : QJsonDocument(json).toJson(), h);
    }
    QString newChat(const QString &name, const QByteArray &as = {})
    {
        return call("POST", QStringLiteral("/chats"), {{"name", name}}, as).object().value("id").toString();
    }
    // Messages a few milliseconds apart, so that "newest first" has one answer.
    QString say(const QString &chat, const QString &text, const QByteArray &as = {})
    {
        QTest::qWait(3);
        return call("POST", QStringLiteral("/chats/%1/messages").arg(chat), {{"role", "user"}, {"content", text}}, as)
            .object().value("id").toString();
    }
    static QString path(const QString &q, const QString &extra = {})
    {
        return QStringLiteral("/search?q=") + QString::fromLatin1(QUrl::toPercentEncoding(q)) + extra;
    }
    HttpTestResponse search(const QString &q, const QString &extra = {}, const QByteArray &as = {})
    {
        return call("GET", path(q, extra), {}, as);
    }
    QStringList messageIds(const QString &q, const QByteArray &as = {})
    {
        const auto r = search(q, {}, as);
        if (r.status != 200)
            return {QStringLiteral("status %1").arg(r.status)};
        QStringList ids;
        for (const auto v : r.object().value("results").toArray()) {
            if (!v.toObject().value("message_id").isNull())
                ids << v.toObject().value("message_id").toString();
        }
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        server = std::make_unique<TestApiServer>();
        TEEHEE_REQUIRE_SERVER(*server);
    }
    void init() { token = newAccount(); QVERIFY(!token.isEmpty()); }
    void cleanupTestCase() { server.reset(); }

    void theAnswerHasTheContractsShape()
    {
        const QString chat = newChat(QStringLiteral("Gardening"));
        const QString m = say(chat, QStringLiteral("When should I plant tomatoes?"));
        const auto r = search(QStringLiteral("tomato"));
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.object();
        QVERIFY(o.value("next_cursor").isNull());
        const QJsonArray results = o.value("results").toArray();
        QCOMPARE(results.size(), 1);
        const QJsonObject hit = results[0].toObject();
        QCOMPARE(hit.value("chat_id").toString(), chat);
        QCOMPARE(hit.value("chat_name").toString(), QStringLiteral("Gardening"));
        QCOMPARE(hit.value("message_id").toString(), m);
        QCOMPARE(hit.value("role").toString(), QStringLiteral("user"));
        QCOMPARE(hit.value("snippet").toString(), QStringLiteral("When should I plant tomatoes?"));
        QVERIFY(hit.value("timestamp").toString().endsWith(u'Z'));
        // A chat name: message_id and role are null.
        const auto named = search(QStringLiteral("garden")).object().value("results").toArray();
        QCOMPARE(named.size(), 1);
        QVERIFY(named[0].toObject().value("message_id").isNull());
        QVERIFY(named[0].toObject().value("role").isNull());
        QCOMPARE(call("GET", QStringLiteral("/search/?q=garden")).status, 200);
    }

    void wordsPrefixAccentsAndJapanese()
    {
        const QString chat = newChat(QStringLiteral("Misc"));
        const QString cafe = say(chat, QStringLiteral("Le café est fermé"));
        const QString tokyo = say(chat, QStringLiteral("東京タワーは高い"));
        const QString both = say(chat, QStringLiteral("cafe opening hours"));
        QCOMPARE(messageIds(QStringLiteral("cafe")), (QStringList{both, cafe}));
        QCOMPARE(messageIds(QStringLiteral("café ferm")), QStringList{cafe});
        QCOMPARE(messageIds(QStringLiteral("cafe hour")), QStringList{both});
        QCOMPARE(messageIds(QStringLiteral("東京")), QStringList{tokyo});
    }

    void deletedMessagesAreNotFound()
    {
        const QString chat = newChat(QStringLiteral("Notes"));
        const QString m = say(chat, QStringLiteral("my locker code is 4711"));
        QCOMPARE(messageIds(QStringLiteral("locker")), QStringList{m});
        QCOMPARE(call("DELETE", QStringLiteral("/messages/%1").arg(m)).status, 200);
        QCOMPARE(messageIds(QStringLiteral("locker")), QStringList{});
        QCOMPARE(messageIds(QStringLiteral("deleted")), QStringList{});
    }

    void eachUserFindsOnlyTheirOwn()
    {
        const QByteArray other = newAccount();
        const QString theirs = newChat(QStringLiteral("Other"), other);
        say(theirs, QStringLiteral("a zeppelin story"), other);
        const QString mine = say(newChat(QStringLiteral("Mine")), QStringLiteral("my zeppelin"));
        QCOMPARE(messageIds(QStringLiteral("zeppelin")), QStringList{mine});
        // Their chat as a filter answers like a missing chat.
        QCOMPARE(search(QStringLiteral("zeppelin"), QStringLiteral("&chat_id=%1").arg(theirs)).status, 404);
        QCOMPARE(search(QStringLiteral("zeppelin"), QStringLiteral("&chat_id=%1").arg(newUuid())).status, 404);
    }

    void pagesFollowNextCursor()
    {
        const QString chat = newChat(QStringLiteral("Many"));
        QStringList expected;
        for (int i = 0; i < 5; ++i)
            expected.prepend(say(chat, QStringLiteral("numbered line %1").arg(i)));
        QStringList seen;
        QString cursor;
        int pages = 0;
        do {
            QString extra = QStringLiteral("&limit=2");
            if (!cursor.isEmpty())
                extra += QStringLiteral("&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
            const auto r = search(QStringLiteral("numbered"), extra);
            QCOMPARE(r.status, 200);
            for (const auto v : r.object().value("results").toArray())
                seen << v.toObject().value("message_id").toString();
            cursor = r.object().value("next_cursor").toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(seen, expected);
    }

    void badInputIsRefusedWithTheField()
    {
        QCOMPARE(call("GET", QStringLiteral("/search")).status, 422);
        auto r = search(QString());
        QCOMPARE(r.status, 422);
        QVERIFY(r.detail().startsWith(QLatin1String("q:")));
        r = search(QStringLiteral("word"), QStringLiteral("&cursor=not-a-cursor"));
        QCOMPARE(r.status, 422);
        QVERIFY(r.detail().startsWith(QLatin1String("cursor:")));
        r = search(QStringLiteral("word"), QStringLiteral("&cursor=%1").arg(QLatin1String(QByteArray("{\"r\":1}").toBase64())));
        QCOMPARE(r.status, 422);
        for (const char *limit : {"0", "101", "ten"}) {
            r = search(QStringLiteral("word"), QStringLiteral("&limit=") + QLatin1String(limit));
            QCOMPARE(r.status, 422);
            QVERIFY(r.detail().startsWith(QLatin1String("limit:")));
        }
        QCOMPARE(search(QStringLiteral("word"), QStringLiteral("&chat_id=nope")).status, 422);
        QCOMPARE(search(QStringLiteral("word"), {}, "none").status, 401);
    }

    void openApiListsTheRouteAndItsParameters()
    {
        const QJsonObject doc = server->client().get(QStringLiteral("/openapi.json")).object();
        const QJsonObject op = doc.value("paths").toObject().value("/search").toObject().value("get").toObject();
        QStringList names;
        for (const auto p : op.value("parameters").toArray()) {
            QCOMPARE(p.toObject().value("in").toString(), QStringLiteral("query"));
            names << p.toObject().value("name").toString();
        }
        QCOMPARE(names, (QStringList{"q", "limit", "cursor", "chat_id"}));
    }
};

QTEST_GUILESS_MAIN(TestSearchRoutes)
#include "tst_searchroutes.moc"
