#include "db/chatrepository.h"

#include "db/nativerows.h"
#include "db/sqlquery.h"

namespace teehee {
namespace {
#define TEEHEE_CHAT_COLUMNS "id, user_id, name, root_message_id, active_leaf_id, system_prompt, created_at, updated_at," \
    " provider, model, options"
const QString kColumns = QStringLiteral(TEEHEE_CHAT_COLUMNS);

ChatRecord readChat(const NativeRows &r)
{
    ChatRecord c;
    c.id = r.text(0);
    c.userId = r.text(1);
    c.name = r.text(2);
    c.rootMessageId = r.text(3);
    c.activeLeafId = r.text(4);
    c.systemPrompt = r.text(5);
    c.createdAt = r.time(6);
    c.updatedAt = r.time(7);
    c.provider = r.text(8);
    c.model = r.text(9);
    c.options = r.json(10);
    return c;
}

Error chatNotFound() { return Error::notFound(QStringLiteral("Chat not found")); }
}

Result<ChatRecord> ChatRepository::create(ChatRecord chat) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    if (chat.id.isEmpty())
        chat.id = newUuid();
    if (!chat.createdAt.isValid())
        chat.createdAt = QDateTime::currentDateTimeUtc();
    if (!chat.updatedAt.isValid())
        chat.updatedAt = chat.createdAt;
    SqlQuery q(db.value(), QStringLiteral("INSERT INTO chat_sessions (%1) VALUES (:id, :user, :name, :root, :leaf, :prompt, :created, :updated,"
                                          " :provider, :model, :options)").arg(kColumns));
    q.bind(QStringLiteral(":id"), chat.id).bind(QStringLiteral(":user"), chat.userId)
        .bind(QStringLiteral(":name"), chat.name).bindText(QStringLiteral(":root"), chat.rootMessageId)
        .bindText(QStringLiteral(":leaf"), chat.activeLeafId).bindText(QStringLiteral(":prompt"), chat.systemPrompt)
        .bindTime(QStringLiteral(":created"), chat.createdAt).bindTime(QStringLiteral(":updated"), chat.updatedAt)
        .bindText(QStringLiteral(":provider"), chat.provider).bindText(QStringLiteral(":model"), chat.model)
        .bindJson(QStringLiteral(":options"), chat.options);
    if (auto st = q.exec(); !st)
        return st.error();
    return chat;
}

Result<ChatRecord> ChatRepository::get(const QString &userId, const QString &chatId) const
{
    if (!isUuid(userId) || !isUuid(chatId))
        return chatNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    auto rows = NativeRows::select(db.value(), "SELECT " TEEHEE_CHAT_COLUMNS " FROM chat_sessions WHERE id = $1 AND user_id = $2",
                                   {chatId.toLower().toUtf8(), userId.toLower().toUtf8()});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return rows->error() ? Result<ChatRecord>(*rows->error()) : chatNotFound();
    return readChat(rows.value());
}

Result<QList<ChatRecord>> ChatRepository::listForUser(const QString &userId) const
{
    if (!isUuid(userId))
        return QList<ChatRecord>{};
    auto db = m_db.connection();
    if (!db)
        return db.error();
    auto rows = NativeRows::select(db.value(), "SELECT " TEEHEE_CHAT_COLUMNS " FROM chat_sessions WHERE user_id = $1"
                                   " ORDER BY updated_at DESC, created_at DESC, id", {userId.toLower().toUtf8()});
    if (!rows)
        return rows.error();
    QList<ChatRecord> out;
    while (rows->next())
        out << readChat(rows.value());
    if (rows->error())
        return *rows->error();
    return out;
}

Status ChatRepository::updateColumn(const QString &chatId, const QString &column, const QString &value) const
{
    if (!isUuid(chatId))
        return chatNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("UPDATE chat_sessions SET %1 = :v, updated_at = :now WHERE id = :id").arg(column));
    q.bindText(QStringLiteral(":v"), value).bindTime(QStringLiteral(":now"), QDateTime::currentDateTimeUtc())
        .bind(QStringLiteral(":id"), chatId.toLower());
    if (auto st = q.exec(); !st)
        return st;
    if (q.rowsAffected() == 0)
        return chatNotFound();
    return success();
}

Status ChatRepository::rename(const QString &chatId, const QString &name) const
{
    return updateColumn(chatId, QStringLiteral("name"), name);
}

Status ChatRepository::setSystemPrompt(const QString &chatId, const QString &prompt) const
{
    return updateColumn(chatId, QStringLiteral("system_prompt"), prompt);
}

Status ChatRepository::setSettings(const QString &chatId, const QString &provider, const QString &model,
                                   const QJsonObject &options) const
{
    if (!isUuid(chatId))
        return chatNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("UPDATE chat_sessions SET provider = :provider, model = :model, options = :options,"
                                          " updated_at = :now WHERE id = :id"));
    q.bindText(QStringLiteral(":provider"), provider).bindText(QStringLiteral(":model"), model)
        .bindJson(QStringLiteral(":options"), options).bindTime(QStringLiteral(":now"), QDateTime::currentDateTimeUtc())
        .bind(QStringLiteral(":id"), chatId.toLower());
    if (auto st = q.exec(); !st)
        return st;
    if (q.rowsAffected() == 0)
        return chatNotFound();
    return success();
}

Status ChatRepository::setActiveLeaf(const QString &chatId, const QString &messageId) const
{
    return updateColumn(chatId, QStringLiteral("active_leaf_id"), messageId);
}

Status ChatRepository::setRoot(const QString &chatId, const QString &messageId) const
{
    return updateColumn(chatId, QStringLiteral("root_message_id"), messageId);
}

Status ChatRepository::touch(const QString &chatId) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("UPDATE chat_sessions SET updated_at = :now WHERE id = :id"));
    q.bindTime(QStringLiteral(":now"), QDateTime::currentDateTimeUtc()).bind(QStringLiteral(":id"), chatId);
    return q.exec();
}

Status ChatRepository::noteNewMessage(const QString &chatId, const QString &messageId, const QString &rootIfNone) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("UPDATE chat_sessions SET active_leaf_id = :leaf,"
                                          " root_message_id = COALESCE(root_message_id, :leaf2), updated_at = :now WHERE id = :id"));
    q.bind(QStringLiteral(":leaf"), messageId).bind(QStringLiteral(":leaf2"), rootIfNone.isEmpty() ? messageId : rootIfNone)
        .bindTime(QStringLiteral(":now"), QDateTime::currentDateTimeUtc()).bind(QStringLiteral(":id"), chatId);
    if (auto st = q.exec(); !st)
        return st;
    if (q.rowsAffected() == 0)
        return chatNotFound();
    return success();
}

Status ChatRepository::remove(const QString &userId, const QString &chatId) const
{
    if (!isUuid(userId) || !isUuid(chatId))
        return chatNotFound();
    Transaction tx(m_db);
    if (auto st = tx.begin(); !st)
        return st;
    auto db = m_db.connection();
    if (!db)
        return db.error();
    // Messages first, unlinked from their parents: left to the cascade, each
    // message would delete its replies one trigger level deeper, and SQLite
    // stops at 1,000 levels (a chat of a thousand turns could not be deleted).
    SqlQuery unlink(db.value(), QStringLiteral("UPDATE messages SET parent_message_id = NULL WHERE chat_session_id = :id"
                                               " AND EXISTS (SELECT 1 FROM chat_sessions WHERE id = :id2 AND user_id = :user)"));
    unlink.bind(QStringLiteral(":id"), chatId.toLower()).bind(QStringLiteral(":id2"), chatId.toLower()).bind(QStringLiteral(":user"), userId);
    if (auto st = unlink.exec(); !st)
        return st;
    SqlQuery q(db.value(), QStringLiteral("DELETE FROM chat_sessions WHERE id = :id AND user_id = :user"));
    q.bind(QStringLiteral(":id"), chatId.toLower()).bind(QStringLiteral(":user"), userId);
    if (auto st = q.exec(); !st)
        return st;
    if (q.rowsAffected() == 0)
        return chatNotFound();
    return tx.commit();
}

Status ChatRepository::recordFork(const QString &newChatId, const QString &sourceChatId, const QString &baseMessageId) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("INSERT INTO branches (id, chat_session_id, source_chat_id, base_message_id, created_at) VALUES (:id, :chat, :src, :base, :now)"));
    q.bind(QStringLiteral(":id"), newUuid()).bind(QStringLiteral(":chat"), newChatId)
        .bind(QStringLiteral(":src"), sourceChatId).bindText(QStringLiteral(":base"), baseMessageId)
        .bindTime(QStringLiteral(":now"), QDateTime::currentDateTimeUtc());
    return q.exec();
}

} // namespace teehee
