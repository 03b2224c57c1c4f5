#include "generation/savebatcher.h"

#include "core/logging.h"
#include "generation/generationsaver.h"

#include <algorithm>

namespace teehee {

SaveBatcher::SaveBatcher(const Database &db, QObject *parent)
    : QObject(parent), m_writer(db)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% late: 10 ms of a 200 ms lag
    connect(&m_timer, &QTimer::timeout, this, [this] {
        takeDue();
        scheduleNext();
    });
    connect(&m_writer, &SaveWriter::written, this, &SaveBatcher::onWritten); // queued: another thread
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
    handOver();
}

void SaveBatcher::forget(GenerationSaver *saver)
{
    m_dirty.remove(saver);
    m_queued.remove(saver);
    if (m_busy.remove(saver)) {
        for (InFlight &f : m_inFlight)
            f.savers.removeAll(saver);
    }
}

void SaveBatcher::flushNow()
{
    for (auto it = m_dirty.cbegin(); it != m_dirty.cend(); ++it)
        queue(it.key(), it.value() - GenerationSaver::kMaxLagMs);
    m_dirty.clear();
    m_deadlines.clear();
    m_timer.stop();
    handOver();
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
    handOver();
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

void SaveBatcher::handOver()
{
    if (m_queued.isEmpty())
        return;
    // In the order the rows were created: replies started together sit on
    // the same pages, so a slice dirties (and commits) fewer of them.
    QList<GenerationSaver *> order;
    for (auto it = m_queued.cbegin(); it != m_queued.cend(); ++it) {
        if (!m_busy.contains(it.key()))
            order.append(it.key());
    }
    std::sort(order.begin(), order.end(),
              [](const GenerationSaver *a, const GenerationSaver *b) { return a->record().seq < b->record().seq; });
    for (qsizetype from = 0; from < order.size(); from += kSliceSize) {
        InFlight slice{{}, m_clock.elapsed(), m_clock.elapsed()};
        QList<SaveWriter::Row> rows;
        for (GenerationSaver *s : order.mid(from, kSliceSize)) {
            const Queued q = m_queued.take(s);
            QByteArray json = s->takePendingJson();
            if (json.isEmpty())
                continue; // finished, or nothing new
            rows.append({s->record().id, std::move(json)});
            slice.savers.append(s);
            m_busy.insert(s);
            slice.oldestMs = qMin(slice.oldestMs, q.sinceMs);
            slice.takenMs = qMin(slice.takenMs, q.takenMs);
        }
        if (rows.isEmpty())
            continue;
        const quint64 id = ++m_nextSlice;
        m_inFlight.insert(id, std::move(slice));
        m_writer.write(id, std::move(rows));
    }
}

void SaveBatcher::onWritten(quint64 slice, bool committed, const QString &error, qint64 doneAtMs)
{
    const InFlight f = m_inFlight.take(slice);
    ++m_commits;
    for (GenerationSaver *s : f.savers)
        m_busy.remove(s);
    if (!committed) {
        // Nothing is lost: the text stays in memory and goes with the next batch or the final write.
        qCWarning(lcGeneration).noquote() << "saving streaming replies failed; retrying with the next batch:" << error;
        for (GenerationSaver *s : f.savers)
            s->markUnsaved();
    }
    handOver(); // what waited for this slice
    if (!committed)
        return;
    // The commit's own time, not this report's: a busy loop hears of it later.
    const qint64 committedMs = doneAtMs - m_clock.msecsSinceReference();
    m_longestLagMs = qMax(m_longestLagMs, committedMs - f.oldestMs);
    const qint64 now = m_clock.elapsed();
    // Twice what writing took lately, as load grows while a batch waits: up
    // at once, down slowly; never more than half the lag, which would write
    // twice as often.
    const qint64 want = 2 * (now - f.takenMs);
    m_leadMs = qMin<qint64>(want > m_leadMs ? want : (7 * m_leadMs + want) / 8, GenerationSaver::kMaxLagMs / 2);
}

} // namespace teehee
