#include "core/descriptortable.h"

#include "core/logging.h"

#include <QFile>

#include <algorithm>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace teehee {

int DescriptorTable::currentCapacity()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("FDSize:"))
            return line.mid(7).trimmed().toInt();
    }
    return 0;
}

DescriptorTable DescriptorTable::prepare(int maxDescriptors)
{
    rlimit rl{};
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return {0, currentCapacity()};
    const rlim_t wanted = std::min<rlim_t>(rl.rlim_max, rlim_t(maxDescriptors));
    if (rl.rlim_cur < wanted) {
        rlimit raised = rl;
        raised.rlim_cur = wanted;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            rl = raised;
        else
            qCWarning(lcHttp) << "cannot raise the open-file limit from" << rl.rlim_cur << "to" << wanted;
    }
    const int limit = int(std::min<rlim_t>(rl.rlim_cur, rlim_t(maxDescriptors)));
    // Duplicating onto the highest descriptor allowed makes the kernel size
    // its table for it now, once; the table never shrinks, so closing the
    // duplicate keeps the room.
    if (const int probe = ::open("/dev/null", O_RDONLY | O_CLOEXEC); probe >= 0) {
        const int top = ::fcntl(probe, F_DUPFD_CLOEXEC, limit - 1);
        if (top >= 0)
            ::close(top);
        ::close(probe);
    }
    const DescriptorTable table{limit, currentCapacity()};
    qCInfo(lcHttp) << "open-file limit" << table.limit << "descriptor table" << table.capacity;
    return table;
}

} // namespace teehee
