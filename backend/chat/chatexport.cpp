#include "chat/chatexport.h"

#include "chat/chattransfer.h"
#include "chat/messagetree.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace teehee::chatexport {
namespace {

QJsonValue textOrNull(const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); }
QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonObject chatObject(const ChatRecord &c)
{
    return {{QStringLiteral("id"), c.id.toLower()},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("system_prompt"), textOrNull(c.systemPrompt)},
            {QStringLiteral("provider"), textOrNull(c.provider)},
            {QStringLiteral("model"), textOrNull(c.model)},
            {QStringLiteral("options"), c.options},
            {QStringLiteral("root_message_id"), textOrNull(c.rootMessageId.toLower())},
            {QStringLiteral("active_leaf_id"), textOrNull(c.activeLeafId.toLower())},
            {QStringLiteral("created_at"), timeOrNull(c.createdAt)},
            {QStringLiteral("updated_at"), timeOrNull(c.updatedAt)}};
}

QJsonObject messageObject(const MessageRecord &m)
{
    auto optionalInt = [](const std::optional<int> &v) { return v ? QJsonValue(*v) : QJsonValue(); };
    return {{QStringLiteral("id"), m.id.toLower()},
            {QStringLiteral("parent_message_id"), textOrNull(m.parentId.toLower())},
            {QStringLiteral("role"), m.role},
            {QStringLiteral("content"), m.content},   // text, reasoning, usage, error, deleted: as stored
            {QStringLiteral("timestamp"), timeOrNull(m.timestamp)},
            {QStringLiteral("updated_at"), timeOrNull(m.updatedAt)},
            {QStringLiteral("is_partial"), m.isPartial},
            {QStringLiteral("model"), textOrNull(m.model)},
            {QStringLiteral("provider"), textOrNull(m.provider)},
            {QStringLiteral("status"), m.status},
            {QStringLiteral("finish_reason"), textOrNull(m.finishReason)},
            {QStringLiteral("tokens_in"), optionalInt(m.tokensIn)},
            {QStringLiteral("tokens_out"), optionalInt(m.tokensOut)}};
}

QString roleHeading(const MessageRecord &m)
{
    if (m.role == QLatin1String("user"))
        return QStringLiteral("User");
    if (m.role == QLatin1String("system"))
        return QStringLiteral("System");
    return m.model.isEmpty() ? QStringLiteral("Assistant") : QStringLiteral("Assistant (%1)").arg(m.model);
}

} // namespace

QByteArray chatDocument(const ChatDetail &d)
{
    // One message at a time into the output, so a large chat holds its JSON once.
    QByteArray out;
    out.reserve(512 + d.messages.size() * 512);
    out.append("{\"format\":\"");
    out.append(transferformat::Chat.toUtf8());
    out.append("\",\"chat\":");
    out.append(QJsonDocument(chatObject(d.chat)).toJson(QJsonDocument::Compact));
    out.append(",\"messages\":[");
    for (qsizetype i = 0; i < d.messages.size(); ++i) {
        if (i)
            out.append(',');
        out.append(QJsonDocument(messageObject(d.messages.at(i).message)).toJson(QJsonDocument::Compact));
    }
    out.append("],\"current_path\":");
    QJsonArray path;
    for (const QString &id : d.currentPath)
        path.append(id.toLower());
    out.append(QJsonDocument(path).toJson(QJsonDocument::Compact));
    out.append('}');
    return out;
}

QByteArray exportHeader(const QDateTime &exportedAt)
{
    return "{\"format\":\"" + transferformat::Export.toUtf8() + "\",\"exported_at\":\""
        + exportedAt.toUTC().toString(Qt::ISODateWithMs).toUtf8() + "\",\"chats\":[";
}

QByteArray exportFooter()
{
    return "]}";
}

QByteArray markdown(const ChatDetail &d)
{
    QHash<QString, const MessageRecord *> byId;
    byId.reserve(d.messages.size());
    for (const PlacedMessage &p : d.messages)
        byId.insert(p.message.id, &p.message);
    QString out = QStringLiteral("# %1\n").arg(d.chat.name);
    if (!d.chat.systemPrompt.isEmpty())
        out += QStringLiteral("\n## System\n\n%1\n").arg(d.chat.systemPrompt);
    for (const QString &id : d.currentPath) {
        const MessageRecord *m = byId.value(id);
        if (!m)
            continue;
        const bool deleted = m->content.value(QStringLiteral("deleted")).toBool();
        QString text = deleted ? MessageTree::kDeletedText : m->text();
        // The text as written; a closing newline keeps a code fence at its end closed.
        if (!text.endsWith(QLatin1Char('\n')))
            text += QLatin1Char('\n');
        out += QStringLiteral("\n## %1\n\n%2").arg(roleHeading(*m), text);
    }
    return out.toUtf8();
}

QString fileName(const ChatRecord &chat, const QString &extension)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._ -]+"));
    QString base = chat.name;
    base.replace(unsafe, QStringLiteral("_"));
    base = base.trimmed().left(80);
    if (base.isEmpty() || base.startsWith(QLatin1Char('.')))
        base = QStringLiteral("chat");
    return base + QLatin1Char('.') + extension;
}

} // namespace teehee::chatexport
