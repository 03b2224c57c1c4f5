#pragma once

#include <QHash>
#include <QString>
#include <deque>

namespace teehee {

// When each key (an address, an account) last failed, as far back as
// `retentionMs` and at most `maxPerKey` times: what the sign-in limits judge
// by. Keys that stop trying are swept out, so memory follows the active keys.
class AttemptLog {
public:
    AttemptLog(qint64 retentionMs, size_t maxPerKey);

    void record(const QString &key, qint64 nowMs);
    // Takes back the attempt recorded at atMs (one of them), e.g. on a success.
    void release(const QString &key, qint64 atMs);
    void reset(const QString &key);
    // The key's attempts still within the retention, oldest first (empty if none).
    const std::deque<qint64> &attempts(const QString &key, qint64 nowMs);

private:
    void prune(std::deque<qint64> &times, qint64 nowMs) const;
    void sweep(qint64 nowMs);

    qint64 m_retentionMs;
    size_t m_maxPerKey;
    qint64 m_lastSweepMs = 0;
    QHash<QString, std::deque<qint64>> m_attempts;
};

} // namespace teehee
