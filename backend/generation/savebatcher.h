#pragma once

#include "db/database.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <deque>

namespace teehee {

class FairWorkQueue;
class GenerationSaver;

// Saves the pending text of running replies in shared transactions. Each
// reply is due kMaxLagMs after its oldest unsaved text (at once when it has a
// kilobyte waiting); the replies due within kGatherMs of each other are
// written together, in transactions of kSliceSize, early by as long as
// writing took lately (a loaded loop runs slices less often). A thousand streams so cost
// a few commits per second, and their saves spread over time as their tokens
// do: one tick for all of them would be a burst of a thousand writes that
// holds every stream's next tokens. Each slice is one item of the
// FairWorkQueue it shares with stream starts.
class SaveBatcher : public QObject {
    Q_OBJECT
public:
    SaveBatcher(const Database &db, FairWorkQueue &work, QObject *parent = nullptr);

    static constexpr int kSliceSize = 16;
    // A reply due this soon is written with the ones due now: fewer, fuller slices.
    static constexpr int kGatherMs = 20;

    // The saver has text its row lacks; it is written by its deadline.
    void markDirty(GenerationSaver *saver);
    // The saver has too much text waiting: written in a turn or two.
    void saveSoon(GenerationSaver *saver);
    void forget(GenerationSaver *saver);

    // Queues every dirty reply for writing, a slice per turn of the event loop.
    void flushNow();
    // Commits made, by slices and by savers' own begin/end writes.
    qint64 commits() const { return m_commits; }
    void countCommit() { ++m_commits; }
    // The longest time text waited unsaved, from its arrival to the commit of
    // its slice: what a crash could have lost at worst (contract: 250 ms).
    qint64 longestLagMs() const { return m_longestLagMs; }

private:
    void takeDue();
    void scheduleNext();
    void queue(GenerationSaver *saver, qint64 sinceMs);
    void writeSlice();
    void postSlice();

    struct Deadline {
        GenerationSaver *saver;
        qint64 dueMs;
    };

    const Database &m_db;
    FairWorkQueue &m_work;
    QElapsedTimer m_clock;
    QHash<GenerationSaver *, qint64> m_dirty; // saver -> due time on m_clock
    std::deque<Deadline> m_deadlines;         // by due time; entries not in m_dirty are stale
    struct Queued {
        qint64 sinceMs; // arrival of its oldest unsaved text
        qint64 takenMs; // when it was queued
    };
    QHash<GenerationSaver *, Queued> m_queued; // due, not written yet
    QList<GenerationSaver *> m_order;         // m_queued by descending seq; may hold forgotten ones
    QTimer m_timer;
    qint64 m_lastTakeMs = -kGatherMs;
    qint64 m_leadMs = 0; // lately, from queueing a reply to its commit
    bool m_slicePosted = false;
    qint64 m_commits = 0;
    qint64 m_longestLagMs = 0;
};

} // namespace teehee
