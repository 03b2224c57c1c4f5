#include "chat/chatjson.h"

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
// JSON string escaping over UTF-8 bytes: quote, backslash and control
// characters are escaped; everything else (multi-byte sequences included) is copied.
void appendString(QByteArray &out, const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    out.reserve(out.size() + utf8.size() + 2);
    out.append('"');
    const char *p = utf8.constData();
    const char *end = p + utf8.size();
    const char *run = p;
    static const char hex[] = "0123456789abcdef";
    for (; p < end; ++p) {
        const unsigned char c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, p - run);
        switch (c) {
        case '"': out.append("\\\"", 2); break;
        case '\\': out.append("\\\\", 2); break;
        case '\n': out.append("\\n", 2); break;
        case '\r': out.append("\\r", 2); break;
        case '\t': out.append("\\t", 2); break;
        case '\b': out.append("\\b", 2); break;
        case '\f': out.append("\\f", 2); break;
        default: {
            const char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            out.append(esc, 6);
        }
        }
        run = p + 1;
    }
    out.append(run, end - run);
    out.append('"');
}

void appendIdOrNull(QByteArray &out, const QString &id)
{
    if (id.isEmpty())
        out.append("null");
    else
        appendString(out, id.toLower());
}

void appendTextOrNull(QByteArray &out, const QString &s)
{
    if (s.isEmpty())
        out.append("null");
    else
        appendString(out, s);
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
    appendString(out, time(m.timestamp));
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

QByteArray chatDetailBytes(const ChatDetail &d)
{
    QByteArray out = QJsonDocument(chat(d.chat)).toJson(QJsonDocument::Compact);
    out.reserve(out.size() + d.messages.size() * 480 + d.currentPath.size() * 40 + 64);
    out.chop(1); // reopen the chat object
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
