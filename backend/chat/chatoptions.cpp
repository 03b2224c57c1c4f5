#include "chat/chatoptions.h"

#include <cmath>

namespace teehee {
namespace {

const QString kTemperature = QStringLiteral("temperature");
const QString kMaxTokens = QStringLiteral("max_tokens");
const QString kReasoningEffort = QStringLiteral("reasoning_effort");
const QString kThinking = QStringLiteral("thinking");

ChatOptions::Decoded refuse(ChatOptionsError::Reason reason, QString field, QString message)
{
    return {std::nullopt, ChatOptionsError{reason, std::move(field), std::move(message)}};
}

std::optional<ChatOptions::Effort> effortFrom(const QString &name)
{
    if (name == u"low")
        return ChatOptions::Effort::Low;
    if (name == u"medium")
        return ChatOptions::Effort::Medium;
    if (name == u"high")
        return ChatOptions::Effort::High;
    return std::nullopt;
}

} // namespace

QString ChatOptions::effortName(Effort effort)
{
    switch (effort) {
    case Effort::Low: return QStringLiteral("low");
    case Effort::Medium: return QStringLiteral("medium");
    case Effort::High: return QStringLiteral("high");
    }
    return {};
}

ChatOptions::Decoded ChatOptions::fromJson(const QJsonValue &value, const QString &field)
{
    using Reason = ChatOptionsError::Reason;
    ChatOptions out;
    if (value.isUndefined() || value.isNull())
        return {out, {}};
    if (!value.isObject())
        return refuse(Reason::NotAnObject, field,
                      QStringLiteral("%1: must be an object with any of temperature, max_tokens, reasoning_effort, thinking").arg(field));
    const QJsonObject o = value.toObject();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        const QString name = it.key();
        const QJsonValue v = it.value();
        const QString where = field + u'.' + name;
        if (name != kTemperature && name != kMaxTokens && name != kReasoningEffort && name != kThinking)
            return refuse(Reason::UnknownOption, where,
                          QStringLiteral("%1: unknown option \"%2\"; expected temperature, max_tokens, reasoning_effort or thinking")
                              .arg(field, name.left(64)));
        if (v.isNull())
            continue;
        if (name == kTemperature) {
            if (!v.isDouble())
                return refuse(Reason::WrongType, where, QStringLiteral("%1: must be a number from 0 to 2").arg(where));
            const double t = v.toDouble();
            if (!std::isfinite(t) || t < 0 || t > kMaxTemperature)
                return refuse(Reason::OutOfRange, where, QStringLiteral("%1: must be from 0 to 2, not %2").arg(where).arg(t));
            out.temperature = t;
        } else if (name == kMaxTokens) {
            if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()))
                return refuse(Reason::WrongType, where, QStringLiteral("%1: must be a whole number of at least 1").arg(where));
            const double n = v.toDouble();
            if (n < 1 || n > kMaxTokensLimit)
                return refuse(Reason::OutOfRange, where,
                              QStringLiteral("%1: must be from 1 to %2, not %3").arg(where).arg(kMaxTokensLimit).arg(n, 0, 'f', 0));
            out.maxTokens = int(n);
        } else if (name == kReasoningEffort) {
            const auto effort = v.isString() ? effortFrom(v.toString()) : std::nullopt;
            if (!effort)
                return refuse(v.isString() ? Reason::OutOfRange : Reason::WrongType, where,
                              QStringLiteral("%1: must be \"low\", \"medium\" or \"high\"").arg(where));
            out.reasoningEffort = effort;
        } else {
            if (!v.isBool())
                return refuse(Reason::WrongType, where, QStringLiteral("%1: must be true or false").arg(where));
            out.thinking = v.toBool();
        }
    }
    return {out, {}};
}

QJsonObject ChatOptions::toJson() const
{
    QJsonObject o;
    if (temperature)
        o.insert(kTemperature, *temperature);
    if (maxTokens)
        o.insert(kMaxTokens, *maxTokens);
    if (reasoningEffort)
        o.insert(kReasoningEffort, effortName(*reasoningEffort));
    if (thinking)
        o.insert(kThinking, *thinking);
    return o;
}

ChatOptions ChatOptions::overriddenBy(const ChatOptions &over) const
{
    ChatOptions out = *this;
    if (over.temperature)
        out.temperature = over.temperature;
    if (over.maxTokens)
        out.maxTokens = over.maxTokens;
    if (over.reasoningEffort)
        out.reasoningEffort = over.reasoningEffort;
    if (over.thinking)
        out.thinking = over.thinking;
    return out;
}

} // namespace teehee
