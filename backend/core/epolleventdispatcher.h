#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>

#include <atomic>
#include <set>

struct epoll_event;

namespace teehee {

// An event dispatcher on Linux epoll, for the server's thread. Qt 6.4's own
// dispatchers (glib and poll) hand the kernel every socket on every wake-up,
// so with a thousand streams (a provider connection and a WebSocket each)
// most of the server's time went into polling sockets with nothing to say.
// Here a wake-up costs what is ready, not what is open.
//
// Install it before the thread's event loop exists:
// QCoreApplication::setEventDispatcher() before QCoreApplication, or
// QThread::setEventDispatcher() before start(). Timers are kept precise
// whatever their type.
class EpollEventDispatcher : public QAbstractEventDispatcher {
    Q_OBJECT
public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    // False when the kernel refused an epoll or eventfd descriptor; use
    // Qt's dispatcher then.
    bool isValid() const { return m_epoll >= 0 && m_wake >= 0; }

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;
    void wakeUp() override;
    void interrupt() override;

private:
    struct Watch {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
    };
    struct Timer {
        qint64 intervalMs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        QObject *object = nullptr;
        qint64 dueNs = 0; // monotonic
    };

    void updateWatch(int fd);
    bool dispatchSockets(const ::epoll_event *events, int count);
    bool fireTimers();
    int waitMs() const;
    void schedule(int timerId, Timer &timer, qint64 dueNs);

    int m_epoll = -1;
    int m_wake = -1; // eventfd: wakeUp() from any thread
    std::atomic<bool> m_interrupted{false};
    QHash<int, Watch> m_watches;                       // by descriptor
    QHash<int, Timer> m_timers;                        // by timer id
    std::set<std::pair<qint64, int>> m_due;            // (due, timer id), soonest first
};

// For the thread about to create QCoreApplication in a server process: the
// epoll dispatcher where the kernel provides it, else Qt's poll-based one
// (the glib dispatcher re-polls every socket on each wake-up as well).
void installServerEventDispatcher();

} // namespace teehee
