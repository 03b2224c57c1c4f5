#pragma once

#include "chatclient.h"
#include "serverlink.h"

#include <QHash>
#include <QPointer>
#include <QUrl>

namespace teehee::client {

class AccountSocket;
class ReplyFollower;

// The ChatClient over a Teehee server (spec/api.md): calls go to its REST
// routes, replies stream over SSE (resumed with Last-Event-ID when the
// network drops), and the account's events arrive over /events. It makes
// the same values and Failure reasons as the in-process client, so the
// views cannot tell which one they talk to.
class RemoteChatClient : public ChatClient {
    Q_OBJECT
public:
    struct Account {
        QUrl server;
        QByteArray token;          // a device token; never logged
        QString pinnedFingerprint; // SHA-256 hex of the confirmed certificate, if self-signed
    };

    explicit RemoteChatClient(const Account &account, QObject *parent = nullptr);
    ~RemoteChatClient() override;

    // Checks the token and reads the server's providers; stateChanged() tells.
    void start();
    // The device signs out (its token is revoked on the server).
    void signOut(QObject *context, Done done);

    State state() const override { return m_state; }
    QString statusText() const override { return m_statusText; }
    QString location() const override { return m_link.server().toString(); }
    QString dataDirectory() const override { return {}; }
    bool reconnecting() const override { return m_reconnecting; }
    ClientError failure() const override { return m_failure; }

    void listChats(QObject *context, Reply<QList<ChatInfo>> reply) override;
    void freshChat(QObject *context, Reply<ChatInfo> reply) override;
    void chatPage(QObject *context, const QString &chatId, int count, Reply<ChatPage> reply) override;
    void renameChat(QObject *context, const QString &chatId, const QString &name, Done done) override;
    void setSystemPrompt(QObject *context, const QString &chatId, const QString &prompt, Done done) override;
    void setChatModel(QObject *context, const QString &chatId, const QString &provider, const QString &model,
                      Done done) override;
    void setChatOptions(QObject *context, const QString &chatId, const QVariantMap &options, Done done) override;
    void deleteChat(QObject *context, const QString &chatId, Done done) override;
    void forkChat(QObject *context, const QString &chatId, const QString &messageId, Reply<ChatInfo> reply) override;
    void deleteMessage(QObject *context, const QString &messageId, Done done) override;
    void switchSibling(QObject *context, const QString &messageId, int delta, Done done) override;
    void activateBranch(QObject *context, const QString &chatId, const QString &messageId, Done done) override;
    void search(QObject *context, const QString &query, const QString &cursor, Reply<SearchPage> reply) override;
    void startTurn(QObject *context, const TurnRequest &request, Reply<QString> reply) override;
    void stopTurn(const QString &messageOrChatId) override;
    QList<ProviderInfo> providers() const override { return m_providers; }
    void listKeys(QObject *context, Reply<QList<KeyInfo>> reply) override;
    void saveKey(QObject *context, const QString &provider, const QString &apiKey, Done done) override;
    void saveEndpoint(QObject *context, const QString &label, const QString &baseUrl, const QString &apiKey,
                      Done done) override;
    void deleteKey(QObject *context, const QString &keyId, Done done) override;
    void listModels(QObject *context, const QString &provider, const QString &typedKey, const QString &typedBaseUrl,
                    Reply<QList<ModelInfo>> reply) override;
    void probeLocalServers(QObject *context, Reply<QList<LocalServerInfo>> reply) override;
    QList<ModelInfo> knownModels(const QString &provider) const override;
    void usage(QObject *context, const QDate &from, const QDate &to, const QString &groupBy,
               Reply<UsageReport> reply) override;
    QString defaultModel(const QString &provider) const override;
    // Tools (remotetools.cpp)
    void listToolServers(QObject *context, Reply<QList<ToolServerInfo>> reply) override;
    void addToolServer(QObject *context, const ToolServerChanges &server, Reply<ToolServerInfo> reply) override;
    void updateToolServer(QObject *context, const QString &serverId, const ToolServerChanges &changes,
                          Reply<ToolServerInfo> reply) override;
    void removeToolServer(QObject *context, const QString &serverId, Done done) override;
    void listToolApprovals(QObject *context, Reply<QList<ToolApprovalInfo>> reply) override;
    void revokeToolApproval(QObject *context, const QString &serverId, const QString &tool, Done done) override;
    void pendingToolCalls(QObject *context, Reply<QList<ToolCallRequest>> reply) override;
    void answerToolCall(QObject *context, const QString &callId, ToolDecision decision, Done done) override;

    // Export and import (remotetransfer.cpp)
    void exportChat(QObject *context, const QString &chatId, ExportFormat format, const QString &filePath,
                    Done done) override;
    void exportAll(QObject *context, const QString &filePath, Progress progress, Done done) override;
    void importFile(QObject *context, const QString &filePath, Progress progress, Reply<ImportResult> reply) override;
    // Attachments (remoteattachments.cpp)
    void uploadAttachment(QObject *context, const QString &name, const QString &mimeType, const QByteArray &bytes,
                          Reply<AttachmentInfo> reply) override;
    void attachmentBytes(QObject *context, const QString &attachmentId, Reply<QByteArray> reply) override;
    std::optional<ModelInfo> catalogueModel(const QString &provider, const QString &model) const override;

Q_SIGNALS:
    // The server no longer takes this device's token (revoked, expired,
    // signed out elsewhere): the person has to sign in again.
    void signedOut();

private:
    // A waiting call as /tool-calls and /events tell it.
    static ToolCallRequest toolCallOf(const QJsonObject &o);
    void patchChat(QObject *context, const QString &chatId, const QJsonObject &fields, Done done);
    void request(const QByteArray &method, const QString &path, const QJsonObject &body, QObject *context, Done done);
    void replaceKey(QObject *context, QJsonObject body, Done done);
    void onAccountEvent(const QString &type, const QJsonObject &event);
    void follow(ReplyFollower *follower);
    void resync();
    void setState(State state, const QString &text);
    void setReconnecting(bool on);
    void lostAccess();
    // The server's certificate changed: nothing more is asked of it.
    void certificateChanged(const ClientError &error);
    void noteMessages(const QJsonObject &chatDetail);

    ServerLink m_link;
    AccountSocket *m_events; // a child
    State m_state = State::Starting;
    QString m_statusText;
    ClientError m_failure;
    bool m_reconnecting = false;
    int m_streamsDown = 0;
    QList<ProviderInfo> m_providers;
    QList<ModelInfo> m_models;
    QHash<QString, QPointer<ReplyFollower>> m_following; // by reply id
    QHash<QString, QString> m_chatOfMessage;
    QHash<QString, ChatInfo> m_chats; // what the views were told, for a resync
    QString m_deviceId;               // the token's `did`
    // Turns asked for and not started yet, per chat: their stream_started
    // waits, so one reply is never followed twice.
    QHash<QString, int> m_starting;
    QList<QJsonObject> m_heldStarts;
};

} // namespace teehee::client
