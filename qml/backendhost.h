#pragma once

#include "core/config.h"
#include "core/error.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QThread>

namespace teehee {
class Backend;
class GenerationManager;
}

// Runs the in-process backend on its own thread and tells QML how it is doing.
// QML never waits on it: start-up reports back through queued signals. Also
// makes sure the local single-user profile exists, and gives controllers one
// way to run work on the backend thread and come back with the result.
class BackendHost : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool ready READ ready NOTIFY statusChanged)
    Q_PROPERTY(bool failed READ failed NOTIFY statusChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusChanged)
    Q_PROPERTY(QString databaseLocation READ databaseLocation NOTIFY statusChanged)
    Q_PROPERTY(QString dataDirectory READ dataDirectory NOTIFY statusChanged)
    Q_PROPERTY(QString userId READ userId NOTIFY statusChanged)
    Q_PROPERTY(QString version READ version CONSTANT)
public:
    explicit BackendHost(QObject *parent = nullptr);
    ~BackendHost() override;

    static inline const QString kLocalEmail = QStringLiteral("local@teehee.local");

    // The desktop's settings: the environment, then ~/.config/teehee/teehee.env.
    static QString envFile();
    static teehee::Result<teehee::Config> loadConfig();

    bool ready() const { return m_ready; }
    bool failed() const { return m_failed; }
    QString statusText() const { return m_statusText; }
    QString databaseLocation() const { return m_databaseLocation; }
    QString dataDirectory() const { return m_dataDirectory; }
    QString userId() const { return m_userId; }
    QString version() const;

    // What work on the backend thread gets to use.
    struct Services {
        teehee::Backend &backend;
        teehee::GenerationManager &generations;
        QString userId;
    };

    // Runs work(services) on the backend thread, then done(result) on this
    // (GUI) thread, unless `receiver` has gone by then. Never blocks.
    template <typename Work, typename Done>
    void run(QObject *receiver, Work work, Done done)
    {
        if (!m_ready)
            return;
        QPointer<QObject> guard(receiver);
        QMetaObject::invokeMethod(m_backendObject, [this, b = m_backend, g = m_generations, uid = m_userId, work, done, guard] {
            Services services{*b, *g, uid};
            auto result = work(services);
            QMetaObject::invokeMethod(this, [guard, done, result] {
                if (guard)
                    done(result);
            }, Qt::QueuedConnection);
        }, Qt::QueuedConnection);
    }
    // Fire and forget on the backend thread.
    template <typename Work>
    void post(Work work)
    {
        if (!m_ready)
            return;
        QMetaObject::invokeMethod(m_backendObject, [b = m_backend, g = m_generations, uid = m_userId, work] {
            Services services{*b, *g, uid};
            work(services);
        }, Qt::QueuedConnection);
    }

    // From the backend thread: call fn on the GUI thread unless `guard` has gone by then.
    template <typename Fn>
    void deliver(QPointer<QObject> guard, Fn fn)
    {
        QMetaObject::invokeMethod(this, [guard, fn] {
            if (guard)
                fn();
        }, Qt::QueuedConnection);
    }

Q_SIGNALS:
    void statusChanged();

private:
    void started(const QString &userId, const QString &error);
    void setStatus(bool ready, const QString &text);

    QThread m_thread;
    teehee::Backend *m_backend = nullptr;               // lives on m_thread
    QObject *m_backendObject = nullptr;                 // the same, for invokeMethod here where Backend is incomplete
    teehee::GenerationManager *m_generations = nullptr;  // owned by m_backend, on m_thread
    bool m_ready = false;
    bool m_failed = false;
    QString m_statusText;
    QString m_databaseLocation;
    QString m_dataDirectory;
    QString m_userId;
};
