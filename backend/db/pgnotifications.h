#pragma once

#include "core/error.h"

#include <QObject>
#include <QSqlDriver>
#include <QStringList>
#include <QTimer>

namespace teehee {

class Database;

// PostgreSQL's LISTEN/NOTIFY between the servers that share one database: the
// one channel they have besides the rows themselves. Each process keeps one
// dedicated listening connection (opened on the thread that owns this object;
// the driver watches its socket, so nothing polls) and sends through its
// ordinary connection, so a notification sent inside a transaction leaves
// with its commit. A payload carries its sender's server id, and a server
// never hears its own. If the listening connection drops it is opened again;
// what was sent meanwhile is lost, and reconnected() says so.
//
// Channel names are lowercase; a payload stays under PostgreSQL's 8,000 bytes
// (send() refuses a larger one: large texts go by reference, as rows).
class PgNotifications : public QObject {
    Q_OBJECT
public:
    static constexpr qsizetype kMaxPayloadBytes = 7900;
    static constexpr int kCheckEveryMs = 3000;

    PgNotifications(const Database &db, QStringList channels, QObject *parent = nullptr);
    ~PgNotifications() override;

    // Opens the listening connection and listens on every channel.
    Status start();
    bool isListening() const { return m_listening; }
    // Sends `payload` on `channel` to the other servers (after the current
    // transaction of this thread's connection commits, if one is open).
    Status send(const QString &channel, const QString &payload) const;

Q_SIGNALS:
    // A notification from another server: the payload its sender gave send().
    void received(const QString &channel, const QString &payload);
    // The listening connection was lost and is back: notifications may have been missed.
    void reconnected();

private:
    Status listen();
    void check();
    void onNotification(const QString &channel, QSqlDriver::NotificationSource source, const QVariant &payload);
    void closeConnection();

    const Database &m_db;
    QStringList m_channels;
    QString m_connectionName;
    QTimer m_check;
    bool m_listening = false;
};

} // namespace teehee
