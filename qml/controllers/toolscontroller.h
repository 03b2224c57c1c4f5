#pragma once

#include "chatclient.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QVariantList>

// Settings → Tools: the account's MCP servers (with their status, tools and
// log) and the tools it always allows. Adding takes what the form holds as
// text: arguments one a line, environment and headers as KEY=VALUE lines.
class ToolsController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // [{id, name, transport, command, args, url, enabled, status, error, tools:[{name, description}], log}]
    Q_PROPERTY(QVariantList servers READ servers NOTIFY serversChanged)
    // [{serverId, server, tool}]
    Q_PROPERTY(QVariantList approvals READ approvals NOTIFY approvalsChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
public:
    explicit ToolsController(teehee::client::ChatClient *client, QObject *parent = nullptr);
    static ToolsController *create(QQmlEngine *engine, QJSEngine *);

    QVariantList servers() const { return m_servers; }
    QVariantList approvals() const { return m_approvals; }
    QString errorText() const { return m_error; }
    bool busy() const { return m_busy; }

    Q_INVOKABLE void refresh();
    // Arguments one a line; environment as KEY=VALUE lines. True when sent
    // (the form's text was well formed); the outcome follows as serversChanged
    // or errorText.
    Q_INVOKABLE bool addStdioServer(const QString &name, const QString &command, const QString &arguments,
                                    const QString &environment);
    // Headers as KEY=VALUE lines (or "Name: value").
    Q_INVOKABLE bool addHttpServer(const QString &name, const QString &url, const QString &headers);
    Q_INVOKABLE void setEnabled(const QString &serverId, bool enabled);
    Q_INVOKABLE void remove(const QString &serverId);
    Q_INVOKABLE void revoke(const QString &serverId, const QString &tool);

    // "A=1\nB=2" → {A: 1, B: 2}; nullopt when a line has no name.
    static std::optional<QMap<QString, QString>> pairs(const QString &text, bool colonToo);

Q_SIGNALS:
    void serversChanged();
    void approvalsChanged();
    void errorTextChanged();
    void busyChanged();
    void added();

private:
    void add(const teehee::client::ToolServerChanges &server);
    void setError(const QString &text);
    void setBusy(bool busy);
    void afterChange(const teehee::client::ClientError &e);

    QPointer<teehee::client::ChatClient> m_client;
    QVariantList m_servers;
    QVariantList m_approvals;
    QString m_error;
    bool m_busy = false;
};
