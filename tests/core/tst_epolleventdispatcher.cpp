// The epoll event dispatcher drives this whole test program (it is installed
// before QCoreApplication): timers, sockets, posted and cross-thread events
// and deferred deletes behave as with Qt's own dispatchers.
#include "core/epolleventdispatcher.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <thread>

using namespace teehee;

class TestEpollEventDispatcher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void isTheDispatcherOfThisThread()
    {
        QVERIFY(qobject_cast<EpollEventDispatcher *>(QCoreApplication::eventDispatcher()));
    }

    void singleShotTimersFireOnceInTheirOrder()
    {
        QStringList fired;
        QTimer::singleShot(40, this, [&] { fired << "40"; });
        QTimer::singleShot(10, this, [&] { fired << "10"; });
        QTimer::singleShot(25, Qt::PreciseTimer, this, [&] { fired << "25"; });
        QTRY_COMPARE_WITH_TIMEOUT(fired.size(), 3, 2000);
        QCOMPARE(fired, (QStringList{"10", "25", "40"}));
        QTest::qWait(60);
        QCOMPARE(fired.size(), 3);
    }

    void aRepeatingTimerKeepsItsRhythmAndStopsFromItsHandler()
    {
        QTimer timer;
        timer.setInterval(15);
        int ticks = 0;
        bool rearmedEachTime = true; // after each tick the next is a whole interval away, not due at once
        connect(&timer, &QTimer::timeout, this, [&] {
            const int left = timer.remainingTime();
            rearmedEachTime = rearmedEachTime && left > 0 && left <= 15;
            if (++ticks == 5)
                timer.stop();
        });
        timer.start();
        QVERIFY(timer.remainingTime() > 0 && timer.remainingTime() <= 15);
        QTRY_COMPARE_WITH_TIMEOUT(ticks, 5, 2000);
        QVERIFY(rearmedEachTime);
        QTest::qWait(50);
        QCOMPARE(ticks, 5);
        QCOMPARE(timer.remainingTime(), -1);
    }

    void aZeroTimerRunsWhileOtherWorkGoesOn()
    {
        QTimer idle;
        idle.setInterval(0);
        int idleRuns = 0;
        connect(&idle, &QTimer::timeout, this, [&] { ++idleRuns; });
        idle.start();
        bool later = false;
        QTimer::singleShot(20, this, [&] { later = true; });
        QTRY_VERIFY_WITH_TIMEOUT(later, 2000);
        idle.stop();
        QVERIFY(idleRuns > 10);
    }

    void socketsCarryDataBothWaysAndReportTheEnd()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QPointer<QTcpSocket> accepted;
        QByteArray echoed;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            accepted = server.nextPendingConnection();
            connect(accepted, &QTcpSocket::readyRead, accepted, [&] { accepted->write(accepted->readAll()); });
        });
        QTcpSocket client;
        connect(&client, &QTcpSocket::readyRead, this, [&] { echoed += client.readAll(); });
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 5000);
        // More than the kernel buffers hold: the write notifiers have to work.
        QByteArray big(8 * 1024 * 1024, 'x');
        for (qsizetype i = 0; i < big.size(); i += 4093)
            big[i] = char('a' + i % 26);
        client.write(big);
        QTRY_COMPARE_WITH_TIMEOUT(echoed.size(), big.size(), 20000);
        QVERIFY(echoed == big);
        QSignalSpy gone(&client, &QTcpSocket::disconnected);
        accepted->disconnectFromHost();
        QVERIFY(gone.wait(5000));
    }

    void anotherThreadWakesTheLoopAtOnce()
    {
        // The loop must be asleep in epoll_wait with nothing due but the hang guard, and the
        // other thread posts only then: without wakeUp() the event waits for the guard.
        auto *dispatcher = QCoreApplication::eventDispatcher();
        QEventLoop loop;
        std::atomic<bool> posted = false;
        bool received = false;
        std::thread other;
        auto startOther = connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, [&] {
            if (other.joinable())
                return;
            other = std::thread([this, &loop, &received, &posted] {
                QMetaObject::invokeMethod(this, [&] { received = true; loop.quit(); }, Qt::QueuedConnection);
                posted = true;
            });
        });
        bool guardFired = false;
        QTimer guard; // only against a hang: it fires only when the wake-up was lost
        guard.setSingleShot(true);
        connect(&guard, &QTimer::timeout, &loop, [&] { guardFired = true; loop.quit(); });
        guard.start(10000);
        loop.exec();
        disconnect(startOther);
        if (other.joinable())
            other.join();
        QVERIFY(posted);
        QVERIFY2(!guardFired, "the posted event waited for the next timer: wakeUp() did not wake the loop");
        QVERIFY(received);
    }

    void deferredDeletesHappen()
    {
        QPointer<QObject> doomed = new QObject;
        doomed->deleteLater();
        QTRY_VERIFY_WITH_TIMEOUT(doomed.isNull(), 2000);
    }

    void timersOfADeletedObjectAreForgotten()
    {
        auto *owner = new QObject;
        owner->startTimer(5);
        owner->startTimer(50);
        auto *d = QCoreApplication::eventDispatcher();
        QCOMPARE(d->registeredTimers(owner).size(), 2);
        delete owner;
        QTest::qWait(30); // a stale timer would be delivered to freed memory here
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    TestEpollEventDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolleventdispatcher.moc"
