// Live model lists (GET {base}/models) and the static catalogue.
#include "fakeproviderserver.h"

#include "providers/endpointpolicy.h"
#include "providers/modelcatalogue.h"
#include "providers/modellistfetcher.h"
#include "providers/providerregistry.h"

#include <QSignalSpy>
#include <QTest>

using namespace teehee;
using namespace teehee::test;

class TestModelLists : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void openAiListUsesTheUsersKeyAndReadsDataIds()
    {
        FakeProviderServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeResponse::json(200, R"({"object":"list","data":[{"id":"gpt-4o","object":"model","created":1715367049,"owned_by":"system"},{"id":"gpt-4o-mini","object":"model","created":1721172741,"owned_by":"system"}]})"));
        ModelListFetcher fetcher(std::make_shared<OpenAiProvider>(server.baseUrl(QStringLiteral("/v1")), QStringLiteral("server-key")));
        QSignalSpy ok(&fetcher, &ModelListFetcher::succeeded);
        fetcher.fetch(QStringLiteral("user-key"));
        QVERIFY(ok.wait());
        QCOMPARE(ok.first().first().toStringList(), (QStringList{QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini")}));
        const RecordedRequest r = server.requests().first();
        QCOMPARE(r.method, QByteArray("GET"));
        QCOMPARE(r.path, QByteArray("/v1/models"));
        QCOMPARE(r.header("authorization"), QByteArray("Bearer user-key"));
    }

    void anthropicListSendsVersionHeaderAndFollowsPages()
    {
        FakeProviderServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeResponse::json(200, R"({"data":[{"type":"model","id":"claude-sonnet-4-5-20250929","display_name":"Claude Sonnet 4.5","created_at":"2025-09-29T00:00:00Z"}],"has_more":true,"first_id":"claude-sonnet-4-5-20250929","last_id":"claude-sonnet-4-5-20250929"})"));
        server.enqueue(FakeResponse::json(200, R"({"data":[{"type":"model","id":"claude-3-5-haiku-20241022","display_name":"Claude Haiku 3.5","created_at":"2024-10-22T00:00:00Z"}],"has_more":false,"first_id":"claude-3-5-haiku-20241022","last_id":"claude-3-5-haiku-20241022"})"));
        ModelListFetcher fetcher(std::make_shared<AnthropicProvider>(server.baseUrl(), QString()));
        QSignalSpy ok(&fetcher, &ModelListFetcher::succeeded);
        fetcher.fetch(QStringLiteral("ant-user-key"));
        QVERIFY(ok.wait());
        QCOMPARE(ok.first().first().toStringList(),
                 (QStringList{QStringLiteral("claude-sonnet-4-5-20250929"), QStringLiteral("claude-3-5-haiku-20241022")}));
        QCOMPARE(fetcher.models().first().displayName, QStringLiteral("Claude Sonnet 4.5"));
        QCOMPARE(server.requests().size(), 2);
        const RecordedRequest first = server.requests().first();
        QVERIFY(first.path.startsWith("/v1/models"));
        QCOMPARE(first.header("x-api-key"), QByteArray("ant-user-key"));
        QCOMPARE(first.header("anthropic-version"), QByteArray("2023-06-01"));
        QVERIFY(server.requests().at(1).path.contains("after_id=claude-sonnet-4-5-20250929"));
    }

    void mistralListReadsContextLengths()
    {
        FakeProviderServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeResponse::json(200, R"({"object":"list","data":[{"id":"mistral-small-latest","object":"model","created":1,"owned_by":"mistralai","capabilities":{"completion_chat":true},"name":"mistral-small-2506","max_context_length":131072,"aliases":[],"deprecation":null,"type":"base"}]})"));
        ModelListFetcher fetcher(std::make_shared<MistralProvider>(server.baseUrl(QStringLiteral("/v1")), QStringLiteral("k")));
        QSignalSpy ok(&fetcher, &ModelListFetcher::succeeded);
        fetcher.fetch();
        QVERIFY(ok.wait());
        QCOMPARE(fetcher.models().first().contextLength, 131072);
        QCOMPARE(server.requests().first().header("authorization"), QByteArray("Bearer k"));
    }

    void rejectedKeyGivesAHumanError()
    {
        FakeProviderServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeResponse::json(401, R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})"));
        QList<RemoteModel> got;
        ProviderError error;
        bool called = false;
        ModelListFetcher::fetchModels(std::make_shared<AnthropicProvider>(server.baseUrl(), QString()), QStringLiteral("bad-key"),
                                      [&](QList<RemoteModel> models, ProviderError e) {
                                          got = models;
                                          error = e;
                                          called = true;
                                      });
        QTRY_VERIFY(called);
        QCOMPARE(error.kind, ProviderError::Authentication);
        QVERIFY(error.message.startsWith(QStringLiteral("Anthropic rejected the API key")));
        QVERIFY(got.isEmpty());
    }

    void unreachableServerIsANetworkError()
    {
        ModelListFetcher fetcher(ProviderRegistry::compatible(QStringLiteral("http://127.0.0.1:1/v1"), {}, {},
                                                          EndpointPolicy::anyAddress()));
        QSignalSpy failed(&fetcher, &ModelListFetcher::failed);
        fetcher.fetch();
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().first().value<ProviderError>().kind, ProviderError::Network);
    }

    void catalogueListsTheOriginalAndCurrentModels()
    {
        for (const char *name : {"gpt-4o", "gpt-4o-mini", "gpt-4.1", "o3", "o4-mini", "gpt-4", "gpt-3.5-turbo",
                                 "claude-3-5-sonnet-latest", "claude-3-7-sonnet-latest", "claude-sonnet-4-20250514",
                                 "claude-opus-4-20250514", "claude-3-opus-20240229", "claude-2.1", "mistral-large-latest",
                                 "mistral-small-latest", "codestral-latest", "open-mixtral-8x7b"}) {
            const auto model = ModelCatalogue::find(QString::fromLatin1(name));
            QVERIFY2(model.has_value(), name);
            QVERIFY(model->maxTokens > 0 && model->contextTokens >= model->maxTokens);
            QVERIFY(!model->description.isEmpty());
        }
        QCOMPARE(ModelCatalogue::find(QStringLiteral("gpt-4o"))->provider, QStringLiteral("openai"));
        for (const QString provider : {QStringLiteral("openai"), QStringLiteral("anthropic"), QStringLiteral("mistral")})
            QVERIFY(ModelCatalogue::find(ModelCatalogue::defaultModel(provider)).has_value());
    }
};

QTEST_GUILESS_MAIN(TestModelLists)
#include "tst_modellists.moc"
