#include "chat/chatservice.h"
#include "chat/toolturns.h"

#include "chat/attachmentservice.h"
#include "chat/messagerules.h"
#include "core/logging.h"
#include "db/sqlquery.h"

#include <QHash>

namespace teehee {
namespace {
// "Trip plan" → "Trip plan (fork)", kept within the name limit.
QString forkName(const QString &name)
{
    const QString suffix = QStringLiteral(" (fork)");
    if (name.endsWith(suffix))
        return name;
    return name.left(messagerules::kMaxNameChars - suffix.size()) + suffix;
}
} // namespace

ChatService::ChatService(const Database &db, const Config &config, QObject *parent)
    : QObject(parent), m_db(db), m_chats(db), m_messages(db), m_tree(db, config.maxMessageBytes)
{
}

Result<ChatRecord> ChatService::createChat(const QString &userId, const QString &name, const QString &systemPrompt)
{
    ChatRecord chat;
    chat.userId = userId;
    chat.name = name.trimmed().isEmpty() ? kDefaultName : name;
    chat.systemPrompt = systemPrompt;
    if (auto st = messagerules::checkName(chat.name); !st)
        return st.error();
    if (auto st = messagerules::checkText(systemPrompt, -1, QStringLiteral("system_prompt")); !st)
        return st.error();
    auto created = m_chats.create(chat);
    if (!created) {
        // The only foreign key is the user: a deleted account.
        if (created.error().code == ErrorCode::NotFound)
            return Error{ErrorCode::Unauthorized, QStringLiteral("The user no longer exists")};
        return created.error();
    }
    Q_EMIT chatCreated(created.value());
    return created;
}

Result<QList<ChatRecord>> ChatService::listChats(const QString &userId) const
{
    return m_chats.listForUser(userId);
}

Result<ChatRecord> ChatService::chat(const QString &userId, const QString &chatId) const
{
    return m_chats.get(userId, chatId);
}

Result<ChatDetail> ChatService::chatDetail(const QString &userId, const QString &chatId) const
{
    auto chat = m_chats.get(userId, chatId);
    if (!chat)
        return chat.error();
    auto list = m_tree.messages(chat->id);
    if (!list)
        return list.error();
    auto leaf = m_tree.activeLeaf(chat.value());
    if (!leaf)
        return leaf.error();
    QStringList path = MessageTree::pathIn(list.value(), leaf.value());
    return ChatDetail{std::move(chat).value(), std::move(list).value(), std::move(path)};
}

Result<ChatRecord> ChatService::reload(const QString &userId, const QString &chatId)
{
    auto chat = m_chats.get(userId, chatId);
    if (chat)
        Q_EMIT chatUpdated(chat.value());
    return chat;
}

Result<ChatRecord> ChatService::updateChat(const QString &userId, const QString &chatId, const ChatChanges &changes)
{
    if (changes.name)
        if (auto st = messagerules::checkName(*changes.name); !st)
            return st.error();
    if (changes.systemPrompt)
        if (auto st = messagerules::checkText(*changes.systemPrompt, -1, QStringLiteral("system_prompt")); !st)
            return st.error();
    auto chat = m_chats.get(userId, chatId);
    if (!chat)
        return chat.error();
    Transaction tx(m_db);
    if (auto st = tx.begin(); !st)
        return st.error();
    if (changes.name)
        if (auto st = m_chats.rename(chat->id, *changes.name); !st)
            return st.error();
    if (changes.systemPrompt)
        if (auto st = m_chats.setSystemPrompt(chat->id, *changes.systemPrompt); !st)
            return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return reload(userId, chat->id);
}

Result<ChatRecord> ChatService::renameChat(const QString &userId, const QString &chatId, const QString &name)
{
    return updateChat(userId, chatId, ChatChanges{name, std::nullopt});
}

Result<ChatRecord> ChatService::setSystemPrompt(const QString &userId, const QString &chatId, const QString &prompt)
{
    return updateChat(userId, chatId, ChatChanges{std::nullopt, prompt});
}

Result<ChatRecord> ChatService::freshChat(const QString &userId)
{
    auto chats = m_chats.listForUser(userId);
    if (!chats)
        return chats.error();
    // The newest untitled chat without messages, wherever it sits (chats made
    // in the same millisecond have no order but their id's).
    for (const ChatRecord &c : std::as_const(chats.value())) {
        if (c.name != kDefaultName || !c.rootMessageId.isEmpty() || !c.activeLeafId.isEmpty())
            continue;
        auto count = m_messages.countForChat(c.id);
        if (!count)
            return count.error();
        if (count.value() == 0)
            return c;
    }
    return createChat(userId);
}

Status ChatService::deleteChat(const QString &userId, const QString &chatId)
{
    auto chat = m_chats.get(userId, chatId);
    if (!chat)
        return chat.error();
    Q_EMIT chatAboutToBeDeleted(userId, chat->id);
    if (auto st = m_chats.remove(userId, chat->id); !st)
        return st;
    Q_EMIT chatDeleted(userId, chat->id);
    return success();
}

Result<ChatDetail> ChatService::forkChat(const QString &userId, const QString &chatId, const QString &baseMessageId)
{
    auto source = m_chats.get(userId, chatId);
    if (!source)
        return source.error();
    auto path = m_tree.path(baseMessageId);
    if (!path)
        return path.error();
    if (path->constLast().chatId != source->id)
        return Error::notFound(QStringLiteral("Message not found"));

    Transaction tx(m_db);
    if (auto st = tx.begin(); !st)
        return st.error();
    ChatRecord fork;
    fork.userId = userId;
    fork.name = forkName(source->name);
    fork.systemPrompt = source->systemPrompt;
    auto created = m_chats.create(fork);
    if (!created)
        return created.error();
    QString parentId;
    for (MessageRecord copy : path.value()) {
        copy.id.clear();
        copy.seq = 0;
        copy.chatId = created->id;
        copy.parentId = parentId;
        // A copy is never being generated: nothing would finish it.
        if (copy.status == MessageStatus::Streaming) {
            copy.status = MessageStatus::Aborted;
            copy.isPartial = true;
        }
        auto inserted = m_messages.insert(copy);
        if (!inserted)
            return inserted.error();
        if (auto st = m_chats.noteNewMessage(created->id, inserted->id); !st)
            return st.error();
        parentId = inserted->id;
    }
    if (auto st = m_chats.recordFork(created->id, source->id, path->constLast().id); !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    auto detail = chatDetail(userId, created->id);
    if (detail)
        Q_EMIT chatCreated(detail->chat);
    return detail;
}

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

// Chat settings (spec/api.md, "Chat settings that every device shares").
// Which providers exist is the generation engine's knowledge: an unknown one
// is refused when a reply is asked of it, not here.
Result<ChatRecord> ChatService::updateSettings(const QString &userId, const QString &chatId,
                                               const ChatSettingsChanges &changes)
{
    for (const auto &[value, field] : {std::pair{&changes.provider, QStringLiteral("provider")},
                                       std::pair{&changes.model, QStringLiteral("model")}}) {
        if (!*value)
            continue;
        if ((*value)->size() > kMaxSettingChars)
            return Error::invalid(QStringLiteral("%1 is longer than %2 characters").arg(field).arg(kMaxSettingChars));
        if (auto st = messagerules::checkText(**value, -1, field); !st)
            return st.error();
    }
    auto chat = m_chats.get(userId, chatId);
    if (!chat)
        return chat.error();
    if (changes.isEmpty())
        return chat;
    const QString provider = changes.provider.value_or(chat->provider);
    const QString model = changes.model.value_or(chat->model);
    const QJsonObject options = changes.options ? changes.options->toJson() : chat->options;
    if (provider == chat->provider && model == chat->model && options == chat->options)
        return chat; // nothing changes: no write, no chatUpdated for every device
    if (auto st = m_chats.setSettings(chat->id, provider, model, options); !st)
        return st.error();
    return reload(userId, chat->id);
}

} // namespace teehee
