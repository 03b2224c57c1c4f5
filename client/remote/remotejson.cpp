#include "remotejson.h"

#include <QHash>
#include <QJsonArray>

namespace teehee::client::remotejson {
namespace {

QDateTime time(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

MessageStatus statusOf(const QString &status)
{
    if (status == u"streaming")
        return MessageStatus::Streaming;
    if (status == u"aborted")
        return MessageStatus::Aborted;
    if (status == u"error")
        return MessageStatus::Error;
    return MessageStatus::Complete;
}

int count(const QJsonObject &usage, const char *key)
{
    const QJsonValue v = usage.value(QLatin1String(key));
    return v.isDouble() ? v.toInt() : -1;
}

} // namespace

ChatInfo chat(const QJsonObject &o)
{
    ChatInfo c;
    c.id = o.value(u"id").toString();
    c.name = o.value(u"name").toString();
    c.systemPrompt = o.value(u"system_prompt").toString();
    c.provider = o.value(u"provider").toString();
    c.model = o.value(u"model").toString();
    c.options = o.value(u"options").toObject().toVariantMap();
    c.createdAt = time(o.value(u"created_at"));
    c.updatedAt = time(o.value(u"updated_at"));
    c.untitled = c.name == u"New Chat";
    return c;
}

MessageInfo message(const QJsonObject &o)
{
    const QJsonObject content = o.value(u"content").toObject();
    MessageInfo m;
    m.id = o.value(u"id").toString();
    m.chatId = o.value(u"chat_session_id").toString();
    m.parentId = o.value(u"parent_message_id").toString();
    m.role = o.value(u"role").toString();
    m.text = content.value(u"text").toString();
    m.reasoning = content.value(u"reasoning").toString();
    m.status = statusOf(o.value(u"status").toString());
    m.isPartial = o.value(u"is_partial").toBool();
    m.deleted = content.value(u"deleted").toBool();
    m.siblingIndex = o.value(u"sibling_index").toInt();
    m.siblingCount = o.value(u"sibling_count").toInt(1);
    m.provider = o.value(u"provider").toString();
    m.model = o.value(u"model").toString();
    m.error = content.value(u"error").toString();
    m.errorReason = failureForReason(content.value(u"error_reason").toString());
    const QJsonObject usage = content.value(u"usage").toObject();
    m.tokensIn = count(usage, "input_tokens");
    m.tokensOut = count(usage, "output_tokens");
    m.costUsd = usage.value(u"cost_usd").toDouble(-1);
    m.createdAt = time(o.value(u"timestamp"));
    for (const QJsonValue &a : content.value(u"attachments").toArray())
        if (AttachmentInfo info = attachment(a.toObject()); !info.id.isEmpty())
            m.attachments << info;
    m.toolCalls = toolCallsFromJson(content.value(u"tool_calls").toArray());
    return m;
}

ChatPage page(const QJsonObject &detail, int count)
{
    ChatPage p{chat(detail), {}, true};
    QHash<QString, QJsonObject> byId;
    const QJsonArray messages = detail.value(u"messages").toArray();
    byId.reserve(messages.size());
    for (const QJsonValue &m : messages)
        byId.insert(m.toObject().value(u"id").toString(), m.toObject());
    const QJsonArray path = detail.value(u"current_path").toArray();
    const qsizetype first = count > 0 ? qMax<qsizetype>(0, path.size() - count) : 0;
    p.complete = first == 0;
    for (qsizetype i = first; i < path.size(); ++i)
        if (auto found = byId.constFind(path.at(i).toString()); found != byId.cend())
            p.path << message(*found);
    return p;
}

KeyInfo key(const QJsonObject &o)
{
    KeyInfo k;
    k.id = o.value(u"id").toString();
    k.provider = o.value(u"provider_name").toString();
    k.choice = k.provider == u"custom" ? QStringLiteral("custom:") + k.id : k.provider;
    k.hint = o.value(u"hint").toString();
    k.label = o.value(u"label").toString();
    k.baseUrl = o.value(u"base_url").toString();
    return k;
}

ModelInfo model(const QJsonObject &o)
{
    const QJsonValue images = o.value(u"images");
    return {o.value(u"name").toString(), o.value(u"provider").toString(), o.value(u"description").toString(),
            o.value(u"context_tokens").toInt(), images.isBool() ? std::optional<bool>(images.toBool()) : std::nullopt};
}

AttachmentInfo attachment(const QJsonObject &o)
{
    return {o.value(u"id").toString(), o.value(u"name").toString(), o.value(u"mime_type").toString(),
            qint64(o.value(u"size").toDouble()), o.value(u"removed").toBool()};
}

ProviderInfo provider(const QJsonObject &o, const QString &defaultModel)
{
    ProviderInfo p;
    p.name = o.value(u"name").toString();
    p.displayName = o.value(u"display_name").toString(p.name);
    p.description = o.value(u"description").toString();
    p.defaultModel = o.value(u"default_model").toString(defaultModel);
    p.serverKey = o.value(u"server_key").toBool();
    return p;
}

std::optional<TurnEvent> turnEvent(const QString &type, const QJsonObject &o, const QString &chatId)
{
    TurnEvent t;
    t.chatId = chatId;
    t.messageId = o.value(u"message_id").toString();
    t.parentMessageId = o.value(u"parent_message_id").toString();
    if (type == u"stream_start") {
        t.type = TurnEvent::Type::Started;
    } else if (type == u"stream_continue") {
        t.type = TurnEvent::Type::Started;
        t.continued = true;
        t.content = o.value(u"existing_content").toString();
    } else if (type == u"token") {
        t.type = TurnEvent::Type::Token;
        t.token = o.value(u"token").toString();
        t.content = o.value(u"content").toString();
    } else if (type == u"reasoning") {
        t.type = TurnEvent::Type::Reasoning;
        t.token = o.value(u"token").toString();
        t.reasoning = o.value(u"content").toString();
    } else if (type == u"tool_call" || type == u"tool_result") {
        t.type = type == u"tool_call" ? TurnEvent::Type::ToolCall : TurnEvent::Type::ToolResult;
        t.callId = o.value(u"call_id").toString();
        t.toolServer = o.value(u"server").toString();
        t.toolName = o.value(u"tool").toString();
        t.toolArguments = o.value(u"arguments").toObject().toVariantMap();
        t.toolStatus = o.value(u"status").toString();
        t.toolContent = o.value(u"content").toString();
    } else if (type == u"stream_complete" || type == u"stream_aborted" || type == u"stream_error") {
        t.type = type == u"stream_complete" ? TurnEvent::Type::Completed
               : type == u"stream_aborted"  ? TurnEvent::Type::Aborted
                                            : TurnEvent::Type::Failed;
        t.content = o.value(u"content").toString();
        t.error = o.value(u"error").toString();
        t.finishReason = o.value(u"finish_reason").toString();
        t.errorReason = failureForReason(o.value(u"error_reason").toString());
        t.rateLimited = t.errorReason == Failure::RateLimited;
        t.retryAfterSeconds = o.value(u"retry_after").toInt(-1);
        const QJsonObject usage = o.value(u"usage").toObject();
        t.inputTokens = count(usage, "input_tokens");
        t.outputTokens = count(usage, "output_tokens");
        t.costUsd = usage.value(u"cost_usd").toDouble(-1);
    } else {
        return std::nullopt;
    }
    return t;
}

UsageReport usage(const QJsonObject &o)
{
    auto amounts = [](const QJsonObject &a, auto &into) {
        into.inputTokens = a.value(u"input_tokens").toInteger();
        into.outputTokens = a.value(u"output_tokens").toInteger();
        into.costUsd = a.value(u"cost_usd").toDouble(-1);
    };
    UsageReport r;
    r.from = QDate::fromString(o.value(u"from").toString(), Qt::ISODate);
    r.to = QDate::fromString(o.value(u"to").toString(), Qt::ISODate);
    amounts(o.value(u"totals").toObject(), r);
    r.pricesAsOf = o.value(u"prices").toObject().value(u"as_of").toString();
    for (const QJsonValue &v : o.value(u"groups").toArray()) {
        const QJsonObject g = v.toObject();
        UsageGroup group;
        group.key = g.value(u"key").toString();
        group.label = g.value(u"name").toString(g.value(u"provider").toString());
        group.replies = g.value(u"replies").toInteger();
        amounts(g, group);
        r.groups << group;
    }
    return r;
}

SearchPage searchPage(const QJsonObject &o)
{
    SearchPage page;
    for (const QJsonValue &v : o.value(u"results").toArray()) {
        const QJsonObject r = v.toObject();
        page.hits << SearchHit{r.value(u"chat_id").toString(), r.value(u"chat_name").toString(),
                               r.value(u"message_id").toString(), r.value(u"role").toString(),
                               r.value(u"snippet").toString(), time(r.value(u"timestamp"))};
    }
    page.nextCursor = o.value(u"next_cursor").toString();
    return page;
}

Failure failureForReason(const QString &reason)
{
    static const QHash<QString, Failure> byName{
        {QStringLiteral("no_key"), Failure::NoKey},
        {QStringLiteral("no_model"), Failure::NoModel},
        {QStringLiteral("no_provider"), Failure::UnknownProvider},
        {QStringLiteral("unknown_provider"), Failure::UnknownProvider},
        {QStringLiteral("reply_running"), Failure::ReplyRunning},
        {QStringLiteral("not_an_answer"), Failure::NotContinuable},
        {QStringLiteral("message_deleted"), Failure::NotContinuable},
        {QStringLiteral("already_complete"), Failure::NotContinuable},
        {QStringLiteral("foreign_parent"), Failure::Invalid},
        {QStringLiteral("empty_content"), Failure::Invalid},
        {QStringLiteral("invalid_option"), Failure::Invalid},
        {QStringLiteral("key_rejected"), Failure::KeyRejected},
        {QStringLiteral("no_vision"), Failure::NoVision},
        {QStringLiteral("rate_limited"), Failure::RateLimited},
    };
    return byName.value(reason, Failure::None);
}

Failure failureForStatus(int status)
{
    switch (status) {
    case 400:
    case 422: return Failure::Invalid;
    case 413: return Failure::TooLarge;
    case 415: return Failure::UnsupportedType;
    case 401:
    case 403: return Failure::Unauthorized;
    case 404: return Failure::NotFound;
    case 409: return Failure::NotContinuable;
    case 429: return Failure::RateLimited;
    case 502:
    case 503:
    case 504: return Failure::Unavailable;
    default: return status >= 200 && status < 300 ? Failure::None : Failure::Internal;
    }
}

} // namespace teehee::client::remotejson
