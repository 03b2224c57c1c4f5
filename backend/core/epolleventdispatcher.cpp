#include "core/epolleventdispatcher.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimerEvent>
#include <QVarLengthArray>

#include <cerrno>
#include <ctime>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace teehee {
namespace {
qint64 nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}
constexpr int kMaxEvents = 256;
}

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent),
      m_epoll(epoll_create1(EPOLL_CLOEXEC)),
      m_wake(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (!isValid())
        return;
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = m_wake;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &ev);
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (m_wake >= 0)
        ::close(m_wake);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    Watch &w = m_watches[fd];
    switch (notifier->type()) {
    case QSocketNotifier::Read: w.read = notifier; break;
    case QSocketNotifier::Write: w.write = notifier; break;
    case QSocketNotifier::Exception: w.exception = notifier; break;
    }
    updateWatch(fd);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return;
    if (it->read == notifier)
        it->read = nullptr;
    if (it->write == notifier)
        it->write = nullptr;
    if (it->exception == notifier)
        it->exception = nullptr;
    updateWatch(fd);
}

// Brings the kernel's interest list in line with the notifiers of `fd`. A
// descriptor closed without unregistering has left epoll by itself, and its
// number may come back for another socket: add and modify fall back on each other.
void EpollEventDispatcher::updateWatch(int fd)
{
    auto it = m_watches.find(fd);
    const Watch w = it == m_watches.end() ? Watch{} : *it;
    epoll_event ev{};
    ev.data.fd = fd;
    ev.events = (w.read ? EPOLLIN : 0u) | (w.write ? EPOLLOUT : 0u) | (w.exception ? EPOLLPRI : 0u);
    if (ev.events == 0) {
        if (it != m_watches.end())
            m_watches.erase(it);
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr); // EBADF/ENOENT: already gone
        return;
    }
    if (epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev) == 0)
        return;
    if (errno == ENOENT && epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev) == 0)
        return;
    qCWarning(lcEventLoop) << "cannot watch descriptor" << fd << ":" << qt_error_string(errno);
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    Timer &t = m_timers[timerId];
    t.intervalMs = qMax<qint64>(0, interval);
    t.type = timerType;
    t.object = object;
    schedule(timerId, t, nowNs() + t.intervalMs * 1000000LL);
}

void EpollEventDispatcher::schedule(int timerId, Timer &timer, qint64 dueNs)
{
    m_due.erase({timer.dueNs, timerId});
    timer.dueNs = dueNs;
    m_due.insert({dueNs, timerId});
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    m_due.erase({it->dueNs, timerId});
    m_timers.erase(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->object == object) {
            m_due.erase({it->dueNs, it.key()});
            it = m_timers.erase(it);
            any = true;
        } else {
            ++it;
        }
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> out;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it)
        if (it->object == object)
            out.append(TimerInfo(it.key(), int(it->intervalMs), it->type));
    return out;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    auto it = m_timers.constFind(timerId);
    if (it == m_timers.cend())
        return -1;
    return int(qMax<qint64>(0, (it->dueNs - nowNs() + 999999) / 1000000));
}

void EpollEventDispatcher::wakeUp()
{
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t n = ::write(m_wake, &one, sizeof one); // full counter: already awake
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.store(true);
    wakeUp();
}

int EpollEventDispatcher::waitMs() const
{
    if (m_due.empty())
        return -1;
    const qint64 left = m_due.begin()->first - nowNs();
    return left <= 0 ? 0 : int(qMin<qint64>((left + 999999) / 1000000, 24 * 3600 * 1000));
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.store(false);
    Q_EMIT awake();
    QCoreApplication::sendPostedEvents();

    const bool canWait = (flags & QEventLoop::WaitForMoreEvents) && !m_interrupted.load();
    if (canWait)
        Q_EMIT aboutToBlock();
    epoll_event events[kMaxEvents];
    int count = epoll_wait(m_epoll, events, kMaxEvents, canWait ? waitMs() : 0);
    if (count < 0)
        count = 0; // EINTR: a signal; the loop comes back
    bool handled = false;
    if (!(flags & QEventLoop::ExcludeSocketNotifiers))
        handled = dispatchSockets(events, count);
    if (!(flags & QEventLoop::X11ExcludeTimers))
        handled = fireTimers() || handled;
    return handled;
}

bool EpollEventDispatcher::dispatchSockets(const epoll_event *events, int count)
{
    bool handled = false;
    for (int i = 0; i < count; ++i) {
        const int fd = events[i].data.fd;
        const quint32 what = events[i].events;
        if (fd == m_wake) {
            quint64 drained = 0;
            [[maybe_unused]] const ssize_t n = ::read(m_wake, &drained, sizeof drained);
            continue;
        }
        // Each handler may close, disable or delete notifiers of this or a
        // later descriptor: look them up again before every delivery.
        auto deliver = [&](QSocketNotifier *Watch::*which) {
            auto it = m_watches.constFind(fd);
            if (it == m_watches.cend() || !((*it).*which))
                return;
            QEvent event(QEvent::SockAct);
            QCoreApplication::sendEvent((*it).*which, &event);
            handled = true;
        };
        if (what & (EPOLLIN | EPOLLHUP | EPOLLERR))
            deliver(&Watch::read);
        if (what & (EPOLLOUT | EPOLLHUP | EPOLLERR))
            deliver(&Watch::write);
        if (what & EPOLLPRI)
            deliver(&Watch::exception);
    }
    return handled;
}

bool EpollEventDispatcher::fireTimers()
{
    const qint64 now = nowNs();
    // Only the timers due now; one started by a handler waits for the next turn.
    QVarLengthArray<int, 64> due;
    for (auto it = m_due.begin(); it != m_due.end() && it->first <= now; ++it)
        due.append(it->second);
    for (int id : due) {
        auto it = m_timers.find(id);
        if (it == m_timers.end())
            continue; // stopped by an earlier handler
        const qint64 interval = it->intervalMs * 1000000LL;
        // Keep the rhythm, but never fire twice to catch up.
        qint64 next = it->dueNs + interval;
        if (next <= now)
            next = now + interval;
        schedule(id, *it, next);
        QObject *object = it->object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
    }
    return !due.isEmpty();
}

void installServerEventDispatcher()
{
    auto *dispatcher = new EpollEventDispatcher;
    if (dispatcher->isValid()) {
        QCoreApplication::setEventDispatcher(dispatcher);
        return;
    }
    delete dispatcher;
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
}

} // namespace teehee
