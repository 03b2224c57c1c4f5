// Mistral chat completions against a loopback fake of api.mistral.ai.
#include "fakeproviderserver.h"
#include "streamrecorder.h"

#include "providers/provider.h"

#include <QJsonArray>
#include <QTest>

using namespace teehee;
using namespace teehee::test;

namespace {

class Fixture {
public:
    Fixture()
    {
        ok = server.listen();
        provider = std::make_unique<MistralProvider>(server.baseUrl(QStringLiteral("/v1")), QStringLiteral("mistral-key-1"));
        request.model = QStringLiteral("mistral-small-latest");
        request.messages = {{QStringLiteral("user"), QStringLiteral("Hi")}};
        request.timeouts = {2000, 2000, 10000};
        request.retry.maxAttempts = 1;
    }
    std::unique_ptr<StreamRecorder> run()
    {
        stream.reset(provider->createStream(request));
        auto rec = std::make_unique<StreamRecorder>(stream.get());
        stream->start();
        rec->waitForEnd();
        return rec;
    }
    bool ok = false;
    FakeProviderServer server;
    std::unique_ptr<MistralProvider> provider;
    ChatRequest request;
    std::unique_ptr<ProviderStream> stream;
};

} // namespace

class TestMistralStream : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void streamsTextAndReadsUsageFromTheFinishChunk()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(wire::mistralStream({QStringLiteral("Bon"), QStringLiteral("jour")}, 10, 12)));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(rec->text(), QStringLiteral("Bonjour"));
        QCOMPARE(rec->inputTokens, 10);
        QCOMPARE(rec->outputTokens, 12);
    }

    void requestHasNoOpenAiOnlyFields()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.temperature = 0.3;
        f.server.enqueue(FakeResponse::sse().send(wire::mistralStream({QStringLiteral("x")})));
        f.run();
        const RecordedRequest r = f.server.requests().first();
        QCOMPARE(r.path, QByteArray("/v1/chat/completions"));
        QCOMPARE(r.header("authorization"), QByteArray("Bearer mistral-key-1"));
        const QJsonObject body = r.json();
        QVERIFY(!body.contains(QLatin1String("stream_options")));
        QVERIFY(!body.contains(QLatin1String("max_completion_tokens")));
        QCOMPARE(body.value(QLatin1String("max_tokens")).toInt(), 4096);
        QCOMPARE(body.value(QLatin1String("temperature")).toDouble(), 0.3);
    }

    void continueSendsPrefixTrueAndStripsTheEchoedPrefix()
    {
        Fixture f;
        QVERIFY(f.ok);
        const QString partial = QStringLiteral("Il était une");
        f.request.messages << ChatMessage{QStringLiteral("assistant"), partial};
        f.request.continuePartial = true;
        f.server.enqueue(FakeResponse::sse().send(
            wire::mistralStream({QStringLiteral("Il était"), QStringLiteral(" une fois"), QStringLiteral(" un roi.")})));
        auto rec = f.run();
        QCOMPARE(partial + rec->text(), QStringLiteral("Il était une fois un roi."));
        const QJsonArray messages = f.server.requests().first().json().value(QLatin1String("messages")).toArray();
        const QJsonObject last = messages.last().toObject();
        QCOMPARE(last.value(QLatin1String("role")).toString(), QStringLiteral("assistant"));
        QCOMPARE(last.value(QLatin1String("prefix")).toBool(), true);
        QCOMPARE(last.value(QLatin1String("content")).toString(), partial);
    }

    void thinkingChunksOfReasoningModelsArriveAsReasoning()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse()
                             .send(wire::sseData(R"({"id":"a","object":"chat.completion.chunk","model":"magistral-medium-latest","choices":[{"index":0,"delta":{"content":[{"type":"thinking","thinking":[{"type":"text","text":"Hmm."}]}]},"finish_reason":null}]})"))
                             .send(wire::mistralStream({QStringLiteral("Yes.")})));
        auto rec = f.run();
        QCOMPARE(rec->reasoning, QStringLiteral("Hmm."));
        QCOMPARE(rec->text(), QStringLiteral("Yes."));
    }

    void unprocessableRequestNamesTheOffendingField()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::json(422, R"({"object":"error","message":{"detail":[{"type":"extra_forbidden","loc":["body","stream_options","include_usage"],"msg":"Extra inputs are not permitted","input":true}]},"type":"invalid_request_error","param":null,"code":null})"));
        auto rec = f.run();
        QCOMPARE(rec->error.kind, ProviderError::BadRequest);
        QVERIFY(rec->error.message.contains(QStringLiteral("stream_options")));
    }

    void rateLimitBodyOfMistral()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::json(429, R"({"object":"error","message":"Rate limit exceeded","type":"rate_limited","param":null,"code":"1300"})"));
        auto rec = f.run();
        QCOMPARE(rec->error.kind, ProviderError::RateLimited);
        QCOMPARE(rec->error.message, QStringLiteral("Mistral rate limit reached; retry in a moment"));
    }
};

QTEST_GUILESS_MAIN(TestMistralStream)
#include "tst_mistralstream.moc"
