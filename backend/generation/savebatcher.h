#pragma once

#include "db/database.h"

#include <QSet>
#include <QObject>
#include <QTimer>

namespace teehee {

class FairWorkQueue;
class GenerationSaver;

// Saves the pending text of every running reply together: a tick comes
// kMaxLagMs after the oldest unsaved text, or as soon as one reply has a
// kilobyte waiting, and writes the replies in transactions of kSliceSize, so a
// thousand concurrent streams cost a few commits per second instead of
// thousands. Each slice is one item of the FairWorkQueue it shares with
// stream starts: writing a thousand replies at once would hold every stream's
// next token for tens of milliseconds.
class SaveBatcher : public QObject {
    Q_OBJECT
public:
    SaveBatcher(const Database &db, FairWorkQueue &work, QObject *parent = nullptr);

    void markDirty(GenerationSaver *saver);
    void forget(GenerationSaver *saver);
    static constexpr int kSliceSize = 16;

    // Queues every dirty reply for writing, a slice per turn of the event loop.
    void flushNow();
    // Commits made, by ticks and by savers' own begin/end writes.
    qint64 commits() const { return m_commits; }
    void countCommit() { ++m_commits; }

private:
    void writeSlice();
    void postSlice();

    const Database &m_db;
    FairWorkQueue &m_work;
    QSet<GenerationSaver *> m_dirty;   // since the last tick
    QSet<GenerationSaver *> m_queued;  // taken by a tick, not written yet
    QList<GenerationSaver *> m_order;  // m_queued by descending seq; may hold forgotten ones
    QTimer m_timer;
    bool m_slicePosted = false;
    qint64 m_commits = 0;
};

} // namespace teehee
