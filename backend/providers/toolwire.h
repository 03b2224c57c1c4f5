#pragma once

#include "providers/chatrequest.h"

#include <QJsonArray>
#include <QJsonObject>

namespace teehee {

// Offered tools, an assistant message's calls and a tool message's results,
// each in its provider's request form.
namespace toolwire {

// Chat Completions `tools`: [{type:"function", function:{name, description, parameters}}].
QJsonArray chatCompletionsTools(const QList<ToolSpec> &tools);
// Anthropic `tools`: [{name, description, input_schema}].
QJsonArray anthropicTools(const QList<ToolSpec> &tools);

// Mistral takes only call ids of exactly 9 letters and digits. Such an id is
// kept; any other (a call made through another provider) maps to one made of
// its hash, the same for the call and for its result.
QString mistralCallId(const QString &id);
// Anthropic takes call ids of letters, digits, '_' and '-' only.
QString anthropicCallId(const QString &id);

// The arguments as the JSON text a request carries: `{}` for a call whose
// arguments were malformed (it was answered with an error, never run).
QString argumentsJson(const ToolCall &call);

enum class IdForm { AsGiven, Mistral };
// An assistant message: `tool_calls` added, `content` null when there is no text.
void addChatCompletionsToolCalls(QJsonObject &assistant, const ChatMessage &message, IdForm ids);
// A tool message: one {role:"tool", tool_call_id, content} per result (Mistral also `name`).
QJsonArray chatCompletionsToolMessages(const ChatMessage &message, IdForm ids);

// An assistant message's tool_use blocks {type, id, name, input}.
QJsonArray anthropicToolUseBlocks(const ChatMessage &message);
// A tool message's tool_result blocks {type, tool_use_id, content, is_error}.
QJsonArray anthropicToolResultBlocks(const ChatMessage &message);

} // namespace toolwire
} // namespace teehee
