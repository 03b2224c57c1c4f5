// System routes: health, model lists, the OpenAPI document and the docs page;
// the CORS answer every route carries, and the access log line every request writes.
#include "api/httpserver.h"
#include "api/webclientfiles.h"
#include "backend.h"
#include "core/logging.h"
#include "support/httptestclient.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QScopeGuard>
#include <QTest>

using namespace teehee;

namespace {
// What the server logged while a test ran, one entry per message.
QStringList g_log;
void collectLog(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_log << QString::fromLatin1(context.category ? context.category : "") + u' ' + message;
}
}

class TstSystemRoutes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void healthReportsTheDatabase()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const auto r = s.client().get(QStringLiteral("/health"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("status")).toString(), QStringLiteral("healthy"));
        QCOMPARE(r.object().value(QStringLiteral("database")).toString(), QStringLiteral("ok"));
        QVERIFY(!r.object().value(QStringLiteral("version")).toString().isEmpty());
    }

    void healthAnswers503WhenTheDatabaseIsGone()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        QCOMPARE(s.client().get(QStringLiteral("/health")).status, 200);
        // Take the database away under the running server.
        Database &db = s.backend().database();
        db.closeThreadConnection();
        if (s.database().isPostgres()) {
            auto removeAdmin = qScopeGuard([] { QSqlDatabase::removeDatabase(QStringLiteral("health-admin")); });
            QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("health-admin"));
            auto url = DatabaseUrl::parse(qEnvironmentVariable("TEEHEE_TEST_PG_URL")).value();
            admin.setHostName(url.host);
            admin.setPort(url.port);
            admin.setUserName(url.user);
            admin.setDatabaseName(url.database);
            QVERIFY(admin.open());
            QVERIFY(QSqlQuery(admin).exec(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(db.url().database)));
            admin.close();
        } else {
            QVERIFY(QDir(QFileInfo(db.url().path).absolutePath()).removeRecursively());
        }
        const auto r = s.client().get(QStringLiteral("/health"));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.object().value(QStringLiteral("status")).toString(), QStringLiteral("unhealthy"));
        QVERIFY(r.object().value(QStringLiteral("database")).toString() != QStringLiteral("ok"));
        // The answer names no credentials or paths of the database.
        QVERIFY(!r.body.contains(db.url().isSqlite() ? db.url().path.toUtf8() : db.url().database.toUtf8()));
    }

    void providersAndModelsAreJsonLists()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const auto p = s.client().get(QStringLiteral("/providers"));
        QCOMPARE(p.status, 200);
        QVERIFY(p.body.startsWith('['));
        const auto m = s.client().get(QStringLiteral("/models"));
        QCOMPARE(m.status, 200);
        QVERIFY(m.body.startsWith('['));
        QHash<QString, bool> images;
        for (const auto &v : m.array()) {
            QVERIFY(v.toObject().contains(QStringLiteral("provider")));
            QVERIFY(v.toObject().value(QStringLiteral("images")).isBool());
            images.insert(v.toObject().value(QStringLiteral("name")).toString(), v.toObject().value(QStringLiteral("images")).toBool());
        }
        // Which models take images (a model that cannot is refused an image before anything is sent).
        QCOMPARE(images.value(QStringLiteral("gpt-4o-mini")), true);
        QCOMPARE(images.value(QStringLiteral("claude-sonnet-4-5-20250929")), true);
        QCOMPARE(images.value(QStringLiteral("gpt-3.5-turbo"), true), false);
        QCOMPARE(images.value(QStringLiteral("codestral-latest"), true), false);
    }

    void openApiDescribesEveryRouteOfTheContract()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const auto r = s.client().get(QStringLiteral("/openapi.json"));
        QCOMPARE(r.status, 200);
        const auto doc = r.object();
        QVERIFY(doc.value(QStringLiteral("openapi")).toString().startsWith(u"3."));
        const auto paths = doc.value(QStringLiteral("paths")).toObject();
        for (const char *p : {"/auth/signup", "/auth/signin", "/auth/sso", "/auth/google-sso", "/auth/session", "/auth/logout",
                              "/user/keys", "/user/keys/{key_id}", "/chats", "/chats/{chat_id}", "/chats/{chat_id}/messages",
                              "/messages/{message_id}", "/stream/{message_id}/abort", "/events", "/providers", "/models", "/health"})
            QVERIFY2(paths.contains(QLatin1String(p)), p);
        // Every API route registered here is documented; the web client's files are not API.
        const QStringList webClientPaths = WebClientFiles::embedded().topLevelPaths();
        for (const auto &[method, pattern] : s.server().router().routes()) {
            if (pattern.startsWith(u"/app/") || webClientPaths.contains(pattern)) {
                QVERIFY2(!paths.contains(pattern), qPrintable(pattern));
                continue;
            }
            QString path = pattern;
            path.replace(QStringLiteral(":uuid}"), QStringLiteral("}"));
            QVERIFY2(paths.value(path).toObject().contains(QString::fromLatin1(method).toLower()), qPrintable(method + ' ' + path));
        }
    }

    void docsPageIsSelfContained()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const auto r = s.client().get(QStringLiteral("/docs"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("text/html"));
        QVERIFY(r.body.contains("openapi.json"));
        QVERIFY(!r.body.contains("https://"));
    }

    void corsStarAnswersAStarWithoutCredentials()
    {
        TestApiServer s([](Config &c) { c.corsOrigins = {QStringLiteral("*")}; });
        TEEHEE_REQUIRE_SERVER(s);
        const auto r = s.client().request("GET", QStringLiteral("/health"), {}, {{"Origin", "https://evil.example"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("access-control-allow-origin"), QByteArray("*"));
        QVERIFY(!r.headers.contains("access-control-allow-credentials"));

        const auto preflight = s.client().request("OPTIONS", QStringLiteral("/chats"), {},
            {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "POST"},
             {"Access-Control-Request-Headers", "authorization"}});
        QCOMPARE(preflight.header("access-control-allow-origin"), QByteArray("*"));
        QVERIFY(!preflight.headers.contains("access-control-allow-credentials"));
        QVERIFY(preflight.header("access-control-allow-methods").contains("POST"));
    }

    void theNullOriginIsNeverAllowed_data()
    {
        QTest::addColumn<QStringList>("origins");
        QTest::newRow("star") << QStringList{QStringLiteral("*")};
        QTest::newRow("listed") << QStringList{QStringLiteral("null"), QStringLiteral("http://a.test")};
    }
    void theNullOriginIsNeverAllowed()
    {
        QFETCH(QStringList, origins);
        TestApiServer s([&](Config &c) { c.corsOrigins = origins; });
        TEEHEE_REQUIRE_SERVER(s);
        const auto r = s.client().request("GET", QStringLiteral("/health"), {}, {{"Origin", "null"}});
        QCOMPARE(r.status, 200);
        QVERIFY2(!r.headers.contains("access-control-allow-origin"), r.header("access-control-allow-origin").constData());
        QVERIFY(!r.headers.contains("access-control-allow-credentials"));
        const auto preflight = s.client().request("OPTIONS", QStringLiteral("/chats"), {},
            {{"Origin", "null"}, {"Access-Control-Request-Method", "POST"}});
        QVERIFY(!preflight.headers.contains("access-control-allow-origin"));
        QVERIFY(!preflight.headers.contains("access-control-allow-methods"));
    }

    void aListedOriginKeepsCredentials()
    {
        TestApiServer s([](Config &c) { c.corsOrigins = {QStringLiteral("http://a.test")}; });
        TEEHEE_REQUIRE_SERVER(s);
        const auto r = s.client().request("GET", QStringLiteral("/health"), {}, {{"Origin", "http://a.test"}});
        QCOMPARE(r.header("access-control-allow-origin"), QByteArray("http://a.test"));
        QCOMPARE(r.header("access-control-allow-credentials"), QByteArray("true"));
        const auto other = s.client().request("GET", QStringLiteral("/health"), {}, {{"Origin", "http://b.test"}});
        QVERIFY(!other.headers.contains("access-control-allow-origin"));
    }

    void controlCharactersInThePathAreEscapedInTheLog()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        g_log.clear();
        const QtMessageHandler previous = qInstallMessageHandler(collectLog);
        auto restore = qScopeGuard([previous] { qInstallMessageHandler(previous); });
        RawHttpConnection c(s.port());
        c.send("GET /a%0d%0aINJECTED%1b[31m%0a HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto r = c.readResponse();
        restore.dismiss();
        qInstallMessageHandler(previous);
        QCOMPARE(r.status, 404);
        QStringList mentions;
        for (const QString &line : std::as_const(g_log))
            if (line.contains(QStringLiteral("INJECTED")))
                mentions << line;
        QCOMPARE(mentions.size(), 1); // one message, and within it one line
        const QString line = mentions.first();
        QVERIFY2(line.startsWith(QStringLiteral("teehee.http GET /a")), qPrintable(line));
        for (const QChar c : line)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f, qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("/a\\r\\nINJECTED\\x1b[31m\\n 404")), qPrintable(line));
    }

    void logSafeEscapesEveryControlCharacter()
    {
        QCOMPARE(logSafe(QStringView(u"plain /path?q=1")), QStringLiteral("plain /path?q=1"));
        QCOMPARE(logSafe(QStringView(u"a\r\nb\tc\\d")), QStringLiteral("a\\r\\nb\\tc\\\\d"));
        QCOMPARE(logSafe(QByteArray("x\0y\x7fz", 5)), QStringLiteral("x\\x00y\\x7fz"));
        QCOMPARE(logSafe(QStringView(u"\u0085\u2028\u202e")), QStringLiteral("\\x85\\u2028\\u202e"));
        QCOMPARE(logSafe(QStringView(u"caf\u00e9 \u65e5\u672c")), QStringLiteral("caf\u00e9 \u65e5\u672c"));
    }
};

QTEST_GUILESS_MAIN(TstSystemRoutes)
#include "tst_systemroutes.moc"
