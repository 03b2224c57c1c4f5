#pragma once

#include "chat/chattypes.h"
#include "chat/messagetree.h"
#include "core/config.h"
#include "core/error.h"
#include "db/chatrepository.h"
#include "db/database.h"
#include "db/messagerepository.h"
#include "providers/chatrequest.h"

#include <QObject>

#include <utility>

namespace teehee {

// Every chat use case, for every front end (QML app, HTTP, WebSocket). Lives
// on the backend thread. Each method takes the acting user: another user's
// chat or message is NotFound, exactly like a missing one. Changes are
// announced with signals so views and sessions can follow.
class ChatService : public QObject {
    Q_OBJECT
public:
    ChatService(const Database &db, const Config &config, QObject *parent = nullptr);

    static inline const QString kDefaultName = QStringLiteral("New Chat");
    // Longest provider or model name a chat keeps.
    static constexpr qsizetype kMaxSettingChars = 200;

    // Chats
    Result<ChatRecord> createChat(const QString &userId, const QString &name = {}, const QString &systemPrompt = {});
    Result<QList<ChatRecord>> listChats(const QString &userId) const;   // most recently active first
    Result<ChatRecord> chat(const QString &userId, const QString &chatId) const;
    Result<ChatDetail> chatDetail(const QString &userId, const QString &chatId) const;
    Result<ChatRecord> updateChat(const QString &userId, const QString &chatId, const ChatChanges &changes);
    Result<ChatRecord> renameChat(const QString &userId, const QString &chatId, const QString &name);
    Result<ChatRecord> setSystemPrompt(const QString &userId, const QString &chatId, const QString &prompt);
    // A chat to write in: the user's newest chat that is still empty and
    // unnamed (so empty chats never pile up), else a new one.
    Result<ChatRecord> freshChat(const QString &userId);
    // The chat's provider, model and model options, as every device shares them.
    Result<ChatRecord> updateSettings(const QString &userId, const QString &chatId, const ChatSettingsChanges &changes);
    // Deletes the chat and its messages; chatAboutToBeDeleted lets a running stream abort first.
    Status deleteChat(const QString &userId, const QString &chatId);
    // A new chat holding copies of the path root → baseMessageId, named
    // "<name> (fork)"; recorded in `branches`.
    Result<ChatDetail> forkChat(const QString &userId, const QString &chatId, const QString &baseMessageId);
    // The same for the whole active branch; an empty chat has nothing to fork (Invalid).
    Result<ChatDetail> forkActiveBranch(const QString &userId, const QString &chatId);

    // Messages
    Result<QList<PlacedMessage>> messages(const QString &userId, const QString &chatId) const;
    Result<PlacedMessage> message(const QString &userId, const QString &messageId) const;
    Result<PlacedMessage> addMessage(const QString &userId, const QString &chatId, const NewMessage &message);
    // A question and an empty reply under it, written together (the
    // generation engine's start): `chat` is the user's, as chat() returned it.
    // `choice`: the provider and model the reply uses, kept as the chat's with the same announcement.
    Result<MessageTree::Exchange> addExchange(const QString &userId, const ChatRecord &chat, const NewMessage &question,
                                              const NewMessage &reply,
                                              const std::optional<std::pair<QString, QString>> &choice = std::nullopt);
    Result<PlacedMessage> editMessage(const QString &userId, const QString &messageId, const QString &text);
    Result<PlacedMessage> deleteMessage(const QString &userId, const QString &messageId);
    // Makes the branch through the message active; answers the chat as it now stands.
    Result<ChatDetail> setActiveBranch(const QString &userId, const QString &chatId, const QString &messageId);
    // The branch through the message's sibling `delta` places away (-1 the
    // previous, +1 the next) becomes active; answers the chat with its new leaf.
    Result<ChatRecord> switchSibling(const QString &userId, const QString &messageId, int delta);
    // The last `count` messages of the active branch, read in one query.
    Result<ChatPath> pathTail(const QString &userId, const QString &chatId, int count) const;

    // What a provider is sent to answer `messageId`: the chat's system prompt
    // first (when set), then the root → message path of that branch only,
    // deleted messages left out.
    Result<QList<ChatMessage>> context(const QString &userId, const QString &messageId) const;
    // The same, from a chat and a path (root first) already read. User messages list
    // their files (content.attachments); AttachmentService::load reads the bytes.
    static QList<ChatMessage> contextOf(const ChatRecord &chat, const QList<MessageRecord> &path);

    const MessageTree &tree() const { return m_tree; }

Q_SIGNALS:
    void chatCreated(const teehee::ChatRecord &chat);
    // Renamed, re-prompted, or active again (a new message moves it up the list).
    void chatUpdated(const teehee::ChatRecord &chat);
    // Emitted (directly) before the rows go: the generation engine aborts the chat's stream here.
    void chatAboutToBeDeleted(const QString &userId, const QString &chatId);
    void chatDeleted(const QString &userId, const QString &chatId);
    void messageAdded(const QString &userId, const teehee::PlacedMessage &message);
    void messageUpdated(const QString &userId, const teehee::PlacedMessage &message);
    void activeBranchChanged(const QString &userId, const QString &chatId, const QString &leafId);

private:
    Result<ChatRecord> reload(const QString &userId, const QString &chatId);
    // The user's chat and its active leaf (empty in an empty chat).
    Result<std::pair<ChatRecord, QString>> chatWithLeaf(const QString &userId, const QString &chatId) const;

    const Database &m_db;
    ChatRepository m_chats;
    MessageRepository m_messages;
    MessageTree m_tree;
};

} // namespace teehee
