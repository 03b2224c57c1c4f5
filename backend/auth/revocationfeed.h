#pragma once

#include "core/error.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace teehee {

class Database;

// Devices revoked by other servers that share this PostgreSQL database. A
// revocation on this server is pushed to its sockets at once (a signal); one
// on another server reaches this one's sockets through this feed: once a
// second, one indexed query for the devices revoked since the last look (with
// an overlap, so a revocation committed late or stamped by a slower clock is
// not missed; each is reported once). On SQLite one server owns the file and
// the feed does not run.
class RevocationFeed : public QObject {
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 1000;
    static constexpr int kOverlapMs = 10'000;

    explicit RevocationFeed(const Database &db, QObject *parent = nullptr);

    void start();
    // A revocation this server made and announced itself: not reported again.
    void noteLocal(const QString &deviceId, const QDateTime &revokedAt);
    // One look; what the timer runs.
    Status poll();

Q_SIGNALS:
    void revoked(const QString &userId, const QString &deviceId);

private:
    const Database &m_db;
    QTimer m_timer;
    QDateTime m_horizon;                 // the latest revocation seen
    QHash<QString, QDateTime> m_known;   // revocations within the overlap, reported or local
};

} // namespace teehee
