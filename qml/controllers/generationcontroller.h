#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>

class BackendHost;
class ChatController;
namespace teehee { struct GenerationEvent; }

// Sending and everything a reply can go through: stream, stop, continue,
// regenerate, edit-and-resubmit. Starts generations on the backend thread and
// follows their events (a snapshot, then live events, subscribed in one slot
// so nothing is missed); tokens go into the conversation model's coalescing
// buffer, never straight into delegates.
class GenerationController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool streaming READ streaming NOTIFY streamingChanged)
    Q_PROPERTY(QString streamingMessageId READ streamingMessageId NOTIFY streamingChanged)
    Q_PROPERTY(QString provider READ provider WRITE setProvider NOTIFY selectionChanged)
    Q_PROPERTY(QString model READ model WRITE setModel NOTIFY selectionChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY errorOccurred)
public:
    GenerationController(BackendHost *host, ChatController *chats, QObject *parent = nullptr);
    static GenerationController *create(QQmlEngine *engine, QJSEngine *);

    bool streaming() const { return !m_messageId.isEmpty(); }
    QString streamingMessageId() const { return m_messageId; }
    QString provider() const { return m_provider; }
    QString model() const { return m_model; }
    void setProvider(const QString &provider);
    void setModel(const QString &model);
    QString lastError() const { return m_lastError; }

    // False when there is nothing to send or a reply is still streaming.
    Q_INVOKABLE bool send(const QString &text);
    Q_INVOKABLE void stop();
    Q_INVOKABLE void continueMessage(const QString &messageId);
    Q_INVOKABLE void regenerate(const QString &messageId);
    // A user message edited: the new text goes beside it (a new branch) and is answered.
    Q_INVOKABLE void editAndResubmit(const QString &messageId, const QString &text);
    // A failed or stopped reply: continue it (an empty one is answered afresh).
    Q_INVOKABLE void retry(const QString &messageId) { continueMessage(messageId); }

Q_SIGNALS:
    void streamingChanged();
    void selectionChanged();
    void errorOccurred(const QString &message);
    // Once per reply, for screen readers and tests: not every token.
    void replyFinished(const QString &messageId, const QString &status);

private:
    enum class Kind { Send, Continue, Regenerate };
    void start(Kind kind, const QString &chatId, const QString &idOrText, const QString &parentId, bool newRoot);
    void onEvent(const teehee::GenerationEvent &event);
    void fail(const QString &message);

    QPointer<BackendHost> m_host;
    QPointer<ChatController> m_chats;
    QString m_messageId;  // the reply streaming now, else empty
    QString m_chatId;
    bool m_starting = false;
    QString m_provider;
    QString m_model;
    QString m_lastError;
};
