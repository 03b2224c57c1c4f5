// GenerationManager: stopping replies, whether they stream here or on
// another server sharing the PostgreSQL database.
#include "generation/generationmanager.h"

#include "chat/chatservice.h"
#include "core/logging.h"
#include "generation/generation.h"
#include "generation/remotestreams.h"

namespace teehee {

void GenerationManager::setRemoteStreams(RemoteStreams *remote)
{
    m_remote = remote;
    m_batcher.setNotifications(remote ? &remote->notifications() : nullptr);
    if (!remote)
        return;
    connect(remote, &RemoteStreams::abortRequested, this, [this](const QString &messageId) {
        Generation *g = m_byMessage.value(messageId);
        if (g && g->isRunning()) {
            qCInfo(lcGeneration).noquote() << "reply" << messageId << "aborted at another server's request";
            g->abort();
        }
    });
}

bool GenerationManager::abort(const QString &userId, const QString &messageOrChatId)
{
    Generation *g = nullptr;
    if (Generation *byMessage = m_byMessage.value(messageOrChatId); byMessage && byMessage->isRunning())
        g = byMessage;
    if (!g)
        g = m_byChat.value(messageOrChatId);
    QString chatId = messageOrChatId, messageId;
    if (!g) {
        auto message = m_chats.message(userId, messageOrChatId);
        if (message) {
            chatId = message->message.chatId;
            messageId = message->message.id;
            g = m_byChat.value(chatId);
        }
    }
    if (!g)
        return m_remote && m_remote->abort(userId, chatId, messageId);
    if (g->userId() != userId || !g->isRunning())
        return false;
    g->abort();
    return true;
}

} // namespace teehee
