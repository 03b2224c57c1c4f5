#include "auth/accountthrottle.h"

#include <QtGlobal>
#include <algorithm>

namespace teehee {
namespace {
// Enough failures on record to reach the longest delay; older ones add nothing.
constexpr size_t kMaxRemembered = 64;
}

AccountThrottle::AccountThrottle(Policy policy) : m_policy(policy)
{
}

int AccountThrottle::delayAfter(int failures) const
{
    if (failures < m_policy.freeFailures)
        return 0;
    const int doublings = qMin(failures - m_policy.freeFailures, 30);
    const qint64 delay = qint64(m_policy.firstDelaySeconds) << doublings;
    return int(qMin<qint64>(delay, m_policy.maxDelaySeconds));
}

void AccountThrottle::prune(std::deque<qint64> &times, qint64 nowMs) const
{
    const qint64 memoryMs = qint64(m_policy.memorySeconds) * 1000;
    while (!times.empty() && times.front() + memoryMs <= nowMs)
        times.pop_front();
}

void AccountThrottle::sweep(qint64 nowMs)
{
    if (nowMs - m_lastSweepMs < qint64(m_policy.maxDelaySeconds) * 1000)
        return;
    m_lastSweepMs = nowMs;
    for (auto it = m_failures.begin(); it != m_failures.end();) {
        prune(*it, nowMs);
        it = it->empty() ? m_failures.erase(it) : std::next(it);
    }
}

int AccountThrottle::retryAfter(const QString &key, qint64 nowMs)
{
    auto it = m_failures.find(key);
    if (it == m_failures.end())
        return 0;
    prune(*it, nowMs);
    if (it->empty()) {
        m_failures.erase(it);
        return 0;
    }
    const qint64 until = it->back() + qint64(delayAfter(int(it->size()))) * 1000;
    if (until <= nowMs)
        return 0;
    return int(qMax<qint64>(1, (until - nowMs + 999) / 1000));
}

void AccountThrottle::recordFailure(const QString &key, qint64 nowMs)
{
    sweep(nowMs);
    auto &times = m_failures[key];
    prune(times, nowMs);
    times.push_back(nowMs);
    while (times.size() > kMaxRemembered)
        times.pop_front();
}

void AccountThrottle::release(const QString &key, qint64 atMs)
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

void AccountThrottle::reset(const QString &key)
{
    m_failures.remove(key);
}

} // namespace teehee
