#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QThread>

namespace teehee { class Backend; }

// Runs the in-process backend on its own thread and tells QML how it is doing.
// QML never waits on it: start-up reports back through queued signals.
class BackendHost : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool ready READ ready NOTIFY statusChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusChanged)
    Q_PROPERTY(QString databaseLocation READ databaseLocation NOTIFY statusChanged)
    Q_PROPERTY(QString version READ version CONSTANT)
public:
    explicit BackendHost(QObject *parent = nullptr);
    ~BackendHost() override;

    bool ready() const { return m_ready; }
    QString statusText() const { return m_statusText; }
    QString databaseLocation() const { return m_databaseLocation; }
    QString version() const;

Q_SIGNALS:
    void statusChanged();

private:
    void setStatus(bool ready, const QString &text);

    QThread m_thread;
    teehee::Backend *m_backend = nullptr;  // lives on m_thread
    bool m_ready = false;
    QString m_statusText;
    QString m_databaseLocation;
};
