#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

// The tool (MCP) settings and approvals are part of the same vocabulary.
#include "tooltypes.h"

// What the desktop's views know of the product, whoever serves it: the
// in-process backend today, a Teehee server over the network next. Plain
// values, no backend types: a client never sees a database row.
namespace teehee::client {

// Why a request was refused, for the UI to word in the person's language.
enum class Failure {
    None,
    NotFound,
    Invalid,
    NoKey,          // no API key for the chosen provider
    KeyRejected,    // the provider refused the API key
    NoModel,
    UnknownProvider,
    ReplyRunning,   // a reply is already streaming in the chat
    NotContinuable, // deleted, complete, or not a reply
    RateLimited,
    Unauthorized,
    Unavailable,    // the backend or server cannot be reached
    CertificateRejected, // the server's certificate is not the one confirmed (or not trusted)
    NoVision,       // the model takes no images, and the message has some
    TooLarge,       // over a size limit (an import above IMPORT_MAX_BYTES, an attachment over ATTACHMENT_MAX_BYTES, a long message)
    FileAccess,     // a file on this device could not be read or written
    UnsupportedType, // an attachment of a type not accepted (images, PDF and text are)
    Conflict,       // answered or changed elsewhere first (a tool call's approval)
    Internal,
};

struct ClientError {
    Failure reason = Failure::None;
    QString detail; // the backend's English detail, for logs and tooltips
    bool ok() const { return reason == Failure::None; }
};

// A value or why there is none.
template <typename T>
struct Outcome {
    T value{};
    ClientError error;
    bool ok() const { return error.ok(); }
};

struct ChatInfo {
    QString id;
    QString name;
    QString systemPrompt;
    QString provider;   // what the chat uses; empty until chosen
    QString model;
    QVariantMap options;
    QDateTime createdAt;
    QDateTime updatedAt;
    bool untitled = false; // still has the default name
    bool operator==(const ChatInfo &) const = default;
};

enum class MessageStatus { Complete, Streaming, Aborted, Error };

// A file sent with a user message (spec/api.md, "Attachments"): what the
// message lists, without the bytes (ChatClient::attachmentBytes reads them).
struct AttachmentInfo {
    QString id;
    QString name;
    QString mimeType;
    qint64 size = 0;
    bool removed = false; // deleted since the message was sent: only its name is left
    bool isImage() const;
    bool operator==(const AttachmentInfo &) const = default;
};
// One tool call of a reply, as saved with it (content.tool_calls) or as its
// events tell it live.
struct ToolCallInfo {
    QString callId;
    QString server;
    QString tool;
    QVariantMap arguments;
    QString status;  // awaiting_approval, running, ok, error, denied
    QString content; // the result: untrusted text
    int round = 0;
    int textOffset = -1; // where in the reply's text it was made
    bool operator==(const ToolCallInfo &) const = default;
};
// A saved reply's content.tool_calls.
QList<ToolCallInfo> toolCallsFromJson(const QJsonArray &calls);

struct MessageInfo {
    QString id;
    QString chatId;
    QString parentId;
    QString role;        // user, assistant, system
    QString text;
    QString reasoning;   // the model's thinking, when it showed it
    MessageStatus status = MessageStatus::Complete;
    bool isPartial = false;
    bool deleted = false;
    int siblingIndex = 0;
    int siblingCount = 1;
    QString provider;
    QString model;
    QString error;       // a failed reply: what went wrong
    Failure errorReason = Failure::None;
    bool rateLimited = false;
    int tokensIn = -1;
    int tokensOut = -1;
    double costUsd = -1; // from the server's price table; -1: no price known
    QDateTime createdAt;
    QList<AttachmentInfo> attachments; // user messages: the files they carry
    QList<ToolCallInfo> toolCalls;
};

// The end of a chat's active branch, as a view shows it.
struct ChatPage {
    ChatInfo chat;
    QList<MessageInfo> path; // root side first
    bool complete = false;   // reaches the root
};

// One hit of a search: a message, or a chat whose name matches (messageId empty).
struct SearchHit {
    QString chatId;
    QString chatName;
    QString messageId;
    QString role;        // empty for a chat
    QString snippet;     // plain text around the first match, at most 200 characters
    QDateTime timestamp;
    bool operator==(const SearchHit &) const = default;
};

// A page of hits, best first; nextCursor (opaque) asks for the next one, empty on the last.
struct SearchPage {
    QList<SearchHit> hits;
    QString nextCursor;
};

// What to answer: a new message, or another go at a reply.
struct TurnRequest {
    enum class Kind { Send, Continue, Regenerate };
    Kind kind = Kind::Send;
    QString chatId;
    QString text;            // Send
    QString parentId;        // Send: empty = the active branch
    bool newRoot = false;    // Send: a new first message (an edited root)
    QString messageId;       // Continue / Regenerate: the reply
    QString provider;        // empty: the chat's
    QString model;
    QVariantMap options;     // this reply only
    QStringList attachments; // Send: ids from ChatClient::uploadAttachment
    bool tools = false;      // offer the account's enabled tools to the model
};

// Something that happened to a reply: exactly one Started, then Reasoning,
// Token, ToolCall and ToolResult events, then one of Completed / Aborted / Failed.
struct TurnEvent {
    enum class Type { Started, Reasoning, Token, Completed, Aborted, Failed, ToolCall, ToolResult };
    Type type = Type::Token;
    QString chatId;
    QString messageId;
    QString parentMessageId;
    bool continued = false;
    QString token;
    QString content;          // text so far (terminal: final)
    QString reasoning;        // reasoning so far
    QString error;
    Failure errorReason = Failure::None;
    bool rateLimited = false;
    int retryAfterSeconds = -1;
    QString finishReason;
    int inputTokens = -1;
    int outputTokens = -1;
    double costUsd = -1;      // Completed: what the reply cost (-1: no price known)
    // ToolCall and ToolResult: the call, where it runs, and how it stands.
    QString callId;
    QString toolServer;
    QString toolName;
    QVariantMap toolArguments;
    QString toolStatus;       // ToolCall: awaiting_approval, running; ToolResult: ok, error, denied
    QString toolContent;      // ToolResult: untrusted text
    // Started of a new exchange: the rows it created (question, then reply),
    // so a view adds them without asking again.
    QList<MessageInfo> rows;

    bool isTerminal() const { return type == Type::Completed || type == Type::Aborted || type == Type::Failed; }
    MessageStatus status() const;
};

struct KeyInfo {
    QString id;
    QString provider; // openai, anthropic, mistral, custom
    QString choice;   // what a chat names to use it: the provider, or custom:<id>
    QString hint;     // masked
    QString label;    // custom endpoints
    QString baseUrl;  // custom endpoints
};

struct ProviderInfo {
    QString name;
    QString displayName;
    QString description;
    QString defaultModel;
    bool serverKey = false;
};

struct ModelInfo {
    QString name;
    QString provider;
    QString description;
    int contextTokens = 0;
    std::optional<bool> takesImages; // vision; nullopt when the catalogue does not know the model
};

// What replies used and cost over some days, in totals and groups.
struct UsageGroup {
    QString key;   // "2026-12-06", a model, a chat id
    QString label; // the model's provider, the chat's name
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double costUsd = -1; // -1: no reply in it had a price
    qint64 replies = 0;
};

struct UsageReport {
    QDate from;
    QDate to; // inclusive
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double costUsd = -1;
    QList<UsageGroup> groups;
    QString pricesAsOf; // the price table's date
};

// Export and import (spec/api.md, "Export and import").
enum class ExportFormat { Json, Markdown };

// What an import did.
struct ImportResult {
    int imported = 0;
    int skipped = 0;     // already there: imported before, or twice in the file
    QStringList chatIds; // the new chats, in the file's order
};

struct LocalServerInfo {
    QString name;
    QString baseUrl;
    QStringList models;
};

} // namespace teehee::client

Q_DECLARE_METATYPE(teehee::client::TurnEvent)
Q_DECLARE_METATYPE(teehee::client::ChatInfo)
