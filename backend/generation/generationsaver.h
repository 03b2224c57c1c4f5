#pragma once

#include "core/error.h"
#include "db/database.h"
#include "db/records.h"

#include <QJsonArray>
#include <QObject>

namespace teehee {

// Writes a streaming reply to its message row in batches (with every other
// running reply, through SaveBatcher): never one commit per token, but the
// saved text never lags the streamed text by more than kMaxLagMs or
// kMaxPendingBytes, so a crash loses at most that much. The saver owns the
// text of the reply, and its reasoning (`content.reasoning`), saved alike.
class SaveBatcher;

class GenerationSaver : public QObject {
    Q_OBJECT
public:
    // Below the contract's 250 ms so that a commit in progress still lands in time.
    static constexpr int kMaxLagMs = 200;
    static constexpr int kMaxPendingBytes = 1024;

    GenerationSaver(const Database &db, MessageRecord message, SaveBatcher &batcher, QObject *parent = nullptr);
    ~GenerationSaver() override;

    const QString &text() const { return m_text; }
    const QString &reasoning() const { return m_reasoning; }
    const MessageRecord &record() const { return m_record; }

    // How a reply ended, for its final write.
    struct Ending {
        QString status;
        bool isPartial = true;
        QString finishReason;
        int inputTokens = -1; // -1: not reported
        int outputTokens = -1;
        int cachedTokens = -1;
        double costUsd = -1; // -1: no price known
        QString error; // empty: none
        QString errorReason; // errorReasonName() of a typed cause, else empty
    };

    // Marks the row streaming/partial with the text it starts from (one commit).
    Status begin();
    void append(const QString &delta);
    void appendReasoning(const QString &delta);
    // The reply's tool calls (`content.tool_calls`), written at once: they
    // are few, and a reply that ends mid-call must still show them.
    Status setToolCalls(const QJsonArray &calls);
    // The final write (status, partial flag, finish reason, usage, error, the
    // whole text), now, on this thread: for an abort, whose caller may
    // continue the reply at once. Stops batching.
    Status finish(const Ending &ending);
    // The same write, with the other replies ending meanwhile, off this
    // thread (SaveBatcher::saveEnding): endingSaved() tells when it committed.
    // A reply that ends while no other streams is written at once, as
    // finish() does (endingSaved() before this returns): its write delays no
    // other reply's tokens, and the writer thread may be busy with a
    // checkpoint for tens of ms.
    void finishBatched(const Ending &ending);

    // Writes performed for this reply (each in some commit).
    int commits() const { return m_commits; }

    // For SaveBatcher: the row's content with the pending text, as JSON, or
    // nothing when there is nothing to write; counts as written. The writer
    // lands it only while the row is still streaming.
    QByteArray takePendingJson();
    // The write of takePendingJson() failed: the text is pending again.
    void markUnsaved();
    // The final write of finishBatched() committed, or failed for good.
    void reportEnding(const Status &saved);

Q_SIGNALS:
    void endingSaved(bool saved, const QString &error);

private:
    void end(const Ending &ending);
    Status write();
    void rebuildJsonHead();
    void addPending(const QString &delta);
    void putTexts(); // text and reasoning into m_record.content

    const Database &m_db;
    MessageRecord m_record;
    QString m_text;
    // The row's content as JSON, kept up to date cheaply: every member but
    // the text, then the text escaped so far. A save appends the new text's
    // escape instead of serialising the whole reply again.
    QByteArray m_jsonHead;    // `{...,"text":"`
    QByteArray m_escapedText; // m_text[0, m_escapedChars), escaped
    qsizetype m_escapedChars = 0;
    QString m_reasoning;           // saved after the text: `,"reasoning":"..."}`
    QByteArray m_escapedReasoning; // m_reasoning[0, m_escapedReasoningChars), escaped
    qsizetype m_escapedReasoningChars = 0;
    qint64 m_pendingBytes = 0;
    bool m_finished = false;
    bool m_streaming = false; // counted in SaveBatcher::streaming()
    int m_commits = 0;
    SaveBatcher &m_batcher;
};

} // namespace teehee
