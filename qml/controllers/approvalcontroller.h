#pragma once

#include "chatclient.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QVariantList>

// The tool calls of this account that wait for an answer, from any chat and
// any device: the window prompts for the oldest one. A call leaves the list
// when it is answered here or elsewhere (or times out).
class ApprovalController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // [{callId, chatId, messageId, server, tool, arguments (indented JSON text)}], oldest first
    Q_PROPERTY(QVariantList pending READ pending NOTIFY pendingChanged)
    // Why the last answer failed ("answered on another device"), empty otherwise.
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
public:
    explicit ApprovalController(teehee::client::ChatClient *client, QObject *parent = nullptr);
    static ApprovalController *create(QQmlEngine *engine, QJSEngine *);

    QVariantList pending() const { return m_pending; }
    QString errorText() const { return m_error; }

    // "allow_once", "allow_always" or "deny".
    Q_INVOKABLE void answer(const QString &callId, const QString &decision);
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void clearError();

Q_SIGNALS:
    void pendingChanged();
    void errorTextChanged();

private:
    void add(const teehee::client::ToolCallRequest &call);
    void drop(const QString &callId);
    void setError(const QString &text);

    QPointer<teehee::client::ChatClient> m_client;
    QVariantList m_pending;
    QString m_error;
};
