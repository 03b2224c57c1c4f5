#include "proccpu.h"

#include <QByteArray>
#include <QFile>

#include <unistd.h>

qint64 CpuSampler::tickUs()
{
    return 1'000'000 / sysconf(_SC_CLK_TCK);
}

CpuTime processCpu(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = f.readAll();
    // After "(comm) ": state is field 3, utime 14, stime 15 (man 5 proc); comm may hold spaces.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    const qint64 tick = CpuSampler::tickUs();
    return {fields.value(11).toLongLong() * tick, fields.value(12).toLongLong() * tick};
}

CpuTime CpuSampler::sum() const
{
    CpuTime t;
    for (qint64 pid : m_pids) {
        const CpuTime p = processCpu(pid);
        t.userUs += p.userUs;
        t.kernelUs += p.kernelUs;
    }
    return t;
}

CpuTime CpuSampler::elapsed() const
{
    const CpuTime now = sum();
    return {now.userUs - m_start.userUs, now.kernelUs - m_start.kernelUs};
}
