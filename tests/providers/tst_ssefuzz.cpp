// Randomized fuzzing of SseParser, NdjsonParser and every provider's event
// decoding, for a bounded time (TEEHEE_FUZZ_SECONDS, default 3) and a bounded
// number of inputs. Inputs are random SSE-shaped bytes and mutated recorded
// transcripts. Invariants: nothing crashes (run it under AddressSanitizer:
// -DTEEHEE_SANITIZE=ON), feeding in random pieces gives exactly what feeding
// whole gives, and a stream's end agrees with its error.
// The seed is printed; TEEHEE_TEST_SEED=<seed> replays a run.
#include "transcripts.h"

#include "providers/ndjsonparser.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTest>

using namespace teehee;
using namespace teehee::test;

namespace {

const QList<QByteArray> &dictionary()
{
    static const QList<QByteArray> words{
        "data:", "data: ", "event:", "event: ", "id:", "id: 7", "retry:", "retry: 100", ":", ": ping", "\r", "\n",
        "\r\n", "\n\n", "\r\n\r\n", "\r\r", " ", "{", "}", "[", "]", "\"", ",", "\\", "\\u00e9", "\\ud83d",
        "[DONE]", "\xEF\xBB\xBF", "\xC3", "\xA9", "\xC3\xA9", "\xF0\x9F", "\x98\x80", "\xF0\x9F\x98\x80", "\xFF",
        "\xFE", QByteArray(1, '\0'), "message_stop", "content_block_delta", "error", "ping", "null", "0", "-1",
        "99999999999999999999",
        R"({"choices":[{"index":0,"delta":{"content":"x"},"finish_reason":null}]})",
        R"({"choices":[{"delta":{"content":[{"type":"thinking","thinking":[{"type":"text","text":"t"}]},{"type":"text","text":"u"}]}}]})",
        R"({"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":4}})",
        R"({"choices":[{"delta":{},"finish_reason":"length"}]})",
        R"({"error":{"message":"boom","type":"server_error"}})",
        R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"y"}})",
        R"({"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"z"}})",
        R"({"type":"message_delta","delta":{"stop_reason":"max_tokens"},"usage":{"output_tokens":5}})",
        R"({"type":"message_start","message":{"usage":{"input_tokens":2}}})",
        R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})",
        R"({"type":"message_stop"})",
    };
    return words;
}

QByteArray randomSse(QRandomGenerator &rng)
{
    QByteArray out;
    const int tokens = 1 + int(rng.bounded(60));
    for (int i = 0; i < tokens; ++i) {
        if (rng.bounded(5) == 0) {
            const int n = 1 + int(rng.bounded(6));
            for (int k = 0; k < n; ++k)
                out.append(char(rng.bounded(256)));
        } else {
            out += dictionary().at(rng.bounded(dictionary().size()));
        }
    }
    return out;
}

QByteArray mutate(QByteArray bytes, QRandomGenerator &rng)
{
    const int ops = 1 + int(rng.bounded(4));
    for (int i = 0; i < ops && !bytes.isEmpty(); ++i) {
        const qsizetype at = rng.bounded(int(bytes.size()));
        const qsizetype len = qMin<qsizetype>(1 + rng.bounded(40), bytes.size() - at);
        switch (rng.bounded(6)) {
        case 0: bytes[at] = char(rng.bounded(256)); break;
        case 1: bytes.remove(at, len); break;
        case 2: bytes.insert(at, bytes.mid(at, len)); break;
        case 3: bytes.insert(at, dictionary().at(rng.bounded(dictionary().size()))); break;
        case 4: bytes.truncate(at); break;
        default: bytes[at] = "\r\n:{}\"\\"[rng.bounded(7)]; break;
        }
    }
    return bytes;
}

struct SseResult {
    QList<SseEvent> events;
    bool dropped = false;
    QString lastId;
    qint64 retry = -1;
    bool operator==(const SseResult &) const = default;
};

SseResult parseSse(const QList<QByteArrayView> &pieces)
{
    SseParser p;
    SseResult r;
    for (QByteArrayView piece : pieces)
        p.feed(piece, r.events);
    r.lastId = p.lastEventId();
    r.retry = p.reconnectionTimeMs();
    r.dropped = p.finish();
    return r;
}

QList<QByteArray> parseNdjson(const QList<QByteArrayView> &pieces)
{
    NdjsonParser p;
    QList<QByteArray> lines;
    for (QByteArrayView piece : pieces)
        p.feed(piece, lines);
    lines.append(p.finish());
    return lines;
}

} // namespace

class TestSseFuzz : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Thousands of streams: their per-stream log lines would drown the output.
        QLoggingCategory::setFilterRules(QStringLiteral("teehee.providers.info=false\nteehee.providers.debug=false"));
    }

    void randomAndMutatedInputsKeepTheInvariants()
    {
        bool ok = false;
        const quint32 envSeed = qEnvironmentVariable("TEEHEE_TEST_SEED").toUInt(&ok);
        const quint32 seed = ok ? envSeed : QRandomGenerator::system()->generate();
        const double seconds = qEnvironmentVariableIsSet("TEEHEE_FUZZ_SECONDS")
            ? qEnvironmentVariable("TEEHEE_FUZZ_SECONDS").toDouble()
            : 3.0;
        constexpr int kMaxInputs = 200000;
        qInfo("fuzz seed: %u (TEEHEE_TEST_SEED=%u replays it), budget %.1f s", seed, seed, seconds);

        const QList<Transcript> transcripts = recordedTranscripts();
        const Wire wires[] = {Wire::OpenAi, Wire::Mistral, Wire::Compatible, Wire::Anthropic};
        QElapsedTimer budget;
        budget.start();
        int inputs = 0, completed = 0, failed = 0;
        for (; inputs < kMaxInputs && budget.elapsed() < qint64(seconds * 1000); ++inputs) {
            // Each input has its own seed, so a failure names one input to replay.
            const quint32 inputSeed = seed + quint32(inputs);
            QRandomGenerator rng(inputSeed);
            const bool fromTranscript = rng.bounded(2) == 0;
            const Transcript &base = transcripts.at(rng.bounded(transcripts.size()));
            const QByteArray bytes = fromTranscript ? mutate(base.bytes, rng) : randomSse(rng);
            const QList<QByteArrayView> pieces = randomPieces(bytes, rng);
            const QString where = QStringLiteral("input %1 (seed %2, %3 bytes, %4 pieces)")
                                      .arg(inputs).arg(inputSeed).arg(bytes.size()).arg(pieces.size());

            if (!(parseSse({QByteArrayView(bytes)}) == parseSse(pieces)))
                QFAIL(qPrintable(QStringLiteral("SseParser: pieces differ from whole for ") + where));
            if (parseNdjson({QByteArrayView(bytes)}) != parseNdjson(pieces))
                QFAIL(qPrintable(QStringLiteral("NdjsonParser: pieces differ from whole for ") + where));

            const Wire wire = fromTranscript ? base.wire : wires[rng.bounded(4)];
            const ReplayOutcome whole = replayWhole(wire, bytes);
            const ReplayOutcome split = replay(wire, pieces);
            if (!(whole == split))
                QFAIL(qPrintable(QStringLiteral("decoding: %1\nwhole %2\nsplit %3").arg(where, whole.describe(), split.describe())));
            if ((whole.end == ProviderStream::End::Failed) != (whole.errorKind != ProviderError::None))
                QFAIL(qPrintable(QStringLiteral("end and error disagree: %1: %2").arg(where, whole.describe())));
            if (whole.end == ProviderStream::End::Aborted)
                QFAIL(qPrintable(QStringLiteral("nobody aborted, yet: %1").arg(where)));
            completed += whole.end == ProviderStream::End::Completed;
            failed += whole.end == ProviderStream::End::Failed;
        }
        qInfo("fuzz: %d inputs in %lld ms (%d decoded to a completed stream, %d to a failed one)", inputs,
              budget.elapsed(), completed, failed);
        QVERIFY(inputs > 100);
        // The generators reach the interesting states, not only garbage.
        QVERIFY(completed > 0);
        QVERIFY(failed > 0);
    }
};

QTEST_GUILESS_MAIN(TestSseFuzz)
#include "tst_ssefuzz.moc"
