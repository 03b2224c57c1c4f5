#include "chat/chatjson.h"

namespace teehee::chatjson {
namespace {
QJsonValue idOrNull(const QString &id)
{
    return id.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(id.toLower());
}

QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}
}

QString time(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    return t.toUTC().toString(Qt::ISODateWithMs); // UTC renders with a trailing "Z"
}

QJsonObject chat(const ChatRecord &c)
{
    return QJsonObject{
        {QStringLiteral("id"), c.id.toLower()},
        {QStringLiteral("user_id"), c.userId.toLower()},
        {QStringLiteral("name"), c.name},
        {QStringLiteral("root_message_id"), idOrNull(c.rootMessageId)},
        {QStringLiteral("active_leaf_id"), idOrNull(c.activeLeafId)},
        {QStringLiteral("system_prompt"), textOrNull(c.systemPrompt)},
        {QStringLiteral("created_at"), time(c.createdAt)},
        {QStringLiteral("updated_at"), time(c.updatedAt)},
    };
}

QJsonArray chats(const QList<ChatRecord> &list)
{
    QJsonArray out;
    for (const ChatRecord &c : list)
        out.append(chat(c));
    return out;
}

QJsonObject chatDetail(const ChatDetail &d)
{
    QJsonObject out = chat(d.chat);
    out.insert(QStringLiteral("messages"), messages(d.messages));
    out.insert(QStringLiteral("current_path"), QJsonArray::fromStringList(d.currentPath));
    return out;
}

QJsonObject message(const PlacedMessage &p)
{
    const MessageRecord &m = p.message;
    QJsonObject content = m.content;
    if (!content.value(QStringLiteral("text")).isString())
        content.insert(QStringLiteral("text"), m.text());
    return QJsonObject{
        {QStringLiteral("id"), m.id.toLower()},
        {QStringLiteral("chat_session_id"), m.chatId.toLower()},
        {QStringLiteral("parent_message_id"), idOrNull(m.parentId)},
        {QStringLiteral("role"), m.role},
        {QStringLiteral("content"), content},
        {QStringLiteral("timestamp"), time(m.timestamp)},
        {QStringLiteral("is_partial"), m.isPartial},
        {QStringLiteral("model"), textOrNull(m.model)},
        {QStringLiteral("provider"), textOrNull(m.provider)},
        {QStringLiteral("status"), m.status},
        {QStringLiteral("sibling_index"), p.position.index},
        {QStringLiteral("sibling_count"), p.position.count},
    };
}

QJsonArray messages(const QList<PlacedMessage> &list)
{
    QJsonArray out;
    for (const PlacedMessage &p : list)
        out.append(message(p));
    return out;
}

Result<QString> contentText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    if (content.isObject()) {
        const QJsonValue text = content.toObject().value(QStringLiteral("text"));
        if (text.isString())
            return text.toString();
        return Error::invalid(QStringLiteral("content.text must be a string"));
    }
    if (content.isUndefined())
        return Error::invalid(QStringLiteral("content is required"));
    return Error::invalid(QStringLiteral("content must be a string or an object with a string \"text\""));
}

} // namespace teehee::chatjson
