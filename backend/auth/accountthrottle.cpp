#include "auth/accountthrottle.h"

#include <QtGlobal>

namespace teehee {
namespace {
// Enough failures on record to reach the longest delay; older ones add nothing.
constexpr size_t kMaxRemembered = 64;
}

AccountThrottle::AccountThrottle(Policy policy) : AccountThrottle(policy, AttemptStores(), QString())
{
}

AccountThrottle::AccountThrottle(Policy policy, const AttemptStores &stores, const QString &kind)
    : m_policy(policy), m_store(stores.make(kind, qint64(policy.memorySeconds) * 1000, kMaxRemembered))
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

Result<int> AccountThrottle::retryAfter(const QString &key, qint64 nowMs)
{
    auto times = m_store->attempts(key, nowMs);
    if (!times)
        return times.error();
    if (times->isEmpty())
        return 0;
    const qint64 until = times->constLast() + qint64(delayAfter(int(times->size()))) * 1000;
    if (until <= nowMs)
        return 0;
    return int(qMax<qint64>(1, (until - nowMs + 999) / 1000));
}

} // namespace teehee
