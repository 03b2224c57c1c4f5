// Every error class over real HTTP from the fake provider, through a real
// stream (or model-list fetch): the typed kind, a message a person can act
// on that names the provider, exactly one end, and never the key.
#include "fakeproviderserver.h"
#include "streamrecorder.h"
#include "support/refusingport.h"

#include "providers/modellistfetcher.h"
#include "providers/provider.h"

#include <QSignalSpy>
#include <QTest>

using namespace teehee;
using namespace teehee::test;

Q_DECLARE_METATYPE(teehee::test::FakeResponse)

namespace {
const QString kKey = QStringLiteral("sk-proj-Secret0123456789abcdefXYZ");
}

class TestProviderHttpErrors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyErrorClassOverHttp_data()
    {
        QTest::addColumn<bool>("anthropic");
        QTest::addColumn<FakeResponse>("response");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("says");
        using K = ProviderError;
        const auto json = [](int status, const QByteArray &body) { return FakeResponse::json(status, body); };
        QTest::newRow("authentication") << false << json(401, wire::openAiErrorBody("Incorrect API key provided: sk-proj-****XYZ.", "invalid_request_error", "invalid_api_key"))
                                        << int(K::Authentication) << QStringLiteral("rejected the API key");
        QTest::newRow("permission") << true << json(403, wire::anthropicErrorBody("permission_error", "Your API key does not have permission to use the specified resource."))
                                    << int(K::PermissionDenied) << QStringLiteral("refused access");
        QTest::newRow("model not found") << false << json(404, wire::openAiErrorBody("The model `gpt-7` does not exist or you do not have access to it.", "invalid_request_error", "model_not_found"))
                                         << int(K::ModelNotFound) << QStringLiteral("model");
        QTest::newRow("bad request") << true << json(400, wire::anthropicErrorBody("invalid_request_error", "max_tokens: Field required"))
                                     << int(K::BadRequest) << QStringLiteral("max_tokens");
        QTest::newRow("rate limited") << false << json(429, wire::openAiErrorBody("Rate limit reached for requests", "requests", "rate_limit_exceeded")).header("Retry-After", "30")
                                      << int(K::RateLimited) << QStringLiteral("retry in 30 s");
        QTest::newRow("quota") << false << json(429, wire::openAiErrorBody("You exceeded your current quota, please check your plan and billing details.", "insufficient_quota", "insufficient_quota"))
                               << int(K::QuotaExceeded) << QStringLiteral("quota");
        QTest::newRow("overloaded") << true << json(529, wire::anthropicErrorBody("overloaded_error", "Overloaded"))
                                    << int(K::Overloaded) << QStringLiteral("overloaded");
        QTest::newRow("server error") << false << json(500, wire::openAiErrorBody("The server had an error while processing your request.", "server_error", ""))
                                      << int(K::ServerError) << QStringLiteral("OpenAI");
        QTest::newRow("html from a proxy") << false << FakeResponse::json(502, "<html><body><h1>502 Bad Gateway</h1></body></html>").header("Content-Type", "text/html")
                                           << int(K::ServerError) << QStringLiteral("OpenAI");
        QTest::newRow("redirect") << false << json(301, "").header("Location", "https://api.example.org/v1/chat/completions")
                                  << int(K::Protocol) << QStringLiteral("redirects are not followed");
        QTest::newRow("timeout") << false << FakeResponse::sse().delayHeaders(5000)
                                 << int(K::Timeout) << QStringLiteral("did not answer");
        QTest::newRow("closed mid-stream") << false << FakeResponse::sse().send(wire::openAiRoleChunk() + wire::openAiChunk(QStringLiteral("half"))).closeMidStream()
                                           << int(K::UpstreamClosed) << QStringLiteral("closed the connection");
        QTest::newRow("error event mid-stream") << true << FakeResponse::sse().send(wire::anthropicMessageStart() + wire::anthropicTextDelta(QStringLiteral("half")))
                                                                .send(wire::anthropicError("api_error", "Internal server error"))
                                                << int(K::ServerError) << QStringLiteral("Anthropic");
    }
    void everyErrorClassOverHttp()
    {
        QFETCH(bool, anthropic);
        QFETCH(FakeResponse, response);
        QFETCH(int, kind);
        QFETCH(QString, says);
        FakeProviderServer server;
        QVERIFY(server.listen());
        server.enqueue(response);
        std::unique_ptr<Provider> provider;
        if (anthropic)
            provider = std::make_unique<AnthropicProvider>(server.baseUrl(), QString());
        else
            provider = std::make_unique<OpenAiProvider>(server.baseUrl(QStringLiteral("/v1")), QString());
        ChatRequest request;
        request.model = anthropic ? QStringLiteral("claude-sonnet-4-5-20250929") : QStringLiteral("gpt-4o-mini");
        request.apiKey = kKey;
        request.messages = {{QStringLiteral("user"), QStringLiteral("Hi")}};
        request.timeouts = {300, 2000, 10000};
        request.retry.maxAttempts = 1; // retries: tst_streamlifecycle
        std::unique_ptr<ProviderStream> stream(provider->createStream(request));
        StreamRecorder rec(stream.get());
        stream->start();
        QVERIFY(rec.waitForEnd(5000));
        QCOMPARE(rec.end, ProviderStream::End::Failed);
        QCOMPARE(int(rec.error.kind), kind);
        QVERIFY2(rec.error.message.contains(says, Qt::CaseInsensitive), qPrintable(rec.error.message));
        QVERIFY2(rec.error.message.contains(provider->displayName()), qPrintable(rec.error.message));
        QVERIFY(!rec.error.message.contains(QStringLiteral("Secret0123")));
        QVERIFY(!rec.error.message.contains(QStringLiteral("<html")));
        QTest::qWait(20);
        QCOMPARE(rec.endCount, 1);
    }

    void refusedConnectionIsANetworkError()
    {
        RefusingPort refusing;
        QVERIFY(refusing.port() != 0);
        const quint16 port = refusing.port();
        OpenAiProvider provider(QStringLiteral("http://127.0.0.1:%1/v1").arg(port), kKey);
        ChatRequest request;
        request.model = QStringLiteral("gpt-4o-mini");
        request.messages = {{QStringLiteral("user"), QStringLiteral("Hi")}};
        request.retry.maxAttempts = 1;
        std::unique_ptr<ProviderStream> stream(provider.createStream(request));
        StreamRecorder rec(stream.get());
        stream->start();
        QVERIFY(rec.waitForEnd());
        QCOMPARE(rec.error.kind, ProviderError::Network);
        QVERIFY(rec.error.message.contains(QStringLiteral("Could not reach OpenAI")));
    }

    // What an upstream says in an error body reaches the user only as a short,
    // cleaned provider message from its JSON error shape: a debug page or a
    // text dump is never reflected, for the stream as for the model list.
    void upstreamErrorBodiesAreNeverEchoed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("html") << QByteArray("<html><body><pre>Traceback: admin_password=hunter2 at db.internal:5432</pre></body></html>")
                              << QByteArray("text/html");
        QTest::newRow("text") << QByteArray("Internal error. config: admin_password=hunter2\r\nDATABASE_URL=postgres://x")
                              << QByteArray("text/plain");
        QTest::newRow("text that looks like words") << QByteArray("admin_password=hunter2") << QByteArray("application/json");
    }
    void upstreamErrorBodiesAreNeverEchoed()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        FakeProviderServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const RecordedRequest &) { return FakeResponse::json(500, body).header("Content-Type", contentType); });
        OpenAiProvider provider(server.baseUrl(QStringLiteral("/v1")), kKey);
        ChatRequest request;
        request.model = QStringLiteral("gpt-4o-mini");
        request.messages = {{QStringLiteral("user"), QStringLiteral("Hi")}};
        request.retry.maxAttempts = 1;
        std::unique_ptr<ProviderStream> stream(provider.createStream(request));
        StreamRecorder rec(stream.get());
        stream->start();
        QVERIFY(rec.waitForEnd());
        QCOMPARE(rec.error.kind, ProviderError::ServerError);
        QVERIFY(rec.error.message.contains(QStringLiteral("HTTP 500")));
        QVERIFY2(!rec.error.message.contains(QStringLiteral("hunter2")), qPrintable(rec.error.message));

        ModelListFetcher fetcher(std::make_shared<OpenAiProvider>(server.baseUrl(QStringLiteral("/v1")), kKey));
        QSignalSpy failed(&fetcher, &ModelListFetcher::failed);
        fetcher.fetch();
        QVERIFY(failed.wait());
        const auto error = failed.first().first().value<ProviderError>();
        QCOMPARE(error.kind, ProviderError::ServerError);
        QVERIFY2(!error.message.contains(QStringLiteral("hunter2")), qPrintable(error.message));
    }

    void aJsonErrorMessageIsShownShortAndClean()
    {
        FakeProviderServer server;
        QVERIFY(server.listen());
        const QByteArray message = "The upstream\\u0000 failed\\r\\nX-Injected: yes\\u001b[31m " + QByteArray("word ").repeated(120) + " TAIL";
        server.setHandler([&](const RecordedRequest &) {
            return FakeResponse::json(500, R"({"error":{"message":")" + message + R"(","type":"server_error"}})");
        });
        ModelListFetcher fetcher(std::make_shared<OpenAiProvider>(server.baseUrl(QStringLiteral("/v1")), kKey));
        QSignalSpy failed(&fetcher, &ModelListFetcher::failed);
        fetcher.fetch();
        QVERIFY(failed.wait());
        const QString text = failed.first().first().value<ProviderError>().message;
        QVERIFY2(text.contains(QStringLiteral("The upstream failed X-Injected: yes [31m word word")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("TAIL")));
        QVERIFY(text.size() < 320);
        for (const QChar c : text)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f, qPrintable(text));
    }

    void aModelListThatIsNotAListIsAProtocolError()
    {
        FakeProviderServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeResponse::json(200, "<!doctype html><title>Captive portal</title>").header("Content-Type", "text/html"));
        ModelListFetcher fetcher(std::make_shared<OpenAiProvider>(server.baseUrl(QStringLiteral("/v1")), kKey));
        QSignalSpy failed(&fetcher, &ModelListFetcher::failed);
        fetcher.fetch();
        QVERIFY(failed.wait());
        const auto error = failed.first().first().value<ProviderError>();
        QCOMPARE(error.kind, ProviderError::Protocol);
        QVERIFY(error.message.contains(QStringLiteral("OpenAI")));
    }
};

QTEST_GUILESS_MAIN(TestProviderHttpErrors)
#include "tst_providerhttperrors.moc"
