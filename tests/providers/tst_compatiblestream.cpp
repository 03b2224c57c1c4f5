// OpenAI-compatible servers (Ollama, vLLM, LM Studio, OpenRouter) at a user-given base URL.
#include "fakeproviderserver.h"
#include "streamrecorder.h"

#include "core/config.h"
#include "providers/providerregistry.h"
#include "providers/providerstream.h"

#include <QJsonArray>
#include <QTest>

using namespace teehee;
using namespace teehee::test;

namespace {

// The fake server is on loopback, which users' endpoints may reach only when the operator says so.
Config loopbackAllowed()
{
    Config c;
    c.allowedEndpointHosts = {QStringLiteral("127.0.0.1")};
    return c;
}

class Fixture {
public:
    Fixture()
    {
        ok = server.listen();
        request.provider = QStringLiteral("my-ollama");
        request.baseUrl = server.baseUrl(QStringLiteral("/v1"));
        request.model = QStringLiteral("llama3.2");
        request.messages = {{QStringLiteral("user"), QStringLiteral("Hi")}};
        request.timeouts = {2000, 2000, 10000};
        request.retry.maxAttempts = 1;
    }
    std::unique_ptr<StreamRecorder> run()
    {
        auto created = registry.createStream(request);
        if (!created)
            return nullptr;
        stream.reset(*created);
        auto rec = std::make_unique<StreamRecorder>(stream.get());
        stream->start();
        rec->waitForEnd();
        return rec;
    }
    bool ok = false;
    FakeProviderServer server;
    ProviderRegistry registry{loopbackAllowed()};
    ChatRequest request;
    std::unique_ptr<ProviderStream> stream;
};

} // namespace

class TestCompatibleStream : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void customBaseUrlWithoutKeySendsNoAuthorization()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(wire::openAiStream({QStringLiteral("Hi!")})));
        auto rec = f.run();
        QVERIFY(rec);
        QCOMPARE(rec->text(), QStringLiteral("Hi!"));
        const RecordedRequest r = f.server.requests().first();
        QCOMPARE(r.path, QByteArray("/v1/chat/completions"));
        QVERIFY(r.header("authorization").isEmpty());
        QCOMPARE(r.json().value(QLatin1String("max_tokens")).toInt(), 4096);
    }

    void customEndpointWithKeySendsBearer()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.apiKey = QStringLiteral("or-key-1");
        f.server.enqueue(FakeResponse::sse().send(wire::openAiStream({QStringLiteral("x")})));
        f.run();
        QCOMPARE(f.server.requests().first().header("authorization"), QByteArray("Bearer or-key-1"));
    }

    void reasoningFieldsArriveAsReasoning()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse()
                             .send(wire::sseData(R"({"choices":[{"index":0,"delta":{"reasoning_content":"think "},"finish_reason":null}]})"))
                             .send(wire::sseData(R"({"choices":[{"index":0,"delta":{"reasoning":"more"},"finish_reason":null}]})"))
                             .send(wire::openAiStream({QStringLiteral("Done")})));
        auto rec = f.run();
        QCOMPARE(rec->reasoning, QStringLiteral("think more"));
        QCOMPARE(rec->text(), QStringLiteral("Done"));
    }

    void aDeltaWithBothReasoningFieldsGivesTheReasoningOnce()
    {
        Fixture f;
        QVERIFY(f.ok);
        // A translating proxy repeats reasoning_content as reasoning: one thought, not two.
        f.server.enqueue(FakeResponse::sse()
                             .send(wire::sseData(R"({"choices":[{"index":0,"delta":{"reasoning_content":"step ","reasoning":"step "},"finish_reason":null}]})"))
                             .send(wire::openAiReasoningChunk(QStringLiteral("two"), "reasoning"))
                             .send(wire::openAiStream({QStringLiteral("Done")})));
        auto rec = f.run();
        QCOMPARE(rec->reasoning, QStringLiteral("step two"));
        QCOMPARE(rec->text(), QStringLiteral("Done"));
    }

    void emptyStringFinishReasonIsNotAnEndAndServersWithoutDoneComplete()
    {
        Fixture f;
        QVERIFY(f.ok);
        // Old Ollama: finish_reason "" while streaming; some servers close without [DONE].
        f.server.enqueue(FakeResponse::sse()
                             .send(wire::sseData(R"({"choices":[{"index":0,"delta":{"content":"a"},"finish_reason":""}]})"))
                             .send(wire::sseData(R"({"choices":[{"index":0,"delta":{"content":"b"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2}})")));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(rec->text(), QStringLiteral("ab"));
        QCOMPARE(rec->outputTokens, 2);
    }

    void openRouterCommentsAndInBandErrors()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse()
                             .send(": OPENROUTER PROCESSING\n\n")
                             .send(wire::openAiChunk(QStringLiteral("Par")))
                             .send(": OPENROUTER PROCESSING\n\n")
                             .send(wire::sseData(R"({"error":{"code":502,"message":"Provider returned error"}})"), 10));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Failed);
        QCOMPARE(rec->text(), QStringLiteral("Par"));
        QCOMPARE(rec->error.kind, ProviderError::ServerError);
    }

    void continueAsksForTheFinalMessageToBeContinued()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.messages << ChatMessage{QStringLiteral("assistant"), QStringLiteral("One, two,")};
        f.request.continuePartial = true;
        f.server.enqueue(FakeResponse::sse().send(wire::openAiStream({QStringLiteral(" three.")})));
        auto rec = f.run();
        QCOMPARE(QStringLiteral("One, two,") + rec->text(), QStringLiteral("One, two, three."));
        const QJsonObject body = f.server.requests().first().json();
        QCOMPARE(body.value(QLatin1String("continue_final_message")).toBool(), true);
        QCOMPARE(body.value(QLatin1String("add_generation_prompt")).toBool(), false);
        QCOMPARE(body.value(QLatin1String("messages")).toArray().last().toObject().value(QLatin1String("role")).toString(),
                 QStringLiteral("assistant"));
    }

    void ollamaStyleErrorBody()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::json(404, "{\"error\":{\"message\":\"model \\\"llama3.2\\\" not found, try pulling it first\",\"type\":\"api_error\",\"param\":null,\"code\":null}}"));
        auto rec = f.run();
        QCOMPARE(rec->error.kind, ProviderError::ModelNotFound);
        QVERIFY2(rec->error.message.startsWith(QStringLiteral("The model 'llama3.2' does not exist at Ollama")) ||
                 rec->error.message.contains(QStringLiteral("'llama3.2'")), qPrintable(rec->error.message));
    }

    void registryRefusesUnknownProvidersAndMissingKeys()
    {
        ProviderRegistry registry{loopbackAllowed()};
        ChatRequest r;
        r.model = QStringLiteral("m");
        r.provider = QStringLiteral("nope");
        QVERIFY(!registry.createStream(r).ok());
        r.provider = QStringLiteral("openai"); // Config{} has no server-wide key
        auto missing = registry.createStream(r);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::Unauthorized);
        QVERIFY(missing.error().message.contains(QStringLiteral("OpenAI")));
        r.apiKey = QStringLiteral("sk-user");
        auto made = registry.createStream(r);
        QVERIFY(made.ok());
        delete *made;
    }

    void registryTakesBaseUrlsAndKeysFromConfig()
    {
        Config c;
        c.openaiBaseUrl = QStringLiteral("http://127.0.0.1:9/v1");
        c.anthropicApiKey = QStringLiteral("server-key");
        ProviderRegistry registry(c);
        QCOMPARE(registry.names(), (QStringList{QStringLiteral("openai"), QStringLiteral("anthropic"), QStringLiteral("mistral")}));
        QCOMPARE(registry.provider(QStringLiteral("openai"))->baseUrl(), QStringLiteral("http://127.0.0.1:9/v1"));
        QVERIFY(registry.provider(QStringLiteral("anthropic"))->hasDefaultApiKey());
        QVERIFY(!registry.provider(QStringLiteral("mistral"))->hasDefaultApiKey());
    }
};

QTEST_GUILESS_MAIN(TestCompatibleStream)
#include "tst_compatiblestream.moc"
