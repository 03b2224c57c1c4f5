#include "api/json/streamevents.h"

#include "api/json/chatjson.h"
#include "core/jsonescape.h"
#include "generation/accountevents.h"
#include "generation/generation.h"

#include <QJsonDocument>

namespace teehee::streamevents {

namespace {

// A JSON object written field by field, "type" first; one more event type is
// one more function of a few `field` calls.
class Writer {
public:
    explicit Writer(QByteArrayView type, qsizetype reserve = 96) : m_type(type.toByteArray())
    {
        m_out.reserve(reserve + m_type.size());
        m_out.append("{\"type\":\"").append(m_type).append('"');
    }
    Writer &field(const char *key, const QString &value)
    {
        name(key);
        m_out.append('"');
        appendJsonEscaped(m_out, value);
        m_out.append('"');
        return *this;
    }
    Writer &field(const char *key, qint64 value)
    {
        name(key);
        m_out.append(QByteArray::number(value));
        return *this;
    }
    // A value that is JSON text already (an object).
    Writer &json(const char *key, const QByteArray &value)
    {
        name(key);
        m_out.append(value);
        return *this;
    }
    Encoded done()
    {
        m_out.append('}');
        return {m_type, m_out};
    }

private:
    void name(const char *key) { m_out.append(",\"").append(key).append("\":"); }

    QByteArray m_type;
    QByteArray m_out;
};

// token events (and any other piece of streamed text): the piece, and the text so far unless compact.
Encoded textPiece(QByteArrayView type, const GenerationEvent &e, bool compact)
{
    Writer w(type, e.messageId.size() + 3 * e.token.size() + (compact ? 0 : 3 * e.content.size()));
    w.field("message_id", e.messageId).field("token", e.token);
    if (!compact)
        w.field("content", e.content);
    return w.done();
}

Encoded started(const GenerationEvent &e)
{
    Writer w(e.continued ? "stream_continue" : "stream_start");
    w.field("message_id", e.messageId).field("parent_message_id", e.parentMessageId).field("status", e.status());
    if (e.continued)
        w.field("existing_content", e.content);
    return w.done();
}

Encoded completed(const GenerationEvent &e)
{
    QByteArray usage = "{";
    auto count = [&usage](const char *key, qint64 n) {
        if (n < 0)
            return;
        usage.append(usage.size() > 1 ? ",\"" : "\"").append(key).append("\":").append(QByteArray::number(n));
    };
    count("input_tokens", e.inputTokens);
    count("output_tokens", e.outputTokens);
    count("total_tokens", e.inputTokens >= 0 && e.outputTokens >= 0 ? e.inputTokens + e.outputTokens : -1);
    count("cached_tokens", e.cachedTokens);
    if (e.costUsd >= 0) // a price known; absent otherwise, never a guess
        usage.append(usage.size() > 1 ? "," : "").append("\"cost_usd\":").append(QByteArray::number(e.costUsd, 'g', 12));
    usage.append('}');
    Writer w("stream_complete", 3 * e.content.size());
    w.field("message_id", e.messageId).field("status", e.status()).json("usage", usage);
    if (!e.finishReason.isEmpty())
        w.field("finish_reason", e.finishReason);
    return w.field("content", e.content).done();
}

Encoded aborted(const GenerationEvent &e)
{
    Writer w("stream_aborted", 3 * e.content.size());
    return w.field("message_id", e.messageId).field("status", e.status()).field("content", e.content).done();
}

Encoded failed(const GenerationEvent &e)
{
    Writer w("stream_error", 3 * e.content.size());
    w.field("message_id", e.messageId).field("status", e.status()).field("error", e.error);
    // An addition to the contract's fields: clients can count down to a retry.
    if (e.retryAfterSeconds >= 0)
        w.field("retry_after", qint64(e.retryAfterSeconds));
    // "length": the reply reached MAX_REPLY_BYTES.
    if (!e.finishReason.isEmpty())
        w.field("finish_reason", e.finishReason);
    // Another addition: a typed cause ("key_rejected", "rate_limited") for clients to word it.
    if (!e.errorReason.isEmpty())
        w.field("error_reason", e.errorReason);
    return w.field("content", e.content).done();
}

// Tool arguments are an object the model wrote: escaped like any other text.
Encoded toolCall(const GenerationEvent &e)
{
    Writer w("tool_call");
    w.field("message_id", e.messageId).field("call_id", e.callId).field("server", e.toolServer)
        .field("tool", e.toolName).json("arguments", QJsonDocument(e.toolArguments).toJson(QJsonDocument::Compact))
        .field("status", e.toolStatus);
    return w.done();
}

Encoded toolResult(const GenerationEvent &e)
{
    Writer w("tool_result", 3 * e.toolContent.size());
    w.field("message_id", e.messageId).field("call_id", e.callId).field("status", e.toolStatus)
        .field("content", e.toolContent);
    return w.done();
}

} // namespace

Encoded encode(const GenerationEvent &e, bool compact)
{
    switch (e.type) {
    case GenerationEvent::Type::Started: return started(e);
    case GenerationEvent::Type::Token: return textPiece("token", e, compact);
    case GenerationEvent::Type::Reasoning: return textPiece("reasoning", e, compact);
    case GenerationEvent::Type::Completed: return completed(e);
    case GenerationEvent::Type::Aborted: return aborted(e);
    case GenerationEvent::Type::Failed: return failed(e);
    case GenerationEvent::Type::ToolCall: return toolCall(e);
    case GenerationEvent::Type::ToolResult: return toolResult(e);
    }
    return error(QStringLiteral("unknown event"));
}

Encoded encode(const AccountEvent &e)
{
    switch (e.type) {
    case AccountEvent::Type::ChatCreated: return Writer("chat_created").json("chat", chatjson::chatBytes(e.chat)).done();
    case AccountEvent::Type::ChatUpdated: return Writer("chat_updated").json("chat", chatjson::chatBytes(e.chat)).done();
    case AccountEvent::Type::ChatDeleted: return Writer("chat_deleted").field("chat_id", e.chatId).done();
    case AccountEvent::Type::StreamStarted:
        return Writer("stream_started").field("chat_id", e.chatId).field("message_id", e.messageId).done();
    case AccountEvent::Type::StreamEnded:
        return Writer("stream_ended").field("chat_id", e.chatId).field("message_id", e.messageId)
            .field("status", e.status).done();
    case AccountEvent::Type::DeviceRevoked: return Writer("device_revoked").field("device_id", e.deviceId).done();
    case AccountEvent::Type::PairRequested:
        return Writer("pair_requested").field("pairing_id", e.pairing.id).field("device_name", e.pairing.deviceName)
            .field("verification", e.pairing.verification)
            .field("created_at", e.pairing.createdAt.toUTC().toString(Qt::ISODateWithMs))
            .field("expires_at", e.pairing.expiresAt.toUTC().toString(Qt::ISODateWithMs)).done();
    case AccountEvent::Type::MessageUpdated:
        return Writer("message_updated").json("message", chatjson::messageBytes(e.message)).done();
    case AccountEvent::Type::BranchChanged:
        return Writer("branch_changed").field("chat_id", e.chatId).field("message_id", e.messageId).done();
    case AccountEvent::Type::ToolApprovalRequested:
        return Writer("tool_approval_requested").field("chat_id", e.chatId).field("message_id", e.messageId)
            .field("call_id", e.approval.callId).field("server", e.approval.serverName).field("tool", e.approval.tool)
            .json("arguments", QJsonDocument(e.approval.arguments).toJson(QJsonDocument::Compact)).done();
    case AccountEvent::Type::ToolApprovalAnswered:
        return Writer("tool_approval_answered").field("call_id", e.approval.callId).field("decision", e.status).done();
    }
    return error(QStringLiteral("unknown event"));
}

Encoded resume(const Generation &g)
{
    return resume(g.messageId(), g.parentMessageId(), g.text(), g.reasoning());
}

Encoded resume(const QString &messageId, const QString &parentMessageId, const QString &text, const QString &reasoning)
{
    Writer w("stream_resume", 3 * (text.size() + reasoning.size()));
    w.field("message_id", messageId)
        .field("parent_message_id", parentMessageId)
        .field("status", QStringLiteral("streaming"))
        .field("content", text);
    // An addition to the contract's fields, only when there is some.
    if (!reasoning.isEmpty())
        w.field("reasoning", reasoning);
    return w.done();
}

Encoded messageCreated(const PlacedMessage &message)
{
    return Writer("message_created").json("message", chatjson::messageBytes(message)).done();
}

Encoded error(const QString &message)
{
    return Writer("error").field("message", message).done();
}

Encoded pong()
{
    return Writer("pong").done();
}

QByteArray sseFrame(const Encoded &event, qint64 id)
{
    QByteArray out;
    out.reserve(event.type.size() + event.json.size() + 48);
    out.append("event: ").append(event.type).append('\n');
    if (id > 0)
        out.append("id: ").append(QByteArray::number(id)).append('\n');
    out.append("data: ").append(event.json).append("\n\n");
    return out;
}

} // namespace teehee::streamevents
