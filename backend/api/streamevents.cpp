#include "api/streamevents.h"

#include "core/jsonescape.h"
#include "generation/generation.h"

#include <QJsonDocument>

namespace teehee::streamevents {

QString typeName(const GenerationEvent &e)
{
    switch (e.type) {
    case GenerationEvent::Type::Started: return e.continued ? QStringLiteral("stream_continue") : QStringLiteral("stream_start");
    case GenerationEvent::Type::Token: return QStringLiteral("token");
    case GenerationEvent::Type::Reasoning: return QStringLiteral("reasoning");
    case GenerationEvent::Type::Completed: return QStringLiteral("stream_complete");
    case GenerationEvent::Type::Aborted: return QStringLiteral("stream_aborted");
    case GenerationEvent::Type::Failed: return QStringLiteral("stream_error");
    }
    return QStringLiteral("error");
}

QJsonObject toJson(const GenerationEvent &e, bool compact)
{
    QJsonObject o{{QStringLiteral("type"), typeName(e)}, {QStringLiteral("message_id"), e.messageId}};
    switch (e.type) {
    case GenerationEvent::Type::Started:
        o.insert(QStringLiteral("parent_message_id"), e.parentMessageId);
        o.insert(QStringLiteral("status"), e.status());
        if (e.continued)
            o.insert(QStringLiteral("existing_content"), e.content);
        break;
    case GenerationEvent::Type::Token:
    case GenerationEvent::Type::Reasoning: // the same shape: the new piece, and the reasoning so far
        o.insert(QStringLiteral("token"), e.token);
        if (!compact)
            o.insert(QStringLiteral("content"), e.content);
        break;
    case GenerationEvent::Type::Completed: {
        o.insert(QStringLiteral("status"), e.status());
        o.insert(QStringLiteral("content"), e.content);
        QJsonObject usage;
        if (e.inputTokens >= 0)
            usage.insert(QStringLiteral("input_tokens"), e.inputTokens);
        if (e.outputTokens >= 0)
            usage.insert(QStringLiteral("output_tokens"), e.outputTokens);
        if (e.inputTokens >= 0 && e.outputTokens >= 0)
            usage.insert(QStringLiteral("total_tokens"), e.inputTokens + e.outputTokens);
        o.insert(QStringLiteral("usage"), usage);
        if (!e.finishReason.isEmpty())
            o.insert(QStringLiteral("finish_reason"), e.finishReason);
        break;
    }
    case GenerationEvent::Type::Aborted:
        o.insert(QStringLiteral("status"), e.status());
        o.insert(QStringLiteral("content"), e.content);
        break;
    case GenerationEvent::Type::Failed:
        o.insert(QStringLiteral("status"), e.status());
        o.insert(QStringLiteral("error"), e.error);
        o.insert(QStringLiteral("content"), e.content);
        // An addition to the contract's fields: clients can count down to a retry.
        if (e.retryAfterSeconds >= 0)
            o.insert(QStringLiteral("retry_after"), e.retryAfterSeconds);
        // "length": the reply reached MAX_REPLY_BYTES.
        if (!e.finishReason.isEmpty())
            o.insert(QStringLiteral("finish_reason"), e.finishReason);
        break;
    }
    return o;
}

QJsonObject resume(const Generation &g)
{
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("stream_resume")},
                  {QStringLiteral("message_id"), g.messageId()},
                  {QStringLiteral("parent_message_id"), g.parentMessageId()},
                  {QStringLiteral("status"), QStringLiteral("streaming")},
                  {QStringLiteral("content"), g.text()}};
    // An addition to the contract's fields, only when there is some.
    if (const QString reasoning = g.reasoning(); !reasoning.isEmpty())
        o.insert(QStringLiteral("reasoning"), reasoning);
    return o;
}

QJsonObject error(const QString &message)
{
    return {{QStringLiteral("type"), QStringLiteral("error")}, {QStringLiteral("message"), message}};
}

QByteArray compactText(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

namespace {

// A JSON string as QJsonDocument writes it.
void appendJsonString(QByteArray &out, const QString &s)
{
    out.append('"');
    appendJsonEscaped(out, s);
    out.append('"');
}

} // namespace

QByteArray eventText(const GenerationEvent &e, bool compact)
{
    if (e.type != GenerationEvent::Type::Token)
        return compactText(toJson(e, compact));
    // QJsonObject sorts its keys: the same order here.
    QByteArray out;
    out.reserve(64 + e.messageId.size() + 3 * e.token.size() + (compact ? 0 : 3 * e.content.size()));
    out.append('{');
    if (!compact) {
        out.append("\"content\":");
        appendJsonString(out, e.content);
        out.append(',');
    }
    out.append("\"message_id\":");
    appendJsonString(out, e.messageId);
    out.append(",\"token\":");
    appendJsonString(out, e.token);
    out.append(",\"type\":\"token\"}");
    return out;
}

} // namespace teehee::streamevents
