#include "auth/ratelimiter.h"

#include <QtGlobal>

namespace teehee {

RateLimiter::RateLimiter(int maxFailures, int windowSeconds) : RateLimiter(AttemptStores(), QString(), maxFailures, windowSeconds)
{
}

RateLimiter::RateLimiter(const AttemptStores &stores, const QString &kind, int maxFailures, int windowSeconds)
    : m_max(maxFailures), m_windowMs(qint64(windowSeconds) * 1000),
      m_store(stores.make(kind, m_windowMs, size_t(qMax(1, maxFailures)) * 2)) // enough to judge by; bounded per key
{
}

Result<int> RateLimiter::retryAfter(const QString &key, qint64 nowMs) const
{
    auto times = m_store->attempts(key, nowMs);
    if (!times)
        return times.error();
    if (times->size() < m_max)
        return 0;
    // Allowed again when the oldest failure that keeps us at the limit expires.
    const qint64 until = times->at(times->size() - m_max) + m_windowMs;
    return int(qMax<qint64>(1, (until - nowMs + 999) / 1000));
}

Result<bool> RateLimiter::isClean(const QString &key, qint64 nowMs) const
{
    auto times = m_store->attempts(key, nowMs);
    if (!times)
        return times.error();
    return times->isEmpty();
}

} // namespace teehee
