#include "generation/savewriter.h"

#include "db/messagerepository.h"
#include "db/pgnotifications.h"
#include "db/sqlquery.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace teehee {

SaveWriter::SaveWriter(const Database &db, QObject *parent)
    : QObject(parent), m_db(db), m_worker(new QObject)
{
    m_thread.setObjectName(QStringLiteral("reply-saves"));
    m_worker->moveToThread(&m_thread);
    // Its saves can wait a moment; the backend thread's writes cannot.
    connect(&m_thread, &QThread::started, m_worker, [] { Database::markBackgroundWriter(); }, Qt::DirectConnection);
    // Emitted on m_thread as it ends: its connection goes with it.
    connect(&m_thread, &QThread::finished, m_worker, [&db = m_db, worker = m_worker] {
        db.closeThreadConnection();
        delete worker;
    }, Qt::DirectConnection);
    m_thread.start();
}

SaveWriter::~SaveWriter()
{
    // Queued behind the slices already handed over: they are all written.
    QMetaObject::invokeMethod(m_worker, [this] { m_thread.quit(); }, Qt::QueuedConnection);
    m_thread.wait();
}

void SaveWriter::write(quint64 slice, QList<Row> rows)
{
    QMetaObject::invokeMethod(m_worker, [this, slice, rows = std::move(rows)] {
        const Status st = writeNow(rows);
        QElapsedTimer now;
        now.start();
        Q_EMIT written(slice, bool(st), st ? QString() : st.error().message, now.msecsSinceReference());
    }, Qt::QueuedConnection);
}

Status SaveWriter::writeNow(const QList<Row> &rows) const
{
    Transaction tx(m_db);
    Status st = tx.begin();
    const QByteArray updatedAt = sqlvalue::isoTime(QDateTime::currentDateTimeUtc()).toUtf8();
    const MessageRepository messages(m_db);
    const PgNotifications *tell = m_tellOthers.load(std::memory_order_relaxed) ? m_notifications : nullptr;
    for (const Row &row : rows) {
        if (!st)
            break;
        if (row.ending) {
            st = messages.update(*row.ending);
            if (st && tell)
                st = tell->send(kSavedChannel, row.messageId + u'\t' + row.chatId);
            if (!st && st.error().code == ErrorCode::NotFound)
                st = success(); // deleted with its chat: nothing left to end
            continue;
        }
        auto landed = messages.updateStreamingContent(row.messageId, row.contentJson, updatedAt);
        if (!landed)
            st = landed.error();
        else if (landed.value() && tell)
            st = tell->send(kSavedChannel, row.messageId + u'\t' + row.chatId);
    }
    if (st)
        st = tx.commit();
    return st;
}

} // namespace teehee
