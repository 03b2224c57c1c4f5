// ProviderService, the one home of provider facts: what it says of the
// built-in providers, live model lists with a stored or a typed key, the
// rule that a typed URL never gets a stored key, and the look for servers
// running on this machine. KeyService::replace keeps one key per provider
// and one endpoint per label. AuthService::ensureLocalUser finds or makes the
// desktop's account. Real HTTP to fake providers on loopback.
#include "auth/authservice.h"
#include "backend.h"
#include "db/userrepository.h"
#include "fakeproviderserver.h"
#include "keys/keyservice.h"
#include "keys/providerservice.h"
#include "support/httptestclient.h"
#include "support/refusingport.h"

#include <QSignalSpy>
#include <QTest>

using namespace teehee;
using namespace teehee::test;

namespace {
const QByteArray kModels = R"({"object":"list","data":[{"id":"gpt-4o","object":"model"},{"id":"local-7b","object":"model"}]})";
}

class TestProviderService : public QObject {
    Q_OBJECT
    FakeProviderServer openai;
    std::unique_ptr<TestApiServer> server;
    QString user;

    ProviderService &providers() { return server->backend().providers(); }
    KeyService &keys() { return server->backend().keys(); }

    ModelListing listing(const QString &provider, const QString &typedKey = {}, const QString &typedUrl = {})
    {
        std::optional<ModelListing> answer;
        providers().listModels(user, provider, typedKey, typedUrl, [&answer](ModelListing l) { answer = l; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000); }();
        return answer.value_or(ModelListing{});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(openai.listen());
        server = std::make_unique<TestApiServer>([this](Config &c) {
            c.openaiBaseUrl = openai.baseUrl(QStringLiteral("/v1"));
            c.openaiApiKey.clear();
            c.mistralApiKey = QStringLiteral("server-mistral-key-0000");
        });
        TEEHEE_REQUIRE_SERVER(*server);
        auto id = server->backend().auth().ensureLocalUser({});
        QVERIFY(id);
        user = id.value();
        keys().trustWithPrivateEndpoints(user);
    }

    void builtInProvidersSayWhoTheyAreAndWhetherTheServerHasAKey()
    {
        const auto facts = providers().builtIn();
        QStringList names;
        for (const ProviderFacts &p : facts)
            names << p.name;
        QCOMPARE(names, (QStringList{QStringLiteral("openai"), QStringLiteral("anthropic"), QStringLiteral("mistral")}));
        QCOMPARE(facts[0].displayName, QStringLiteral("OpenAI"));
        QVERIFY(!facts[0].defaultModel.isEmpty());
        QVERIFY(!facts[0].serverKey);
        QVERIFY(facts[2].serverKey); // MISTRAL_API_KEY is set
    }

    void aLiveListUsesTheStoredKey()
    {
        QVERIFY(keys().replace(user, QStringLiteral("openai"), QStringLiteral("sk-stored-0000000001")));
        openai.enqueue(FakeResponse::json(200, kModels));
        const ModelListing l = listing(QStringLiteral("openai"));
        QVERIFY(l.ok());
        QCOMPARE(l.models.size(), 2);
        QCOMPARE(l.models[0].name, QStringLiteral("gpt-4o"));
        QVERIFY(l.models[0].contextTokens > 0); // known to the catalogue
        QCOMPARE(openai.requests().last().header("authorization"), QByteArray("Bearer sk-stored-0000000001"));
    }

    void aTypedKeyIsTriedInsteadOfTheStoredOne()
    {
        openai.enqueue(FakeResponse::json(200, kModels));
        QVERIFY(listing(QStringLiteral("openai"), QStringLiteral("sk-typed-00000000002")).ok());
        QCOMPARE(openai.requests().last().header("authorization"), QByteArray("Bearer sk-typed-00000000002"));
    }

    void aRefusedKeyIsAFailureWithoutTheKey()
    {
        openai.enqueue(FakeResponse::json(401, R"({"error":{"message":"Incorrect API key provided: sk-typed-00000000003"}})"));
        const ModelListing l = listing(QStringLiteral("openai"), QStringLiteral("sk-typed-00000000003"));
        QVERIFY(!l.ok());
        QCOMPARE(l.failure.kind, ProviderError::Authentication);
        QVERIFY(!l.failure.message.contains(QStringLiteral("sk-typed-00000000003")));
    }

    void anUnknownProviderIsRefusedBeforeAnyRequest()
    {
        const int before = openai.requests().size();
        const ModelListing l = listing(QStringLiteral("nonesuch"));
        QVERIFY(l.refused);
        QVERIFY(l.refused->is(ErrorReason::UnknownProvider));
        QCOMPARE(openai.requests().size(), before);
    }

    void aTypedUrlNeverGetsTheStoredKey()
    {
        FakeProviderServer elsewhere;
        QVERIFY(elsewhere.listen());
        QVERIFY(keys().replace(user, QStringLiteral("custom"), QStringLiteral("sk-endpoint-secret-004"),
                               openai.baseUrl(QStringLiteral("/v1")), QStringLiteral("Mine")));
        elsewhere.enqueue(FakeResponse::json(200, kModels));
        QVERIFY(listing(QStringLiteral("custom:Mine"), {}, elsewhere.baseUrl(QStringLiteral("/v1"))).ok());
        QCOMPARE(elsewhere.requests().size(), 1);
        QVERIFY(!elsewhere.requests().first().header("authorization").contains("sk-endpoint-secret-004"));
    }

    void replaceKeepsOneKeyPerProviderAndOneEndpointPerLabel()
    {
        QVERIFY(keys().replace(user, QStringLiteral("anthropic"), QStringLiteral("sk-ant-first-000000001")));
        QVERIFY(keys().replace(user, QStringLiteral("anthropic"), QStringLiteral("sk-ant-second-00000002")));
        QVERIFY(keys().replace(user, QStringLiteral("custom"), QStringLiteral("k1"), QStringLiteral("http://127.0.0.1:1/v1"), QStringLiteral("A")));
        QVERIFY(keys().replace(user, QStringLiteral("custom"), QStringLiteral("k2"), QStringLiteral("http://127.0.0.1:2/v1"), QStringLiteral("A")));
        QVERIFY(keys().replace(user, QStringLiteral("custom"), QStringLiteral("k3"), QStringLiteral("http://127.0.0.1:3/v1"), QStringLiteral("B")));
        int anthropic = 0;
        QStringList labels;
        const auto all = keys().list(user);
        QVERIFY(all);
        for (const KeyRecord &k : all.value()) {
            anthropic += k.providerName == u"anthropic";
            if (k.providerName == u"custom")
                labels << k.label;
        }
        QCOMPARE(anthropic, 1);
        // A refused key replaces nothing.
        QVERIFY(!keys().replace(user, QStringLiteral("anthropic"), QStringLiteral("bad\nkey")));
        QCOMPARE(keys().resolveKey(user, QStringLiteral("anthropic")).value(), QStringLiteral("sk-ant-second-00000002"));
        QCOMPARE(keys().resolveKey(user, QStringLiteral("anthropic")).value(), QStringLiteral("sk-ant-second-00000002"));
        labels.sort();
        QCOMPARE(labels, (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("Mine")}));
    }

    void theProbeAnswersTheServersThatReplied()
    {
        FakeProviderServer local;
        QVERIFY(local.listen());
        local.enqueue(FakeResponse::json(200, kModels));
        RefusingPort refusing;
        QVERIFY(refusing.port() != 0);
        const quint16 deadPort = refusing.port();
        std::optional<QList<LocalServer>> found;
        providers().probeLocalServers({{QStringLiteral("Here"), local.baseUrl(QStringLiteral("/v1"))},
                                       {QStringLiteral("Gone"), QStringLiteral("http://127.0.0.1:%1/v1").arg(deadPort)}},
                                      2000, [&found](QList<LocalServer> s) { found = s; });
        QTRY_VERIFY_WITH_TIMEOUT(found.has_value(), 10000);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().name, QStringLiteral("Here"));
        QCOMPARE(found->first().models, (QStringList{QStringLiteral("gpt-4o"), QStringLiteral("local-7b")}));
    }

    void theLocalUserIsFoundAgainByIdOrByItsAddress()
    {
        auto again = server->backend().auth().ensureLocalUser(user);
        QCOMPARE(again.value(), user);
        auto byEmail = server->backend().auth().ensureLocalUser(QStringLiteral("00000000-0000-0000-0000-000000000000"));
        QCOMPARE(byEmail.value(), user);
        auto stored = UserRepository(server->backend().database()).findById(user);
        QVERIFY(stored);
        QVERIFY(stored->passwordHash.isEmpty()); // nobody signs in to it over the network
    }
};

QTEST_GUILESS_MAIN(TestProviderService)
#include "tst_providerservice.moc"
