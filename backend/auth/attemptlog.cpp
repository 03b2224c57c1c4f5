#include "auth/attemptlog.h"

#include <algorithm>

namespace teehee {

AttemptLog::AttemptLog(qint64 retentionMs, size_t maxPerKey) : m_retentionMs(retentionMs), m_maxPerKey(maxPerKey)
{
}

void AttemptLog::prune(std::deque<qint64> &times, qint64 nowMs) const
{
    while (!times.empty() && times.front() + m_retentionMs <= nowMs)
        times.pop_front();
}

void AttemptLog::sweep(qint64 nowMs)
{
    if (nowMs - m_lastSweepMs < m_retentionMs)
        return;
    m_lastSweepMs = nowMs;
    for (auto it = m_attempts.begin(); it != m_attempts.end();) {
        prune(*it, nowMs);
        it = it->empty() ? m_attempts.erase(it) : std::next(it);
    }
}

Status AttemptLog::record(const QString &key, qint64 nowMs)
{
    sweep(nowMs);
    auto &times = m_attempts[key];
    prune(times, nowMs);
    times.push_back(nowMs);
    while (times.size() > m_maxPerKey)
        times.pop_front();
    return success();
}

void AttemptLog::release(const QString &key, qint64 atMs)
{
    auto it = m_attempts.find(key);
    if (it == m_attempts.end())
        return;
    auto pos = std::find(it->rbegin(), it->rend(), atMs);
    if (pos != it->rend())
        it->erase(std::next(pos).base());
    if (it->empty())
        m_attempts.erase(it);
}

void AttemptLog::reset(const QString &key)
{
    m_attempts.remove(key);
}

Result<QList<qint64>> AttemptLog::attempts(const QString &key, qint64 nowMs)
{
    auto it = m_attempts.find(key);
    if (it == m_attempts.end())
        return QList<qint64>();
    prune(*it, nowMs);
    if (it->empty()) {
        m_attempts.erase(it);
        return QList<qint64>();
    }
    return QList<qint64>(it->cbegin(), it->cend());
}

} // namespace teehee
