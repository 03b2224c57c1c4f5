#pragma once

#include "auth/attemptstore.h"
#include "auth/attemptstores.h"

#include <QString>
#include <memory>

namespace teehee {

// Progressive delay per account (an e-mail): the first `freeFailures` wrong
// guesses cost nothing, then each further guess must wait longer after the
// previous one (firstDelay, doubling, up to maxDelay). No hard lock: the
// owner is never shut out for good, and an attacker's burst is refused
// without hashing. Failures are recorded when an attempt arrives (before
// hashing) and forgotten after `memory`, or all at once on a success. They
// live in an AttemptStore (see RateLimiter).
class AccountThrottle {
public:
    struct Policy {
        int freeFailures = 5;
        int firstDelaySeconds = 30;
        int maxDelaySeconds = 15 * 60;
        int memorySeconds = 24 * 3600;
    };
    // In memory.
    explicit AccountThrottle(Policy policy);
    // In a store of `stores`, for attempts of `kind`.
    AccountThrottle(Policy policy, const AttemptStores &stores, const QString &kind);

    // Seconds until the account may be tried again; 0 when allowed now.
    Result<int> retryAfter(const QString &key, qint64 nowMs);
    Status recordFailure(const QString &key, qint64 nowMs) { return m_store->record(key, nowMs); }
    // Takes back the attempt recorded at atMs (it was never evaluated).
    void release(const QString &key, qint64 atMs) { m_store->release(key, atMs); }
    void reset(const QString &key) { m_store->reset(key); }

    // The wait after the n-th failure on record, in seconds.
    int delayAfter(int failures) const;

private:
    Policy m_policy;
    std::unique_ptr<AttemptStore> m_store;
};

} // namespace teehee
