#pragma once

#include "chatclient.h"
#include "wantedmessage.h"
#include "models/conversationmodel.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>

class ChatListController;

// One open conversation, created by the view that shows it: its messages,
// the model its next reply uses, and everything a turn goes through (send,
// stop, continue, regenerate, edit and resubmit, switch branch). The rows of
// a turn come only from the client's turn events; other changes (an edit, a
// delete, a branch moved elsewhere) from its message and branch signals.
class ConversationController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ChatListController *chatList READ chatList WRITE setChatList NOTIFY chatListChanged REQUIRED)
    Q_PROPERTY(ConversationModel *messages READ messages CONSTANT)
    Q_PROPERTY(QString chatId READ chatId NOTIFY chatChanged)
    Q_PROPERTY(QString systemPrompt READ systemPrompt NOTIFY chatChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    // What the next reply uses: the chat's own choice, else the default.
    Q_PROPERTY(QString provider READ provider NOTIFY selectionChanged)
    Q_PROPERTY(QString model READ model NOTIFY selectionChanged)
    // The chat's model options: {temperature, max_tokens, reasoning_effort, thinking}, each optional.
    Q_PROPERTY(QVariantMap options READ options NOTIFY selectionChanged)
    Q_PROPERTY(QString defaultProvider MEMBER m_defaultProvider NOTIFY selectionChanged)
    Q_PROPERTY(QString defaultModel MEMBER m_defaultModel NOTIFY selectionChanged)
    Q_PROPERTY(bool streaming READ streaming NOTIFY streamingChanged)
    Q_PROPERTY(QString streamingMessageId READ streamingMessageId NOTIFY streamingChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY errorOccurred)
    // The next turns offer the account's enabled tools to the model (this window).
    // The Tools chip: this chat offers the account's tools (remembered per chat).
    Q_PROPERTY(bool toolsEnabled READ toolsEnabled WRITE setToolsEnabled NOTIFY toolsEnabledChanged)
    Q_PROPERTY(qint64 lastLoadMs READ lastLoadMs NOTIFY loaded)
public:
    explicit ConversationController(QObject *parent = nullptr);

    ChatListController *chatList() const { return m_chatList; }
    void setChatList(ChatListController *chatList);
    ConversationModel *messages() { return &m_model; }
    QString chatId() const { return m_chatId; }
    QString systemPrompt() const { return m_chat.systemPrompt; }
    bool loading() const { return m_loading; }
    QString provider() const;
    QString model() const;
    QVariantMap options() const { return m_chat.id.isEmpty() ? m_pendingOptions : m_chat.options; }
    bool streaming() const { return !m_streamingId.isEmpty(); }
    QString streamingMessageId() const { return m_streamingId; }
    QString lastError() const { return m_lastError; }
    qint64 lastLoadMs() const { return m_lastLoadMs; }

    // The model picker: the open chat (or the next new one) uses this.
    Q_INVOKABLE void chooseModel(const QString &provider, const QString &model);
    // One model option of the chat; an undefined or null value removes it.
    Q_INVOKABLE void setOption(const QString &name, const QVariant &value);
    // False when there is nothing to send or a reply is still streaming.
    // `attachments`: ids of uploaded files the message carries (then the text may be empty).
    Q_INVOKABLE bool send(const QString &text, const QStringList &attachments = {});
    Q_INVOKABLE void stop();
    Q_INVOKABLE void continueMessage(const QString &messageId);
    Q_INVOKABLE void regenerate(const QString &messageId);
    // A user message edited: the new text goes beside it (a new branch) and is answered.
    Q_INVOKABLE void editAndResubmit(const QString &messageId, const QString &text);
    // A failed or stopped reply: continue it (an empty one is answered afresh).
    Q_INVOKABLE void retry(const QString &messageId) { continueMessage(messageId); }
    // delta -1 / +1: the previous / next sibling of the message becomes the active branch.
    Q_INVOKABLE void switchBranch(const QString &messageId, int delta);
    Q_INVOKABLE void deleteMessage(const QString &messageId);
    Q_INVOKABLE void setSystemPrompt(const QString &prompt);
    // A new chat from the path up to this message.
    Q_INVOKABLE void forkFrom(const QString &messageId);
    Q_INVOKABLE QString lastReplyText() const { return m_model.lastReplyText(); }
    Q_INVOKABLE void reload();
    // A notice's "Add key" / "Open settings": the window shows Settings.
    Q_INVOKABLE void askForSettings() { Q_EMIT settingsWanted(); }

    bool toolsEnabled() const;
    void setToolsEnabled(bool enabled);

Q_SIGNALS:
    void toolsEnabledChanged();
    void chatListChanged();
    void chatChanged();
    void loadingChanged();
    void selectionChanged();
    void streamingChanged();
    void loaded();
    // A chat was opened and its end is shown (not after a reload).
    void opened();
    void errorOccurred(const QString &message);
    // Once per reply, for screen readers and tests: not every token.
    void replyFinished(const QString &messageId, ConversationModel::Status status);
    // A message of ours went out (the view brings it into sight).
    void sent();
    void settingsWanted();
    // A message asked for (ChatListController::openChatAt) is at this row: the view goes there.
    void messageRevealed(int row);

private:
    void open(const QString &chatId);
    // Reads the chat's path: its end first, for the view, then all of it.
    void load(const QString &chatId, int serial);
    // The chat as the list or a load reports it; while this view's own
    // settings writes are in flight, the settings chosen here stay.
    void adoptChat(const teehee::client::ChatInfo &chat);
    // Writes a settings change of the open chat (model or options).
    void writeSettings(const std::function<void(teehee::client::ChatClient::Done)> &write, bool reloadOnFailure);
    void showPage(const teehee::client::ChatPage &page, qint64 startedMs);
    bool m_opening = false; // the next page shown is a chat being opened
    void onTurnEvent(const teehee::client::TurnEvent &event);
    void onStarted(const teehee::client::TurnEvent &event);
    void onEnded(const teehee::client::TurnEvent &event);
    void start(teehee::client::TurnRequest request);
    // Continue or regenerate a reply.
    void again(teehee::client::TurnRequest::Kind kind, const QString &messageId);
    bool canStart() const;
    void setLoading(bool loading);
    void fail(const teehee::client::ClientError &error);

    QPointer<ChatListController> m_chatList;
    QPointer<teehee::client::ChatClient> m_client;
    ConversationModel m_model;
    WantedMessage m_wanted{m_model};
    QString m_chatId;
    teehee::client::ChatInfo m_chat;
    QString m_defaultProvider;
    QString m_defaultModel;
    QString m_pendingProvider; // chosen before the chat exists
    QString m_pendingModel;
    QVariantMap m_pendingOptions;
    // Settings writes made and answered: an echo of an older write arriving
    // after a newer choice must not bring the older choice back.
    int m_settingsWritten = 0;
    int m_settingsAnswered = 0;
    QString m_streamingId;
    bool m_starting = false;
    bool m_loading = false;
    int m_loadSerial = 0; // a slow load answering after a newer one is dropped
    QString m_lastError;
    qint64 m_lastLoadMs = 0;
    bool m_toolsEnabled = false; // the choice of a chat not yet written
    QString m_toolsChatId;       // the chat m_toolsEnabled was last seen with
};
