#include "generation/savebatcher.h"

#include "core/logging.h"
#include "generation/generationsaver.h"

#include <algorithm>
#include <utility>

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

SaveBatcher::~SaveBatcher()
{
    while (!m_endings.isEmpty()) {
        m_endingSlice = 0;
        handOverEndings();
    }
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

void SaveBatcher::saveEnding(GenerationSaver *saver, MessageRecord row)
{
    // Its pending text goes with the row; only how long it waited is kept.
    qint64 sinceMs = -1;
    if (const auto it = m_dirty.constFind(saver); it != m_dirty.cend())
        sinceMs = it.value() - GenerationSaver::kMaxLagMs;
    if (const auto it = m_queued.constFind(saver); it != m_queued.cend())
        sinceMs = it->sinceMs;
    m_dirty.remove(saver);
    m_queued.remove(saver);
    m_endings.append({saver, std::move(row), sinceMs});
    handOverEndings();
}

void SaveBatcher::handOverEndings()
{
    if (m_endingSlice || m_endings.isEmpty())
        return;
    // One slice at a time: the replies that end while it is written wait and
    // go together in the next. One that was refused goes again alone, so
    // that a row the database will not take holds back no other.
    m_endingsInFlight = m_endings.mid(0, m_endings.first().attempts > 0 ? 1 : kEndingSliceSize);
    m_endings.remove(0, m_endingsInFlight.size());
    QList<SaveWriter::Row> rows;
    rows.reserve(m_endingsInFlight.size());
    for (const Ending &e : std::as_const(m_endingsInFlight))
        rows.append({e.row.id, {}, e.row, e.row.chatId});
    m_endingSlice = ++m_nextSlice;
    m_writer.write(m_endingSlice, std::move(rows));
}

void SaveBatcher::onEndingsWritten(bool committed, const QString &error, qint64 committedMs)
{
    m_endingSlice = 0;
    QList<Ending> retry;
    // Reports may start or end other replies: work on a copy.
    const QList<Ending> done = std::exchange(m_endingsInFlight, {});
    for (Ending e : done) {
        if (committed) {
            if (e.sinceMs >= 0)
                m_longestLagMs = qMax(m_longestLagMs, committedMs - e.sinceMs);
            if (e.saver)
                e.saver->reportEnding(success());
        } else if (++e.attempts < kEndingAttempts) {
            retry.append(std::move(e));
        } else if (e.saver) {
            e.saver->reportEnding(Error::database(error));
        }
    }
    if (!committed)
        qCWarning(lcGeneration).noquote()
            << QStringLiteral("saving the end of %1 failed%2: %3")
                   .arg(done.size() == 1 ? QStringLiteral("a reply") : QStringLiteral("%1 replies").arg(done.size()),
                        retry.isEmpty() ? QStringLiteral(" for the last time") : QStringLiteral("; trying again"), error);
    m_endings = retry + m_endings;
    handOverEndings();
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
            rows.append({s->record().id, std::move(json), std::nullopt, s->record().chatId});
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
    ++m_commits;
    // The commit's own time, not this report's: a busy loop hears of it later.
    const qint64 committedMs = doneAtMs - m_clock.msecsSinceReference();
    if (slice == m_endingSlice) {
        onEndingsWritten(committed, error, committedMs);
        return;
    }
    const InFlight f = m_inFlight.take(slice);
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
    m_longestLagMs = qMax(m_longestLagMs, committedMs - f.oldestMs);
    const qint64 now = m_clock.elapsed();
    // Twice what writing took lately, as load grows while a batch waits: up
    // at once, down slowly; never more than half the lag, which would write
    // twice as often.
    const qint64 want = 2 * (now - f.takenMs);
    m_leadMs = qMin<qint64>(want > m_leadMs ? want : (7 * m_leadMs + want) / 8, GenerationSaver::kMaxLagMs / 2);
}

} // namespace teehee
