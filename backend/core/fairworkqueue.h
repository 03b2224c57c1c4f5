#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>

namespace teehee {

// Runs posted work after the sockets of the current event-loop turn, a bounded
// time per turn. Starting a reply costs about half a millisecond (database
// writes, the upstream connect); a thousand clients asking at once would
// otherwise hold the tokens of every running stream for tens of milliseconds
// per turn. Work runs in the order it was posted; work whose context object
// is gone is dropped.
class FairWorkQueue : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kDefaultBudgetUs = 1000;

    explicit FairWorkQueue(qint64 budgetPerTurnUs = kDefaultBudgetUs, QObject *parent = nullptr);

    void post(QObject *context, std::function<void()> work);
    qsizetype pending() const { return qsizetype(m_items.size()); }

private:
    void runSlice();

    struct Item {
        QPointer<QObject> context;
        std::function<void()> work;
    };
    std::deque<Item> m_items;
    QTimer m_nextTurn;
    qint64 m_budgetNs;
};

} // namespace teehee
