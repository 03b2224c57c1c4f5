#pragma once

#include "db/database.h"

#include <QSet>
#include <QObject>
#include <QTimer>

namespace teehee {

class GenerationSaver;

// Saves the pending text of every running reply together: one transaction
// per tick, however many replies stream at once, so a thousand concurrent
// streams cost a few commits per second instead of thousands. A tick comes
// kMaxLagMs after the oldest unsaved text, or at once when one reply has a
// kilobyte waiting.
class SaveBatcher : public QObject {
    Q_OBJECT
public:
    explicit SaveBatcher(const Database &db, QObject *parent = nullptr);

    void markDirty(GenerationSaver *saver);
    void forget(GenerationSaver *saver);
    // Writes every dirty reply in one transaction.
    void flushNow();
    // Commits made, by ticks and by savers' own begin/end writes.
    qint64 commits() const { return m_commits; }
    void countCommit() { ++m_commits; }

private:
    const Database &m_db;
    QSet<GenerationSaver *> m_dirty;
    QTimer m_timer;
    qint64 m_commits = 0;
};

} // namespace teehee
