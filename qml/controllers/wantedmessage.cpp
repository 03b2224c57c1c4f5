#include "wantedmessage.h"

using namespace teehee::client;

void WantedMessage::want(ChatClient *client, const QString &chatId, const QString &messageId, bool loaded)
{
    m_client = client;
    m_chatId = chatId;
    m_messageId = messageId;
    m_activating = false;
    m_activated = false;
    if (loaded)
        pathLoaded(chatId);
}

void WantedMessage::pathLoaded(const QString &chatId)
{
    if (chatId != m_chatId)
        m_messageId.clear(); // another chat was opened meanwhile
    if (m_messageId.isEmpty() || m_activating)
        return;
    const int row = m_model.reveal(m_messageId);
    if (row >= 0) {
        m_messageId.clear();
        Q_EMIT revealed(row);
        return;
    }
    // Not on the active path: once its branch is active, the next load shows it.
    // Still missing after that (deleted meanwhile): nothing more to do.
    if (m_activated || !m_client) {
        m_messageId.clear();
        return;
    }
    m_activated = true;
    m_activating = true;
    m_client->activateBranch(this, m_chatId, m_messageId, [this](const ClientError &e) {
        m_activating = false;
        if (e.ok())
            return; // branchChanged() reloads the path, which calls pathLoaded() again
        m_messageId.clear();
        Q_EMIT failed(e);
    });
}
