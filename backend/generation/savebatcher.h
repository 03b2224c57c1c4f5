#pragma once

#include "db/database.h"

#include <QSet>
#include <QObject>
#include <QTimer>

namespace teehee {

class GenerationSaver;

// Saves the pending text of every running reply together: a tick comes
// kMaxLagMs after the oldest unsaved text, or at once when one reply has a
// kilobyte waiting, and writes the replies in transactions of kSliceSize, so a
// thousand concurrent streams cost a few commits per second instead of
// thousands. Between slices the event loop runs: writing a thousand replies
// at once would hold every stream's next token for tens of milliseconds.
class SaveBatcher : public QObject {
    Q_OBJECT
public:
    explicit SaveBatcher(const Database &db, QObject *parent = nullptr);

    void markDirty(GenerationSaver *saver);
    void forget(GenerationSaver *saver);
    static constexpr int kSliceSize = 32;

    // Starts writing every dirty reply, one slice now and the rest on the next turns.
    void flushNow();
    // Commits made, by ticks and by savers' own begin/end writes.
    qint64 commits() const { return m_commits; }
    void countCommit() { ++m_commits; }

private:
    void writeSlice();

    const Database &m_db;
    QSet<GenerationSaver *> m_dirty;   // since the last tick
    QSet<GenerationSaver *> m_queued;  // taken by a tick, not written yet
    QTimer m_timer;
    QTimer m_nextSlice;
    qint64 m_commits = 0;
};

} // namespace teehee
