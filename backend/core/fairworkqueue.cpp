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
    if (!m_nextTurn.isActive())
        m_nextTurn.start();
}

void FairWorkQueue::runSlice()
{
    if (m_items.empty())
        return;
    QElapsedTimer spent;
    spent.start();
    // At least one item per turn, however long it takes: the queue always moves.
    do {
        Item item = std::move(m_items.front());
        m_items.pop_front();
        if (item.context)
            item.work();
    } while (!m_items.empty() && spent.nsecsElapsed() < m_budgetNs);
    if (!m_items.empty())
        m_nextTurn.start();
}

} // namespace teehee
