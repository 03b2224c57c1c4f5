#include "recordconversions.h"

#include "chat/chatservice.h"
#include "keys/keyservice.h"

#include "providers/modelcatalogue.h"

#include <QHash>
#include <QJsonArray>

namespace teehee::client::convert {
namespace {

MessageStatus statusOf(const QString &status)
{
    if (status == teehee::MessageStatus::Streaming)
        return MessageStatus::Streaming;
    if (status == teehee::MessageStatus::Aborted)
        return MessageStatus::Aborted;
    if (status == teehee::MessageStatus::Error)
        return MessageStatus::Error;
    return MessageStatus::Complete;
}

} // namespace

SearchPage searchPage(const teehee::SearchPage &page)
{
    SearchPage out;
    out.nextCursor = page.nextCursor;
    out.hits.reserve(page.results.size());
    for (const SearchResult &r : page.results)
        out.hits.append({r.chatId, r.chatName, r.messageId, r.role, r.snippet, r.timestamp});
    return out;
}

ChatInfo chat(const ChatRecord &r)
{
    ChatInfo c;
    c.id = r.id;
    c.name = r.name;
    c.systemPrompt = r.systemPrompt;
    c.provider = r.provider;
    c.model = r.model;
    c.options = r.options.toVariantMap();
    c.createdAt = r.createdAt;
    c.updatedAt = r.updatedAt;
    c.untitled = r.name == ChatService::kDefaultName;
    return c;
}

MessageInfo message(const PlacedMessage &placed)
{
    const MessageRecord &r = placed.message;
    MessageInfo m;
    m.id = r.id;
    m.chatId = r.chatId;
    m.parentId = r.parentId;
    m.role = r.role;
    m.text = r.text();
    m.reasoning = r.content.value(QStringLiteral("reasoning")).toString();
    m.status = statusOf(r.status);
    m.isPartial = r.isPartial;
    m.deleted = r.content.value(QStringLiteral("deleted")).toBool();
    m.siblingIndex = placed.position.index;
    m.siblingCount = placed.position.count;
    m.provider = r.provider;
    m.model = r.model;
    m.error = r.content.value(QStringLiteral("error")).toString();
    m.errorReason = failure(errorReasonFromName(r.content.value(QStringLiteral("error_reason")).toString()));
    m.tokensIn = r.tokensIn.value_or(-1);
    m.tokensOut = r.tokensOut.value_or(-1);
    m.costUsd = r.content.value(QStringLiteral("usage")).toObject().value(QStringLiteral("cost_usd")).toDouble(-1);
    m.createdAt = r.timestamp;
    m.attachments = attachments(r.content);
    m.toolCalls = toolCallsFromJson(r.content.value(QStringLiteral("tool_calls")).toArray());
    return m;
}

namespace {
// A message of a page holds the page's chat id, shared: a long page is then
// freed where it is read (the window's thread) without one string per message.
MessageInfo pageMessage(const PlacedMessage &placed, const QString &chatId)
{
    MessageInfo m = message(placed);
    m.chatId = chatId;
    return m;
}
} // namespace

ChatPage page(const ChatPath &path)
{
    ChatPage p{chat(path.chat), {}, path.complete};
    p.path.reserve(path.messages.size());
    for (const PlacedMessage &m : path.messages)
        p.path << pageMessage(m, p.chat.id);
    return p;
}

ChatPage page(const ChatDetail &detail)
{
    ChatPage p{chat(detail.chat), {}, true};
    QHash<QString, const PlacedMessage *> byId;
    byId.reserve(detail.messages.size());
    for (const PlacedMessage &m : detail.messages)
        byId.insert(m.message.id, &m);
    p.path.reserve(detail.currentPath.size());
    for (const QString &id : detail.currentPath)
        if (const PlacedMessage *m = byId.value(id))
            p.path << pageMessage(*m, p.chat.id);
    return p;
}

TurnEvent event(const GenerationEvent &e)
{
    TurnEvent t;
    switch (e.type) {
    case GenerationEvent::Type::Started: t.type = TurnEvent::Type::Started; break;
    case GenerationEvent::Type::Token: t.type = TurnEvent::Type::Token; break;
    case GenerationEvent::Type::Reasoning: t.type = TurnEvent::Type::Reasoning; break;
    case GenerationEvent::Type::Completed: t.type = TurnEvent::Type::Completed; break;
    case GenerationEvent::Type::Aborted: t.type = TurnEvent::Type::Aborted; break;
    case GenerationEvent::Type::Failed: t.type = TurnEvent::Type::Failed; break;
    case GenerationEvent::Type::ToolCall: t.type = TurnEvent::Type::ToolCall; break;
    case GenerationEvent::Type::ToolResult: t.type = TurnEvent::Type::ToolResult; break;
    }
    t.callId = e.callId;
    t.toolServer = e.toolServer;
    t.toolName = e.toolName;
    t.toolArguments = e.toolArguments.toVariantMap();
    t.toolStatus = e.toolStatus;
    t.toolContent = e.toolContent;
    t.chatId = e.chatId;
    t.messageId = e.messageId;
    t.parentMessageId = e.parentMessageId;
    t.continued = e.continued;
    t.token = e.token;
    // A reasoning event's `content` is the reasoning so far, never answer text.
    if (e.type == GenerationEvent::Type::Reasoning)
        t.reasoning = e.content;
    else
        t.content = e.content;
    t.error = e.error;
    t.rateLimited = e.rateLimited;
    t.errorReason = failure(errorReasonFromName(e.errorReason));
    t.retryAfterSeconds = e.retryAfterSeconds;
    t.finishReason = e.finishReason;
    t.inputTokens = e.inputTokens;
    t.outputTokens = e.outputTokens;
    t.costUsd = e.costUsd;
    return t;
}

KeyInfo key(const KeyRecord &k)
{
    const bool custom = k.providerName == u"custom";
    return {k.id, k.providerName, custom ? KeyService::customChoice(k.id) : k.providerName, k.hint, k.label, k.baseUrl};
}

ModelInfo model(const ModelFacts &f)
{
    return {f.name, f.provider, f.description, f.contextTokens, ModelCatalogue::takesImages(f.provider, f.name)};
}

AttachmentInfo attachment(const AttachmentRecord &a)
{
    return {a.id, a.name, a.mimeType, a.size, false};
}

QList<AttachmentInfo> attachments(const QJsonObject &content)
{
    QList<AttachmentInfo> out;
    const QJsonArray listed = content.value(QStringLiteral("attachments")).toArray();
    for (const QJsonValue &v : listed) {
        const QJsonObject o = v.toObject();
        AttachmentInfo a{o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("name")).toString(),
                         o.value(QStringLiteral("mime_type")).toString(),
                         qint64(o.value(QStringLiteral("size")).toDouble()), o.value(QStringLiteral("removed")).toBool()};
        if (!a.id.isEmpty())
            out << a;
    }
    return out;
}

UsageReport usage(const UsageService::Report &r, const QString &pricesAsOf)
{
    UsageReport out{r.from, r.to, r.inputTokens, r.outputTokens, r.costUsd.value_or(-1), {}, pricesAsOf};
    for (const UsageRepository::Group &g : r.groups)
        out.groups << UsageGroup{g.key, g.label, g.inputTokens, g.outputTokens, g.costUsd.value_or(-1), g.replies};
    return out;
}

Failure failure(ErrorReason reason)
{
    switch (reason) {
    case ErrorReason::NoKey: return Failure::NoKey;
    case ErrorReason::NoModel: return Failure::NoModel;
    case ErrorReason::NoProvider:
    case ErrorReason::UnknownProvider: return Failure::UnknownProvider;
    case ErrorReason::ReplyRunning: return Failure::ReplyRunning;
    case ErrorReason::NotAnAnswer:
    case ErrorReason::MessageDeleted:
    case ErrorReason::AlreadyComplete: return Failure::NotContinuable;
    case ErrorReason::ForeignParent:
    case ErrorReason::EmptyContent:
    case ErrorReason::InvalidOption: return Failure::Invalid;
    case ErrorReason::KeyRejected: return Failure::KeyRejected;
    case ErrorReason::NoVision: return Failure::NoVision;
    case ErrorReason::ProviderBusy: return Failure::RateLimited;
    case ErrorReason::DeviceSignedOut:    // by its code (Unauthorized), as any sign-in failure
    case ErrorReason::PairingCodeInvalid:
    case ErrorReason::PairingClosed:
    case ErrorReason::Unspecified: break;
    }
    return Failure::None;
}

Failure failure(const Error &e)
{
    if (const Failure byReason = failure(e.reason); byReason != Failure::None)
        return byReason;
    switch (e.code) {
    case ErrorCode::NotFound: return Failure::NotFound;
    case ErrorCode::InvalidInput: return Failure::Invalid;
    case ErrorCode::TooLarge: return Failure::TooLarge;
    case ErrorCode::UnsupportedType: return Failure::UnsupportedType;
    case ErrorCode::Conflict: return Failure::NotContinuable;
    case ErrorCode::Unauthorized:
    case ErrorCode::Forbidden: return Failure::Unauthorized;
    case ErrorCode::RateLimited: return Failure::RateLimited;
    case ErrorCode::Unavailable: return Failure::Unavailable;
    default: return Failure::Internal;
    }
}

ClientError error(const Error &e)
{
    return {failure(e), e.message};
}

} // namespace teehee::client::convert
