// GET /providers/{name}/models over HTTP against fake providers: the user's
// key (else the server-wide one) goes upstream, the live list comes back in
// the /models shape with context sizes, and each provider failure becomes a
// clear message with a fitting status — never the key. Plus the context sizes
// of the static /models catalogue. A custom endpoint's list is held to the
// server's endpoint policy (after DNS, no redirects), and an upstream's error
// page is never reflected.
#include "backend.h"
#include "db/records.h"
#include "db/sqlquery.h"
#include "db/userrepository.h"
#include "auth/authservice.h"
#include "auth/tokenservice.h"
#include "db/keyrepository.h"
#include "fakeproviderserver.h"
#include "keys/keycipher.h"
#include "support/httptestclient.h"
#include "support/refusingport.h"

#include <QJsonDocument>
#include <QTest>

using namespace teehee;
using namespace teehee::test;

namespace {
const QByteArray kUserKey = "sk-user-Zx81mQp0aL5vN2bT7yR4";
}

class TestProviderModels : public QObject {
    Q_OBJECT
    FakeProviderServer openai;
    FakeProviderServer mistral;
    RefusingPort dead; // where Anthropic's server would be: down
    std::unique_ptr<TestApiServer> server;
    QByteArray token;

    static QByteArray tokenIn(TestApiServer &s)
    {
        UserRecord u;
        u.email = QStringLiteral("%1@example.com").arg(newUuid());
        auto created = UserRepository(s.backend().database()).create(u);
        return created ? s.backend().auth().tokens().issue(created->id, created->email) : QByteArray();
    }
    static HttpTestResponse as(TestApiServer &s, const QByteArray &t, const QByteArray &method, const QString &path,
                               const QJsonObject &body = {})
    {
        return s.client().request(method, path, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(),
                                  {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + t}});
    }
    static QJsonObject customKey(const QString &url)
    {
        return {{"provider_name", "custom"}, {"api_key", "local-key-0001"}, {"base_url", url}, {"label", "mine"}};
    }

    HttpTestResponse get(const QString &path, const QByteArray &as)
    {
        QList<QPair<QByteArray, QByteArray>> h;
        if (!as.isEmpty())
            h.append({"Authorization", "Bearer " + as});
        return server->client().request("GET", path, {}, h);
    }
    QByteArray newAccount()
    {
        UserRecord u;
        u.email = QStringLiteral("%1@example.com").arg(newUuid());
        auto created = UserRepository(server->backend().database()).create(u);
        return created ? server->backend().auth().tokens().issue(created->id, created->email) : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(openai.listen());
        QVERIFY(mistral.listen());
        QVERIFY(dead.port() != 0);
        server = std::make_unique<TestApiServer>([this](Config &c) {
            c.openaiBaseUrl = openai.baseUrl(QStringLiteral("/v1"));
            c.openaiApiKey.clear();
            c.mistralBaseUrl = mistral.baseUrl(QStringLiteral("/v1"));
            c.mistralApiKey = QStringLiteral("server-mistral-key-0000");
            c.anthropicBaseUrl = QStringLiteral("http://127.0.0.1:%1").arg(dead.port());
            c.anthropicApiKey = QStringLiteral("server-anthropic-key-0000");
        });
        TEEHEE_REQUIRE_SERVER(*server);
        token = newAccount();
        QVERIFY(!token.isEmpty());
        const auto added = server->client().request(
            "POST", QStringLiteral("/user/keys"),
            QJsonDocument(QJsonObject{{"provider_name", "openai"}, {"api_key", QString::fromLatin1(kUserKey)}}).toJson(),
            {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}});
        QCOMPARE(added.status, 201);
    }

    void signedInOnly()
    {
        const auto r = get(QStringLiteral("/providers/openai/models"), {});
        QCOMPARE(r.status, 401);
        QVERIFY(!r.header("www-authenticate").isEmpty());
        QCOMPARE(openai.requests().size(), 0);
    }

    void liveListWithTheUsersKeyInTheModelsShape()
    {
        const int before = openai.requests().size();
        openai.enqueue(FakeResponse::json(200, R"({"object":"list","data":[{"id":"gpt-4o","object":"model","created":1715367049,"owned_by":"system"},{"id":"gpt-9-preview","object":"model","created":1790000000,"owned_by":"system"}]})"));
        const auto r = get(QStringLiteral("/providers/openai/models/"), token);
        QCOMPARE(r.status, 200);
        QCOMPARE(openai.requests().size(), before + 1);
        const RecordedRequest up = openai.requests().last();
        QCOMPARE(up.path, QByteArray("/v1/models"));
        QCOMPARE(up.header("authorization"), "Bearer " + kUserKey);
        const QJsonArray models = r.array();
        QCOMPARE(models.size(), 2);
        const QJsonObject known = models.at(0).toObject();
        QCOMPARE(known.value("name").toString(), QStringLiteral("gpt-4o"));
        QCOMPARE(known.value("provider").toString(), QStringLiteral("openai"));
        QCOMPARE(known.value("context_tokens").toInt(), 128000); // from the catalogue
        QVERIFY(known.value("max_tokens").toInt() > 0);
        const QJsonObject unknown = models.at(1).toObject(); // newer than the catalogue: still listed
        QCOMPARE(unknown.value("name").toString(), QStringLiteral("gpt-9-preview"));
        QVERIFY(!unknown.contains("context_tokens"));
    }

    void serverWideKeyWhenTheUserHasNoneAndLiveContextSizes()
    {
        mistral.enqueue(FakeResponse::json(200, R"({"object":"list","data":[{"id":"mistral-small-latest","object":"model","created":1,"owned_by":"mistralai","capabilities":{"completion_chat":true},"name":"mistral-small-2506","max_context_length":131072,"aliases":[],"deprecation":null,"type":"base"},{"id":"brand-new-model","object":"model","created":2,"owned_by":"mistralai","max_context_length":65536,"type":"base"}]})"));
        const auto r = get(QStringLiteral("/providers/mistral/models"), token);
        QCOMPARE(r.status, 200);
        QCOMPARE(mistral.requests().last().header("authorization"), QByteArray("Bearer server-mistral-key-0000"));
        QCOMPARE(r.array().size(), 2);
        QCOMPARE(r.array().at(1).toObject().value("context_tokens").toInt(), 65536);
    }

    void providerNamesAreCaseInsensitiveAndUnknownOnesAre404()
    {
        mistral.enqueue(FakeResponse::json(200, R"({"object":"list","data":[{"id":"mistral-large-latest","object":"model","max_context_length":131072}]})"));
        const auto upper = get(QStringLiteral("/providers/Mistral/models"), token);
        QCOMPARE(upper.status, 200);
        QCOMPARE(upper.array().first().toObject().value("provider").toString(), QStringLiteral("mistral"));
        const auto r = get(QStringLiteral("/providers/nosuch/models"), token);
        QCOMPARE(r.status, 404);
        QVERIFY(r.detail().contains(QStringLiteral("openai")));
    }

    void rejectedKeyIsAClearMessageWithoutTheKey()
    {
        openai.enqueue(FakeResponse::json(401, wire::openAiErrorBody("Incorrect API key provided: " + kUserKey + ". You can find your API key at https://platform.openai.com/account/api-keys.",
                                                                     "invalid_request_error", "invalid_api_key")));
        const auto r = get(QStringLiteral("/providers/openai/models"), token);
        QCOMPARE(r.status, 400);
        QVERIFY2(r.detail().contains(QStringLiteral("OpenAI rejected the API key")), qPrintable(r.detail()));
        QVERIFY(!r.body.contains(kUserKey));
        QVERIFY(!r.body.contains("Zx81mQp0"));
    }

    void providerFailureIs502()
    {
        openai.enqueue(FakeResponse::json(500, wire::openAiErrorBody("The server had an error while processing your request.", "server_error", "")));
        const auto r = get(QStringLiteral("/providers/openai/models"), token);
        QCOMPARE(r.status, 502);
        QVERIFY(r.detail().contains(QStringLiteral("OpenAI")));
    }

    void rateLimitIs429WithRetryAfter()
    {
        openai.enqueue(FakeResponse::json(429, wire::openAiErrorBody("Rate limit reached", "requests", "rate_limit_exceeded"))
                           .header("Retry-After", "20"));
        const auto r = get(QStringLiteral("/providers/openai/models"), token);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("retry-after"), QByteArray("20"));
        QVERIFY(r.detail().contains(QStringLiteral("rate limit")));
    }

    void unreachableProviderIs503()
    {
        const auto r = get(QStringLiteral("/providers/anthropic/models"), token);
        QCOMPARE(r.status, 503);
        QVERIFY2(r.detail().contains(QStringLiteral("Could not reach Anthropic")), qPrintable(r.detail()));
        QVERIFY(!r.body.contains("server-anthropic-key"));
    }

    void noKeyAnywhereIs400WithAdvice()
    {
        // A second server without server-wide keys.
        TestApiServer bare([this](Config &c) {
            c.openaiBaseUrl = openai.baseUrl(QStringLiteral("/v1"));
            c.openaiApiKey.clear();
        });
        TEEHEE_REQUIRE_SERVER(bare);
        UserRecord u;
        u.email = QStringLiteral("%1@example.com").arg(newUuid());
        auto created = UserRepository(bare.backend().database()).create(u);
        QVERIFY(bool(created));
        const QByteArray t = bare.backend().auth().tokens().issue(created->id, created->email);
        const int before = openai.requests().size();
        const auto r = bare.client().request("GET", QStringLiteral("/providers/openai/models"), {}, {{"Authorization", "Bearer " + t}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.detail().contains(QStringLiteral("No API key")));
        QCOMPARE(openai.requests().size(), before);
    }

    void staticModelsCarryContextSizes()
    {
        const auto r = server->client().get(QStringLiteral("/models"));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.array().isEmpty());
        for (const QJsonValue &v : r.array()) {
            const QJsonObject m = v.toObject();
            QVERIFY2(m.value("context_tokens").toInt() >= m.value("max_tokens").toInt() && m.value("max_tokens").toInt() > 0,
                     qPrintable(m.value("name").toString()));
        }
    }

    void aCustomEndpointOnThisMachineIsRefusedWhereNotAllowed_data()
    {
        QTest::addColumn<QString>("url"); // %1: the fake's port
        QTest::newRow("localhost") << QStringLiteral("http://localhost:%1/v1");
        QTest::newRow("decimal") << QStringLiteral("http://2130706433:%1/v1");
        QTest::newRow("literal") << QStringLiteral("http://127.0.0.1:%1/v1");
        QTest::newRow("ipv6") << QStringLiteral("http://[::1]:%1/v1");
    }
    void aCustomEndpointOnThisMachineIsRefusedWhereNotAllowed()
    {
        QFETCH(QString, url);
        FakeProviderServer local;
        QVERIFY(local.listen(QHostAddress(QHostAddress::AnyIPv4)));
        local.setHandler([](const RecordedRequest &) { return FakeResponse::json(200, R"({"data":[{"id":"m"}]})"); });
        TestApiServer strict;
        TEEHEE_REQUIRE_SERVER(strict);
        const QByteArray t = tokenIn(strict);
        const auto stored = as(strict, t, "POST", QStringLiteral("/user/keys"), customKey(url.arg(local.port())));
        if (stored.status == 201) { // a name: judged after DNS
            const auto r = as(strict, t, "GET", QStringLiteral("/providers/custom:mine/models"));
            QCOMPARE(r.status, 403);
            QVERIFY2(r.detail().contains(QStringLiteral("does not allow endpoints on private networks")), qPrintable(r.detail()));
        } else {
            QCOMPARE(stored.status, 422);
        }
        QCOMPARE(local.peakOpenConnections(), 0);

        TestApiServer allowed([](Config &c) { c.allowedEndpointHosts = {QStringLiteral("127.0.0.0/8"), QStringLiteral("::1")}; });
        TEEHEE_REQUIRE_SERVER(allowed);
        const QByteArray t2 = tokenIn(allowed);
        QCOMPARE(as(allowed, t2, "POST", QStringLiteral("/user/keys"), customKey(url.arg(local.port()))).status, 201);
        const auto r = as(allowed, t2, "GET", QStringLiteral("/providers/custom:mine/models"));
        if (url.contains(u'[')) // the fake listens on IPv4 only: reached, or refused by the socket, never by the rule
            QVERIFY2(r.status == 200 || r.status == 503, qPrintable(r.detail()));
        else
            QCOMPARE(r.status, 200);
    }

    void aRedirectFromACustomEndpointIsNotFollowed()
    {
        FakeProviderServer target;
        QVERIFY(target.listen());
        FakeProviderServer endpoint;
        QVERIFY(endpoint.listen());
        const QByteArray location = target.baseUrl(QStringLiteral("/v1/models")).toLatin1();
        endpoint.setHandler([location](const RecordedRequest &) { return FakeResponse::json(302, "").header("Location", location); });
        TestApiServer allowed([](Config &c) { c.allowPrivateEndpoints = true; });
        TEEHEE_REQUIRE_SERVER(allowed);
        const QByteArray t = tokenIn(allowed);
        QCOMPARE(as(allowed, t, "POST", QStringLiteral("/user/keys"), customKey(endpoint.baseUrl(QStringLiteral("/v1")))).status, 201);
        const auto r = as(allowed, t, "GET", QStringLiteral("/providers/custom:mine/models"));
        QCOMPARE(r.status, 502);
        QVERIFY(r.detail().contains(QStringLiteral("redirects are not followed")));
        QVERIFY(!r.body.contains(location));
        QCOMPARE(endpoint.requests().size(), 1);
        QCOMPARE(target.requests().size(), 0);
    }

    void anUpstreamErrorPageIsNotReflected()
    {
        openai.enqueue(FakeResponse::json(500, "<html><pre>debug: admin_password=hunter2</pre></html>").header("Content-Type", "text/html"));
        const auto html = get(QStringLiteral("/providers/openai/models"), token);
        QCOMPARE(html.status, 502);
        QVERIFY(!html.body.contains("hunter2"));
        openai.enqueue(FakeResponse::json(500, "debug dump: admin_password=hunter2").header("Content-Type", "text/plain"));
        const auto text = get(QStringLiteral("/providers/openai/models"), token);
        QCOMPARE(text.status, 502);
        QVERIFY(!text.body.contains("hunter2"));
    }

    void aStoredKeyWithALineBreakNeverReachesTheProvider()
    {
        // Stored around the API (which refuses it): the client refuses it again.
        TestApiServer s([this](Config &c) { c.openaiBaseUrl = openai.baseUrl(QStringLiteral("/v1")); });
        TEEHEE_REQUIRE_SERVER(s);
        UserRecord u;
        u.email = QStringLiteral("%1@example.com").arg(newUuid());
        auto user = UserRepository(s.backend().database()).create(u);
        QVERIFY(bool(user));
        KeyRecord k;
        k.id = newUuid();
        k.userId = user->id;
        k.providerName = QStringLiteral("openai");
        k.encryptedApiKey = KeyCipher(s.backend().config().encryptionKey)
                                .encrypt(QStringLiteral("sk-abc\r\nX-Injected: yes"), {k.userId, k.id, k.providerName, {}}).value();
        QVERIFY(KeyRepository(s.backend().database()).create(k));
        const int before = openai.requests().size();
        const auto r = as(s, s.backend().auth().tokens().issue(user->id, user->email), "GET", QStringLiteral("/providers/openai/models"));
        QCOMPARE(r.status, 503);
        QVERIFY(!r.body.contains("X-Injected"));
        QCOMPARE(openai.requests().size(), before);
    }

    void cleanupTestCase() { server.reset(); }
};

QTEST_GUILESS_MAIN(TestProviderModels)
#include "tst_providermodels.moc"
