#include "chat/importdocument.h"

#include "chat/jsonelements.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonParseError>

namespace teehee::importdocument {
namespace {

QString field(const QString &where, const QString &name)
{
    return where.isEmpty() ? name : where + QLatin1Char('.') + name;
}

Error invalid(const QString &where, const QString &what)
{
    return Error::invalid(QStringLiteral("%1: %2").arg(where.isEmpty() ? QStringLiteral("document") : where, what));
}

// A string or null/absent (→ empty); anything else refused.
Result<QString> optionalString(const QJsonObject &o, const QString &name, const QString &where)
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull())
        return QString();
    if (!v.isString())
        return invalid(field(where, name), QStringLiteral("must be a string or null"));
    return v.toString();
}

Result<QDateTime> optionalTime(const QJsonObject &o, const QString &name, const QString &where)
{
    auto text = optionalString(o, name, where);
    if (!text)
        return text.error();
    if (text->isEmpty())
        return QDateTime();
    QDateTime t = QDateTime::fromString(text.value(), Qt::ISODateWithMs);
    if (!t.isValid())
        return invalid(field(where, name), QStringLiteral("must be an ISO 8601 time"));
    return t.toUTC();
}

Result<std::optional<int>> optionalInt(const QJsonObject &o, const QString &name, const QString &where)
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull())
        return std::optional<int>{};
    if (!v.isDouble())
        return invalid(field(where, name), QStringLiteral("must be a number or null"));
    return std::optional<int>{v.toInt()};
}

// The first error among results, if any.
template <typename... Rs>
std::optional<Error> firstError(const Rs &...results)
{
    std::optional<Error> found;
    ((found = found ? found : (results ? std::nullopt : std::optional<Error>(results.error()))), ...);
    return found;
}

Result<MessageRecord> teeheeMessage(const QJsonObject &o, const QString &where)
{
    MessageRecord m;
    const QJsonValue id = o.value(QStringLiteral("id"));
    if (!id.isString() || id.toString().isEmpty())
        return invalid(field(where, QStringLiteral("id")), QStringLiteral("must be a non-empty string"));
    m.id = id.toString();
    auto parent = optionalString(o, QStringLiteral("parent_message_id"), where);
    if (!parent)
        return parent.error();
    m.parentId = parent.value();
    m.role = o.value(QStringLiteral("role")).toString();
    if (m.role != QLatin1String("user") && m.role != QLatin1String("assistant") && m.role != QLatin1String("system"))
        return invalid(field(where, QStringLiteral("role")), QStringLiteral("must be user, assistant or system"));
    const QJsonValue content = o.value(QStringLiteral("content"));
    if (!content.isObject() || !content.toObject().value(QStringLiteral("text")).isString())
        return invalid(field(where, QStringLiteral("content")), QStringLiteral("must be an object with a string text"));
    m.content = content.toObject();
    auto timestamp = optionalTime(o, QStringLiteral("timestamp"), where);
    auto updated = optionalTime(o, QStringLiteral("updated_at"), where);
    auto model = optionalString(o, QStringLiteral("model"), where);
    auto provider = optionalString(o, QStringLiteral("provider"), where);
    auto finish = optionalString(o, QStringLiteral("finish_reason"), where);
    auto status = optionalString(o, QStringLiteral("status"), where);
    auto tokensIn = optionalInt(o, QStringLiteral("tokens_in"), where);
    auto tokensOut = optionalInt(o, QStringLiteral("tokens_out"), where);
    if (auto e = firstError(timestamp, updated, model, provider,
                           finish, status, tokensIn, tokensOut))
        return *e;
    m.timestamp = timestamp.value();
    m.updatedAt = updated.value();
    m.model = model.value();
    m.provider = provider.value();
    m.finishReason = finish.value();
    m.tokensIn = tokensIn.value();
    m.tokensOut = tokensOut.value();
    m.isPartial = o.value(QStringLiteral("is_partial")).toBool();
    m.status = status->isEmpty() ? MessageStatus::Complete : status.value();
    if (m.status != MessageStatus::Complete && m.status != MessageStatus::Streaming && m.status != MessageStatus::Aborted
        && m.status != MessageStatus::Error)
        return invalid(field(where, QStringLiteral("status")), QStringLiteral("must be complete, streaming, aborted or error"));
    if (m.status == MessageStatus::Streaming) {
        // Nothing streams into an imported chat: it stays as far as it got.
        m.status = MessageStatus::Aborted;
        m.isPartial = true;
    }
    return m;
}

} // namespace

Result<ImportedChat> teeheeChat(const QJsonObject &o, const QString &where)
{
    if (o.value(QStringLiteral("format")).toString() != transferformat::Chat)
        return invalid(field(where, QStringLiteral("format")), QStringLiteral("must be %1").arg(transferformat::Chat));
    const QJsonValue chatValue = o.value(QStringLiteral("chat"));
    if (!chatValue.isObject())
        return invalid(field(where, QStringLiteral("chat")), QStringLiteral("must be an object"));
    const QJsonObject c = chatValue.toObject();
    const QString chatWhere = field(where, QStringLiteral("chat"));
    ImportedChat out;
    const QJsonValue id = c.value(QStringLiteral("id"));
    if (!id.isString() || id.toString().isEmpty())
        return invalid(field(chatWhere, QStringLiteral("id")), QStringLiteral("must be a non-empty string"));
    out.key = QStringLiteral("teehee:") + id.toString().toLower();
    const QJsonValue name = c.value(QStringLiteral("name"));
    if (!name.isString())
        return invalid(field(chatWhere, QStringLiteral("name")), QStringLiteral("must be a string"));
    out.chat.name = name.toString();
    auto prompt = optionalString(c, QStringLiteral("system_prompt"), chatWhere);
    auto provider = optionalString(c, QStringLiteral("provider"), chatWhere);
    auto model = optionalString(c, QStringLiteral("model"), chatWhere);
    auto created = optionalTime(c, QStringLiteral("created_at"), chatWhere);
    auto updated = optionalTime(c, QStringLiteral("updated_at"), chatWhere);
    if (auto e = firstError(prompt, provider, model, created, updated))
        return *e;
    const QJsonValue options = c.value(QStringLiteral("options"));
    if (!options.isUndefined() && !options.isNull() && !options.isObject())
        return invalid(field(chatWhere, QStringLiteral("options")), QStringLiteral("must be an object"));
    out.chat.systemPrompt = prompt.value();
    out.chat.provider = provider.value();
    out.chat.model = model.value();
    out.chat.options = options.toObject();
    out.chat.createdAt = created.value();
    out.chat.updatedAt = updated.value();

    const QJsonValue messages = o.value(QStringLiteral("messages"));
    if (!messages.isArray())
        return invalid(field(where, QStringLiteral("messages")), QStringLiteral("must be an array"));
    const QJsonArray list = messages.toArray();
    out.messages.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString at = field(where, QStringLiteral("messages[%1]").arg(i));
        if (!list.at(i).isObject())
            return invalid(at, QStringLiteral("must be an object"));
        auto m = teeheeMessage(list.at(i).toObject(), at);
        if (!m)
            return m.error();
        out.messages << std::move(m).value();
    }
    const QJsonValue path = o.value(QStringLiteral("current_path"));
    if (!path.isUndefined() && !path.isNull()) {
        if (!path.isArray())
            return invalid(field(where, QStringLiteral("current_path")), QStringLiteral("must be an array of message ids"));
        const QJsonArray ids = path.toArray();
        if (!ids.isEmpty()) {
            if (!ids.last().isString())
                return invalid(field(where, QStringLiteral("current_path")), QStringLiteral("must be an array of message ids"));
            out.activeLeafId = ids.last().toString();
        }
    }
    if (auto st = orderParentsFirst(out, where); !st)
        return st.error();
    return out;
}

Status orderParentsFirst(ImportedChat &chat, const QString &where)
{
    QHash<QString, qsizetype> index;
    index.reserve(chat.messages.size());
    for (qsizetype i = 0; i < chat.messages.size(); ++i)
        if (index.contains(chat.messages.at(i).id) || (index.insert(chat.messages.at(i).id, i), false))
            return invalid(field(where, QStringLiteral("messages[%1].id").arg(i)), QStringLiteral("is used twice"));
    for (qsizetype i = 0; i < chat.messages.size(); ++i) {
        const QString &parent = chat.messages.at(i).parentId;
        if (!parent.isEmpty() && !index.contains(parent))
            return invalid(field(where, QStringLiteral("messages[%1].parent_message_id").arg(i)),
                           QStringLiteral("names no message of the chat"));
    }
    if (!chat.activeLeafId.isEmpty() && !index.contains(chat.activeLeafId))
        return invalid(field(where, QStringLiteral("current_path")), QStringLiteral("ends at no message of the chat"));
    // Each message after its ancestors: walk up to the first placed one, then place downwards.
    enum Mark : char { Unplaced, Placing, Placed };
    QList<char> marks(chat.messages.size(), Unplaced);
    QList<MessageRecord> ordered;
    ordered.reserve(chat.messages.size());
    QList<qsizetype> chain;
    for (qsizetype i = 0; i < chat.messages.size(); ++i) {
        chain.clear();
        for (qsizetype at = i; at >= 0 && marks[at] != Placed;) {
            if (marks[at] == Placing)
                return invalid(field(where, QStringLiteral("messages[%1].parent_message_id").arg(at)),
                               QStringLiteral("makes a cycle"));
            marks[at] = Placing;
            chain << at;
            const QString &parent = chat.messages.at(at).parentId;
            at = parent.isEmpty() ? -1 : index.value(parent);
        }
        for (auto it = chain.crbegin(); it != chain.crend(); ++it) {
            marks[*it] = Placed;
            ordered << chat.messages.at(*it);
        }
    }
    chat.messages = std::move(ordered);
    return success();
}

namespace {

// One element of a large array, parsed on its own: it must be an object.
Result<QJsonObject> elementObject(QByteArrayView element, const QString &where)
{
    if (element.isEmpty() || element.front() != '{')
        return invalid(where, QStringLiteral("must be an object"));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(element.data(), element.size()), &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(where, QStringLiteral("not valid JSON (%1 at byte %2 of it)").arg(error.errorString()).arg(error.offset));
    return doc.object();
}

Error notJson(const QString &why)
{
    return Error::invalid(QStringLiteral("document: %1").arg(why));
}

} // namespace

Status forEachChat(const QByteArray &document, const std::function<Status(ImportedChat)> &take)
{
    QString why;
    qsizetype start = 0;
    while (start < document.size() && QByteArrayView(" \t\r\n").contains(document.at(start)))
        ++start;
    if (start < document.size() && document.at(start) == '[') {
        auto elements = jsonelements::arrayElements(document, start, &why);
        if (!elements)
            return notJson(why);
        for (qsizetype i = 0; i < elements->size(); ++i) {
            const QString where = QStringLiteral("conversations[%1]").arg(i);
            auto object = elementObject(elements->at(i), where);
            if (!object)
                return object.error();
            auto chat = chatGptConversation(object.value(), where);
            if (!chat)
                return chat.error();
            if (auto st = take(std::move(chat).value()); !st)
                return st;
        }
        return success();
    }
    auto members = jsonelements::objectMembers(document, &why);
    if (!members)
        return notJson(why);
    QString format;
    QByteArrayView chats;
    bool hasChats = false;
    for (const jsonelements::Member &m : members.value()) {
        if (m.name == "format" && format.isEmpty())
            format = QJsonDocument::fromJson("[" + m.value.toByteArray() + "]").array().at(0).toString();
        else if (m.name == "chats" && !hasChats)
            chats = m.value, hasChats = true;
    }
    if (format == transferformat::Chat) {
        auto chat = teeheeChat(QJsonDocument::fromJson(document).object(), QString());
        if (!chat)
            return chat.error();
        return take(std::move(chat).value());
    }
    if (format != transferformat::Export)
        return Error::invalid(QStringLiteral("format: must be %1 or %2 (or a ChatGPT conversations.json array)")
                                  .arg(transferformat::Chat, transferformat::Export));
    if (!hasChats || chats.front() != '[')
        return Error::invalid(QStringLiteral("chats: must be an array"));
    auto elements = jsonelements::arrayElements(chats, 0, &why);
    if (!elements)
        return Error::invalid(QStringLiteral("chats: %1 of the array").arg(why));
    for (qsizetype i = 0; i < elements->size(); ++i) {
        const QString where = QStringLiteral("chats[%1]").arg(i);
        auto object = elementObject(elements->at(i), where);
        if (!object)
            return object.error();
        auto chat = teeheeChat(object.value(), where);
        if (!chat)
            return chat.error();
        if (auto st = take(std::move(chat).value()); !st)
            return st;
    }
    return success();
}

} // namespace teehee::importdocument
