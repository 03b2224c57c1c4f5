// Prints SseParser throughput (MB/s) and the per-token cost of turning an
// OpenAI / Anthropic stream into text deltas (SSE + JSON), for several read
// sizes. Figures only: nothing here fails.
#include "providers/continuationjoiner.h"
#include "providers/sseparser.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonArray>
#include <QTextStream>

#include <cstdio>

using namespace teehee;

namespace {

const int kTokens = 20000;

QByteArray openAiStream()
{
    QByteArray out;
    for (int i = 0; i < kTokens; ++i) {
        out += R"(data: {"id":"chatcmpl-X","object":"chat.completion.chunk","created":1730000000,"model":"gpt-4o-mini","system_fingerprint":"fp_x","choices":[{"index":0,"delta":{"content":" word)"
            + QByteArray::number(i % 100) + R"("},"logprobs":null,"finish_reason":null}],"obfuscation":"aB3"})" + "\n\n";
    }
    return out + "data: [DONE]\n\n";
}

QByteArray anthropicStream()
{
    QByteArray out;
    for (int i = 0; i < kTokens; ++i)
        out += "event: content_block_delta\r\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" caf\xC3\xA9"
            + QByteArray::number(i % 100) + "\"}}\r\n\r\n";
    return out;
}

struct Result {
    double seconds = 0;
    qsizetype events = 0;
    qsizetype chars = 0;
};

// Feeds `stream` in reads of `readSize` bytes; with `decodeJson`, also does
// the per-token work of a provider stream (JSON parse, pick the delta text).
Result run(const QByteArray &stream, qsizetype readSize, bool decodeJson, int repeats)
{
    Result r;
    QElapsedTimer timer;
    timer.start();
    for (int rep = 0; rep < repeats; ++rep) {
        SseParser parser;
        ContinuationJoiner joiner;
        QList<SseEvent> events;
        for (qsizetype off = 0; off < stream.size(); off += readSize) {
            events.clear();
            parser.feed(QByteArrayView(stream).sliced(off, qMin(readSize, stream.size() - off)), events);
            r.events += events.size();
            if (!decodeJson)
                continue;
            for (const SseEvent &ev : std::as_const(events)) {
                const QJsonObject o = QJsonDocument::fromJson(ev.data.toUtf8()).object();
                QString text;
                if (o.contains(QLatin1String("choices")))
                    text = o.value(QLatin1String("choices")).toArray().first().toObject()
                               .value(QLatin1String("delta")).toObject().value(QLatin1String("content")).toString();
                else
                    text = o.value(QLatin1String("delta")).toObject().value(QLatin1String("text")).toString();
                r.chars += joiner.push(text).size();
            }
        }
    }
    r.seconds = timer.nsecsElapsed() / 1e9;
    return r;
}

} // namespace

int main()
{
    const QList<QPair<const char *, QByteArray>> streams{{"openai", openAiStream()}, {"anthropic(crlf)", anthropicStream()}};
    std::printf("%-16s %8s %12s %14s %16s\n", "stream", "read B", "parse MB/s", "parse ns/event", "parse+json ns/token");
    for (const auto &[name, bytes] : streams) {
        for (qsizetype readSize : {qsizetype(1), qsizetype(64), qsizetype(1460), qsizetype(16384)}) {
            const int repeats = readSize == 1 ? 2 : 10;
            run(bytes, readSize, false, 1); // warm-up
            const Result parse = run(bytes, readSize, false, repeats);
            const Result full = run(bytes, readSize, true, repeats);
            const double mb = double(bytes.size()) * repeats / (1024.0 * 1024.0);
            std::printf("%-16s %8lld %12.1f %14.0f %16.0f\n", name, (long long)readSize, mb / parse.seconds,
                        parse.seconds * 1e9 / parse.events, full.seconds * 1e9 / full.events);
        }
    }
    std::printf("(%d tokens per stream; parse+json = SseParser + QJsonDocument + delta extraction per token)\n", kTokens);
    return 0;
}
