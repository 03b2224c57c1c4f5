// Recorded transcripts of each provider, replayed through SseParser and the
// provider's event decoding in every 2-way split and in random
// fragmentations (seeded; the seed is printed, TEEHEE_TEST_SEED replays it),
// then over real HTTP from the fake provider in random pieces.
#include "fakeproviderserver.h"
#include "streamrecorder.h"
#include "transcripts.h"

#include "providers/endpointpolicy.h"
#include "providers/provider.h"
#include "providers/providerregistry.h"

#include <QLoggingCategory>
#include <algorithm>
#include <QTest>

using namespace teehee;
using namespace teehee::test;

namespace {

quint32 testSeed()
{
    bool ok = false;
    const quint32 fromEnv = qEnvironmentVariable("TEEHEE_TEST_SEED").toUInt(&ok);
    const quint32 seed = ok ? fromEnv : QRandomGenerator::system()->generate();
    qInfo("random fragmentation seed: %u (TEEHEE_TEST_SEED=%u replays it)", seed, seed);
    return seed;
}

std::shared_ptr<const Provider> providerFor(Wire wire, const QString &baseUrl)
{
    switch (wire) {
    case Wire::OpenAi: return std::make_shared<OpenAiProvider>(baseUrl, QStringLiteral("sk-test"));
    case Wire::Mistral: return std::make_shared<MistralProvider>(baseUrl, QStringLiteral("mk-test"));
    case Wire::Compatible: // the fake is on loopback
        return ProviderRegistry::compatible(baseUrl, QStringLiteral("openrouter"), QStringLiteral("OpenRouter"),
                                            EndpointPolicy::anyAddress());
    case Wire::Anthropic: return std::make_shared<AnthropicProvider>(baseUrl, QStringLiteral("ak-test"));
    }
    return nullptr;
}

void transcripts_data()
{
    QTest::addColumn<int>("index");
    const auto all = recordedTranscripts();
    for (int i = 0; i < all.size(); ++i)
        QTest::newRow(all.at(i).name) << i;
}

} // namespace

class TestTranscriptSplits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("teehee.providers.info=false\nteehee.providers.debug=false"));
        m_seed = testSeed();
    }

    void wholeTranscriptGivesTheRecordedOutcome_data() { transcripts_data(); }
    void wholeTranscriptGivesTheRecordedOutcome()
    {
        QFETCH(int, index);
        const Transcript t = recordedTranscripts().at(index);
        const ReplayOutcome got = replayWhole(t.wire, t.bytes);
        QVERIFY2(got == t.expected, qPrintable(got.describe() + QStringLiteral("\nexpected ") + t.expected.describe()));
    }

    void theTranscriptsHoldTheAwkwardBoundaries()
    {
        // Every 2-way split then also cuts mid-UTF-8, mid-line and between CR and LF.
        bool crlf = false, multiByte = false, comment = false, ping = false, errorEvent = false;
        for (const Transcript &t : recordedTranscripts()) {
            crlf |= t.bytes.contains("\r\n");
            multiByte |= std::any_of(t.bytes.begin(), t.bytes.end(), [](char c) { return uchar(c) >= 0xF0; });
            comment |= t.bytes.startsWith(':');
            ping |= t.bytes.contains("event: ping");
            errorEvent |= t.expected.end == ProviderStream::End::Failed;
        }
        QVERIFY(crlf && multiByte && comment && ping && errorEvent);
    }

    void everyTwoWaySplitGivesTheSameOutcome_data() { transcripts_data(); }
    void everyTwoWaySplitGivesTheSameOutcome()
    {
        QFETCH(int, index);
        const Transcript t = recordedTranscripts().at(index);
        const QByteArrayView bytes(t.bytes);
        for (qsizetype cut = 0; cut <= bytes.size(); ++cut) {
            const ReplayOutcome got = replay(t.wire, {bytes.first(cut), bytes.sliced(cut)});
            if (!(got == t.expected))
                QFAIL(qPrintable(QStringLiteral("split at byte %1: %2").arg(cut).arg(got.describe())));
        }
    }

    void everyThreeWaySplitAroundEachLineEndGivesTheSameOutcome_data() { transcripts_data(); }
    void everyThreeWaySplitAroundEachLineEndGivesTheSameOutcome()
    {
        // Cut just before, inside and after every line end, paired with every other cut.
        QFETCH(int, index);
        const Transcript t = recordedTranscripts().at(index);
        const QByteArrayView bytes(t.bytes);
        for (qsizetype a = 0; a < bytes.size(); ++a) {
            if (bytes.at(a) != '\n' && bytes.at(a) != '\r')
                continue;
            for (qsizetype b = 0; b <= bytes.size(); b += 7) {
                const qsizetype lo = qMin(a, b), hi = qMax(a, b);
                const ReplayOutcome got = replay(t.wire, {bytes.first(lo), bytes.sliced(lo, hi - lo), bytes.sliced(hi)});
                if (!(got == t.expected))
                    QFAIL(qPrintable(QStringLiteral("split at %1/%2: %3").arg(lo).arg(hi).arg(got.describe())));
            }
        }
    }

    void byteByByteGivesTheSameOutcome_data() { transcripts_data(); }
    void byteByByteGivesTheSameOutcome()
    {
        QFETCH(int, index);
        const Transcript t = recordedTranscripts().at(index);
        QList<QByteArrayView> pieces;
        for (qsizetype i = 0; i < t.bytes.size(); ++i)
            pieces.append(QByteArrayView(t.bytes).sliced(i, 1));
        const ReplayOutcome got = replay(t.wire, pieces);
        QVERIFY2(got == t.expected, qPrintable(got.describe()));
        QVERIFY(got.deltas >= 1);
    }

    void randomFragmentationsGiveTheSameOutcome_data() { transcripts_data(); }
    void randomFragmentationsGiveTheSameOutcome()
    {
        QFETCH(int, index);
        const Transcript t = recordedTranscripts().at(index);
        QRandomGenerator rng(m_seed + quint32(index));
        for (int round = 0; round < 500; ++round) {
            const QList<QByteArrayView> pieces = randomPieces(t.bytes, rng);
            const ReplayOutcome got = replay(t.wire, pieces);
            if (!(got == t.expected))
                QFAIL(qPrintable(QStringLiteral("round %1 (%2 pieces, seed %3): %4")
                                     .arg(round).arg(pieces.size()).arg(m_seed).arg(got.describe())));
        }
    }

    void overRealHttpInRandomPiecesGivesTheSameOutcome_data() { transcripts_data(); }
    void overRealHttpInRandomPiecesGivesTheSameOutcome()
    {
        // The fake writes each piece on its own, 1 ms apart now and then, so
        // the client really reads the body in fragments.
        QFETCH(int, index);
        const Transcript t = recordedTranscripts().at(index);
        QRandomGenerator rng(m_seed ^ (0x9E3779B9u * quint32(index + 1)));
        FakeProviderServer server;
        QVERIFY(server.listen());
        const auto provider = providerFor(t.wire, server.baseUrl(QStringLiteral("/v1")));
        for (int round = 0; round < 4; ++round) {
            FakeResponse response = FakeResponse::sse();
            for (QByteArrayView piece : randomPieces(t.bytes, rng))
                response.send(piece.toByteArray(), rng.bounded(4) == 0 ? 1 : 0);
            server.enqueue(response);
            ChatRequest request;
            request.model = QStringLiteral("model-x");
            request.messages = {{QStringLiteral("user"), QStringLiteral("Hi")}};
            request.retry.maxAttempts = 1;
            std::unique_ptr<ProviderStream> stream(provider->createStream(request));
            StreamRecorder rec(stream.get());
            stream->start();
            QVERIFY(rec.waitForEnd(10000));
            ReplayOutcome got;
            got.text = rec.text();
            got.reasoning = rec.reasoning;
            got.inputTokens = stream->inputTokens();
            got.outputTokens = stream->outputTokens();
            got.finishReason = stream->finishReason();
            got.end = rec.end;
            got.errorKind = rec.error.kind;
            QVERIFY2(got == t.expected, qPrintable(QStringLiteral("round %1, seed %2: %3").arg(round).arg(m_seed).arg(got.describe())));
            QCOMPARE(rec.endCount, 1);
        }
    }

private:
    quint32 m_seed = 0;
};

QTEST_GUILESS_MAIN(TestTranscriptSplits)
#include "tst_transcriptsplits.moc"
