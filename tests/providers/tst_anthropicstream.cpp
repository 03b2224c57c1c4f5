// Anthropic Messages streaming against a loopback fake of api.anthropic.com.
#include "fakeproviderserver.h"
#include "streamrecorder.h"

#include "providers/anthropicstream.h"
#include "providers/provider.h"

#include <QJsonArray>
#include <QTest>

using namespace teehee;
using namespace teehee::test;

namespace {

const QString kKey = QStringLiteral("sk-ant-api03-ANTHROPICKEY42");

class Fixture {
public:
    Fixture()
    {
        ok = server.listen();
        provider = std::make_unique<AnthropicProvider>(server.baseUrl(), kKey);
        request.model = QStringLiteral("claude-3-7-sonnet-latest");
        request.messages = {{QStringLiteral("user"), QStringLiteral("Hi")}};
        request.timeouts = {2000, 2000, 10000};
        request.retry.baseDelayMs = 10;
    }
    std::unique_ptr<StreamRecorder> run()
    {
        stream.reset(provider->createStream(request));
        auto rec = std::make_unique<StreamRecorder>(stream.get());
        stream->start();
        rec->waitForEnd();
        return rec;
    }
    QJsonArray sentMessages(int i = 0) const
    {
        return server.requests().at(i).json().value(QLatin1String("messages")).toArray();
    }

    bool ok = false;
    FakeProviderServer server;
    std::unique_ptr<AnthropicProvider> provider;
    ChatRequest request;
    std::unique_ptr<ProviderStream> stream;
};

} // namespace

class TestAnthropicStream : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void streamsTextAndCompletesOnMessageStop()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(wire::anthropicStream({QStringLiteral("Hello"), QStringLiteral(", you")})));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(rec->deltas, (QStringList{QStringLiteral("Hello"), QStringLiteral(", you")}));
        QCOMPARE(f.stream->finishReason(), QStringLiteral("stop"));
    }

    void sendsSystemAsTopLevelFieldMaxTokensAndAuthHeaders()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.systemPrompt = QStringLiteral("Be kind.");
        f.request.temperature = 1.7; // Anthropic allows 0..1
        f.server.enqueue(FakeResponse::sse().send(wire::anthropicStream({QStringLiteral("x")})));
        f.run();
        const RecordedRequest r = f.server.requests().first();
        QCOMPARE(r.path, QByteArray("/v1/messages"));
        QCOMPARE(r.header("x-api-key"), kKey.toUtf8());
        QCOMPARE(r.header("anthropic-version"), QByteArray("2023-06-01"));
        QVERIFY(r.header("authorization").isEmpty());
        const QJsonObject body = r.json();
        QCOMPARE(body.value(QLatin1String("system")).toString(), QStringLiteral("Be kind."));
        QCOMPARE(body.value(QLatin1String("max_tokens")).toInt(), 4096);
        QCOMPARE(body.value(QLatin1String("temperature")).toDouble(), 1.0);
        for (const QJsonValue &m : body.value(QLatin1String("messages")).toArray())
            QVERIFY(m.toObject().value(QLatin1String("role")).toString() != QLatin1String("system"));
    }

    void usageAddsUpInputFromStartAndOutputFromDelta()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(wire::anthropicStream({QStringLiteral("x")}, 31, 7)));
        auto rec = f.run();
        QCOMPARE(rec->inputTokens, 31);
        QCOMPARE(rec->outputTokens, 7);
    }

    void thinkingDeltasArriveAsReasoningNotText()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.thinkingBudgetTokens = 2048;
        f.request.temperature = 0.5;
        f.server.enqueue(FakeResponse::sse()
                             .send(wire::anthropicMessageStart())
                             .send(wire::sseEvent("content_block_start", R"({"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}})"))
                             .send(wire::anthropicThinkingDelta(QStringLiteral("Let me think."), 0))
                             .send(wire::sseEvent("content_block_delta", R"({"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBCg=="}})"))
                             .send(wire::anthropicTextDelta(QStringLiteral("Answer."), 1))
                             .send(wire::anthropicMessageDelta("end_turn", 20))
                             .send(wire::anthropicMessageStop()));
        auto rec = f.run();
        QCOMPARE(rec->reasoning, QStringLiteral("Let me think."));
        QCOMPARE(rec->text(), QStringLiteral("Answer."));
        const QJsonObject body = f.server.requests().first().json();
        QCOMPARE(body.value(QLatin1String("thinking")).toObject().value(QLatin1String("budget_tokens")).toInt(), 2048);
        QVERIFY(body.value(QLatin1String("max_tokens")).toInt() > 2048);
        QVERIFY(!body.contains(QLatin1String("temperature")));
    }

    void errorEventAfterTextFailsWithTheMappedError()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse()
                             .send(wire::anthropicMessageStart() + wire::anthropicTextDelta(QStringLiteral("Part")))
                             .send(wire::anthropicError("overloaded_error", "Overloaded"), 20));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Failed);
        QCOMPARE(rec->error.kind, ProviderError::Overloaded);
        QCOMPARE(rec->text(), QStringLiteral("Part"));
        QCOMPARE(f.server.requests().size(), 1); // never retried after text was shown
    }

    void errorEventBeforeAnyTextIsRetried()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(wire::anthropicMessageStart() + wire::anthropicError("overloaded_error", "Overloaded")));
        f.server.enqueue(FakeResponse::sse().send(wire::anthropicStream({QStringLiteral("ok")})));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(rec->text(), QStringLiteral("ok"));
        QCOMPARE(f.server.requests().size(), 2);
    }

    void overloaded529IsRetriedWithBackoff()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::json(529, wire::anthropicErrorBody("overloaded_error", "Overloaded")).header("x-should-retry", "true"));
        f.server.enqueue(FakeResponse::sse().send(wire::anthropicStream({QStringLiteral("fine")})));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(rec->retryDelays.size(), 1);
        QCOMPARE(f.server.requests().size(), 2);
    }

    void httpErrorsUseAnthropicsErrorBodies_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("401") << 401 << QByteArray("authentication_error") << QByteArray("invalid x-api-key")
                             << int(ProviderError::Authentication) << QStringLiteral("Anthropic rejected the API key");
        QTest::newRow("404") << 404 << QByteArray("not_found_error") << QByteArray("model: claude-nope")
                             << int(ProviderError::ModelNotFound) << QStringLiteral("The model 'claude-nope' does not exist at Anthropic");
        QTest::newRow("400") << 400 << QByteArray("invalid_request_error") << QByteArray("messages: text content blocks must be non-empty")
                             << int(ProviderError::BadRequest) << QStringLiteral("Anthropic rejected the request: messages: text content blocks must be non-empty");
    }
    void httpErrorsUseAnthropicsErrorBodies()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, message);
        QFETCH(int, kind);
        QFETCH(QString, expected);
        Fixture f;
        QVERIFY(f.ok);
        f.request.model = QStringLiteral("claude-nope");
        f.server.enqueue(FakeResponse::json(status, wire::anthropicErrorBody(type, message)));
        auto rec = f.run();
        QCOMPARE(int(rec->error.kind), kind);
        QVERIFY2(rec->error.message.startsWith(expected), qPrintable(rec->error.message));
        QVERIFY(!rec->error.message.contains(kKey));
        QCOMPARE(f.server.requests().size(), 1);
    }

    void endWithoutMessageStopIsUpstreamClosed()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(wire::anthropicMessageStart() + wire::anthropicTextDelta(QStringLiteral("Hal"))));
        auto rec = f.run();
        QCOMPARE(rec->error.kind, ProviderError::UpstreamClosed);
        QCOMPARE(rec->text(), QStringLiteral("Hal"));
    }

    void continueUsesAssistantPrefillWithoutTrailingWhitespace()
    {
        Fixture f;
        QVERIFY(f.ok);
        const QString partial = QStringLiteral("The answer is ");
        f.request.messages << ChatMessage{QStringLiteral("assistant"), partial};
        f.request.continuePartial = true;
        f.server.enqueue(FakeResponse::sse().send(wire::anthropicStream({QStringLiteral(" 42"), QStringLiteral(".")})));
        auto rec = f.run();
        QCOMPARE(partial + rec->text(), QStringLiteral("The answer is 42."));
        const QJsonArray messages = f.sentMessages();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.last().toObject().value(QLatin1String("role")).toString(), QStringLiteral("assistant"));
        QCOMPARE(messages.last().toObject().value(QLatin1String("content")).toString(), QStringLiteral("The answer is"));
    }

    void continueOnModelsWithoutPrefillAsksInAUserTurn()
    {
        QVERIFY(AnthropicStream::supportsPrefill(QStringLiteral("claude-sonnet-4-5-20250929")));
        QVERIFY(AnthropicStream::supportsPrefill(QStringLiteral("claude-3-5-haiku-latest")));
        QVERIFY(!AnthropicStream::supportsPrefill(QStringLiteral("claude-opus-4-6")));
        QVERIFY(!AnthropicStream::supportsPrefill(QStringLiteral("claude-sonnet-5")));

        Fixture f;
        QVERIFY(f.ok);
        f.request.model = QStringLiteral("claude-opus-4-6");
        f.request.messages << ChatMessage{QStringLiteral("assistant"), QStringLiteral("Roses are red, violets")};
        f.request.continuePartial = true;
        f.server.enqueue(FakeResponse::sse().send(wire::anthropicStream({QStringLiteral("violets are"), QStringLiteral(" blue.")})));
        auto rec = f.run();
        QCOMPARE(QStringLiteral("Roses are red, violets") + rec->text(), QStringLiteral("Roses are red, violets are blue."));
        const QJsonArray messages = f.sentMessages();
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages.last().toObject().value(QLatin1String("role")).toString(), QStringLiteral("user"));
    }
};

QTEST_GUILESS_MAIN(TestAnthropicStream)
#include "tst_anthropicstream.moc"
