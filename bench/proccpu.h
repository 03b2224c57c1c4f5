#pragma once

#include <QHash>
#include <QList>
#include <QtGlobal>

// CPU time of processes from /proc/<pid>/stat (utime, stime: clock ticks,
// 10 ms each on most kernels), in µs. A process's counters include its
// threads, also those that have ended.
struct CpuTime {
    qint64 userUs = 0;
    qint64 kernelUs = 0;
    // User and kernel together from the scheduler's clock (nanoseconds, per
    // thread: /proc/<pid>/task/<tid>/schedstat), for runs shorter than a few
    // ticks; misses threads that ended before elapsed().
    qint64 scheduledUs = 0;
    qint64 totalUs() const { return userUs + kernelUs; }
};

CpuTime processCpu(qint64 pid);

// The CPU a set of processes spent between start() and elapsed().
class CpuSampler {
public:
    explicit CpuSampler(const QList<qint64> &pids) : m_pids(pids) {}
    void start()
    {
        m_start = sum();
        m_startNs = scheduledNs();
    }
    CpuTime elapsed() const;
    // One clock tick in µs: the resolution of every figure.
    static qint64 tickUs();

private:
    CpuTime sum() const;
    QHash<qint64, qint64> scheduledNs() const; // per thread id
    QList<qint64> m_pids;
    CpuTime m_start;
    QHash<qint64, qint64> m_startNs;
};
