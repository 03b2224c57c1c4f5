#pragma once

#include "core/error.h"

#include <QObject>

namespace teehee {

class Database;
class PgNotifications;

// The replies other servers sharing the PostgreSQL database stream. "One
// reply at a time per chat" is asked of the database (its unique index makes
// it hold when two servers start at once); an abort for a reply streaming
// elsewhere goes to its owner as a notification, and the owner, hearing one
// meant for it, aborts its own reply (upstream request cancelled). Not used
// on SQLite, where one server owns the file.
class RemoteStreams : public QObject {
    Q_OBJECT
public:
    static inline const QString kAbortChannel = QStringLiteral("teehee_abort");

    RemoteStreams(const Database &db, PgNotifications &notifications, QObject *parent = nullptr);

    PgNotifications &notifications() const { return m_notifications; }
    // Conflict (ReplyRunning) when a reply of that chat streams on another server.
    Status checkIdle(const QString &userId, const QString &chatId) const;
    // Asks the server streaming that chat's reply to abort it. False when no
    // other server streams one (`messageId`, when given, must be that reply).
    bool abort(const QString &userId, const QString &chatId, const QString &messageId = {});

Q_SIGNALS:
    // Another server asks this one to abort a reply it streams.
    void abortRequested(const QString &messageId);

private:
    void onNotification(const QString &channel, const QString &payload);

    const Database &m_db;
    PgNotifications &m_notifications;
};

} // namespace teehee
