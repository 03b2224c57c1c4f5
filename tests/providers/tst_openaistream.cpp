// OpenAI Chat Completions streaming against a loopback fake of api.openai.com.
#include "fakeproviderserver.h"
#include "streamrecorder.h"

#include "providers/provider.h"
#include "providers/providerstream.h"

#include <QJsonArray>
#include <QTest>

using namespace teehee;
using namespace teehee::test;

namespace {

const QString kKey = QStringLiteral("sk-test-OPENAIKEY0123456789");

class Fixture {
public:
    Fixture()
    {
        ok = server.listen();
        provider = std::make_unique<OpenAiProvider>(server.baseUrl(QStringLiteral("/v1")), kKey);
        request.model = QStringLiteral("gpt-4o-mini");
        request.messages = {{QStringLiteral("user"), QStringLiteral("Hi")}};
        request.timeouts = {2000, 2000, 10000};
        request.retry.maxAttempts = 1; // retries have their own tests
    }
    // Runs one stream to its end and returns what it emitted.
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
    std::unique_ptr<OpenAiProvider> provider;
    ChatRequest request;
    std::unique_ptr<ProviderStream> stream;
};

} // namespace

class TestOpenAiStream : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void streamsTextDeltasInOrderAndCompletes()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(wire::openAiStream({QStringLiteral("Hel"), QStringLiteral("lo"), QStringLiteral(" world")})));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(rec->deltas, (QStringList{QStringLiteral("Hel"), QStringLiteral("lo"), QStringLiteral(" world")}));
        QCOMPARE(rec->endCount, 1);
        QCOMPARE(f.stream->finishReason(), QStringLiteral("stop"));
    }

    void sendsTheDocumentedRequest()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.systemPrompt = QStringLiteral("Be brief.");
        f.request.temperature = 0.7;
        f.request.maxTokens = 321;
        f.server.enqueue(FakeResponse::sse().send(wire::openAiStream({QStringLiteral("x")})));
        f.run();
        QCOMPARE(f.server.requests().size(), 1);
        const RecordedRequest r = f.server.requests().first();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.path, QByteArray("/v1/chat/completions"));
        QCOMPARE(r.header("authorization"), "Bearer " + kKey.toUtf8());
        const QJsonObject body = r.json();
        QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("gpt-4o-mini"));
        QCOMPARE(body.value(QLatin1String("stream")).toBool(), true);
        QCOMPARE(body.value(QLatin1String("stream_options")).toObject().value(QLatin1String("include_usage")).toBool(), true);
        QCOMPARE(body.value(QLatin1String("max_completion_tokens")).toInt(), 321);
        QCOMPARE(body.value(QLatin1String("temperature")).toDouble(), 0.7);
        const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[0].toObject().value(QLatin1String("role")).toString(), QStringLiteral("system"));
        QCOMPARE(messages[0].toObject().value(QLatin1String("content")).toString(), QStringLiteral("Be brief."));
        QCOMPARE(messages[1].toObject().value(QLatin1String("content")).toString(), QStringLiteral("Hi"));
    }

    void reasoningModelsGetNoTemperature()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.model = QStringLiteral("o3-mini");
        f.request.temperature = 0.7;
        f.server.enqueue(FakeResponse::sse().send(wire::openAiStream({QStringLiteral("x")})));
        f.run();
        QVERIFY(!f.server.requests().first().json().contains(QLatin1String("temperature")));
    }

    void usageComesFromTheFinalChunkWithEmptyChoices()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(wire::openAiStream({QStringLiteral("a")}, 17, 23)));
        auto rec = f.run();
        QCOMPARE(rec->inputTokens, 17);
        QCOMPARE(rec->outputTokens, 23);
    }

    void fragmentedSseIsReassembled()
    {
        Fixture f;
        QVERIFY(f.ok);
        const QString text = QStringLiteral("Grüße, 世界 😀!");
        const QStringList pieces{QStringLiteral("Grüße, "), QStringLiteral("世界 "), QStringLiteral("😀!")};
        // Three bytes per write: every multi-byte character is split somewhere.
        f.server.enqueue(FakeResponse::sse().sendFragmented(wire::openAiStream(pieces), 3));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(rec->text(), text);
    }

    void crlfFramedStreamIsParsed()
    {
        Fixture f;
        QVERIFY(f.ok);
        QByteArray body = wire::openAiStream({QStringLiteral("a"), QStringLiteral("b")});
        body.replace("\n", "\r\n");
        f.server.enqueue(FakeResponse::sse().sendFragmented(body, 7));
        auto rec = f.run();
        QCOMPARE(rec->text(), QStringLiteral("ab"));
        QCOMPARE(rec->end, ProviderStream::End::Completed);
    }

    void errorObjectMidStreamFailsTheStream()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse()
                             .send(wire::openAiRoleChunk() + wire::openAiChunk(QStringLiteral("par")))
                             .send(wire::sseData(R"({"error":{"message":"The server had an error while processing your request.","type":"server_error","param":null,"code":null}})"), 20));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Failed);
        QCOMPARE(rec->error.kind, ProviderError::ServerError);
        QCOMPARE(rec->text(), QStringLiteral("par"));
    }

    void endOfStreamWithoutDoneIsUpstreamClosed()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse()
                             .withFraming(FakeResponse::Framing::CloseDelimited)
                             .send(wire::openAiRoleChunk() + wire::openAiChunk(QStringLiteral("cut"))));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Failed);
        QCOMPARE(rec->error.kind, ProviderError::UpstreamClosed);
        QCOMPARE(rec->text(), QStringLiteral("cut"));
    }

    void httpErrorsBecomeTypedHumanErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("401") << 401
            << wire::openAiErrorBody("Incorrect API key provided: sk-test-OPENAIKEY0123456789. You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key")
            << QByteArray() << int(ProviderError::Authentication) << QStringLiteral("OpenAI rejected the API key");
        QTest::newRow("404 model") << 404
            << wire::openAiErrorBody("The model `gpt-9` does not exist or you do not have access to it.", "invalid_request_error", "model_not_found")
            << QByteArray() << int(ProviderError::ModelNotFound) << QStringLiteral("The model 'gpt-9' does not exist at OpenAI");
        QTest::newRow("429") << 429
            << wire::openAiErrorBody("Rate limit reached for gpt-4o-mini on requests per min (RPM): Limit 3, Used 3, Requested 1.", "requests", "rate_limit_exceeded")
            << QByteArray("20") << int(ProviderError::RateLimited) << QStringLiteral("OpenAI rate limit reached; retry in 20 s");
        QTest::newRow("500") << 500
            << wire::openAiErrorBody("The server had an error while processing your request. Sorry about that!", "server_error", "")
            << QByteArray() << int(ProviderError::ServerError) << QStringLiteral("OpenAI had a server error (HTTP 500)");
        QTest::newRow("503") << 503
            << wire::openAiErrorBody("The engine is currently overloaded, please try again later.", "service_unavailable_error", "server_is_overloaded")
            << QByteArray() << int(ProviderError::Overloaded) << QStringLiteral("OpenAI is overloaded");
    }
    void httpErrorsBecomeTypedHumanErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, kind);
        QFETCH(QString, message);
        Fixture f;
        QVERIFY(f.ok);
        f.request.model = QStringLiteral("gpt-9");
        FakeResponse r = FakeResponse::json(status, body);
        if (!retryAfter.isEmpty())
            r.header("Retry-After", retryAfter);
        f.server.enqueue(r);
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Failed);
        QCOMPARE(int(rec->error.kind), kind);
        QCOMPARE(rec->error.httpStatus, status);
        QVERIFY2(rec->error.message.startsWith(message), qPrintable(rec->error.message));
        QVERIFY(!rec->error.message.contains(kKey));
        QVERIFY(!rec->error.message.contains(QStringLiteral("OPENAIKEY")));
    }

    void continueSendsThePartialAnswerAndTrimsARepeatedTail()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.messages << ChatMessage{QStringLiteral("assistant"), QStringLiteral("The quick brown")};
        f.request.continuePartial = true;
        f.server.enqueue(FakeResponse::sse().send(
            wire::openAiStream({QStringLiteral("brown"), QStringLiteral(" fox"), QStringLiteral(" jumps.")})));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(QStringLiteral("The quick brown") + rec->text(), QStringLiteral("The quick brown fox jumps."));
        const QJsonArray messages = f.server.requests().first().json().value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages[1].toObject().value(QLatin1String("role")).toString(), QStringLiteral("assistant"));
        QCOMPARE(messages[1].toObject().value(QLatin1String("content")).toString(), QStringLiteral("The quick brown"));
        QCOMPARE(messages[2].toObject().value(QLatin1String("role")).toString(), QStringLiteral("user"));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiStream)
#include "tst_openaistream.moc"
