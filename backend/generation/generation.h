#pragma once

#include "generation/generationevent.h"
#include "generation/toolround.h"

#include "db/database.h"
#include "db/records.h"
#include "providers/providerstream.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>

namespace teehee {

class PriceTable;

class GenerationSaver;
class SaveBatcher;

// One reply being generated: owns its provider stream and its saver, numbers
// its events and keeps them so that a late subscriber can catch up. Emits
// exactly one Started and one terminal event. Everything happens on the
// backend thread, so "snapshot, then subscribe" in one slot has no gap.
class Generation : public QObject {
    Q_OBJECT
public:
    // `stream` is adopted (reparented) and not yet started; `nextSeq` numbers events.
    Generation(const Database &db, SaveBatcher &batcher, QString userId, MessageRecord assistant, bool continued,
               ProviderStream *stream, std::function<qint64()> nextSeq, QObject *parent = nullptr);
    ~Generation() override;

    QString userId() const { return m_userId; }
    QString chatId() const { return m_chatId; }
    QString messageId() const { return m_messageId; }
    QString parentMessageId() const { return m_parentId; }
    QString provider() const { return m_provider; }
    QString model() const { return m_model; }
    // The device that started it (GenerationOptions::deviceId), and when.
    QString deviceId() const { return m_deviceId; }
    void setDeviceId(const QString &deviceId) { m_deviceId = deviceId; }
    QDateTime createdAt() const { return m_createdAt; }

    // The terminal event went out: the row holds the end.
    bool isFinished() const { return m_terminal.has_value(); }
    // Neither finished nor ending: the provider still streams, and abort() acts.
    bool isRunning() const { return !m_terminal && !m_ending; }
    // Every text so far, the continued prefix included.
    QString text() const;
    // Every reasoning so far (`content.reasoning`), a continued reply's earlier one included.
    QString reasoning() const;
    qint64 lastSeq() const { return m_log.isEmpty() ? 0 : m_log.constLast().event.seq; }
    // The Started event's seq (0 before start): ids just below it precede this reply.
    qint64 firstSeq() const { return m_log.isEmpty() ? 0 : m_log.constFirst().event.seq; }

    // The event log, read one event at a time: a replay writes each event as
    // the client drains the last, so it holds one cumulative `content` at a
    // time, not one per token (a 20,000-token reply has 20,000 of them).
    qsizetype eventCount() const { return m_log.size(); }
    // Index of the first event with seq > afterSeq (eventCount() when none).
    qsizetype indexAfter(qint64 afterSeq) const;
    // `withContent` false: token events without the cumulative `content` (compact clients).
    GenerationEvent eventAt(qsizetype index, bool withContent = true) const;
    // Events with seq > afterSeq, content filled in, oldest first (the whole
    // history for afterSeq 0). Replays then live events never overlap. Holds
    // every content at once: for short histories (the app, tests); streams use eventAt.
    QList<GenerationEvent> eventsAfter(qint64 afterSeq) const;
    // Cumulative contents rebuilt for replays so far: what a replay cost (tests).
    qint64 contentsRebuilt() const { return m_contentsRebuilt; }

    // The most UTF-8 bytes this reply may add (0: no limit, MAX_REPLY_BYTES):
    // past it the upstream request is closed and the reply ends as an error
    // with finish reason "length", its text kept.
    void setMaxReplyBytes(qint64 bytes) { m_maxReplyBytes = bytes; }
    // Where a completed reply's cost comes from (none: no cost).
    void setPrices(const PriceTable *prices) { m_prices = prices; }
    // Lets the model call tools (before start()): `request` is the first
    // round's (its tools offered), `makeStream` makes the next rounds' streams.
    using StreamFactory = std::function<Result<ProviderStream *>(const ChatRequest &)>;
    void enableTools(ToolSetup setup, ChatRequest request, StreamFactory makeStream);
    const std::optional<GenerationEvent> &terminalEvent() const { return m_terminal; }
    int commits() const;

    // Saves the starting state, emits Started and starts the provider request.
    Status start();
    // Cancels the upstream request now; the text so far is saved (aborted,
    // partial) before this returns, so the reply can be continued at once.
    void abort();

Q_SIGNALS:
    void event(const teehee::GenerationEvent &event);
    void finished(); // after the terminal event

private:
    void follow(ProviderStream *stream);
    // The stream asked for tools: run them, then the next round.
    void beginToolRound(ProviderStream *stream);
    void onToolRoundDone();
    void saveToolEntries();
    void addUsage(const ProviderStream *stream);
    void onDelta(const QString &delta);
    void onReasoning(const QString &delta);
    // The part of `delta` within MAX_REPLY_BYTES (text and reasoning count alike).
    QString withinLimit(const QString &delta);
    void closeIfOverLimit();
    void onEnded(ProviderStream::End end, const ProviderError &error);
    // The one way to the end; `stream` is the last one, or null between two.
    void endWith(ProviderStream::End end, const ProviderError &error, ProviderStream *stream);
    void onEndingSaved(bool saved, const QString &error);
    void conclude(GenerationEvent e, bool saved, const QString &saveError);
    GenerationEvent make(GenerationEvent::Type type);
    void publish(GenerationEvent e);

    QString m_userId, m_chatId, m_messageId, m_parentId, m_provider, m_model;
    QString m_deviceId;
    QDateTime m_createdAt = QDateTime::currentDateTimeUtc();
    bool m_continued;
    QPointer<ProviderStream> m_stream;
    GenerationSaver *m_saver;
    std::function<qint64()> m_nextSeq;
    // Token and Reasoning events are logged without `content` (it is rebuilt
    // from textEnd / reasoningEnd), so the log grows with the text, not with its square.
    struct Logged { GenerationEvent event; qsizetype textEnd; qsizetype reasoningEnd; };
    QList<Logged> m_log;
    // A completed or failed reply waits here for its final write to commit:
    // whoever hears the terminal event may read the row, or answer it.
    std::optional<GenerationEvent> m_ending;
    std::optional<GenerationEvent> m_terminal;
    mutable qint64 m_contentsRebuilt = 0;
    qint64 m_maxReplyBytes = 0;
    const PriceTable *m_prices = nullptr;
    qint64 m_replyBytes = 0;  // UTF-8 bytes of the text and reasoning this reply added
    bool m_overLimit = false; // m_maxReplyBytes reached: the stream's end is a failure

    // Tools (none unless enableTools()).
    std::optional<ToolSetup> m_toolSetup;
    ChatRequest m_request;          // the next round's request is this one, extended
    StreamFactory m_makeStream;
    QList<ToolCall> m_pendingCalls; // the running stream's calls, once it has made them
    ToolRound *m_round = nullptr;   // the calls being answered between two streams
    int m_rounds = 0;
    QJsonArray m_toolEntries;       // earlier rounds' calls (content.tool_calls)
    qsizetype m_roundTextStart = 0; // where this round's text starts in text()
    int m_usedIn = -1, m_usedOut = -1, m_usedCached = -1; // earlier rounds' usage
};

} // namespace teehee
