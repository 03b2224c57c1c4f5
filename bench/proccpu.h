#pragma once

#include <QList>
#include <QtGlobal>

// CPU time of processes from /proc/<pid>/stat (utime, stime: clock ticks,
// 10 ms each on most kernels), in µs. A process's counters include its
// threads, also those that have ended.
struct CpuTime {
    qint64 userUs = 0;
    qint64 kernelUs = 0;
    qint64 totalUs() const { return userUs + kernelUs; }
};

CpuTime processCpu(qint64 pid);

// The CPU a set of processes spent between start() and elapsed().
class CpuSampler {
public:
    explicit CpuSampler(const QList<qint64> &pids) : m_pids(pids) {}
    void start() { m_start = sum(); }
    CpuTime elapsed() const;
    // One clock tick in µs: the resolution of every figure.
    static qint64 tickUs();

private:
    CpuTime sum() const;
    QList<qint64> m_pids;
    CpuTime m_start;
};
