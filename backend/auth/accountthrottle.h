#pragma once

#include <QHash>
#include <QString>
#include <deque>

namespace teehee {

// Progressive delay per account (an e-mail): the first `freeFailures` wrong
// guesses cost nothing, then each further guess must wait longer after the
// previous one (firstDelay, doubling, up to maxDelay). No hard lock: the
// owner is never shut out for good, and an attacker's burst is refused
// without hashing. Failures are recorded when an attempt arrives (before
// hashing) and forgotten after `memory`, or all at once on a success.
class AccountThrottle {
public:
    struct Policy {
        int freeFailures = 5;
        int firstDelaySeconds = 30;
        int maxDelaySeconds = 15 * 60;
        int memorySeconds = 24 * 3600;
    };
    explicit AccountThrottle(Policy policy);

    // Seconds until the account may be tried again; 0 when allowed now.
    int retryAfter(const QString &key, qint64 nowMs);
    void recordFailure(const QString &key, qint64 nowMs);
    // Takes back the attempt recorded at atMs (it was never evaluated).
    void release(const QString &key, qint64 atMs);
    void reset(const QString &key);

    // The wait after the n-th failure on record, in seconds.
    int delayAfter(int failures) const;

private:
    void prune(std::deque<qint64> &times, qint64 nowMs) const;
    void sweep(qint64 nowMs);

    Policy m_policy;
    qint64 m_lastSweepMs = 0;
    QHash<QString, std::deque<qint64>> m_failures;
};

} // namespace teehee
