#include "api/json/chatjson.h"

#include "api/json/jsonwriter.h"

#include <QJsonDocument>
#include <QStringList>

namespace teehee::chatjson {
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

void appendPath(QByteArray &out, const QStringList &path)
{
    out.append(",\"current_path\":[");
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (i)
            out.append(',');
        appendString(out, path.at(i).toLower());
    }
    out.append(']');
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
    appendPath(out, d.currentPath);
    out.append('}');
    return out;
}

QByteArray chatWithPathBytes(const ChatRecord &chat, const QStringList &currentPath)
{
    QByteArray out;
    out.reserve(400 + currentPath.size() * 40);
    appendChatFields(out, chat);
    appendPath(out, currentPath);
    out.append('}');
    return out;
}

} // namespace teehee::chatjson
