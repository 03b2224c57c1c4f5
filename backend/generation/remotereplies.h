#pragma once

#include "generation/generationevent.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

namespace teehee {

class Database;
class PgNotifications;
struct AccountEvent;
struct MessageRecord;

// Replies streaming on another server sharing the PostgreSQL database, as
// generation events for this server's sockets on their chats. The owner
// tells each save of a reply in the save's own transaction (SaveWriter), so
// a row read here never lags behind a notification already heard: the text
// sent on is always the row's text past what was sent before — no gap, no
// duplicate. Starts and ends come as account events from the other server.
// Only chats with a socket here are followed; the others cost one hash look-up.
class RemoteReplies : public QObject {
    Q_OBJECT
public:
    struct Resume {
        QString messageId;
        QString parentMessageId;
        QString text;
        QString reasoning;
    };

    RemoteReplies(const Database &db, PgNotifications &notifications, std::function<qint64()> nextSeq,
                  QObject *parent = nullptr);

    // A socket on this chat opened or closed here.
    void follow(const QString &chatId);
    void unfollow(const QString &chatId);
    // The reply of that chat another server streams, as far as it was sent
    // on here (a first socket: as saved): what a socket opening now resumes from.
    std::optional<Resume> resume(const QString &userId, const QString &chatId);
    // A start or an end another server announced.
    void onRemoteEvent(const AccountEvent &event);

Q_SIGNALS:
    void event(const teehee::GenerationEvent &event);

private:
    struct Tracked {
        QString chatId;
        QString parentMessageId;
        QString text;
        QString reasoning;
    };
    void onNotification(const QString &channel, const QString &payload);
    // Reads the row and sends on what is new in it.
    void catchUp(const QString &messageId);
    // Sends on the row's text past what was sent; false when the reply is no longer followed.
    bool sendNew(const QString &messageId, const MessageRecord &row);
    // The row ended: its terminal event, and it is no longer followed.
    void finish(const QString &messageId, const MessageRecord &row);
    GenerationEvent eventFor(const Tracked &tracked, const QString &messageId, GenerationEvent::Type type);

    const Database &m_db;
    std::function<qint64()> m_nextSeq;
    QHash<QString, int> m_followers;        // chat id → sockets here
    QHash<QString, Tracked> m_tracked;      // message id → what was sent on
};

} // namespace teehee
