// ChatService's work on the messages of a chat: reading them, adding,
// editing and deleting, moving between branches, and the context a reply is
// written from. (chatservice.cpp has the chats themselves.)
#include "chat/chatservice.h"
#include "chat/toolturns.h"

#include "chat/attachmentservice.h"
#include "chat/messagerules.h"
#include "core/logging.h"
#include "db/sqlquery.h"

#include <QHash>

namespace teehee {

Result<QList<PlacedMessage>> ChatService::messages(const QString &userId, const QString &chatId) const
{
    auto chat = m_chats.get(userId, chatId);
    if (!chat)
        return chat.error();
    return m_tree.messages(chat->id);
}

Result<PlacedMessage> ChatService::message(const QString &userId, const QString &messageId) const
{
    auto found = m_messages.getForUser(userId, messageId);
    if (!found)
        return found.error();
    return m_tree.placed(found.value());
}

Result<PlacedMessage> ChatService::addMessage(const QString &userId, const QString &chatId, const NewMessage &message)
{
    auto chat = m_chats.get(userId, chatId);
    if (!chat)
        return chat.error();
    auto added = m_tree.add(chat.value(), message);
    if (added) {
        Q_EMIT messageAdded(userId, added.value());
        (void)reload(userId, chat->id); // its activity time moved: chatUpdated (the message stands either way)
    }
    return added;
}

Result<MessageTree::Exchange> ChatService::addExchange(const QString &userId, const ChatRecord &chat,
                                                      const NewMessage &question, const NewMessage &reply,
                                                      const std::optional<std::pair<QString, QString>> &choice)
{
    auto added = m_tree.addExchange(chat, question, reply);
    if (added) {
        Q_EMIT messageAdded(userId, added->question);
        Q_EMIT messageAdded(userId, added->reply);
        if (choice && (choice->first != chat.provider || choice->second != chat.model)) {
            if (auto st = m_chats.setSettings(chat.id, choice->first, choice->second, chat.options); !st)
                qCWarning(lcDb).noquote() << "the chat's provider and model were not saved:" << st.error().message;
        }
        // Its activity time (and maybe its model) moved: one chatUpdated (the exchange stands either way).
        (void)reload(userId, chat.id);
    }
    return added;
}

Result<PlacedMessage> ChatService::editMessage(const QString &userId, const QString &messageId, const QString &text)
{
    auto found = m_messages.getForUser(userId, messageId);
    if (!found)
        return found.error();
    auto edited = m_tree.edit(found.value(), text);
    if (edited)
        Q_EMIT messageUpdated(userId, edited.value());
    return edited;
}

Result<PlacedMessage> ChatService::deleteMessage(const QString &userId, const QString &messageId)
{
    auto found = m_messages.getForUser(userId, messageId);
    if (!found)
        return found.error();
    auto deleted = m_tree.softDelete(found.value());
    if (deleted)
        Q_EMIT messageUpdated(userId, deleted.value());
    return deleted;
}

Result<ChatDetail> ChatService::setActiveBranch(const QString &userId, const QString &chatId, const QString &messageId)
{
    auto chat = m_chats.get(userId, chatId);
    if (!chat)
        return chat.error();
    auto found = m_messages.getForUser(userId, messageId);
    if (!found)
        return found.error();
    auto leaf = m_tree.activate(chat.value(), found.value());
    if (!leaf)
        return leaf.error();
    Q_EMIT activeBranchChanged(userId, chat->id, leaf.value());
    return chatDetail(userId, chat->id);
}

Result<ChatRecord> ChatService::switchSibling(const QString &userId, const QString &messageId, int delta)
{
    auto found = m_messages.getForUser(userId, messageId);
    if (!found)
        return found.error();
    auto siblings = m_messages.children(found->chatId, found->parentId);
    if (!siblings)
        return siblings.error();
    int index = -1;
    for (int i = 0; i < siblings->size(); ++i)
        if (siblings->at(i).id == found->id)
            index = i;
    const int target = index + delta;
    if (index < 0 || target < 0 || target >= siblings->size())
        return Error::notFound(QStringLiteral("There is no branch there"));
    auto chat = m_chats.get(userId, found->chatId);
    if (!chat)
        return chat.error();
    auto leaf = m_tree.activate(chat.value(), siblings->at(target));
    if (!leaf)
        return leaf.error();
    Q_EMIT activeBranchChanged(userId, chat->id, leaf.value());
    return m_chats.get(userId, chat->id);
}

Result<std::pair<ChatRecord, QString>> ChatService::chatWithLeaf(const QString &userId, const QString &chatId) const
{
    auto chat = m_chats.get(userId, chatId);
    if (!chat)
        return chat.error();
    auto leaf = m_tree.activeLeaf(chat.value());
    if (!leaf)
        return leaf.error();
    return std::pair{std::move(chat).value(), std::move(leaf).value()};
}

Result<ChatPath> ChatService::pathTail(const QString &userId, const QString &chatId, int count) const
{
    auto found = chatWithLeaf(userId, chatId);
    if (!found)
        return found.error();
    auto [chat, leaf] = std::move(found).value();
    if (leaf.isEmpty())
        return ChatPath{std::move(chat), {}, true};
    auto tail = m_messages.pathTail(leaf, count);
    if (!tail)
        return tail.error();
    const bool complete = tail->constFirst().message.parentId.isEmpty();
    return ChatPath{std::move(chat), std::move(tail).value(), complete};
}

Result<ChatDetail> ChatService::forkActiveBranch(const QString &userId, const QString &chatId)
{
    auto found = chatWithLeaf(userId, chatId);
    if (!found)
        return found.error();
    const auto &[chat, leaf] = found.value();
    if (leaf.isEmpty())
        return Error::invalid(QStringLiteral("An empty chat has nothing to fork"));
    return forkChat(userId, chat.id, leaf);
}

Result<QList<ChatMessage>> ChatService::context(const QString &userId, const QString &messageId) const
{
    auto found = m_messages.getForUser(userId, messageId);
    if (!found)
        return found.error();
    auto chat = m_chats.get(userId, found->chatId);
    if (!chat)
        return chat.error();
    auto path = m_tree.path(found->id);
    if (!path)
        return path.error();
    return contextOf(chat.value(), path.value());
}

QList<ChatMessage> ChatService::contextOf(const ChatRecord &chat, const QList<MessageRecord> &path)
{
    QList<ChatMessage> out;
    if (!chat.systemPrompt.isEmpty())
        out.append(ChatMessage{QStringLiteral("system"), chat.systemPrompt});
    for (const MessageRecord &m : path) {
        if (m.content.value(QStringLiteral("deleted")).toBool())
            continue;
        if (m.role == u"assistant" && m.content.contains(QLatin1String("tool_calls")))
            out.append(toolturns::expand(m));
        else
            out.append(ChatMessage{m.role, m.text(), m.role == u"user" ? AttachmentService::listed(m.content) : QList<ChatAttachment>{}});
    }
    return out;
}

} // namespace teehee
