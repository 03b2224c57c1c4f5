#pragma once

#include "chatclient.h"
#include "models/chatlistmodel.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>

// The sidebar: the chat list, which chat is open, and what can be done to a
// chat as a whole (new, rename, delete with undo, fork). Follows the client's
// chat signals, so a chat created or renamed anywhere shows here.
class ChatListController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(ChatListModel *chats READ chats CONSTANT)
    Q_PROPERTY(QString currentChatId READ currentChatId NOTIFY currentChatChanged)
    Q_PROPERTY(QString currentChatName READ currentChatName NOTIFY currentChatChanged)
    // The chat list has been read at least once.
    Q_PROPERTY(bool listLoaded READ listLoaded NOTIFY listLoadedChanged)
    Q_PROPERTY(QString pendingDeleteName READ pendingDeleteName NOTIFY pendingDeleteChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY errorOccurred)
public:
    explicit ChatListController(teehee::client::ChatClient *client, QObject *parent = nullptr);
    static ChatListController *create(QQmlEngine *engine, QJSEngine *);

    ChatListModel *chats() { return &m_chats; }
    QString currentChatId() const { return m_currentId; }
    QString currentChatName() const;
    bool listLoaded() const { return m_listLoaded; }
    QString pendingDeleteName() const { return m_pendingDelete.name; }
    QString lastError() const { return m_lastError; }
    teehee::client::ChatClient *client() const { return m_client; }
    // What the open chat uses (empty until chosen): the conversation view reads it.
    std::optional<teehee::client::ChatInfo> chatInfo(const QString &chatId) const;

    Q_INVOKABLE void refresh();
    // Opens an empty chat: the newest one if it is still empty, else a new one.
    Q_INVOKABLE void newChat();
    Q_INVOKABLE void openChat(const QString &chatId);
    // Opens the chat at one of its messages (a search hit): see messageWanted.
    Q_INVOKABLE void openChatAt(const QString &chatId, const QString &messageId);
    Q_INVOKABLE void renameChat(const QString &chatId, const QString &name);
    // Hides the chat at once and deletes it when the undo window closes.
    Q_INVOKABLE void deleteChat(const QString &chatId);
    Q_INVOKABLE void undoDelete();
    Q_INVOKABLE void commitPendingDelete();
    // A copy of the chat's active branch (or of the path up to messageId) as a new chat, opened.
    Q_INVOKABLE void forkChat(const QString &chatId, const QString &messageId = {});
    Q_INVOKABLE void copyToClipboard(const QString &text) const;

    // A chat to send into: the open one, else a fresh one (then opened).
    void ensureChat(std::function<void(QString chatId)> then);

Q_SIGNALS:
    void currentChatChanged();
    void listLoadedChanged();
    void pendingDeleteChanged();
    void errorOccurred(const QString &message);
    // After openChatAt(): the conversation shows that message, on its branch.
    void messageWanted(const QString &chatId, const QString &messageId);
    // The open chat's settings changed (rename, system prompt, model).
    void chatChanged(const teehee::client::ChatInfo &chat);

private:
    void onReady();
    void remember(const teehee::client::ChatInfo &chat);
    void fail(const teehee::client::ClientError &error);
    void setCurrent(const QString &id);

    QPointer<teehee::client::ChatClient> m_client;
    ChatListModel m_chats;
    QHash<QString, teehee::client::ChatInfo> m_info;
    QString m_currentId;
    bool m_listLoaded = false;
    QString m_lastError;
    ChatListModel::Chat m_pendingDelete;
    QTimer m_deleteTimer;
};
