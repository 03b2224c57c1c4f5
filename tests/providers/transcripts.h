#pragma once

// Recorded provider transcripts (byte-exact response bodies, as captured from
// the providers and trimmed to a few tokens) and a replay harness that runs
// bytes through SseParser + the provider's own event decoding, with no
// network, in whatever pieces the caller chooses.

#include "providers/anthropicstream.h"
#include "providers/openaistream.h"
#include "providers/sseparser.h"

#include <QList>
#include <QRandomGenerator>

#include <functional>
#include <memory>

namespace teehee::test {

enum class Wire { OpenAi, Mistral, Compatible, Anthropic };

// What a stream made of a body: everything an observer of ProviderStream sees.
struct ReplayOutcome {
    QString text;
    QString reasoning;
    int inputTokens = -1;
    int outputTokens = -1;
    QString finishReason;
    ProviderStream::End end = ProviderStream::End::None; // None: the body ended before an end marker
    ProviderError::Kind errorKind = ProviderError::None;
    int deltas = 0; // number of non-empty textDelta signals (not compared: fragment-independent only in sum)

    bool operator==(const ReplayOutcome &o) const
    {
        return text == o.text && reasoning == o.reasoning && inputTokens == o.inputTokens
            && outputTokens == o.outputTokens && finishReason == o.finishReason && end == o.end
            && errorKind == o.errorKind;
    }
    QString describe() const
    {
        return QStringLiteral("text=\"%1\" reasoning=\"%2\" usage=%3/%4 finish=%5 end=%6 error=%7")
            .arg(text, reasoning)
            .arg(inputTokens)
            .arg(outputTokens)
            .arg(finishReason)
            .arg(int(end))
            .arg(ProviderError::kindName(errorKind));
    }
};

struct Transcript {
    const char *name;
    Wire wire;
    QByteArray bytes;
    ReplayOutcome expected;
};

// Every recorded transcript; see transcripts.cpp.
QList<Transcript> recordedTranscripts();

namespace detail {
class OpenAiProbe : public OpenAiStream {
public:
    using OpenAiStream::OpenAiStream;
    using OpenAiStream::handleEvent;
};
class AnthropicProbe : public AnthropicStream {
public:
    using AnthropicStream::AnthropicStream;
    using AnthropicStream::handleEvent;
};
} // namespace detail

// Feeds `pieces` in order through one SseParser into a fresh stream of the
// given wire format and reports what came out.
inline ReplayOutcome replay(Wire wire, const QList<QByteArrayView> &pieces)
{
    ChatRequest request;
    request.model = wire == Wire::Anthropic ? QStringLiteral("claude-sonnet-4-5-20250929") : QStringLiteral("test-model");
    request.apiKey = QStringLiteral("sk-replay-0000");
    std::unique_ptr<ProviderStream> stream;
    std::function<void(const SseEvent &)> handle;
    if (wire == Wire::Anthropic) {
        auto *s = new detail::AnthropicProbe(request, QStringLiteral("Anthropic"));
        handle = [s](const SseEvent &e) { s->handleEvent(e); };
        stream.reset(s);
    } else {
        const auto dialect = wire == Wire::OpenAi ? OpenAiStream::Dialect::OpenAi
            : wire == Wire::Mistral               ? OpenAiStream::Dialect::Mistral
                                                  : OpenAiStream::Dialect::Compatible;
        auto *s = new detail::OpenAiProbe(dialect, request, QStringLiteral("Provider"));
        handle = [s](const SseEvent &e) { s->handleEvent(e); };
        stream.reset(s);
    }
    ReplayOutcome out;
    QObject::connect(stream.get(), &ProviderStream::reasoningDelta, stream.get(), [&out](const QString &t) { out.reasoning += t; });
    QObject::connect(stream.get(), &ProviderStream::textDelta, stream.get(), [&out](const QString &t) {
        if (!t.isEmpty())
            ++out.deltas;
    });
    SseParser parser;
    QList<SseEvent> events;
    for (QByteArrayView piece : pieces) {
        events.clear();
        parser.feed(piece, events);
        for (const SseEvent &e : std::as_const(events)) {
            if (stream->isFinished())
                break;
            handle(e);
        }
    }
    parser.finish();
    out.text = stream->text();
    out.inputTokens = stream->inputTokens();
    out.outputTokens = stream->outputTokens();
    out.finishReason = stream->finishReason();
    out.end = stream->end();
    out.errorKind = stream->error().kind;
    return out;
}

inline ReplayOutcome replayWhole(Wire wire, const QByteArray &bytes)
{
    return replay(wire, {QByteArrayView(bytes)});
}

// Random fragmentation: mostly small pieces (1..8 bytes, so cuts land inside
// lines, UTF-8 sequences and CR LF pairs), now and then a large one, and
// sometimes an empty read.
inline QList<QByteArrayView> randomPieces(const QByteArray &bytes, QRandomGenerator &rng)
{
    QList<QByteArrayView> pieces;
    qsizetype off = 0;
    while (off < bytes.size()) {
        const quint32 roll = rng.bounded(100);
        qsizetype len = roll < 70 ? 1 + rng.bounded(8) : roll < 95 ? 9 + rng.bounded(120) : rng.bounded(2048);
        len = qMin(len, bytes.size() - off);
        pieces.append(QByteArrayView(bytes).sliced(off, len));
        off += len;
    }
    return pieces;
}

} // namespace teehee::test
