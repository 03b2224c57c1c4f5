#pragma once

#include "core/error.h"
#include "db/database.h"
#include "db/records.h"

#include <QList>

namespace teehee {

// A message with its place among its siblings, as lists show it.
struct PlacedMessage {
    MessageRecord message;
    SiblingPosition position;
};

// Messages and the tree they form through parent_message_id. Tree questions
// (path to the root, children, siblings, deepest recent descendant) are answered
// with indexed queries and recursive CTEs, in time proportional to the depth.
class MessageRepository {
public:
    explicit MessageRepository(const Database &db) : m_db(db) {}

    // id, seq, timestamp and updated_at are filled in when empty.
    Result<MessageRecord> insert(MessageRecord message) const;
    Result<MessageRecord> get(const QString &messageId) const;
    // The message only if it belongs to a chat of that user.
    Result<MessageRecord> getForUser(const QString &userId, const QString &messageId) const;
    // Every message of the chat, oldest first, with sibling positions.
    Result<QList<PlacedMessage>> listForChat(const QString &chatId) const;
    Result<int> countForChat(const QString &chatId) const;

    // Root first, `messageId` last.
    Result<QList<MessageRecord>> pathToRoot(const QString &messageId) const;
    // The last `count` messages of the path ending at `messageId`, root side
    // first, each with its sibling position: one query, however long the chat.
    Result<QList<PlacedMessage>> pathTail(const QString &messageId, int count) const;
    // Children of `parentId` (roots of the chat when parentId is empty), oldest first.
    Result<QList<MessageRecord>> children(const QString &chatId, const QString &parentId) const;
    Result<SiblingPosition> siblingPosition(const MessageRecord &message) const;
    // Follows the most recent child down from `messageId` to a leaf.
    Result<QString> deepestRecentDescendant(const QString &messageId) const;

    // Rewrites the content, status and result fields of a message.
    Status update(const MessageRecord &message) const;
    // The text of a reply still streaming: content and updated_at only, so no
    // index of the table is touched (a thousand replies do this four times a
    // second). Lands only while the row is `streaming`, so it never undoes the
    // end of a reply; false when it did not land.
    // `contentJson` is the whole content; `updatedAt` as sqlvalue::isoTime
    // writes it (a save slice formats its time once for all its rows).
    Result<bool> updateStreamingContent(const QString &messageId, const QByteArray &contentJson,
                                        const QByteArray &updatedAt) const;
    // Start-up recovery: replies left streaming by a killed process become
    // aborted. Every streaming reply: for one server alone on its database
    // (servers sharing one use ServerPresence).
    Result<int> markInterruptedStreams() const;

private:
    // The server id while a row streams, null otherwise.
    QVariant streamOwner(const MessageRecord &m) const;

    const Database &m_db;
};

} // namespace teehee
