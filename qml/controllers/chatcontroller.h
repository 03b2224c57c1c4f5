#pragma once

#include "backendhost.h"
#include "conversationloader.h"
#include "models/chatlistmodel.h"
#include "models/conversationmodel.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>

namespace teehee { struct ChatDetail; struct PlacedMessage; struct ChatRecord; }

// The chat list and the open chat: loading, creating, renaming, deleting (with
// undo), forking, switching branches, deleting messages. Every backend call
// runs on the backend thread through BackendHost::run; the models are only
// touched here, on the GUI thread.
class ChatController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(ChatListModel *chats READ chats CONSTANT)
    Q_PROPERTY(ConversationModel *conversation READ conversation CONSTANT)
    Q_PROPERTY(QString currentChatId READ currentChatId NOTIFY currentChatChanged)
    Q_PROPERTY(QString currentChatName READ currentChatName NOTIFY currentChatChanged)
    Q_PROPERTY(QString systemPrompt READ systemPrompt NOTIFY currentChatChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    // The chat list has been read from the backend at least once.
    Q_PROPERTY(bool listLoaded READ listLoaded NOTIFY listLoadedChanged)
    Q_PROPERTY(QString pendingDeleteName READ pendingDeleteName NOTIFY pendingDeleteChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY errorOccurred)
    Q_PROPERTY(qint64 lastLoadMs READ lastLoadMs NOTIFY conversationLoaded)
public:
    explicit ChatController(BackendHost *host, QObject *parent = nullptr);
    static ChatController *create(QQmlEngine *engine, QJSEngine *);

    ChatListModel *chats() { return &m_chats; }
    ConversationModel *conversation() { return &m_conversation; }
    QString currentChatId() const { return m_currentId; }
    QString currentChatName() const;
    QString systemPrompt() const { return m_systemPrompt; }
    bool loading() const { return m_loading; }
    bool listLoaded() const { return m_listLoaded; }
    QString pendingDeleteName() const { return m_pendingDelete.name; }
    QString lastError() const { return m_lastError; }
    qint64 lastLoadMs() const { return m_lastLoadMs; }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void newChat();
    Q_INVOKABLE void openChat(const QString &chatId);
    Q_INVOKABLE void renameChat(const QString &chatId, const QString &name);
    // Hides the chat at once and deletes it when the undo window closes.
    Q_INVOKABLE void deleteChat(const QString &chatId);
    Q_INVOKABLE void undoDelete();
    Q_INVOKABLE void commitPendingDelete();
    Q_INVOKABLE void setSystemPrompt(const QString &prompt);
    Q_INVOKABLE void forkFrom(const QString &messageId);
    // A copy of the chat's active branch as a new chat.
    Q_INVOKABLE void forkChat(const QString &chatId);
    Q_INVOKABLE void deleteMessage(const QString &messageId);
    // delta -1 / +1: the previous / next sibling of the message becomes the active branch.
    Q_INVOKABLE void switchBranch(const QString &messageId, int delta);
    Q_INVOKABLE void reloadConversation();
    Q_INVOKABLE void copyToClipboard(const QString &text) const;
    Q_INVOKABLE QString lastReplyText() const;

    // Used by GenerationController.
    BackendHost *host() const { return m_host; }
    // A chat to send into: the current one, created first when there is none
    // (an empty id when that failed).
    void ensureChat(std::function<void(QString chatId)> then);
    // First message in a chat still called "New Chat": name it after the message.
    void nameFromFirstMessage(const QString &text);
    void touchCurrentChat();

Q_SIGNALS:
    void currentChatChanged();
    void loadingChanged();
    void listLoadedChanged();
    void pendingDeleteChanged();
    void conversationLoaded();
    void errorOccurred(const QString &message);

private:
    void onReady();
    void subscribe();
    void showLoaded(const ConversationLoader::Loaded &loaded, qint64 startedMs);
    void setLoading(bool loading);
    void fail(const QString &message);
    void setCurrent(const QString &id, const QString &systemPrompt);

    QPointer<BackendHost> m_host;
    ChatListModel m_chats;
    ConversationModel m_conversation;
    QString m_currentId;
    QString m_systemPrompt;
    bool m_loading = false;
    bool m_listLoaded = false;
    int m_loadSerial = 0;   // a slow load answering after a newer one is dropped
    QString m_lastError;
    qint64 m_lastLoadMs = 0;
    ChatListModel::Chat m_pendingDelete;
    QTimer m_deleteTimer;
};
