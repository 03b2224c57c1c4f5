#include "db/walcheckpointer.h"

#include "core/logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

namespace teehee {
namespace {
void checkpoint(const Database &db)
{
    auto connection = db.connection();
    if (!connection)
        return;
    QSqlQuery q(connection.value());
    if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
        qCWarning(lcDb).noquote() << "WAL checkpoint failed:" << q.lastError().text();
}
}

WalCheckpointer::WalCheckpointer(const Database &db, const QSqlDatabase &writer, QObject *parent)
    : QObject(parent)
{
    QSqlQuery q(writer);
    if (!q.exec(QStringLiteral("PRAGMA wal_autocheckpoint=0")))
        qCWarning(lcDb).noquote() << "cannot move WAL checkpoints off the writer:" << q.lastError().text();
    m_thread.setObjectName(QStringLiteral("wal-checkpoint"));
    auto *timer = new QTimer; // lives and dies on m_thread
    timer->setInterval(kIntervalMs);
    timer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, timer, qOverload<>(&QTimer::start));
    connect(timer, &QTimer::timeout, timer, [&db] { checkpoint(db); });
    // Emitted on m_thread as it ends: a last checkpoint, then its connection goes.
    connect(&m_thread, &QThread::finished, timer, [&db, timer] {
        checkpoint(db);
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
