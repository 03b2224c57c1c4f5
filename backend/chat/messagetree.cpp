#include "chat/messagetree.h"

#include "chat/messagerules.h"
#include "db/sqlquery.h"

#include <QHash>
#include <algorithm>

namespace teehee {
namespace {
const QString kForeignParent = QStringLiteral("parent_message_id is not a message of this chat");
}

MessageTree::MessageTree(const Database &db, qint64 maxMessageBytes)
    : m_db(db), m_chats(db), m_messages(db), m_maxMessageBytes(maxMessageBytes)
{
}

bool MessageTree::isForeignParent(const Error &error)
{
    return error.is(ErrorReason::ForeignParent);
}

Result<QString> MessageTree::resolveParent(const ChatRecord &chat, const MessageParent &parent) const
{
    switch (parent.kind) {
    case MessageParent::Kind::NewRoot:
        return QString();
    case MessageParent::Kind::ActiveLeaf:
        return activeLeaf(chat);
    case MessageParent::Kind::Message: {
        // Missing, another chat's or another user's: one answer, so ids do not leak.
        auto found = m_messages.get(parent.id);
        if (!found) {
            if (found.error().code == ErrorCode::NotFound)
                return Error::invalid(kForeignParent).withReason(ErrorReason::ForeignParent);
            return found.error();
        }
        if (found->chatId != chat.id)
            return Error::invalid(kForeignParent).withReason(ErrorReason::ForeignParent);
        return found->id;
    }
    }
    return Error::internal(QStringLiteral("unknown parent kind"));
}

Status MessageTree::checkNew(const NewMessage &m) const
{
    if (auto st = messagerules::checkRole(m.role); !st)
        return st;
    return messagerules::checkText(m.text, m_maxMessageBytes, QStringLiteral("content"));
}

namespace {
MessageRecord recordFor(const ChatRecord &chat, const NewMessage &m, const QString &parentId)
{
    MessageRecord record;
    record.chatId = chat.id;
    record.parentId = parentId;
    record.role = m.role;
    record.content = QJsonObject{{QStringLiteral("text"), m.text}};
    if (!m.error.isEmpty())
        record.content.insert(QStringLiteral("error"), m.error);
    if (!m.errorReason.isEmpty())
        record.content.insert(QStringLiteral("error_reason"), m.errorReason);
    if (!m.attachments.isEmpty())
        record.content.insert(QStringLiteral("attachments"), m.attachments);
    record.model = m.model;
    record.provider = m.provider;
    record.status = m.status;
    record.isPartial = m.isPartial;
    return record;
}
} // namespace

Result<PlacedMessage> MessageTree::add(const ChatRecord &chat, const NewMessage &m) const
{
    if (auto st = checkNew(m); !st)
        return st.error();
    Transaction tx(m_db);
    if (auto st = tx.begin(); !st)
        return st.error();
    auto parentId = resolveParent(chat, m.parent);
    if (!parentId)
        return parentId.error();

    auto inserted = m_messages.insert(recordFor(chat, m, parentId.value()));
    if (!inserted)
        return inserted.error();
    if (auto st = m_chats.noteNewMessage(chat.id, inserted->id); !st)
        return st.error();
    auto position = m_messages.siblingPosition(inserted.value());
    if (!position)
        return position.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return PlacedMessage{std::move(inserted).value(), position.value()};
}

Result<MessageTree::Exchange> MessageTree::addExchange(const ChatRecord &chat, const NewMessage &question,
                                                      const NewMessage &reply) const
{
    for (const NewMessage *m : {&question, &reply}) {
        if (auto st = checkNew(*m); !st)
            return st.error();
    }
    Transaction tx(m_db);
    if (auto st = tx.begin(); !st)
        return st.error();
    auto parentId = resolveParent(chat, question.parent);
    if (!parentId)
        return parentId.error();
    Exchange out;
    if (!parentId->isEmpty()) {
        auto path = m_messages.pathToRoot(parentId.value());
        if (!path)
            return path.error();
        out.path = std::move(path).value();
    }
    auto asked = m_messages.insert(recordFor(chat, question, parentId.value()));
    if (!asked)
        return asked.error();
    out.path.append(asked.value());
    auto position = m_messages.siblingPosition(asked.value());
    if (!position)
        return position.error();
    out.question = PlacedMessage{std::move(asked).value(), position.value()};
    auto answer = m_messages.insert(recordFor(chat, reply, out.question.message.id));
    if (!answer)
        return answer.error();
    out.reply = PlacedMessage{std::move(answer).value(), SiblingPosition{0, 1}}; // the new question's only child
    // The reply is the new leaf (and the question the root of a chat without one).
    if (auto st = m_chats.noteNewMessage(chat.id, out.reply.message.id, out.question.message.id); !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return out;
}

Result<PlacedMessage> MessageTree::edit(const MessageRecord &message, const QString &text) const
{
    if (message.status == MessageStatus::Streaming)
        return Error::conflict(QStringLiteral("The message is still being generated; abort the stream before editing it"));
    if (message.content.value(QStringLiteral("deleted")).toBool())
        return Error::conflict(QStringLiteral("The message was deleted and can no longer be edited"));
    if (auto st = messagerules::checkText(text, m_maxMessageBytes, QStringLiteral("content")); !st)
        return st.error();
    MessageRecord changed = message;
    changed.content.insert(QStringLiteral("text"), text);
    changed.updatedAt = QDateTime::currentDateTimeUtc();
    if (auto st = m_messages.update(changed); !st)
        return st.error();
    return placed(changed);
}

Result<PlacedMessage> MessageTree::softDelete(const MessageRecord &message) const
{
    // The generation engine would write its next batch over the marker.
    if (message.status == MessageStatus::Streaming)
        return Error::conflict(QStringLiteral("The message is still being generated; abort the stream before deleting it"));
    MessageRecord changed = message;
    changed.content = QJsonObject{{QStringLiteral("text"), kDeletedText}, {QStringLiteral("deleted"), true}};
    changed.updatedAt = QDateTime::currentDateTimeUtc();
    if (auto st = m_messages.update(changed); !st)
        return st.error();
    return placed(changed);
}

Result<QString> MessageTree::activate(const ChatRecord &chat, const MessageRecord &message) const
{
    if (message.chatId != chat.id)
        return Error::notFound(QStringLiteral("Message not found"));
    auto leaf = m_messages.deepestRecentDescendant(message.id);
    if (!leaf)
        return leaf.error();
    if (auto st = m_chats.setActiveLeaf(chat.id, leaf.value()); !st)
        return st.error();
    return leaf.value();
}

Result<SiblingPosition> MessageTree::siblingPosition(const MessageRecord &message) const
{
    return m_messages.siblingPosition(message);
}

Result<PlacedMessage> MessageTree::placed(const MessageRecord &message) const
{
    auto position = m_messages.siblingPosition(message);
    if (!position)
        return position.error();
    return PlacedMessage{message, position.value()};
}

Result<QList<PlacedMessage>> MessageTree::messages(const QString &chatId) const
{
    return m_messages.listForChat(chatId);
}

Result<QList<MessageRecord>> MessageTree::path(const QString &messageId) const
{
    return m_messages.pathToRoot(messageId);
}

Result<QString> MessageTree::activeLeaf(const ChatRecord &chat) const
{
    if (!chat.activeLeafId.isEmpty())
        return chat.activeLeafId;
    if (chat.rootMessageId.isEmpty())
        return QString();
    auto leaf = m_messages.deepestRecentDescendant(chat.rootMessageId);
    if (!leaf && leaf.error().code == ErrorCode::NotFound)
        return QString(); // a dangling root of an old database: start afresh
    return leaf;
}

QStringList MessageTree::pathIn(const QList<PlacedMessage> &messages, const QString &leafId)
{
    if (leafId.isEmpty())
        return {};
    QHash<QString, const QString *> parentOf;
    parentOf.reserve(messages.size());
    for (const PlacedMessage &p : messages)
        parentOf.insert(p.message.id, &p.message.parentId);
    QStringList path;
    QString current = leafId;
    // The size bound stops a corrupt cycle from looping forever.
    while (!current.isEmpty() && path.size() <= messages.size()) {
        auto it = parentOf.constFind(current);
        if (it == parentOf.constEnd())
            break;
        path.append(current);
        current = **it;
    }
    std::reverse(path.begin(), path.end());
    return path;
}

} // namespace teehee
