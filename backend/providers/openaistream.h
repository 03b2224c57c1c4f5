#pragma once

#include "providers/httpproviderstream.h"

#include <QJsonObject>

namespace teehee {

// The Chat Completions wire format: OpenAI itself, Mistral, and the many
// servers that copy it (Ollama, vLLM, LM Studio, OpenRouter, llama.cpp).
// The dialect carries their differences in request fields, usage and continue.
class OpenAiStream : public HttpProviderStream {
    Q_OBJECT
public:
    enum class Dialect {
        OpenAi,     // max_completion_tokens, stream_options.include_usage, no native prefill
        Mistral,    // max_tokens, no OpenAI-only fields (422), usage in the last chunk, `prefix: true`
        Compatible, // max_tokens, key optional, vLLM-style continue_final_message
    };

    OpenAiStream(Dialect dialect, ChatRequest request, QString providerDisplayName, QObject *parent = nullptr);

    // The JSON body sent for `request` (public for tests and diagnostics).
    static QJsonObject buildBody(Dialect dialect, const ChatRequest &request);
    // Reasoning models (o1, o3, o4-mini, gpt-5...) accept no temperature.
    static bool isOpenAiReasoningModel(const QString &model);

protected:
    QUrl endpoint() const override;
    RawHeaders requestHeaders() const override;
    QByteArray requestBody() const override;
    void handleEvent(const SseEvent &event) override;
    ContinuationJoiner::Options continuationOptions() const override;
    void resetAttemptState() override { m_sawFinishReason = false; }
    bool acceptsEndWithoutMarker() const override;

private:
    void handleChunk(const QJsonObject &chunk);

    Dialect m_dialect;
    bool m_sawFinishReason = false;
};

// The user turn that asks a model without native prefill to go on.
QString continueInstruction();
// The assistant turn between tool results and the next user message of a
// reply that stopped in between, for providers that require one (Mistral).
QString stoppedAfterToolsNote();

// Provider finish reasons in one vocabulary: stop, length, tool_calls, content_filter, or as given.
QString normalizedFinishReason(const QString &raw);

} // namespace teehee
