#pragma once

#include "core/error.h"

#include <QObject>
#include <QTimer>

namespace teehee {

class Database;

// Which server streams which reply, when several share one PostgreSQL
// database. Each process has an id (Database::serverId()); a reply's row names
// its owner while it streams, and every live server keeps a heartbeat row in
// stream_servers, refreshed every kHeartbeatMs by the database's own clock.
//
// At start-up a server ends (marks aborted, continuable) the streaming replies
// of its own previous run, those of no known owner, and those of servers whose
// heartbeat stopped; never those another live server is streaming. After that
// it sweeps with every heartbeat, so the replies of a server that died while
// the others ran do not stay `streaming` for ever. On SQLite, where one server
// owns the file, start-up ends every streaming reply and nothing beats.
class ServerPresence : public QObject {
    Q_OBJECT
public:
    // A reply a sweep ended for a server that stopped.
    struct EndedReply {
        QString messageId;
        QString chatId;
        QString userId;
    };

    static constexpr int kHeartbeatMs = 2000;
    static constexpr int kDeadAfterMs = 7000; // three missed heartbeats: another server ends its replies within 10 s

    explicit ServerPresence(Database &db, QObject *parent = nullptr);

    // The id to use: `configured` when set, else the one kept in `dataDir`
    // (file `server-id`, written on first use). A folder that cannot keep one
    // gets an id for this run only, with a warning: replies this run leaves
    // behind are then ended by a sweep instead of at the next start.
    static QString idFor(const QString &configured, const QString &dataDir);

    // Ends the replies left streaming by servers that are gone, then announces
    // this one and starts beating. Returns how many replies it ended.
    Result<int> start();
    // One heartbeat and one sweep; what the timer runs. Returns how many
    // replies of stopped servers it ended.
    Result<int> beat();

    // Whether another live server shares the database (as of the last heartbeat).
    bool othersAlive() const { return m_othersAlive; }

Q_SIGNALS:
    // Another server started sharing the database, or the last other one stopped.
    void othersAliveChanged(bool alive);
    // Replies of stopped servers that a heartbeat's sweep just ended (not at start-up).
    void repliesEnded(const QList<teehee::ServerPresence::EndedReply> &replies);

private:
    // This server's heartbeat row, written or refreshed (`starting`: its start time too).
    Status announce(bool starting);
    Result<int> endStreamsOfStoppedServers(bool atStart);
    Status countOthers();

    Database &m_db;
    QTimer m_timer;
    bool m_othersAlive = false;
};

} // namespace teehee
Q_DECLARE_METATYPE(teehee::ServerPresence::EndedReply)
