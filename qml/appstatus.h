#pragma once

#include "chatclient.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>

// How the app's chats are doing, for the window: starting, ready, or failed
// (with why), and where they live. Follows the client's state.
class AppStatus : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool ready READ ready NOTIFY statusChanged)
    Q_PROPERTY(bool failed READ failed NOTIFY statusChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusChanged)
    // The server is out of reach for now; what is shown stays, replies resume.
    Q_PROPERTY(bool reconnecting READ reconnecting NOTIFY statusChanged)
    Q_PROPERTY(QString databaseLocation READ databaseLocation NOTIFY statusChanged)
    Q_PROPERTY(QString dataDirectory READ dataDirectory NOTIFY statusChanged)
    Q_PROPERTY(QString version READ version CONSTANT)
public:
    explicit AppStatus(teehee::client::ChatClient *client, QObject *parent = nullptr);
    static AppStatus *create(QQmlEngine *, QJSEngine *);

    bool ready() const;
    bool failed() const;
    QString statusText() const;
    bool reconnecting() const { return m_client && m_client->reconnecting(); }
    QString databaseLocation() const;
    QString dataDirectory() const;
    QString version() const { return QStringLiteral(TEEHEE_VERSION); }

Q_SIGNALS:
    void statusChanged();

private:
    QPointer<teehee::client::ChatClient> m_client;
};
