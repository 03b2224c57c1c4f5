#pragma once

#include "clienttypes.h"

#include <QObject>
#include <functional>

namespace teehee::client {

// Everything the desktop's views ask of the product. Every call is
// asynchronous: the answer comes later on the caller's thread, and not at all
// when `context` is gone by then. Changes made anywhere (this app, another
// device, the server itself) arrive as signals, so views never poll.
class ChatClient : public QObject {
    Q_OBJECT
public:
    enum class State { Starting, Ready, Failed };

    template <typename T>
    using Reply = std::function<void(const Outcome<T> &)>;
    using Done = std::function<void(const ClientError &)>;
    // How far a long call is: `done` of `total` (total <= 0: not known).
    using Progress = std::function<void(qint64 done, qint64 total)>;

    using QObject::QObject;

    virtual State state() const = 0;
    virtual QString statusText() const = 0;
    // Where the chats live: a database location or a server address, without secrets.
    virtual QString location() const = 0;
    virtual QString dataDirectory() const = 0;
    // Ready, but the server is out of reach for now: what is shown stays,
    // and replies resume when it is back (stateChanged() tells).
    virtual bool reconnecting() const { return false; }
    // Why the client is Failed, when it has a reason of its own (a changed
    // certificate): views word it in the person's language.
    virtual ClientError failure() const { return {}; }

    // Chats
    virtual void listChats(QObject *context, Reply<QList<ChatInfo>> reply) = 0;
    // An empty chat to write in (the newest one if it is still empty).
    virtual void freshChat(QObject *context, Reply<ChatInfo> reply) = 0;
    // The last `count` messages of the active branch (0: all of it).
    virtual void chatPage(QObject *context, const QString &chatId, int count, Reply<ChatPage> reply) = 0;
    virtual void renameChat(QObject *context, const QString &chatId, const QString &name, Done done) = 0;
    virtual void setSystemPrompt(QObject *context, const QString &chatId, const QString &prompt, Done done) = 0;
    // The chat's provider and model (what its next reply uses).
    virtual void setChatModel(QObject *context, const QString &chatId, const QString &provider,
                              const QString &model, Done done) = 0;
    // The chat's model options (temperature, max_tokens, reasoning_effort,
    // thinking): the whole set, replacing the previous one.
    virtual void setChatOptions(QObject *context, const QString &chatId, const QVariantMap &options, Done done) = 0;
    virtual void deleteChat(QObject *context, const QString &chatId, Done done) = 0;
    // A copy of the path up to `messageId` (empty: the whole active branch) as a new chat.
    virtual void forkChat(QObject *context, const QString &chatId, const QString &messageId, Reply<ChatInfo> reply) = 0;
    virtual void deleteMessage(QObject *context, const QString &messageId, Done done) = 0;
    // The sibling `delta` places away becomes the active branch.
    virtual void switchSibling(QObject *context, const QString &messageId, int delta, Done done) = 0;
    // The branch through `messageId` becomes the chat's active one (its most
    // recent leaf below the message; POST /chats/{chat_id}/active); branchChanged follows.
    virtual void activateBranch(QObject *context, const QString &chatId, const QString &messageId, Done done) = 0;

    // Full-text search of the user's messages and chat names (GET /search):
    // every word, the last also as a prefix; `cursor` empty for the first page,
    // else a page's nextCursor. An empty query is Invalid.
    virtual void search(QObject *context, const QString &query, const QString &cursor, Reply<SearchPage> reply) = 0;

    // Replies: events follow as turnEvent(); the reply carries the reply's message id.
    virtual void startTurn(QObject *context, const TurnRequest &request, Reply<QString> reply) = 0;
    // Stops the reply being written (a message id) or the chat's running reply.
    virtual void stopTurn(const QString &messageOrChatId) = 0;

    // What replies used and cost from `from` to `to` (inclusive, UTC days),
    // grouped by "day", "model" or "chat".
    virtual void usage(QObject *context, const QDate &from, const QDate &to, const QString &groupBy,
                       Reply<UsageReport> reply) = 0;

    // Export and import (spec/api.md, "Export and import"). A file is written
    // whole or not at all: a failed export leaves what was there before.
    // One chat: its lossless JSON document, or its active path as Markdown.
    virtual void exportChat(QObject *context, const QString &chatId, ExportFormat format, const QString &filePath,
                            Done done) = 0;
    // Every chat, written to the file as it is read (memory holds one chat at
    // a time); progress counts chats, or bytes when the count is not known.
    virtual void exportAll(QObject *context, const QString &filePath, Progress progress, Done done) = 0;
    // A Teehee export (one chat or all) or ChatGPT's conversations.json. A
    // malformed file is Invalid, naming what is wrong, and nothing is stored;
    // conversations imported before are skipped. New chats arrive as chatCreated().
    virtual void importFile(QObject *context, const QString &filePath, Progress progress,
                            Reply<ImportResult> reply) = 0;

    // Providers and keys
    // The providers this client offers: known from the start, before Ready.
    virtual QList<ProviderInfo> providers() const = 0;
    virtual void listKeys(QObject *context, Reply<QList<KeyInfo>> reply) = 0;
    // One key per provider: a new one replaces the old.
    virtual void saveKey(QObject *context, const QString &provider, const QString &apiKey, Done done) = 0;
    // One endpoint per label: saving under a label that exists replaces it.
    virtual void saveEndpoint(QObject *context, const QString &label, const QString &baseUrl,
                              const QString &apiKey, Done done) = 0;
    virtual void deleteKey(QObject *context, const QString &keyId, Done done) = 0;
    // The provider's live models, with a typed key/URL being tried or the saved one.
    virtual void listModels(QObject *context, const QString &provider, const QString &typedKey,
                            const QString &typedBaseUrl, Reply<QList<ModelInfo>> reply) = 0;
    virtual void probeLocalServers(QObject *context, Reply<QList<LocalServerInfo>> reply) = 0;
    // Models the product knows without asking (for the picker before a live list).
    virtual QList<ModelInfo> knownModels(const QString &provider) const = 0;
    virtual QString defaultModel(const QString &provider) const = 0;

    // Attachments (spec/api.md, "Attachments"): files stored first, then
    // named by id in a TurnRequest. Refusals: TooLarge (over
    // attachmentMaxBytes()), UnsupportedType (not an image, PDF or text).
    virtual void uploadAttachment(QObject *context, const QString &name, const QString &mimeType,
                                  const QByteArray &bytes, Reply<AttachmentInfo> reply) = 0;
    // The stored bytes, for a thumbnail or a preview (NotFound once removed).
    virtual void attachmentBytes(QObject *context, const QString &attachmentId, Reply<QByteArray> reply) = 0;
    // The largest file an upload may carry; the server judges again.
    virtual qint64 attachmentMaxBytes() const { return qint64(20) * 1024 * 1024; }
    // What the catalogue knows of one model, older ones included (its context
    // window, whether it takes images); nullopt for a model it does not know.
    virtual std::optional<ModelInfo> catalogueModel(const QString &provider, const QString &model) const = 0;
    // Tools from MCP servers (spec/api.md "Tools (MCP) and approvals").
    virtual void listToolServers(QObject *context, Reply<QList<ToolServerInfo>> reply) = 0;
    virtual void addToolServer(QObject *context, const ToolServerChanges &server, Reply<ToolServerInfo> reply) = 0;
    virtual void updateToolServer(QObject *context, const QString &serverId, const ToolServerChanges &changes,
                                  Reply<ToolServerInfo> reply) = 0;
    virtual void removeToolServer(QObject *context, const QString &serverId, Done done) = 0;
    virtual void listToolApprovals(QObject *context, Reply<QList<ToolApprovalInfo>> reply) = 0;
    virtual void revokeToolApproval(QObject *context, const QString &serverId, const QString &tool, Done done) = 0;
    // The account's calls waiting for an answer, oldest first.
    virtual void pendingToolCalls(QObject *context, Reply<QList<ToolCallRequest>> reply) = 0;
    // The first answer from any device wins; a later one is Conflict.
    virtual void answerToolCall(QObject *context, const QString &callId, ToolDecision decision, Done done) = 0;

Q_SIGNALS:
    void stateChanged();
    void chatCreated(const teehee::client::ChatInfo &chat);
    void chatUpdated(const teehee::client::ChatInfo &chat);
    void chatDeleted(const QString &chatId);
    // A message changed outside a running reply (edited, deleted, a branch added).
    void messageChanged(const teehee::client::MessageInfo &message);
    // The active branch of a chat moved: its view reloads.
    void branchChanged(const QString &chatId);
    void turnEvent(const teehee::client::TurnEvent &event);
    // A call of this account waits for approval (any chat, any device started it).
    void toolCallRequested(const teehee::client::ToolCallRequest &request);
    // It no longer waits: answered here or elsewhere, timed out or withdrawn.
    void toolCallAnswered(const QString &callId, const QString &decision);
    // Local only: a server's status, tools or log changed.
    void toolServersChanged();
};

} // namespace teehee::client
