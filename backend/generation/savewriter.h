#pragma once

#include "core/error.h"
#include "db/database.h"
#include "db/records.h"

#include <QList>
#include <QObject>
#include <QThread>

#include <atomic>

#include <optional>

namespace teehee {

class PgNotifications;

// Writes the saves of replies on a thread of its own, with that thread's
// database connection: the streaming saves of running replies and the final
// writes of ended ones. At a thousand streams the streaming saves took a fifth
// of the backend thread, and final writes there waited for the lock behind
// them; meanwhile every token waited too. Slices run one after another, in
// the order they were handed over, so a reply's final write always lands
// after its streaming saves. Between slices it lets a thread that waits for
// SQLite's write lock (the backend thread) go first
// (Database::markBackgroundWriter).
// Its connection keeps SQLite's automatic checkpoints (PASSIVE, past 1,000
// WAL pages, right after its own commit): they cost only this thread time,
// and they keep the log short, so WalCheckpointer seldom needs the RESTART
// that holds every writer, the backend thread's too (measured: turning them
// off doubled the slow tokens at a thousand streams).
class SaveWriter : public QObject {
    Q_OBJECT
public:
    struct Row {
        QString messageId;
        QByteArray contentJson; // a streaming save: the row's whole content
        // A final write instead: every field. A row deleted meanwhile (its
        // chat went) is no error.
        std::optional<MessageRecord> ending;
        QString chatId; // told to the other servers with each save
    };
    // The channel on which each save is told to the servers sharing the
    // database (payload: message id, tab, chat id), in the save's transaction.
    static inline const QString kSavedChannel = QStringLiteral("teehee_reply_saved");

    // `db` must outlive this object.
    explicit SaveWriter(const Database &db, QObject *parent = nullptr);
    // Writes every slice handed over (final writes must land), then stops.
    ~SaveWriter() override;

    // From the owner's thread: writes `rows` in one transaction, streaming
    // saves only while their row is still streaming, then emits written().
    void write(quint64 slice, QList<Row> rows);
    // PostgreSQL shared by several servers: each save is told to the others
    // (set before the first write).
    void setNotifications(const PgNotifications *notifications) { m_notifications = notifications; }
    // Only while another server shares the database (ServerPresence): alone,
    // nobody would hear them. From any thread.
    void setTellOthers(bool tell) { m_tellOthers.store(tell, std::memory_order_relaxed); }

Q_SIGNALS:
    // Emitted on the writer's thread; queued to the owner by a context object.
    // `doneAtMs`: when the transaction ended, on QElapsedTimer's reference clock
    // (QElapsedTimer::msecsSinceReference()), the same on every thread.
    void written(quint64 slice, bool committed, const QString &error, qint64 doneAtMs);

private:
    Status writeNow(const QList<Row> &rows) const;

    const Database &m_db;
    const PgNotifications *m_notifications = nullptr;
    std::atomic<bool> m_tellOthers{false};
    QThread m_thread;
    QObject *m_worker; // lives on m_thread: the context of the queued writes
};

} // namespace teehee
