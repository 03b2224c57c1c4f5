#include "chat/chatjson.h"

#include "chat/jsonwriter.h"

#include <QJsonDocument>

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
        {QStringLiteral("provider"), textOrNull(c.provider)},
        {QStringLiteral("model"), textOrNull(c.model)},
        {QStringLiteral("options"), c.options},
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
    QJsonArray path;
    for (const QString &id : d.currentPath)
        path.append(id.toLower());
    out.insert(QStringLiteral("current_path"), path);
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

namespace {
using namespace jsonwriter;

void appendChatFields(QByteArray &out, const ChatRecord &c)
{
    out.append("{\"id\":");
    appendString(out, c.id.toLower());
    out.append(",\"user_id\":");
    appendString(out, c.userId.toLower());
    out.append(",\"name\":");
    appendString(out, c.name);
    out.append(",\"root_message_id\":");
    appendIdOrNull(out, c.rootMessageId);
    out.append(",\"active_leaf_id\":");
    appendIdOrNull(out, c.activeLeafId);
    out.append(",\"system_prompt\":");
    appendTextOrNull(out, c.systemPrompt);
    out.append(",\"created_at\":");
    appendTime(out, c.createdAt);
    out.append(",\"updated_at\":");
    appendTime(out, c.updatedAt);
    out.append(",\"provider\":");
    appendTextOrNull(out, c.provider);
    out.append(",\"model\":");
    appendTextOrNull(out, c.model);
    out.append(",\"options\":");
    out.append(QJsonDocument(c.options).toJson(QJsonDocument::Compact));
}

void appendMessage(QByteArray &out, const PlacedMessage &p)
{
    const MessageRecord &m = p.message;
    out.append("{\"id\":");
    appendString(out, m.id.toLower());
    out.append(",\"chat_session_id\":");
    appendString(out, m.chatId.toLower());
    out.append(",\"parent_message_id\":");
    appendIdOrNull(out, m.parentId);
    out.append(",\"role\":");
    appendString(out, m.role);
    out.append(",\"content\":");
    const QJsonValue text = m.content.value(QStringLiteral("text"));
    if (m.content.size() == 1 && text.isString()) {
        out.append("{\"text\":");
        appendString(out, text.toString());
        out.append('}');
    } else {
        // Rare shapes (error, usage, deleted): the general path.
        QJsonObject content = m.content;
        if (!text.isString())
            content.insert(QStringLiteral("text"), m.text());
        out.append(QJsonDocument(content).toJson(QJsonDocument::Compact));
    }
    out.append(",\"timestamp\":");
    appendTime(out, m.timestamp);
    out.append(m.isPartial ? ",\"is_partial\":true,\"model\":" : ",\"is_partial\":false,\"model\":");
    appendTextOrNull(out, m.model);
    out.append(",\"provider\":");
    appendTextOrNull(out, m.provider);
    out.append(",\"status\":");
    appendString(out, m.status);
    out.append(",\"sibling_index\":");
    out.append(QByteArray::number(p.position.index));
    out.append(",\"sibling_count\":");
    out.append(QByteArray::number(p.position.count));
    out.append('}');
}

void appendMessages(QByteArray &out, const QList<PlacedMessage> &list)
{
    out.append('[');
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i)
            out.append(',');
        appendMessage(out, list.at(i));
    }
    out.append(']');
}
} // namespace

QByteArray messagesBytes(const QList<PlacedMessage> &list)
{
    QByteArray out;
    out.reserve(list.size() * 480 + 2);
    appendMessages(out, list);
    return out;
}

QByteArray messageBytes(const PlacedMessage &message)
{
    QByteArray out;
    out.reserve(480);
    appendMessage(out, message);
    return out;
}

QByteArray chatBytes(const ChatRecord &c)
{
    QByteArray out;
    out.reserve(400);
    appendChatFields(out, c);
    out.append('}');
    return out;
}

QByteArray chatsBytes(const QList<ChatRecord> &list)
{
    QByteArray out;
    out.reserve(list.size() * 320 + 2);
    out.append('[');
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i)
            out.append(',');
        appendChatFields(out, list.at(i));
        out.append('}');
    }
    out.append(']');
    return out;
}

QByteArray chatDetailBytes(const ChatDetail &d)
{
    QByteArray out;
    out.reserve(400 + d.messages.size() * 480 + d.currentPath.size() * 40 + 64);
    appendChatFields(out, d.chat);
    out.append(",\"messages\":");
    appendMessages(out, d.messages);
    out.append(",\"current_path\":[");
    for (qsizetype i = 0; i < d.currentPath.size(); ++i) {
        if (i)
            out.append(',');
        appendString(out, d.currentPath.at(i).toLower());
    }
    out.append("]}");
    return out;
}

} // namespace teehee::chatjson
