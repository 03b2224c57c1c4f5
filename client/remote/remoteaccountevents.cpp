// RemoteChatClient, continued: what the account's live events (/events)
// mean for the views, and catching up after the socket was down.
#include "remotechatclient.h"

#include "remotejson.h"
#include "replyfollower.h"

#include <QJsonObject>

namespace teehee::client {

void RemoteChatClient::onAccountEvent(const QString &type, const QJsonObject &e)
{
    if (type == u"chat_created" || type == u"chat_updated") {
        const ChatInfo chat = remotejson::chat(e.value(u"chat").toObject());
        const bool known = m_chats.contains(chat.id);
        m_chats.insert(chat.id, chat);
        if (type == u"chat_created" && !known)
            Q_EMIT chatCreated(chat);
        else
            Q_EMIT chatUpdated(chat);
    } else if (type == u"chat_deleted") {
        const QString id = e.value(u"chat_id").toString();
        m_chats.remove(id);
        Q_EMIT chatDeleted(id);
    } else if (type == u"message_updated") {
        const MessageInfo m = remotejson::message(e.value(u"message").toObject());
        m_chatOfMessage.insert(m.id, m.chatId);
        Q_EMIT messageChanged(m);
    } else if (type == u"device_revoked") {
        if (!m_deviceId.isEmpty() && e.value(u"device_id").toString() == m_deviceId)
            lostAccess();
    } else if (type == u"tool_approval_requested") {
        Q_EMIT toolCallRequested(toolCallOf(e));
    } else if (type == u"tool_approval_answered") {
        Q_EMIT toolCallAnswered(e.value(u"call_id").toString(), e.value(u"decision").toString());
    } else if (type == u"branch_changed") {
        Q_EMIT branchChanged(e.value(u"chat_id").toString());
    } else if (type == u"stream_started") {
        // A reply started elsewhere (another device, the server's own window).
        const QString id = e.value(u"message_id").toString();
        if (m_following.contains(id))
            return;
        if (m_starting.contains(e.value(u"chat_id").toString())) {
            m_heldStarts << e; // perhaps the turn this client asked for
            return;
        }
        auto *follower = new ReplyFollower(m_link, e.value(u"chat_id").toString(), this);
        m_following.insert(id, follower);
        follow(follower);
        follower->attach(id);
    }
}

void RemoteChatClient::resync()
{
    // Chats made, renamed or deleted while the socket was down.
    const QHash<QString, ChatInfo> before = m_chats;
    listChats(this, [this, before](const Outcome<QList<ChatInfo>> &now) {
        if (!now.ok())
            return;
        for (const ChatInfo &c : now.value) {
            auto old = before.constFind(c.id);
            if (old == before.cend())
                Q_EMIT chatCreated(c);
            else if (!(old.value() == c))
                Q_EMIT chatUpdated(c);
        }
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            if (!m_chats.contains(it.key()))
                Q_EMIT chatDeleted(it.key());
    });
}

} // namespace teehee::client
