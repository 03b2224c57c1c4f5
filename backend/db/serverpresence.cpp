#include "db/serverpresence.h"

#include "core/logging.h"
#include "core/privatefiles.h"
#include "db/database.h"
#include "db/messagerepository.h"
#include "db/records.h"
#include "db/sqlquery.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSysInfo>
#include <QUuid>

#include <utility>

namespace teehee {

namespace {

constexpr qsizetype kMaxIdLength = 128;

QString newId()
{
    QString host = QSysInfo::machineHostName().left(64);
    if (host.isEmpty())
        host = QStringLiteral("teehee");
    return host + u'-' + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

// "now() - 60 seconds" on the database's clock: servers' clocks may disagree.
QString aliveCutoff()
{
    return QStringLiteral("now() - interval '%1 milliseconds'").arg(ServerPresence::kDeadAfterMs);
}

} // namespace

ServerPresence::ServerPresence(Database &db, QObject *parent)
    : QObject(parent), m_db(db)
{
    m_timer.setInterval(kHeartbeatMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (auto swept = beat(); !swept)
            qCWarning(lcDb).noquote() << "server heartbeat failed:" << swept.error().message;
    });
}

QString ServerPresence::idFor(const QString &configured, const QString &dataDir)
{
    if (!configured.isEmpty())
        return configured;
    const QString path = QDir(dataDir).filePath(QStringLiteral("server-id"));
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        const QString id = QString::fromUtf8(existing.read(kMaxIdLength + 1)).trimmed();
        if (!id.isEmpty() && id.size() <= kMaxIdLength)
            return id;
    }
    const QString id = newId();
    QSaveFile file(path);
    if (!makePrivateDirectory(dataDir) || !file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) || file.write(id.toUtf8() + '\n') < 0
        || !file.commit()) {
        qCWarning(lcDb).noquote()
            << QStringLiteral("cannot keep a server id in %1; using %2 for this run only (set TEEHEE_SERVER_ID)").arg(path, id);
    }
    return id;
}

Result<int> ServerPresence::start()
{
    if (m_db.dialect() == Dialect::Sqlite)
        return MessageRepository(m_db).markInterruptedStreams();
    auto ended = endStreamsOfStoppedServers(true);
    if (!ended)
        return ended;
    if (auto st = announce(true); !st)
        return st.error();
    if (auto st = countOthers(); !st)
        return st.error();
    m_timer.start();
    return ended;
}

Status ServerPresence::announce(bool starting)
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    // An upsert: a server whose heartbeat stalled past kDeadAfterMs was
    // removed by a sweep, and comes back with this.
    SqlQuery q(db.value(), QStringLiteral("INSERT INTO stream_servers (id, started_at, heartbeat_at) VALUES (:id, now(), now())"
                                          " ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()")
                               + (starting ? QStringLiteral(", started_at = now()") : QString()));
    q.bind(QStringLiteral(":id"), m_db.serverId());
    return q.exec();
}

Result<int> ServerPresence::beat()
{
    if (auto st = announce(false); !st)
        return st.error();
    auto ended = endStreamsOfStoppedServers(false);
    if (ended && ended.value() > 0)
        qCInfo(lcDb) << ended.value() << "replies of stopped servers marked as aborted; they can be continued";
    if (auto st = countOthers(); !st)
        return st.error();
    return ended;
}

Status ServerPresence::countOthers()
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT EXISTS (SELECT 1 FROM stream_servers WHERE id <> :self AND heartbeat_at >= %1)")
                               .arg(aliveCutoff()));
    q.bind(QStringLiteral(":self"), m_db.serverId());
    if (auto st = q.exec(); !st)
        return st;
    const bool alive = q.next() && q.value(0).toBool();
    if (std::exchange(m_othersAlive, alive) != alive) {
        qCInfo(lcDb).noquote() << (alive ? "other servers share the database: replies are told to them"
                                         : "no other server shares the database now");
        Q_EMIT othersAliveChanged(alive);
    }
    return success();
}

Result<int> ServerPresence::endStreamsOfStoppedServers(bool atStart)
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    // At start-up this server's own earlier rows are interrupted too, and rows
    // of no owner (written before owners were recorded). A sweep leaves rows
    // of no owner alone: a server of an older version may still stream them.
    const QString whose = atStart ? QStringLiteral("(stream_owner IS NULL OR stream_owner = :self OR stream_owner NOT IN (%1))")
                                  : QStringLiteral("(stream_owner <> :self AND stream_owner NOT IN (%1))");
    const QString alive = QStringLiteral("SELECT id FROM stream_servers WHERE heartbeat_at >= %1").arg(aliveCutoff());
    SqlQuery q(db.value(), QStringLiteral("UPDATE messages SET status = :aborted, is_partial = :partial, updated_at = now(),"
                                          " stream_owner = NULL FROM chat_sessions c"
                                          " WHERE c.id = messages.chat_session_id AND messages.status = :streaming AND ")
                               + whose.arg(alive) + QStringLiteral(" RETURNING messages.id, messages.chat_session_id, c.user_id"));
    q.bind(QStringLiteral(":aborted"), MessageStatus::Aborted).bind(QStringLiteral(":partial"), true)
        .bind(QStringLiteral(":streaming"), MessageStatus::Streaming).bind(QStringLiteral(":self"), m_db.serverId());
    if (auto st = q.exec(); !st)
        return st.error();
    QList<EndedReply> replies;
    while (q.next())
        replies.append({sqlvalue::text(q.value(0)).toLower(), sqlvalue::text(q.value(1)).toLower(),
                        sqlvalue::text(q.value(2)).toLower()});
    const int ended = int(replies.size());
    // Those of a server that died while this one ran: whoever follows them hears they ended.
    if (!atStart && !replies.isEmpty())
        Q_EMIT repliesEnded(replies);
    SqlQuery forget(db.value(), QStringLiteral("DELETE FROM stream_servers WHERE id <> :self AND heartbeat_at < %1").arg(aliveCutoff()));
    forget.bind(QStringLiteral(":self"), m_db.serverId());
    if (auto st = forget.exec(); !st)
        return st.error();
    return ended;
}

} // namespace teehee
