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
    m_timer.setSingleShot(true);
    m_timer.setInterval(GenerationSaver::kMaxLagMs);
    connect(&m_timer, &QTimer::timeout, this, &SaveBatcher::flushNow);
}

void SaveBatcher::markDirty(GenerationSaver *saver)
{
    m_dirty.insert(saver);
    if (!m_timer.isActive())
        m_timer.start(); // measured from the oldest unsaved text, never pushed back
}

void SaveBatcher::forget(GenerationSaver *saver)
{
    m_dirty.remove(saver);
    m_queued.remove(saver);
}

void SaveBatcher::flushNow()
{
    m_timer.stop();
    m_queued.unite(std::exchange(m_dirty, {}));
    postSlice();
}

void SaveBatcher::postSlice()
{
    if (m_slicePosted || m_queued.isEmpty())
        return;
    m_slicePosted = true;
    m_work.post(this, [this] {
        m_slicePosted = false;
        writeSlice();
        postSlice(); // behind the work posted meanwhile
    });
}

void SaveBatcher::writeSlice()
{
    if (m_queued.isEmpty())
        return;
    // In the order the rows were created: replies started together sit on
    // the same pages, so a slice dirties (and commits) fewer of them.
    if (m_order.isEmpty()) {
        m_order = m_queued.values();
        std::sort(m_order.begin(), m_order.end(),
                  [](const GenerationSaver *a, const GenerationSaver *b) { return a->record().seq > b->record().seq; });
    }
    QList<GenerationSaver *> batch;
    while (!m_order.isEmpty() && batch.size() < kSliceSize) {
        GenerationSaver *s = m_order.takeLast(); // the lowest seq
        if (m_queued.remove(s)) // not forgotten meanwhile
            batch.append(s);
    }
    Transaction tx(m_db);
    Status st = tx.begin();
    for (GenerationSaver *s : batch) {
        if (!st)
            break;
        st = s->writePending();
    }
    if (st)
        st = tx.commit();
    ++m_commits;
    if (!st) {
        // Nothing is lost: the text stays in memory and goes with the next batch or the final write.
        qCWarning(lcGeneration).noquote() << "saving streaming replies failed; retrying with the next batch:" << st.error().message;
        for (GenerationSaver *s : batch)
            s->markUnsaved();
    }
}

} // namespace teehee
