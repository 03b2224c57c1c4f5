#pragma once

#include "db/database.h"

#include <QObject>
#include <QThread>

namespace teehee {

// Moves SQLite's WAL checkpoints off the thread that writes. SQLite runs a
// checkpoint inside whichever commit crosses 1,000 WAL pages: copying pages
// back and syncing the file then stalls that thread (the backend's, which
// carries every stream) for tens of milliseconds. The writer's automatic
// checkpoints are turned off and a thread of its own (nice +10, so it yields
// the CPU to the writer) checkpoints instead, PASSIVE, so it waits for no
// reader or writer; when the log has grown past restartFrames anyway (commits
// never pause), a RESTART lets it start over.
class WalCheckpointer : public QObject {
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 2000;
    struct Settings {
        int intervalMs = kIntervalMs;
        int restartFrames = 4096; // 16 MiB of 4 KiB pages
    };

    // `writer`: the connection whose automatic checkpoints stop. `db` must
    // outlive this object.
    WalCheckpointer(const Database &db, const QSqlDatabase &writer, QObject *parent = nullptr);
    WalCheckpointer(const Database &db, const QSqlDatabase &writer, Settings settings, QObject *parent = nullptr);
    // Stops the thread; its last act is a checkpoint.
    ~WalCheckpointer() override;

private:
    QThread m_thread;
};

} // namespace teehee
