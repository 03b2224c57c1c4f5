#pragma once

#include <QObject>

namespace teehee {

class AccountEvents;
class AuthService;
class ChatService;
class PgNotifications;
struct AccountEvent;

// What one server tells the others sharing its PostgreSQL database, so that
// a client sees the same account on whichever server it reaches: account
// events (chats created, renamed, deleted; replies started and ended;
// messages edited; branches switched) for their /events sockets, and tokens
// and devices revoked by a sign-out, so sockets opened with them close
// everywhere at once (the device feed's poll is the fallback). Events
// go by reference (ids; the receiver reads the rows), so a payload stays far
// under PostgreSQL's limit. What arrives from another server is published
// here and not sent on again.
class ClusterLink : public QObject {
    Q_OBJECT
public:
    static inline const QString kEventsChannel = QStringLiteral("teehee_account_events");
    static inline const QString kRevokedChannel = QStringLiteral("teehee_revoked_tokens");
    static inline const QString kDevicesChannel = QStringLiteral("teehee_revoked_devices");

    ClusterLink(PgNotifications &notifications, ChatService &chats, AuthService &auth, AccountEvents &events,
                QObject *parent = nullptr);

Q_SIGNALS:
    // An account event another server sent, as published here.
    void received(const teehee::AccountEvent &event);

private:
    void sendEvent(const AccountEvent &event);
    void sendRevokedToken(const QString &tokenId);
    void sendRevokedDevice();
    void onNotification(const QString &channel, const QString &payload);
    void receiveEvent(const QString &payload);

    PgNotifications &m_notifications;
    ChatService &m_chats;
    AuthService &m_auth;
    AccountEvents &m_events;
    bool m_relaying = false; // publishing what another server sent: not sent back
};

} // namespace teehee
