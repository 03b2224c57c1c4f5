#include "auth/ratelimiter.h"

#include <algorithm>

namespace teehee {

RateLimiter::RateLimiter(int maxFailures, int windowSeconds)
    : m_max(maxFailures), m_windowMs(qint64(windowSeconds) * 1000)
{
}

void RateLimiter::prune(std::deque<qint64> &times, qint64 nowMs) const
{
    while (!times.empty() && times.front() + m_windowMs <= nowMs)
        times.pop_front();
}

// Keys of addresses that stopped trying would otherwise stay for good.
void RateLimiter::sweep(qint64 nowMs)
{
    if (nowMs - m_lastSweepMs < m_windowMs)
        return;
    m_lastSweepMs = nowMs;
    for (auto it = m_failures.begin(); it != m_failures.end();) {
        prune(*it, nowMs);
        it = it->empty() ? m_failures.erase(it) : std::next(it);
    }
}

int RateLimiter::retryAfter(const QString &key, qint64 nowMs) const
{
    auto it = m_failures.find(key);
    if (it == m_failures.end())
        return 0;
    prune(*it, nowMs);
    if (it->empty()) {
        m_failures.erase(it);
        return 0;
    }
    if (int(it->size()) < m_max)
        return 0;
    // Allowed again when the oldest failure that keeps us at the limit expires.
    const qint64 until = (*it)[it->size() - size_t(m_max)] + m_windowMs;
    return int(qMax<qint64>(1, (until - nowMs + 999) / 1000));
}

bool RateLimiter::isClean(const QString &key, qint64 nowMs) const
{
    auto it = m_failures.find(key);
    if (it == m_failures.end())
        return true;
    prune(*it, nowMs);
    return it->empty();
}

void RateLimiter::recordFailure(const QString &key, qint64 nowMs)
{
    sweep(nowMs);
    auto &times = m_failures[key];
    prune(times, nowMs);
    times.push_back(nowMs);
    // Memory stays bounded per key.
    while (int(times.size()) > m_max * 2)
        times.pop_front();
}

void RateLimiter::release(const QString &key, qint64 atMs)
{
    auto it = m_failures.find(key);
    if (it == m_failures.end())
        return;
    auto pos = std::find(it->rbegin(), it->rend(), atMs);
    if (pos != it->rend())
        it->erase(std::next(pos).base());
    if (it->empty())
        m_failures.erase(it);
}

void RateLimiter::reset(const QString &key)
{
    m_failures.remove(key);
}

} // namespace teehee
