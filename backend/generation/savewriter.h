#pragma once

#include "core/error.h"
#include "db/database.h"

#include <QList>
#include <QObject>
#include <QThread>

namespace teehee {

// Writes the streaming saves of running replies on a thread of its own, with
// that thread's database connection. At a thousand streams the saves took a
// fifth of the backend thread; there every token waited behind them.
// Slices run one after another, in the order they were handed over.
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
        QByteArray contentJson; // the row's whole content
    };

    // `db` must outlive this object.
    explicit SaveWriter(const Database &db, QObject *parent = nullptr);
    // Waits for the slice being written; slices not begun are dropped (the
    // replies' final writes carry their whole text anyway).
    ~SaveWriter() override;

    // From the owner's thread: writes `rows` in one transaction, each only
    // while its row is still streaming, then emits written().
    void write(quint64 slice, QList<Row> rows);

Q_SIGNALS:
    // Emitted on the writer's thread; queued to the owner by a context object.
    // `doneAtMs`: when the transaction ended, on QElapsedTimer's reference clock
    // (QElapsedTimer::msecsSinceReference()), the same on every thread.
    void written(quint64 slice, bool committed, const QString &error, qint64 doneAtMs);

private:
    Status writeNow(const QList<Row> &rows) const;

    const Database &m_db;
    QThread m_thread;
    QObject *m_worker; // lives on m_thread: the context of the queued writes
};

} // namespace teehee
