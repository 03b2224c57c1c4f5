// FairWorkQueue: posted work runs in order, after the current turn of the
// event loop, and no more than its budget per turn, so that sockets ready in
// the meantime are served between items.
#include "core/fairworkqueue.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace teehee;

class TestFairWorkQueue : public QObject {
    Q_OBJECT

    // Busy for `us` microseconds: work that takes time without giving the loop back.
    static void busy(qint64 us)
    {
        QElapsedTimer t;
        t.start();
        while (t.nsecsElapsed() < us * 1000) {
        }
    }

private Q_SLOTS:
    void workRunsLaterInTheOrderItWasPosted()
    {
        FairWorkQueue queue;
        QStringList ran;
        queue.post(&queue, [&] {
            ran << QStringLiteral("a");
            queue.post(&queue, [&] { ran << QStringLiteral("c"); }); // behind what was already waiting
        });
        queue.post(&queue, [&] { ran << QStringLiteral("b"); });
        QVERIFY(ran.isEmpty()); // never inside post()
        QCOMPARE(queue.pending(), 2);
        QTRY_COMPARE(ran, (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(queue.pending(), 0);
    }

    void cheapWorkRunsTogetherWithinTheBudget()
    {
        FairWorkQueue queue(50 * 1000);
        bool otherEventRan = false;
        bool otherEventRanBeforeSecond = true;
        queue.post(&queue, [&] { QTimer::singleShot(0, this, [&] { otherEventRan = true; }); });
        queue.post(&queue, [&] { otherEventRanBeforeSecond = otherEventRan; });
        QTRY_VERIFY(otherEventRan);
        QVERIFY(!otherEventRanBeforeSecond); // same turn: nothing came between the two
    }

    void theLoopRunsBetweenItemsOnceTheBudgetIsSpent()
    {
        FairWorkQueue queue(1000);
        bool otherEventRan = false;
        bool otherEventRanBeforeSecond = false;
        // The first item spends twice the budget and, meanwhile, something else becomes ready.
        queue.post(&queue, [&] {
            QTimer::singleShot(0, this, [&] { otherEventRan = true; });
            busy(2000);
        });
        queue.post(&queue, [&] { otherEventRanBeforeSecond = otherEventRan; });
        QTRY_VERIFY(queue.pending() == 0 && otherEventRan);
        QVERIFY(otherEventRanBeforeSecond);
    }

    void anItemOverTheBudgetStillRunsAlone()
    {
        FairWorkQueue queue(0);
        int ran = 0;
        for (int i = 0; i < 3; ++i)
            queue.post(&queue, [&] { ++ran; });
        QTRY_COMPARE(ran, 3); // one per turn, never stuck
    }

    void workOfADeletedContextIsDropped()
    {
        FairWorkQueue queue;
        auto *context = new QObject;
        bool ranForDeleted = false, ranForLive = false;
        queue.post(context, [&] { ranForDeleted = true; });
        queue.post(&queue, [&] { ranForLive = true; });
        delete context;
        QTRY_VERIFY(ranForLive);
        QVERIFY(!ranForDeleted);
    }
};

QTEST_GUILESS_MAIN(TestFairWorkQueue)
#include "tst_fairworkqueue.moc"
