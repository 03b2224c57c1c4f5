#pragma once

#include "auth/attemptstore.h"

#include <QHash>
#include <QString>
#include <deque>

namespace teehee {

// When each key (an address, an account) last failed, as far back as
// `retentionMs` and at most `maxPerKey` times, in this process's memory: the
// store of a server that owns its database alone (SQLite). Keys that stop
// trying are swept out, so memory follows the active keys.
class AttemptLog : public AttemptStore {
public:
    AttemptLog(qint64 retentionMs, size_t maxPerKey);

    Status record(const QString &key, qint64 nowMs) override;
    void release(const QString &key, qint64 atMs) override;
    void reset(const QString &key) override;
    Result<QList<qint64>> attempts(const QString &key, qint64 nowMs) override;

private:
    void prune(std::deque<qint64> &times, qint64 nowMs) const;
    void sweep(qint64 nowMs);

    qint64 m_retentionMs;
    size_t m_maxPerKey;
    qint64 m_lastSweepMs = 0;
    QHash<QString, std::deque<qint64>> m_attempts;
};

} // namespace teehee
