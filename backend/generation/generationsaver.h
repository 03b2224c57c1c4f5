#pragma once

#include "core/error.h"
#include "db/database.h"
#include "db/records.h"

#include <QObject>
#include <QTimer>

namespace teehee {

// Writes a streaming reply to its message row in batches: never one commit
// per token, but the saved text never lags the streamed text by more than
// kMaxLagMs or kMaxPendingBytes, so a crash loses at most that much. The
// saver owns the text of the reply.
class GenerationSaver : public QObject {
    Q_OBJECT
public:
    // Below the contract's 250 ms so that a commit in progress still lands in time.
    static constexpr int kMaxLagMs = 200;
    static constexpr int kMaxPendingBytes = 1024;

    GenerationSaver(const Database &db, MessageRecord message, QObject *parent = nullptr);

    const QString &text() const { return m_text; }
    const MessageRecord &record() const { return m_record; }

    // Marks the row streaming/partial with the text it starts from (one commit).
    Status begin();
    void append(const QString &delta);
    // The final write: status, partial flag, finish reason, usage and error
    // (empty error: none). Stops batching.
    Status finish(const QString &status, bool isPartial, const QString &finishReason,
                  int inputTokens, int outputTokens, const QString &error);

    int commits() const { return m_commits; }

private:
    Status write();
    void flush();

    const Database &m_db;
    MessageRecord m_record;
    QString m_text;
    qint64 m_pendingBytes = 0;
    bool m_finished = false;
    int m_commits = 0;
    QTimer m_timer;
};

} // namespace teehee
