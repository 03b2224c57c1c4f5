#pragma once

#include "auth/attemptstore.h"
#include "auth/attemptstores.h"

#include <QString>
#include <memory>

namespace teehee {

// Attempts per key (a client address) in a sliding window: a hard limit.
// An attempt is recorded when it arrives, before any slow work, so that
// concurrent attempts see each other; release() forgives one that succeeded.
// The attempts live in an AttemptStore: in memory (a restart forgets, which
// is acceptable for sign-in throttling), or shared by the servers of one
// PostgreSQL database. When the store cannot answer, the checks answer its
// error and the caller refuses.
class RateLimiter {
public:
    // In memory.
    RateLimiter(int maxFailures, int windowSeconds);
    // In a store of `stores`, for attempts of `kind`.
    RateLimiter(const AttemptStores &stores, const QString &kind, int maxFailures, int windowSeconds);

    // Seconds until the key may try again; 0 when allowed now.
    Result<int> retryAfter(const QString &key, qint64 nowMs) const;
    // True when the key has no attempt on record in the window.
    Result<bool> isClean(const QString &key, qint64 nowMs) const;
    Status recordFailure(const QString &key, qint64 nowMs) { return m_store->record(key, nowMs); }
    // Forgets the attempt recorded at atMs (one of them), e.g. on success.
    void release(const QString &key, qint64 atMs) { m_store->release(key, atMs); }
    void reset(const QString &key) { m_store->reset(key); }

private:
    int m_max;
    qint64 m_windowMs;
    std::unique_ptr<AttemptStore> m_store; // reading it forgets what left the window
};

} // namespace teehee
