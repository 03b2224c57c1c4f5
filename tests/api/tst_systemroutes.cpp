// System routes: health, model lists, the OpenAPI document and the docs page.
#include "api/httpserver.h"
#include "backend.h"
#include "support/httptestclient.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QScopeGuard>
#include <QTest>

using namespace teehee;

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
        for (const auto &v : m.array())
            QVERIFY(v.toObject().contains(QStringLiteral("provider")));
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
                              "/messages/{message_id}", "/stream/{message_id}/abort", "/providers", "/models", "/health"})
            QVERIFY2(paths.contains(QLatin1String(p)), p);
        // Every route registered here is documented.
        for (const auto &[method, pattern] : s.server().router().routes()) {
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
};

QTEST_GUILESS_MAIN(TstSystemRoutes)
#include "tst_systemroutes.moc"
