#pragma once

#include "core/error.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <optional>

namespace teehee {

// Why a set of model options was refused: a reason a front end can act on,
// the field (as the API names it, e.g. "options.temperature") and a sentence.
struct ChatOptionsError {
    enum class Reason { NotAnObject, UnknownOption, WrongType, OutOfRange };
    Reason reason = Reason::WrongType;
    QString field;
    QString message;

    // InvalidInput: 422 over HTTP, an `error` event over WebSocket.
    Error toError() const { return Error::invalid(message); }
};

// The model options a chat keeps for every device and a single reply may
// override (spec/api.md, "Chat settings that every device shares"). Every
// value is checked here, once, so the chat's PATCH, the stream requests and
// the engine agree on what is valid. Unset options are left to the provider.
class ChatOptions {
public:
    enum class Effort { Low, Medium, High };

    static constexpr double kMaxTemperature = 2.0;
    // The upper bound of MAX_TOKENS: nothing larger fits any model.
    static constexpr int kMaxTokensLimit = 10'000'000;

    std::optional<double> temperature;   // 0–2
    std::optional<int> maxTokens;        // ≥ 1
    std::optional<Effort> reasoningEffort;
    std::optional<bool> thinking;

    // `{}` or any of temperature, max_tokens, reasoning_effort, thinking;
    // null (or an absent value) is no option; a null member is unset.
    // `field` prefixes the field names in errors.
    struct Decoded;
    static Decoded fromJson(const QJsonValue &value, const QString &field = QStringLiteral("options"));
    QJsonObject toJson() const;

    bool isEmpty() const { return !temperature && !maxTokens && !reasoningEffort && !thinking; }
    // These options with those set in `over` taking their place.
    ChatOptions overriddenBy(const ChatOptions &over) const;

    static QString effortName(Effort effort);

    bool operator==(const ChatOptions &) const = default;
};

// A ChatOptions or the reason it was refused.
struct ChatOptions::Decoded {
    std::optional<ChatOptions> options;
    ChatOptionsError error;

    explicit operator bool() const { return options.has_value(); }
    const ChatOptions &value() const { return *options; }
};

} // namespace teehee
