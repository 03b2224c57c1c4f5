#include "proccpu.h"

#include <QByteArray>
#include <QDir>
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

QHash<qint64, qint64> CpuSampler::scheduledNs() const
{
    QHash<qint64, qint64> perThread;
    for (qint64 pid : m_pids) {
        const QString tasks = QStringLiteral("/proc/%1/task").arg(pid);
        for (const QString &tid : QDir(tasks).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile f(tasks + u'/' + tid + QStringLiteral("/schedstat"));
            if (f.open(QIODevice::ReadOnly)) // "<ns on the CPU> <ns waiting> <slices>"
                perThread.insert(tid.toLongLong(), f.readAll().split(' ').value(0).toLongLong());
        }
    }
    return perThread;
}

CpuTime CpuSampler::elapsed() const
{
    const CpuTime now = sum();
    qint64 ns = 0;
    const QHash<qint64, qint64> threads = scheduledNs();
    for (auto it = threads.cbegin(); it != threads.cend(); ++it)
        ns += it.value() - m_startNs.value(it.key(), 0);
    return {now.userUs - m_start.userUs, now.kernelUs - m_start.kernelUs, ns / 1000};
}
