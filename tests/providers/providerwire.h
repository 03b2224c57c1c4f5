#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace teehee::test {

// Byte-exact bodies of the real providers.
namespace wire {
QByteArray sseData(const QByteArray &json);                          // "data: {json}\n\n"
QByteArray sseEvent(const QByteArray &event, const QByteArray &json); // "event: e\ndata: {json}\n\n"

QByteArray openAiChunk(const QString &content, const QByteArray &finishReason = {});
QByteArray openAiRoleChunk();
QByteArray openAiUsageChunk(int promptTokens, int completionTokens); // `choices: []`
QByteArray openAiDone();
// A whole OpenAI stream: role chunk, one chunk per piece, finish, usage, [DONE].
QByteArray openAiStream(const QStringList &pieces, int promptTokens = 9, int completionTokens = 12);

QByteArray mistralChunk(const QString &content, const QByteArray &finishReason = {});
// Mistral: usage inside the final chunk that carries finish_reason.
QByteArray mistralStream(const QStringList &pieces, int promptTokens = 10, int completionTokens = 12);

QByteArray anthropicMessageStart(int inputTokens = 11);
QByteArray anthropicTextDelta(const QString &text, int index = 0);
QByteArray anthropicThinkingDelta(const QString &thinking, int index = 0);
QByteArray anthropicMessageDelta(const QByteArray &stopReason, int outputTokens);
QByteArray anthropicMessageStop();
QByteArray anthropicPing();
QByteArray anthropicError(const QByteArray &type, const QByteArray &message);
QByteArray anthropicStream(const QStringList &pieces, int inputTokens = 11, int outputTokens = 6);

// Reasoning as each wire format streams it, never as answer text.
// `field`: "reasoning_content" (DeepSeek, vLLM) or "reasoning" (OpenRouter, Ollama).
QByteArray openAiReasoningChunk(const QString &reasoning, const QByteArray &field = "reasoning_content");
QByteArray mistralThinkingChunk(const QString &thinking); // reasoning models: `content` as typed chunks
QByteArray anthropicBlockStart(int index, const QByteArray &type); // "text", "thinking"
QByteArray anthropicBlockStop(int index);
QByteArray anthropicSignatureDelta(const QByteArray &signature, int index = 0);
// A redacted_thinking block, start to stop: encrypted, nothing to show.
QByteArray anthropicRedactedThinking(int index);
// A whole Anthropic stream: a thinking block (index 0, with its signature), then the text block.
QByteArray anthropicThinkingStream(const QStringList &thinking, const QStringList &pieces, int inputTokens = 11,
                                   int outputTokens = 20);

// Tool calls as each provider streams them, so tests can script a model that calls tools.
struct WireToolCall {
    QString id;
    QString name;
    QString arguments; // the arguments' JSON text, sent as is (may be malformed on purpose)
};
// Splits `text` into pieces of `chars` UTF-16 units, never inside a surrogate pair ("" gives none).
QStringList pieces(const QString &text, int chars);
// OpenAI: one `delta.tool_calls` entry per chunk. A call's first fragment carries its index, id,
// type and name with empty arguments; the others only its index and a piece of the arguments.
QByteArray openAiToolCallStart(int index, const QString &id, const QString &name);
QByteArray openAiToolCallArguments(int index, const QString &fragment);
// A whole OpenAI stream: role chunk, `textBefore` as content, then every call's arguments in
// pieces of `fragmentChars` (interleaved round-robin across calls when `interleave`),
// finish_reason "tool_calls", usage, [DONE].
QByteArray openAiToolCallStream(const QList<WireToolCall> &calls, int fragmentChars = 4, bool interleave = false,
                                const QString &textBefore = {});
// Mistral: a whole call in one chunk (`index` inside the call, 9-character ids as Mistral makes them).
QByteArray mistralToolCallChunk(int index, const WireToolCall &call);
// A whole Mistral stream: `textBefore`, one chunk per call, the finish chunk ("tool_calls") with usage, [DONE].
QByteArray mistralToolCallStream(const QList<WireToolCall> &calls, const QString &textBefore = {});
// Anthropic: a tool_use block's start (input {}), and one input_json_delta.
QByteArray anthropicToolUseStart(int index, const QString &id, const QString &name);
QByteArray anthropicInputJsonDelta(const QString &partialJson, int index);
// A whole Anthropic stream: a text block with `textBefore` (if any), then one tool_use block per
// call, its input in pieces of `fragmentChars` after an empty first piece; stop_reason `stopReason`.
QByteArray anthropicToolUseStream(const QList<WireToolCall> &calls, int fragmentChars = 4, const QString &textBefore = {},
                                  const QByteArray &stopReason = "tool_use");

// Error bodies exactly as the providers send them.
QByteArray openAiErrorBody(const QByteArray &message, const QByteArray &type, const QByteArray &code);
QByteArray anthropicErrorBody(const QByteArray &type, const QByteArray &message);
} // namespace wire

} // namespace teehee::test
