#include "clusterlink.h"

#include "auth/authservice.h"
#include "auth/deviceservice.h"
#include "chat/chatservice.h"
#include "core/logging.h"
#include "db/pgnotifications.h"
#include "generation/accountevents.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QScopedValueRollback>

namespace teehee {

namespace {

// The kinds that travel; the others stay on the server where they happen
// (devices reach the others through their own feed; pairing and tool
// approvals belong to the server that holds the request).
bool travels(AccountEvent::Type type)
{
    switch (type) {
    case AccountEvent::Type::ChatCreated:
    case AccountEvent::Type::ChatUpdated:
    case AccountEvent::Type::ChatDeleted:
    case AccountEvent::Type::StreamStarted:
    case AccountEvent::Type::StreamEnded:
    case AccountEvent::Type::MessageUpdated:
    case AccountEvent::Type::BranchChanged:
        return true;
    default:
        return false;
    }
}

} // namespace

ClusterLink::ClusterLink(PgNotifications &notifications, ChatService &chats, AuthService &auth, AccountEvents &events,
                         QObject *parent)
    : QObject(parent), m_notifications(notifications), m_chats(chats), m_auth(auth), m_events(events)
{
    connect(&events, &AccountEvents::event, this, &ClusterLink::sendEvent);
    connect(&auth, &AuthService::tokenRevoked, this, &ClusterLink::sendRevokedToken);
    connect(&auth.devices(), &DeviceService::deviceRevoked, this, &ClusterLink::sendRevokedDevice);
    connect(&notifications, &PgNotifications::received, this, &ClusterLink::onNotification);
}

void ClusterLink::sendEvent(const AccountEvent &event)
{
    if (m_relaying || !travels(event.type))
        return;
    QJsonObject o{{QStringLiteral("t"), int(event.type)}, {QStringLiteral("u"), event.userId}};
    if (!event.chatId.isEmpty())
        o.insert(QStringLiteral("c"), event.chatId);
    const QString messageId = event.type == AccountEvent::Type::MessageUpdated ? event.message.message.id : event.messageId;
    if (!messageId.isEmpty())
        o.insert(QStringLiteral("m"), messageId);
    if (!event.status.isEmpty())
        o.insert(QStringLiteral("s"), event.status);
    const QString payload = QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    if (auto st = m_notifications.send(kEventsChannel, payload); !st)
        qCWarning(lcDb).noquote() << "an account event did not reach the other servers:" << st.error().message;
}

void ClusterLink::sendRevokedToken(const QString &tokenId)
{
    if (m_relaying)
        return;
    if (auto st = m_notifications.send(kRevokedChannel, tokenId); !st)
        qCWarning(lcDb).noquote() << "a sign-out did not reach the other servers:" << st.error().message;
}

void ClusterLink::sendRevokedDevice()
{
    if (m_relaying)
        return;
    // Which one is in the database; the others read it from there.
    if (auto st = m_notifications.send(kDevicesChannel, QStringLiteral("device")); !st)
        qCWarning(lcDb).noquote() << "a device sign-out did not reach the other servers:" << st.error().message;
}

void ClusterLink::onNotification(const QString &channel, const QString &payload)
{
    QScopedValueRollback relaying(m_relaying, true);
    if (channel == kRevokedChannel)
        m_auth.noteRevokedElsewhere(payload.left(128));
    else if (channel == kDevicesChannel)
        m_auth.devices().lookForRevocations();
    else if (channel == kEventsChannel)
        receiveEvent(payload);
}

void ClusterLink::receiveEvent(const QString &payload)
{
    const QJsonObject o = QJsonDocument::fromJson(payload.toUtf8()).object();
    AccountEvent e;
    e.type = AccountEvent::Type(o.value(QStringLiteral("t")).toInt(-1));
    e.userId = o.value(QStringLiteral("u")).toString();
    e.chatId = o.value(QStringLiteral("c")).toString();
    e.messageId = o.value(QStringLiteral("m")).toString();
    e.status = o.value(QStringLiteral("s")).toString();
    if (!travels(e.type) || e.userId.isEmpty())
        return;
    // The rows as they stand now: a later change is announced by its own event.
    if (e.type == AccountEvent::Type::ChatCreated || e.type == AccountEvent::Type::ChatUpdated) {
        auto chat = m_chats.chat(e.userId, e.chatId);
        if (!chat)
            return; // gone meanwhile: its deletion follows
        e.chat = chat.value();
    } else if (e.type == AccountEvent::Type::MessageUpdated) {
        auto message = m_chats.message(e.userId, e.messageId);
        if (!message)
            return;
        e.message = message.value();
        e.chatId = message->message.chatId;
    }
    m_events.publish(e);
    Q_EMIT received(e);
}

} // namespace teehee
