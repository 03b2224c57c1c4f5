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
