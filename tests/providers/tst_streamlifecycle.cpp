// What every provider stream guarantees, whatever the wire format: one end,
// immediate abort, timeouts reported as timeouts, bounded retries before the
// first token only, and no stream queued behind another.
#include "fakeproviderserver.h"
#include "streamrecorder.h"
#include "support/opensockets.h"
#include "support/refusingport.h"

#include "providers/provider.h"
#include "providers/providerstream.h"

#include <QElapsedTimer>
#include <algorithm>
#include <QTest>

using namespace teehee;
using namespace teehee::test;

namespace {

class Fixture {
public:
    Fixture()
    {
        ok = server.listen();
        provider = std::make_unique<OpenAiProvider>(server.baseUrl(QStringLiteral("/v1")), QStringLiteral("sk-lifecycle-000000"));
        request.model = QStringLiteral("gpt-4o-mini");
        request.messages = {{QStringLiteral("user"), QStringLiteral("Hi")}};
        request.timeouts = {2000, 2000, 10000};
        request.retry.baseDelayMs = 10;
    }
    ProviderStream *make()
    {
        stream.reset(provider->createStream(request));
        return stream.get();
    }
    bool ok = false;
    FakeProviderServer server;
    std::unique_ptr<OpenAiProvider> provider;
    ChatRequest request;
    std::unique_ptr<ProviderStream> stream;
};

FakeResponse slowStream()
{
    return FakeResponse::sse()
        .send(wire::openAiRoleChunk() + wire::openAiChunk(QStringLiteral("first")))
        .send(wire::openAiChunk(QStringLiteral(" second")), 2000)
        .send(wire::openAiDone());
}

} // namespace

class TestStreamLifecycle : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void abortDuringAStreamEndsItAtOnceAsAborted()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(slowStream());
        ProviderStream *s = f.make();
        StreamRecorder rec(s);
        s->start();
        QTRY_COMPARE(rec.text(), QStringLiteral("first"));
        s->abort();
        QCOMPARE(rec.endCount, 1); // before abort() returned
        QCOMPARE(rec.end, ProviderStream::End::Aborted);
        QVERIFY(!rec.error.isError());
        QTRY_COMPARE(f.server.clientDisconnects(), 1); // the upstream request was cancelled
        QTest::qWait(50);
        QCOMPARE(rec.text(), QStringLiteral("first"));
    }

    void abortClosesTheUpstreamConnectionAtOnce()
    {
        // The provider must stop generating (and billing) now: the connection is
        // closed by the time abort() returns, and the fake provider sees it closed.
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(wire::openAiRoleChunk() + wire::openAiChunk(QStringLiteral("first"))).hang());
        ProviderStream *s = f.make();
        StreamRecorder rec(s);
        bool abortReturned = false;
        bool closedBeforeAbort = false;
        QObject::connect(&f.server, &FakeProviderServer::clientDisconnected, &f.server,
                         [&] { closedBeforeAbort = !abortReturned; });
        s->start();
        QTRY_COMPARE(rec.text(), QStringLiteral("first"));
        QCOMPARE(f.server.openConnections(), 1);
        QCOMPARE(openConnectionsTo(f.server.port()), 1);
        s->abort();
        abortReturned = true;
        QCOMPARE(openConnectionsTo(f.server.port()), 0);
        QCOMPARE(rec.end, ProviderStream::End::Aborted);
        QTRY_COMPARE(f.server.openConnections(), 0);
        QVERIFY(!closedBeforeAbort);
    }

    void abortIsSafeToRepeatAndBeforeStart()
    {
        Fixture f;
        QVERIFY(f.ok);
        ProviderStream *s = f.make();
        StreamRecorder rec(s);
        s->abort();
        s->abort();
        s->start(); // an ended stream does not start
        QTest::qWait(50);
        QCOMPARE(rec.endCount, 1);
        QCOMPARE(rec.end, ProviderStream::End::Aborted);
        QCOMPARE(f.server.requests().size(), 0);
    }

    void destroyingARunningStreamCancelsTheRequest()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(slowStream());
        ProviderStream *s = f.make();
        StreamRecorder rec(s);
        s->start();
        QTRY_COMPARE(rec.text(), QStringLiteral("first"));
        f.stream.reset();
        QTRY_COMPARE(f.server.clientDisconnects(), 1);
    }

    void idleGapLongerThanTheIdleTimeoutFailsAsTimeoutNotAbort()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.timeouts.idleMs = 300;
        f.server.enqueue(FakeResponse::sse().send(wire::openAiRoleChunk() + wire::openAiChunk(QStringLiteral("so far"))).hang());
        ProviderStream *s = f.make();
        StreamRecorder rec(s);
        s->start();
        QVERIFY(rec.waitForEnd());
        QCOMPARE(rec.end, ProviderStream::End::Failed);
        QCOMPARE(rec.error.kind, ProviderError::Timeout);
        QVERIFY(rec.error.message.contains(QStringLiteral("stopped sending")));
        QCOMPARE(rec.text(), QStringLiteral("so far"));
    }

    void chunksCloserThanTheIdleTimeoutKeepTheStreamAlive()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.timeouts.idleMs = 300;
        FakeResponse r = FakeResponse::sse().send(wire::openAiRoleChunk());
        for (int i = 0; i < 5; ++i)
            r.send(wire::openAiChunk(QStringLiteral("x")), 100); // 500 ms in all
        r.send(wire::openAiDone(), 100);
        f.server.enqueue(r);
        ProviderStream *s = f.make();
        StreamRecorder rec(s);
        s->start();
        QVERIFY(rec.waitForEnd());
        QCOMPARE(rec.end, ProviderStream::End::Completed);
        QCOMPARE(rec.text(), QStringLiteral("xxxxx"));
    }

    void noAnswerWithinTheFirstByteTimeoutIsATimeout()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.timeouts.firstByteMs = 200;
        f.server.enqueue(FakeResponse::sse().delayHeaders(5000));
        ProviderStream *s = f.make();
        StreamRecorder rec(s);
        s->start();
        QVERIFY(rec.waitForEnd());
        QCOMPARE(rec.error.kind, ProviderError::Timeout);
        QVERIFY(rec.error.message.contains(QStringLiteral("did not answer")));
    }

    void theOverallDeadlineEndsAStreamThatKeepsTrickling()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.timeouts.totalMs = 400;
        FakeResponse r = FakeResponse::sse().send(wire::openAiRoleChunk());
        for (int i = 0; i < 40; ++i)
            r.send(wire::openAiChunk(QStringLiteral(".")), 50);
        f.server.enqueue(r);
        ProviderStream *s = f.make();
        StreamRecorder rec(s);
        s->start();
        QVERIFY(rec.waitForEnd());
        QCOMPARE(rec.error.kind, ProviderError::Timeout);
        QVERIFY(rec.error.message.contains(QStringLiteral("limit")));
    }

    void rateLimitIsRetriedAfterRetryAfter()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::json(429, wire::openAiErrorBody("Rate limit reached", "requests", "rate_limit_exceeded"))
                             .header("retry-after-ms", "120"));
        f.server.enqueue(FakeResponse::sse().send(wire::openAiStream({QStringLiteral("ok")})));
        ProviderStream *s = f.make();
        StreamRecorder rec(s);
        s->start();
        QVERIFY(rec.waitForEnd());
        QCOMPARE(rec.end, ProviderStream::End::Completed);
        QCOMPARE(rec.retryDelays, QList<int>{120});
        QCOMPARE(f.server.requests().size(), 2);
    }

    void retriesStopAfterThreeAttempts()
    {
        Fixture f;
        QVERIFY(f.ok);
        for (int i = 0; i < 4; ++i)
            f.server.enqueue(FakeResponse::json(503, wire::openAiErrorBody("The engine is currently overloaded", "server_error", "")));
        ProviderStream *s = f.make();
        StreamRecorder rec(s);
        s->start();
        QVERIFY(rec.waitForEnd());
        QCOMPARE(rec.error.kind, ProviderError::Overloaded);
        QCOMPARE(f.server.requests().size(), 3);
        QCOMPARE(rec.retryDelays.size(), 2);
        QCOMPARE(rec.endCount, 1);
    }

    void retryAfterBeyondTheBudgetIsReportedInsteadOfWaited()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::json(429, wire::openAiErrorBody("Rate limit reached", "tokens", "rate_limit_exceeded"))
                             .header("Retry-After", "60"));
        ProviderStream *s = f.make();
        StreamRecorder rec(s);
        s->start();
        QVERIFY(rec.waitForEnd(2000));
        QCOMPARE(rec.error.kind, ProviderError::RateLimited);
        QCOMPARE(rec.error.retryAfterMs, 60000);
        QCOMPARE(rec.error.message, QStringLiteral("OpenAI rate limit reached; retry in 60 s"));
        QCOMPARE(f.server.requests().size(), 1);
    }

    void refusedConnectionIsRetriedThenReportedAsNetworkError()
    {
        Fixture f;
        QVERIFY(f.ok);
        RefusingPort refusing;
        QVERIFY(refusing.port() != 0);
        const quint16 port = refusing.port();
        f.request.baseUrl = QStringLiteral("http://127.0.0.1:%1/v1").arg(port);
        ProviderStream *s = f.make();
        StreamRecorder rec(s);
        s->start();
        QVERIFY(rec.waitForEnd());
        QCOMPARE(rec.error.kind, ProviderError::Network);
        QCOMPARE(rec.retryDelays.size(), 2);
    }

    void closeBeforeTheFirstTokenIsRetried()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(wire::openAiRoleChunk()).closeMidStream());
        f.server.enqueue(FakeResponse::sse().send(wire::openAiStream({QStringLiteral("whole")})));
        ProviderStream *s = f.make();
        StreamRecorder rec(s);
        s->start();
        QVERIFY(rec.waitForEnd());
        QCOMPARE(rec.end, ProviderStream::End::Completed);
        QCOMPARE(rec.text(), QStringLiteral("whole"));
    }

    void serverClosingMidStreamAfterTextFailsWithoutRetry()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(wire::openAiRoleChunk() + wire::openAiChunk(QStringLiteral("half"))).closeMidStream());
        f.server.enqueue(FakeResponse::sse().send(wire::openAiStream({QStringLiteral("again")})));
        ProviderStream *s = f.make();
        StreamRecorder rec(s);
        s->start();
        QVERIFY(rec.waitForEnd());
        QCOMPARE(rec.end, ProviderStream::End::Failed);
        QCOMPARE(rec.error.kind, ProviderError::UpstreamClosed);
        QCOMPARE(rec.text(), QStringLiteral("half"));
        QCOMPARE(f.server.requests().size(), 1);
    }

    void abortThenContinueGivesOneSeamlessText()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse()
                             .send(wire::openAiRoleChunk() + wire::openAiChunk(QStringLiteral("Four score and")))
                             .send(wire::openAiChunk(QStringLiteral(" seven")), 2000));
        ProviderStream *s = f.make();
        StreamRecorder first(s);
        s->start();
        QTRY_COMPARE(first.text(), QStringLiteral("Four score and"));
        s->abort();

        f.request.messages << ChatMessage{QStringLiteral("assistant"), first.text()};
        f.request.continuePartial = true;
        f.server.enqueue(FakeResponse::sse().send(wire::openAiStream({QStringLiteral("and seven"), QStringLiteral(" years ago")})));
        ProviderStream *s2 = f.make();
        StreamRecorder second(s2);
        s2->start();
        QVERIFY(second.waitForEnd());
        QCOMPARE(first.text() + second.text(), QStringLiteral("Four score and seven years ago"));
    }

    void twentyStreamsToOneHostAllStartAtOnce()
    {
        // QNetworkAccessManager keeps 6 HTTP/1.1 connections per host; the server
        // answers nobody until all 20 requests have arrived, so any queueing
        // would leave streams 7 to 20 waiting forever.
        Fixture f;
        QVERIFY(f.ok);
        constexpr int kStreams = 20;
        f.server.holdResponsesUntil(kStreams);
        f.server.setHandler([](const RecordedRequest &) {
            return FakeResponse::sse().send(wire::openAiStream({QStringLiteral("hi")}));
        });
        std::vector<std::unique_ptr<ProviderStream>> streams;
        std::vector<std::unique_ptr<StreamRecorder>> recs;
        for (int i = 0; i < kStreams; ++i) {
            streams.emplace_back(f.provider->createStream(f.request));
            recs.push_back(std::make_unique<StreamRecorder>(streams.back().get()));
            streams.back()->start();
        }
        QTRY_COMPARE_WITH_TIMEOUT(f.server.requests().size(), kStreams, 3000);
        QCOMPARE(f.server.peakOpenConnections(), kStreams);
        for (auto &rec : recs) {
            QVERIFY(rec->waitForEnd());
            QCOMPARE(rec->end, ProviderStream::End::Completed);
            QCOMPARE(rec->text(), QStringLiteral("hi"));
        }
    }

    void anApiKeyNeverAppearsInAnError()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.apiKey = QStringLiteral("sk-very-secret-key-1234567890");
        f.request.retry.maxAttempts = 1;
        f.server.enqueue(FakeResponse::json(400, wire::openAiErrorBody("Bad value for key sk-very-secret-key-1234567890", "invalid_request_error", "")));
        ProviderStream *s = f.make();
        StreamRecorder rec(s);
        s->start();
        QVERIFY(rec.waitForEnd());
        QCOMPARE(rec.error.kind, ProviderError::BadRequest);
        QVERIFY(!rec.error.message.contains(QStringLiteral("very-secret")));
    }
};

QTEST_GUILESS_MAIN(TestStreamLifecycle)
#include "tst_streamlifecycle.moc"
