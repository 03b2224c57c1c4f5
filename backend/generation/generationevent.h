#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace teehee {

// One thing that happened to a running reply, as every front end receives it
// (QML app, WebSocket sessions, SSE sinks). A generation emits exactly one
// Started, any number of Token and Reasoning, then exactly one terminal event.
struct GenerationEvent {
    // Reasoning: thinking the provider streamed apart from the answer, never part of the text.
    // ToolCall: the model called a tool (awaiting approval, or running); ToolResult: what it returned.
    enum class Type { Started, Token, Completed, Aborted, Failed, Reasoning, ToolCall, ToolResult };

    Type type = Type::Token;
    qint64 seq = 0;            // increasing across all generations: SSE ids and resume points
    QString chatId;
    QString messageId;         // the assistant message being written
    QString parentMessageId;   // the user message it answers
    bool continued = false;    // Started: appends to existing text (`content` holds it)
    QString token;             // Token: the new text; Reasoning: the new reasoning
    QString content;           // Token: text so far; Reasoning: reasoning so far; Started: existing text; terminal: final text
    QString error;             // Failed: what went wrong, for a person
    QString errorReason;       // Failed: errorReasonName() of a typed cause ("key_rejected", ...), else empty
    bool rateLimited = false;  // Failed: the provider answered 429 (too many requests)
    int retryAfterSeconds = -1; // Failed, rate limited: the provider's Retry-After (-1 unknown)
    QString finishReason;      // Completed: "stop", "length", ... (may be empty)
    int inputTokens = -1;      // Completed: usage as the provider reported it (-1 unknown)
    int outputTokens = -1;
    int cachedTokens = -1;     // Completed: of inputTokens, read from the provider's cache
    double costUsd = -1;       // Completed: from the price table (-1: no price known)
    // ToolCall and ToolResult (spec/api.md "Tools (MCP) and approvals").
    QString callId;
    QString toolServer;        // ToolCall: the server's name
    QString toolName;          // ToolCall: the tool's name on its server
    QJsonObject toolArguments; // ToolCall
    QString toolStatus;        // ToolCall: "awaiting_approval" or "running"; ToolResult: "ok", "error" or "denied"
    QString toolContent;       // ToolResult: untrusted text, at most 16 KiB of UTF-8

    bool isTerminal() const { return type == Type::Completed || type == Type::Aborted || type == Type::Failed; }
    // The message status this event leaves the reply in.
    QString status() const;
};

} // namespace teehee

Q_DECLARE_METATYPE(teehee::GenerationEvent)
