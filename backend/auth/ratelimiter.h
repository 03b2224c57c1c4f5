#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>
#include <deque>

namespace teehee {

// Failed attempts per key (an e-mail, a client address) in a sliding window.
// In memory: a restart forgets, which is acceptable for sign-in throttling.
class RateLimiter {
public:
    RateLimiter(int maxFailures, int windowSeconds);

    // Seconds until the key may try again; 0 when allowed now.
    int retryAfter(const QString &key, qint64 nowMs) const;
    void recordFailure(const QString &key, qint64 nowMs);
    void reset(const QString &key);

private:
    void prune(std::deque<qint64> &times, qint64 nowMs) const;

    int m_max;
    qint64 m_windowMs;
    mutable QHash<QString, std::deque<qint64>> m_failures;
};

} // namespace teehee
