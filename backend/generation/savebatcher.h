#pragma once

#include "db/database.h"
#include "generation/savewriter.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <deque>

namespace teehee {

class GenerationSaver;

// Saves the pending text of running replies in shared transactions. Each
// reply is due kMaxLagMs after its oldest unsaved text (at once when it has a
// kilobyte waiting); the replies due within kGatherMs of each other are
// written together, in transactions of kSliceSize, by a SaveWriter on a
// thread of its own, early by as long as writing took lately. A thousand
// streams so cost a few hundred commits per second, spread over time as their
// tokens are, and none of them on the thread that carries the tokens.
// While other replies stream, the end of a reply is written the same way:
// one slice of endings at a time, the ones that end while it is written going
// together in the next. Endings that come faster than the writer commits so
// share commits (at a thousand streams, 3.3 commits per reply instead of 3.6).
class SaveBatcher : public QObject {
    Q_OBJECT
public:
    // Tells each save to the servers sharing a PostgreSQL database (see SaveWriter).
    void setNotifications(const PgNotifications *notifications) { m_writer.setNotifications(notifications); }
    void setTellOthers(bool tell) { m_writer.setTellOthers(tell); }
    explicit SaveBatcher(const Database &db, QObject *parent = nullptr);
    // Endings not handed over yet are written before the writer stops (no
    // one hears of them then).
    ~SaveBatcher() override;

    static constexpr int kSliceSize = 16;
    static constexpr int kEndingSliceSize = 64;
    // An ending the database refused is tried this often in all, alone
    // after the first refusal.
    static constexpr int kEndingAttempts = 3;
    // A reply due this soon is written with the ones due now: fewer, fuller slices.
    static constexpr int kGatherMs = 20;

    // The saver has text its row lacks; it is written by its deadline.
    void markDirty(GenerationSaver *saver);
    // The saver has too much text waiting: written at once.
    void saveSoon(GenerationSaver *saver);
    void forget(GenerationSaver *saver);
    // Replies between their saver's begin() and its end: an ending with no
    // other reply streaming is written at once, on the caller's thread.
    void streamBegan() { ++m_streaming; }
    void streamEnded() { --m_streaming; }
    int streaming() const { return m_streaming; }
    // The saver's reply ended: `row` (every field) is written after its
    // streaming saves, and the saver hears of the commit through
    // GenerationSaver::reportEnding(). Written even if the saver goes first.
    void saveEnding(GenerationSaver *saver, MessageRecord row);

    // Hands every dirty reply to the writer now.
    void flushNow();
    // Commits made: by slices (once the writer reports them) and by savers'
    // own writes on this thread (begin(), finish()).
    qint64 commits() const { return m_commits; }
    void countCommit() { ++m_commits; }
    // The longest time text waited unsaved, from its arrival to the commit of
    // its slice: what a crash could have lost at worst (contract: 250 ms).
    qint64 longestLagMs() const { return m_longestLagMs; }
    // Slices handed to the writer and not reported back yet.
    qsizetype slicesInFlight() const { return m_inFlight.size(); }

private:
    void takeDue();
    void scheduleNext();
    void queue(GenerationSaver *saver, qint64 sinceMs);
    void handOver();
    void handOverEndings();
    void onWritten(quint64 slice, bool committed, const QString &error, qint64 doneAtMs);
    void onEndingsWritten(bool committed, const QString &error, qint64 committedMs);

    struct Deadline {
        GenerationSaver *saver;
        qint64 dueMs;
    };
    struct Queued {
        qint64 sinceMs; // arrival of its oldest unsaved text
        qint64 takenMs; // when it was queued
    };
    struct InFlight {
        QList<GenerationSaver *> savers; // forgotten ones are taken out
        qint64 oldestMs;                 // arrival of the oldest text in the slice
        qint64 takenMs;                  // when its first reply was queued
    };

    QElapsedTimer m_clock;
    QHash<GenerationSaver *, qint64> m_dirty;  // saver -> due time on m_clock
    std::deque<Deadline> m_deadlines;          // by due time; entries not in m_dirty are stale
    QHash<GenerationSaver *, Queued> m_queued; // due, not handed over yet
    QHash<quint64, InFlight> m_inFlight;
    // Savers with a slice in flight: the next save of each waits for the
    // report, so a writer that falls behind never holds several copies of a
    // long reply.
    QSet<GenerationSaver *> m_busy;
    struct Ending {
        QPointer<GenerationSaver> saver; // null once it is gone: the row is written all the same
        MessageRecord row;
        qint64 sinceMs;   // arrival of its oldest unsaved text, -1: none was waiting
        int attempts = 0;
    };
    QList<Ending> m_endings;         // waiting for the slice of endings in flight
    QList<Ending> m_endingsInFlight;
    quint64 m_endingSlice = 0;       // its id; 0: none in flight
    quint64 m_nextSlice = 0;
    QTimer m_timer;
    qint64 m_lastTakeMs = -kGatherMs;
    qint64 m_leadMs = 0; // lately, from queueing a reply to its commit
    qint64 m_commits = 0;
    qint64 m_longestLagMs = 0;
    int m_streaming = 0;
    SaveWriter m_writer; // last: its thread stops before the rest goes
};

} // namespace teehee
