#pragma once

#include "auth/attemptlog.h"

#include <QString>

namespace teehee {

// Attempts per key (a client address) in a sliding window: a hard limit.
// An attempt is recorded when it arrives, before any slow work, so that
// concurrent attempts see each other; release() forgives one that succeeded.
// In memory: a restart forgets, which is acceptable for sign-in throttling.
class RateLimiter {
public:
    RateLimiter(int maxFailures, int windowSeconds);

    // Seconds until the key may try again; 0 when allowed now.
    int retryAfter(const QString &key, qint64 nowMs) const;
    // True when the key has no attempt on record in the window.
    bool isClean(const QString &key, qint64 nowMs) const;
    void recordFailure(const QString &key, qint64 nowMs) { m_log.record(key, nowMs); }
    // Forgets the attempt recorded at atMs (one of them), e.g. on success.
    void release(const QString &key, qint64 atMs) { m_log.release(key, atMs); }
    void reset(const QString &key) { m_log.reset(key); }

private:
    int m_max;
    qint64 m_windowMs;
    mutable AttemptLog m_log; // reading it forgets what left the window

};

} // namespace teehee
