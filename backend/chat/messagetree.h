#pragma once

#include "chat/chattypes.h"
#include "core/error.h"
#include "db/chatrepository.h"
#include "db/database.h"
#include "db/messagerepository.h"

namespace teehee {

// The tree of one chat's messages: adding, editing, soft-deleting, the active
// branch and where a message stands among its siblings. Callers have already
// checked that the chat (and so its messages) belong to the user.
class MessageTree {
public:
    MessageTree(const Database &db, qint64 maxMessageBytes);

    // Inserts the message under its parent and makes it the active leaf (and
    // the root of a chat without one), all in one transaction. A parent that is
    // not a message of this chat is refused with isForeignParent() true.
    Result<PlacedMessage> add(const ChatRecord &chat, const NewMessage &message) const;
    // A question and the reply that will answer it.
    struct Exchange {
        PlacedMessage question;
        PlacedMessage reply;
        QList<MessageRecord> path; // root first, the question last
    };
    // add() for the question, then add() for a reply under it, in one
    // transaction, with fewer statements: a reply starts a stream, and a
    // thousand streams starting at once wait for these writes.
    Result<Exchange> addExchange(const ChatRecord &chat, const NewMessage &question, const NewMessage &reply) const;
    // Replaces the text in place; refused while the message is streaming or once deleted.
    Result<PlacedMessage> edit(const MessageRecord &message, const QString &text) const;
    // Replaces the content with a "[Message deleted]" marker; the tree is kept.
    Result<PlacedMessage> softDelete(const MessageRecord &message) const;
    // Makes the branch through `message` active: its deepest most recent
    // descendant becomes the active leaf, which is returned.
    Result<QString> activate(const ChatRecord &chat, const MessageRecord &message) const;

    Result<SiblingPosition> siblingPosition(const MessageRecord &message) const;
    Result<PlacedMessage> placed(const MessageRecord &message) const;
    // Every message of the chat, oldest first.
    Result<QList<PlacedMessage>> messages(const QString &chatId) const;
    // Root first, `messageId` last.
    Result<QList<MessageRecord>> path(const QString &messageId) const;
    // The active leaf; for chats written before the active leaf was stored,
    // the most recent descendant of the first root.
    Result<QString> activeLeaf(const ChatRecord &chat) const;
    // Root → leaf ids, computed from an already loaded message list.
    static QStringList pathIn(const QList<PlacedMessage> &messages, const QString &leafId);

    static bool isForeignParent(const Error &error);
    static inline const QString kDeletedText = QStringLiteral("[Message deleted]");

private:
    Result<QString> resolveParent(const ChatRecord &chat, const MessageParent &parent) const;
    // A known role and storable text of at most the configured size.
    Status checkNew(const NewMessage &message) const;

    const Database &m_db;
    ChatRepository m_chats;
    MessageRepository m_messages;
    qint64 m_maxMessageBytes;
};

} // namespace teehee
