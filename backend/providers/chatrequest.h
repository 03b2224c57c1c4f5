#pragma once

#include "providers/toolcall.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace teehee {

class EndpointPolicy;
class HttpConnectionPool;

// A file sent with a user message. Each provider writes it in its own form
// (attachmentparts.h); `bytes` are filled in when the context is assembled.
struct ChatAttachment {
    QString id;
    QString name;
    QString mimeType;   // as sniffed at upload: image/*, application/pdf or a text type
    QByteArray bytes;
    bool removed = false; // deleted since: the provider is told so instead

    bool isImage() const { return mimeType.startsWith(QLatin1String("image/")); }
    bool isPdf() const { return mimeType == QLatin1String("application/pdf"); }
    bool operator==(const ChatAttachment &) const = default;
};

struct ChatMessage {
    // "user", "assistant" or "tool" ("system" entries are folded into the system prompt)
    QString role;
    QString text;
    QList<ChatAttachment> attachments; // user messages only
    QList<ToolCall> toolCalls;         // an assistant message's calls, after its text
    QList<ToolResult> toolResults;     // role "tool": the results of the previous assistant message's calls

    bool operator==(const ChatMessage &) const = default;
};

// Every limit of one stream, in milliseconds. Short values keep tests fast.
struct StreamTimeouts {
    int firstByteMs = 30'000;  // from sending the request to the response headers
    int idleMs = 60'000;       // longest silence between two reads of the body
    int totalMs = 300'000;     // whole stream, retries included (STREAM_TIMEOUT)
    int connectMs = 10'000;    // TCP connect and TLS handshake, within firstByteMs
};

// How a stream retries before its first token (see RetryPolicy).
struct RetrySettings {
    int maxAttempts = 3;        // tries in total, the first one included
    int baseDelayMs = 500;      // backoff: base * 2^(attempt-1), with jitter
    int maxDelayMs = 8'000;     // cap for one computed backoff delay
    int maxTotalWaitMs = 20'000; // sum of all waits; a longer Retry-After is reported, not waited
};

// One request for a reply. A value type: copied into the stream it creates.
struct ChatRequest {
    QString provider;              // registry name: "openai", "anthropic", "mistral", or a custom one
    QString model;
    QList<ChatMessage> messages;   // oldest first
    QString systemPrompt;
    QList<ToolSpec> tools;         // offered to the model; empty: no tools field at all
    int maxTokens = 4096;
    std::optional<double> temperature;
    // The last message is a partial assistant answer to be extended: the
    // stream then emits only the new text, which appended to that message
    // gives one seamless answer.
    bool continuePartial = false;
    // Anthropic extended thinking (0: off). Streams as reasoningDelta().
    int thinkingBudgetTokens = 0;
    // Model options a chat chose (chat/chatoptions.h), each provider writing
    // them in its own form. "low", "medium" or "high"; empty: the provider's default.
    QString reasoningEffort;
    // Anthropic extended thinking with a budget from reasoningEffort, when
    // thinkingBudgetTokens does not name one. OpenAI-shaped providers have no
    // such switch: their reasoning models think, steered by reasoningEffort.
    bool thinking = false;

    QString baseUrl;               // empty: the provider's configured base URL
    QString endpointLabel;         // a custom endpoint's name as the user gave it, for messages
    QString apiKey;                // empty: the server-wide key, if any (never logged)

    StreamTimeouts timeouts;
    RetrySettings retry;
    // Where the request finds an idle connection to its provider and leaves
    // its own; none: a connection per request. Not owned.
    HttpConnectionPool *connections = nullptr;
    // Where a user-given base URL may lead (see EndpointPolicy); none: the
    // operator's own provider, not checked.
    std::shared_ptr<const EndpointPolicy> endpointPolicy;

    // Whether any message carries an image that is still there.
    bool hasImages() const
    {
        for (const ChatMessage &m : messages)
            for (const ChatAttachment &a : m.attachments)
                if (a.isImage() && !a.removed)
                    return true;
        return false;
    }

    // Whether the history holds tool calls or results (a tool loop going on).
    bool hasToolTurns() const
    {
        for (const ChatMessage &m : messages)
            if (!m.toolCalls.isEmpty() || !m.toolResults.isEmpty())
                return true;
        return false;
    }

    // The partial assistant text being continued, or empty.
    QString partialText() const
    {
        if (!continuePartial || messages.isEmpty() || messages.last().role != QLatin1String("assistant"))
            return {};
        return messages.last().text;
    }
};

} // namespace teehee
