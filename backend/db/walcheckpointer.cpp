#include "db/walcheckpointer.h"

#include "core/logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <sys/resource.h>

namespace teehee {
namespace {
// Runs one checkpoint pragma; the number of frames in the WAL, or -1.
int runCheckpoint(const QSqlDatabase &db, const char *mode)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(%1)").arg(QLatin1String(mode)))) {
        qCWarning(lcDb).noquote() << "WAL checkpoint failed:" << q.lastError().text();
        return -1;
    }
    return q.next() ? q.value(1).toInt() : -1; // busy, log frames, checkpointed frames
}

void checkpoint(const Database &db, int restartFrames)
{
    auto connection = db.connection();
    if (!connection)
        return;
    // PASSIVE copies what it can and waits for nobody. Under a steady stream
    // of commits that never lets the log start over (some frame is always newer
    // than the checkpoint): it would grow without end, and every page lookup
    // searches all of it. Past `restartFrames`, RESTART copies the few frames
    // written meanwhile and makes the next commit rewind the log; it holds
    // writers back only for those frames.
    if (runCheckpoint(connection.value(), "PASSIVE") >= restartFrames)
        runCheckpoint(connection.value(), "RESTART");
}
}

WalCheckpointer::WalCheckpointer(const Database &db, const QSqlDatabase &writer, QObject *parent)
    : WalCheckpointer(db, writer, Settings{}, parent)
{
}

WalCheckpointer::WalCheckpointer(const Database &db, const QSqlDatabase &writer, Settings settings, QObject *parent)
    : QObject(parent)
{
    QSqlQuery q(writer);
    if (!q.exec(QStringLiteral("PRAGMA wal_autocheckpoint=0")))
        qCWarning(lcDb).noquote() << "cannot move WAL checkpoints off the writer:" << q.lastError().text();
    m_thread.setObjectName(QStringLiteral("wal-checkpoint"));
    auto *timer = new QTimer; // lives and dies on m_thread
    timer->setInterval(settings.intervalMs);
    timer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, timer, [timer] {
        // Copying the log back is work for spare time: on a small machine it
        // must not take the CPU from the thread that streams tokens. Linux
        // keeps the nice value per thread; 10 more still gets a tenth of a
        // busy CPU, enough for the log to start over.
        if (setpriority(PRIO_PROCESS, 0, qMin(getpriority(PRIO_PROCESS, 0) + 10, 19)) != 0)
            qCDebug(lcDb) << "cannot lower the WAL checkpoint thread's priority";
        timer->start();
    }, Qt::DirectConnection);
    connect(timer, &QTimer::timeout, timer, [&db, settings] { checkpoint(db, settings.restartFrames); });
    // Emitted on m_thread as it ends: a last checkpoint, then its connection goes.
    connect(&m_thread, &QThread::finished, timer, [&db, timer, settings] {
        checkpoint(db, settings.restartFrames);
        db.closeThreadConnection();
        timer->deleteLater(); // deferred deletes still run as the thread ends
    }, Qt::DirectConnection);
    m_thread.start();
}

WalCheckpointer::~WalCheckpointer()
{
    m_thread.quit();
    m_thread.wait();
}

} // namespace teehee
