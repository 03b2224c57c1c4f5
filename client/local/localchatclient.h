#pragma once

#include "chatclient.h"

#include <QPointer>
#include <QThread>

#include <memory>

namespace teehee {
class Backend;
}

namespace teehee::client {

class ImportJobs;
class LocalSharing;
class SharingClient;

// The ChatClient over the in-process backend: the Backend lives on its own
// thread; every call runs there and answers on the caller's thread through
// queued calls. Never blocks, except that destruction waits for the backend
// thread to save running replies and close the database.
class LocalChatClient : public ChatClient {
    Q_OBJECT
public:
    // Reads the desktop's settings (the environment, then envFile()); a bad
    // setting leaves the client Failed, saying why. `storedUserId`: the
    // desktop profile's user from the last run (may be empty).
    explicit LocalChatClient(const QString &storedUserId, QObject *parent = nullptr);
    ~LocalChatClient() override;

    // ~/.config/teehee/teehee.env: never a .env from the working directory.
    static QString envFile();
    // Where the desktop keeps its data unless its settings say otherwise.
    static QString defaultDataDirectory();

    // Starts the backend; stateChanged() tells when it is ready or failed.
    void start();
    QString userId() const { return m_userId; }
    // "Share on this network" over this client's backend (a child).
    SharingClient *sharing() const;

    State state() const override { return m_state; }
    QString statusText() const override { return m_statusText; }
    QString location() const override { return m_location; }
    QString dataDirectory() const override { return m_dataDirectory; }

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
    void activateBranch(QObject *context, const QString &chatId, const QString &messageId, Done done) override;
    void search(QObject *context, const QString &query, const QString &cursor, Reply<SearchPage> reply) override;
    QList<ModelInfo> knownModels(const QString &provider) const override;
    void usage(QObject *context, const QDate &from, const QDate &to, const QString &groupBy,
               Reply<UsageReport> reply) override;
    QString defaultModel(const QString &provider) const override;
    // Tools (localtools.cpp)
    void listToolServers(QObject *context, Reply<QList<ToolServerInfo>> reply) override;
    void addToolServer(QObject *context, const ToolServerChanges &server, Reply<ToolServerInfo> reply) override;
    void updateToolServer(QObject *context, const QString &serverId, const ToolServerChanges &changes,
                          Reply<ToolServerInfo> reply) override;
    void removeToolServer(QObject *context, const QString &serverId, Done done) override;
    void listToolApprovals(QObject *context, Reply<QList<ToolApprovalInfo>> reply) override;
    void revokeToolApproval(QObject *context, const QString &serverId, const QString &tool, Done done) override;
    void pendingToolCalls(QObject *context, Reply<QList<ToolCallRequest>> reply) override;
    void answerToolCall(QObject *context, const QString &callId, ToolDecision decision, Done done) override;

    // Export and import (localtransfer.cpp)
    void exportChat(QObject *context, const QString &chatId, ExportFormat format, const QString &filePath,
                    Done done) override;
    void exportAll(QObject *context, const QString &filePath, Progress progress, Done done) override;
    void importFile(QObject *context, const QString &filePath, Progress progress, Reply<ImportResult> reply) override;
    // Attachments (localattachments.cpp)
    void uploadAttachment(QObject *context, const QString &name, const QString &mimeType, const QByteArray &bytes,
                          Reply<AttachmentInfo> reply) override;
    void attachmentBytes(QObject *context, const QString &attachmentId, Reply<QByteArray> reply) override;
    qint64 attachmentMaxBytes() const override { return m_attachmentMaxBytes; }
    std::optional<ModelInfo> catalogueModel(const QString &provider, const QString &model) const override;

private:
    // Runs work(backend, userId) on the backend thread, then done(result) on
    // this thread unless `context` has gone by then.
    template <typename Work, typename DoneFn>
    void run(QObject *context, Work work, DoneFn done);
    // The same when the work answers later (asynchronous services): work gets
    // a function to call with the result, from the backend thread.
    template <typename T, typename Work>
    void runAsync(QObject *context, Work work, Reply<T> reply);
    void started(const QString &userId, const QString &error);
    // `done`, after telling sharing that the owner's keys changed.
    Done keysChanged(Done done);

    QThread m_thread;
    teehee::Backend *m_backend = nullptr; // lives on m_thread
    QString m_storedUserId;
    QString m_userId;
    State m_state = State::Starting;
    QString m_statusText;
    QString m_location;
    QString m_dataDirectory;
    QList<ProviderInfo> m_providers;
    LocalSharing *m_sharing = nullptr; // a child, made with the backend
    std::unique_ptr<ImportJobs> m_imports; // made by the first import; ends before the backend
    qint64 m_attachmentMaxBytes = 0;   // ATTACHMENT_MAX_BYTES
};

} // namespace teehee::client
