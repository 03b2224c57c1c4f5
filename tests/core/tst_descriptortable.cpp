// DescriptorTable: before a server accepts, the open-file limit is raised
// towards the hard limit and the kernel's descriptor table is grown to it at
// once, so that no accept() later waits for the table to double.
#include "core/descriptortable.h"

#include <QTest>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace teehee;

class TestDescriptorTable : public QObject {
    Q_OBJECT

    rlimit m_saved{};

private Q_SLOTS:
    void init() { QCOMPARE(getrlimit(RLIMIT_NOFILE, &m_saved), 0); }
    void cleanup() { setrlimit(RLIMIT_NOFILE, &m_saved); }

    void raisesTheSoftLimitTowardsTheHardOne()
    {
        rlimit low = m_saved;
        low.rlim_cur = std::min<rlim_t>(256, low.rlim_max);
        QCOMPARE(setrlimit(RLIMIT_NOFILE, &low), 0);

        const auto table = DescriptorTable::prepare(4096);

        rlimit now{};
        QCOMPARE(getrlimit(RLIMIT_NOFILE, &now), 0);
        const rlim_t expected = std::min<rlim_t>(m_saved.rlim_max, 4096);
        QCOMPARE(now.rlim_cur, expected);
        QCOMPARE(rlim_t(table.limit), expected);
    }

    void growsTheTableToTheLimitAtOnce()
    {
        const int before = DescriptorTable::currentCapacity();
        QVERIFY2(before > 0, "/proc/self/status has no FDSize");
        const int target = before * 2; // the table only ever grows: past whatever it holds now
        QVERIFY2(m_saved.rlim_max >= rlim_t(target), "the hard open-file limit leaves no room to grow the table");

        const auto table = DescriptorTable::prepare(target);

        QCOMPARE(table.limit, target);
        QVERIFY2(table.capacity >= target, qPrintable(QStringLiteral("table holds %1, wanted %2").arg(table.capacity).arg(target)));
        QCOMPARE(DescriptorTable::currentCapacity(), table.capacity);
        // The probe descriptors are closed again: the next one is a low number.
        const int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        QVERIFY(fd >= 0 && fd < 64);
        ::close(fd);
    }

    void neverLowersALimitAboveTheCap()
    {
        QVERIFY2(m_saved.rlim_max >= 2048, "the hard open-file limit is below 2048");
        rlimit high = m_saved;
        high.rlim_cur = 2048;
        QCOMPARE(setrlimit(RLIMIT_NOFILE, &high), 0);

        const auto table = DescriptorTable::prepare(1024);

        rlimit now{};
        QCOMPARE(getrlimit(RLIMIT_NOFILE, &now), 0);
        QCOMPARE(now.rlim_cur, rlim_t(2048));
        QCOMPARE(table.limit, 1024); // what the table was sized for
    }
};

QTEST_GUILESS_MAIN(TestDescriptorTable)
#include "tst_descriptortable.moc"
