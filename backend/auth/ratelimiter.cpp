#include "auth/ratelimiter.h"

#include <QtGlobal>

namespace teehee {

RateLimiter::RateLimiter(int maxFailures, int windowSeconds)
    : m_max(maxFailures), m_windowMs(qint64(windowSeconds) * 1000),
      m_log(m_windowMs, size_t(qMax(1, maxFailures)) * 2) // enough to judge by; memory bounded per key
{
}

int RateLimiter::retryAfter(const QString &key, qint64 nowMs) const
{
    const auto &times = m_log.attempts(key, nowMs);
    if (int(times.size()) < m_max)
        return 0;
    // Allowed again when the oldest failure that keeps us at the limit expires.
    const qint64 until = times[times.size() - size_t(m_max)] + m_windowMs;
    return int(qMax<qint64>(1, (until - nowMs + 999) / 1000));
}

bool RateLimiter::isClean(const QString &key, qint64 nowMs) const
{
    return m_log.attempts(key, nowMs).empty();
}

} // namespace teehee
