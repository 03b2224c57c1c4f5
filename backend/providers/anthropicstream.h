#pragma once

#include "providers/httpproviderstream.h"

#include <QJsonObject>

namespace teehee {

// Anthropic Messages: `system` as a top-level field, `max_tokens` always,
// x-api-key + anthropic-version, named events, thinking blocks, and
// `event: error` inside a 200 stream.
class AnthropicStream : public HttpProviderStream {
    Q_OBJECT
public:
    static constexpr const char *kApiVersion = "2023-06-01";

    AnthropicStream(ChatRequest request, QString providerDisplayName, QObject *parent = nullptr);

    static QJsonObject buildBody(const ChatRequest &request);
    // Tokens of extended thinking (0: off): thinkingBudgetTokens, else one by
    // reasoningEffort when thinking is on (at least the API's 1024).
    static int thinkingBudget(const ChatRequest &request);
    // Claude 4.6 and later reject assistant prefill (400); so does extended thinking.
    static bool supportsPrefill(const QString &model);
    static bool usesPrefill(const ChatRequest &request);

protected:
    QUrl endpoint() const override;
    RawHeaders requestHeaders() const override;
    QByteArray requestBody() const override;
    void handleEvent(const SseEvent &event) override;
    ContinuationJoiner::Options continuationOptions() const override;
    void resetAttemptState() override { m_inputTokens = 0; m_cacheReadTokens = -1; }

private:
    int m_inputTokens = 0;
    int m_cacheReadTokens = -1; // cache_read_input_tokens, once reported
};

} // namespace teehee
