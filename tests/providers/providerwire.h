#pragma once

#include <QByteArray>
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

// Error bodies exactly as the providers send them.
QByteArray openAiErrorBody(const QByteArray &message, const QByteArray &type, const QByteArray &code);
QByteArray anthropicErrorBody(const QByteArray &type, const QByteArray &message);
} // namespace wire

} // namespace teehee::test
