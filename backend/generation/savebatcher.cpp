#include "generation/savebatcher.h"

#include "core/fairworkqueue.h"
#include "core/logging.h"
#include "db/sqlquery.h"
#include "generation/generationsaver.h"

#include <algorithm>

namespace teehee {

SaveBatcher::SaveBatcher(const Database &db, FairWorkQueue &work, QObject *parent)
    : QObject(parent), m_db(db), m_work(work)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% late: 10 ms of a 200 ms lag
    connect(&m_timer, &QTimer::timeout, this, [this] {
        takeDue();
        scheduleNext();
    });
}

void SaveBatcher::markDirty(GenerationSaver *saver)
{
    if (m_dirty.contains(saver) || m_queued.contains(saver))
        return; // already due at its oldest unsaved text's deadline
    const qint64 due = m_clock.elapsed() + GenerationSaver::kMaxLagMs;
    m_dirty.insert(saver, due);
    m_deadlines.push_back({saver, due}); // due times only grow: the deque stays sorted
    if (!m_timer.isActive())
        scheduleNext();
}

void SaveBatcher::saveSoon(GenerationSaver *saver)
{
    if (!m_queued.contains(saver)) {
        // Its deadline entry, if any, goes stale.
        const qint64 due = m_dirty.take(saver);
        queue(saver, due ? due - GenerationSaver::kMaxLagMs : m_clock.elapsed());
    }
    postSlice();
}

void SaveBatcher::forget(GenerationSaver *saver)
{
    m_dirty.remove(saver);
    m_queued.remove(saver);
}

void SaveBatcher::flushNow()
{
    for (auto it = m_dirty.cbegin(); it != m_dirty.cend(); ++it)
        queue(it.key(), it.value() - GenerationSaver::kMaxLagMs);
    m_dirty.clear();
    m_deadlines.clear();
    m_timer.stop();
    postSlice();
}

void SaveBatcher::takeDue()
{
    m_lastTakeMs = m_clock.elapsed();
    const qint64 horizon = m_lastTakeMs + kGatherMs + m_leadMs;
    while (!m_deadlines.empty() && m_deadlines.front().dueMs <= horizon) {
        const Deadline d = m_deadlines.front();
        m_deadlines.pop_front();
        const auto it = m_dirty.constFind(d.saver);
        if (it == m_dirty.cend() || it.value() != d.dueMs)
            continue; // forgotten, saved early, or due again later
        m_dirty.erase(it);
        queue(d.saver, d.dueMs - GenerationSaver::kMaxLagMs);
    }
    postSlice();
}

void SaveBatcher::scheduleNext()
{
    while (!m_deadlines.empty() && m_dirty.value(m_deadlines.front().saver, -1) != m_deadlines.front().dueMs)
        m_deadlines.pop_front(); // stale: keep the timer from waking for nothing
    if (m_deadlines.empty())
        return;
    // Wake early enough for the first deadline, but not sooner than kGatherMs
    // after the last wake: it took everything due until then, and waking for
    // each next reply would make slices of one.
    const qint64 now = m_clock.elapsed();
    const qint64 wake = qMax(m_deadlines.front().dueMs - kGatherMs - m_leadMs, m_lastTakeMs + kGatherMs);
    m_timer.start(int(qMax<qint64>(0, wake - now)));
}

void SaveBatcher::queue(GenerationSaver *saver, qint64 sinceMs)
{
    m_queued.insert(saver, {sinceMs, m_clock.elapsed()});
}

void SaveBatcher::postSlice()
{
    if (m_slicePosted || m_queued.isEmpty())
        return;
    m_slicePosted = true;
    // Ahead of stream starts: a burst of a thousand of them would otherwise
    // hold the saves for seconds, far past their deadline.
    m_work.postUrgent(this, [this] {
        m_slicePosted = false;
        writeSlice();
        postSlice(); // in this turn while its budget lasts, else in the next one
    });
}

void SaveBatcher::writeSlice()
{
    if (m_queued.isEmpty())
        return;
    // In the order the rows were created: replies started together sit on
    // the same pages, so a slice dirties (and commits) fewer of them.
    if (m_order.isEmpty()) {
        m_order = m_queued.keys();
        std::sort(m_order.begin(), m_order.end(),
                  [](const GenerationSaver *a, const GenerationSaver *b) { return a->record().seq > b->record().seq; });
    }
    QList<GenerationSaver *> batch;
    qint64 oldestMs = m_clock.elapsed();
    qint64 firstTakenMs = oldestMs;
    while (!m_order.isEmpty() && batch.size() < kSliceSize) {
        GenerationSaver *s = m_order.takeLast(); // the lowest seq
        const auto it = m_queued.constFind(s);
        if (it == m_queued.cend())
            continue; // forgotten meanwhile
        oldestMs = qMin(oldestMs, it->sinceMs);
        firstTakenMs = qMin(firstTakenMs, it->takenMs);
        m_queued.erase(it);
        batch.append(s);
    }
    Transaction tx(m_db);
    Status st = tx.begin();
    const QByteArray updatedAt = sqlvalue::isoTime(QDateTime::currentDateTimeUtc()).toUtf8();
    for (GenerationSaver *s : batch) {
        if (!st)
            break;
        st = s->writePending(updatedAt);
    }
    if (st)
        st = tx.commit();
    ++m_commits;
    if (st) {
        const qint64 now = m_clock.elapsed();
        m_longestLagMs = qMax(m_longestLagMs, now - oldestMs);
        // Twice what writing took lately, as load grows while a batch waits:
        // up at once, down slowly; never more than half the lag, which would
        // write twice as often.
        const qint64 want = 2 * (now - firstTakenMs);
        m_leadMs = qMin<qint64>(want > m_leadMs ? want : (7 * m_leadMs + want) / 8, GenerationSaver::kMaxLagMs / 2);
    }
    if (!st) {
        // Nothing is lost: the text stays in memory and goes with the next batch or the final write.
        qCWarning(lcGeneration).noquote() << "saving streaming replies failed; retrying with the next batch:" << st.error().message;
        for (GenerationSaver *s : batch)
            s->markUnsaved();
    }
}

} // namespace teehee
