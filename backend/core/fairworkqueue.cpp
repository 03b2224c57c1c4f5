#include "core/fairworkqueue.h"

#include <QElapsedTimer>

namespace teehee {

FairWorkQueue::FairWorkQueue(qint64 budgetPerTurnUs, QObject *parent)
    : QObject(parent), m_budgetNs(qMax<qint64>(budgetPerTurnUs, 0) * 1000)
{
    m_nextTurn.setSingleShot(true);
    m_nextTurn.setInterval(0); // after the sockets that are ready now
    connect(&m_nextTurn, &QTimer::timeout, this, &FairWorkQueue::runSlice);
}

void FairWorkQueue::post(QObject *context, std::function<void()> work)
{
    m_items.push_back({context, std::move(work)});
    schedule();
}

void FairWorkQueue::postUrgent(QObject *context, std::function<void()> work)
{
    m_urgent.push_back({context, std::move(work)});
    schedule();
}

void FairWorkQueue::schedule()
{
    if (!m_nextTurn.isActive())
        m_nextTurn.start();
}

void FairWorkQueue::runSlice()
{
    QElapsedTimer spent;
    spent.start();
    // At least one item per turn, however long it takes: the queue always moves.
    while (pending() > 0) {
        std::deque<Item> &lane = m_urgent.empty() ? m_items : m_urgent;
        Item item = std::move(lane.front());
        lane.pop_front();
        if (item.context)
            item.work();
        if (spent.nsecsElapsed() >= m_budgetNs)
            break;
    }
    if (pending() > 0)
        m_nextTurn.start();
}

} // namespace teehee
