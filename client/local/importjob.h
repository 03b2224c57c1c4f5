#pragma once

#include "clienttypes.h"

#include "chat/chattransfer.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace teehee {
class Database;
}

namespace teehee::client {

// Imports a file on a thread of its own, with that thread's database
// connection, so the backend thread (and every view waiting on it) goes on
// meanwhile. The whole file is checked first: a malformed one stores nothing.
// Then each chat is stored in a transaction of its own, letting the backend
// thread's writes go first between them (Database::markBackgroundWriter),
// so SQLite's write lock is never held for a whole file. A re-import after a
// failure half-way stores only what is missing: imported chats are skipped.
class ImportJobs {
public:
    // How far: chats stored of the file's chats (total 0 while it is checked).
    using Progress = std::function<void(qint64 done, qint64 total)>;
    using Finished = std::function<void(const Outcome<ImportOutcome> &)>;

    explicit ImportJobs(const Database &db);
    // Stops the running imports between two chats and waits for them.
    ~ImportJobs();

    // Both callbacks run on the import's thread.
    void start(const QString &userId, const QString &filePath, Progress progress, Finished finished);

private:
    Outcome<ImportOutcome> run(const QString &userId, const QString &filePath, const Progress &progress) const;

    const Database &m_db;
    std::shared_ptr<std::atomic<bool>> m_stopping = std::make_shared<std::atomic<bool>>(false);
    QList<QThread *> m_threads;
};

} // namespace teehee::client
