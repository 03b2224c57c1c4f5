#pragma once

#include "core/error.h"
#include "db/database.h"
#include "db/records.h"

#include <QList>

namespace teehee {

// Chats of a user. Every read is scoped to the owner: another user's chat is
// NotFound, exactly like a missing one.
class ChatRepository {
public:
    explicit ChatRepository(const Database &db) : m_db(db) {}

    Result<ChatRecord> create(ChatRecord chat) const;
    Result<ChatRecord> get(const QString &userId, const QString &chatId) const;
    // Most recently active first.
    Result<QList<ChatRecord>> listForUser(const QString &userId) const;
    Status rename(const QString &chatId, const QString &name) const;
    Status setSystemPrompt(const QString &chatId, const QString &prompt) const;
    // The chat's provider, model (empty: none chosen) and model options, in one statement.
    Status setSettings(const QString &chatId, const QString &provider, const QString &model, const QJsonObject &options) const;
    Status setActiveLeaf(const QString &chatId, const QString &messageId) const;
    Status setRoot(const QString &chatId, const QString &messageId) const;
    // Marks the chat as just active (list order).
    Status touch(const QString &chatId) const;
    // After a message was added: it becomes the active leaf, and the root when
    // the chat has none yet (`rootIfNone` instead, when given: a question
    // added with its reply); the chat becomes the most recently active. One statement.
    Status noteNewMessage(const QString &chatId, const QString &messageId, const QString &rootIfNone = {}) const;
    Status remove(const QString &userId, const QString &chatId) const;
    // Records that `newChatId` was forked from `sourceChatId` at `baseMessageId`.
    Status recordFork(const QString &newChatId, const QString &sourceChatId, const QString &baseMessageId) const;

private:
    Status updateColumn(const QString &chatId, const QString &column, const QString &value) const;
    const Database &m_db;
};

} // namespace teehee
