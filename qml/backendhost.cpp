#include "backendhost.h"

#include "backend.h"
#include "core/configloader.h"

#include <QMetaObject>

BackendHost::BackendHost(QObject *parent) : QObject(parent)
{
    m_statusText = tr("Starting…");
    m_thread.setObjectName(QStringLiteral("teehee-backend"));
    m_thread.start();

    teehee::ConfigLoader loader;
    loader.setEnvFile(QStringLiteral(".env"), false);
    auto config = loader.load();
    if (!config) {
        setStatus(false, config.error().message);
        return;
    }
    m_databaseLocation = config->database.redacted();
    m_backend = new teehee::Backend(config.value());
    m_backend->moveToThread(&m_thread);
    QMetaObject::invokeMethod(m_backend, [this, backend = m_backend] {
        backend->start([this](teehee::Status status) {
            const bool ok = status.ok();
            const QString text = ok ? tr("Ready") : status.error().message;
            QMetaObject::invokeMethod(this, [this, ok, text] { setStatus(ok, text); }, Qt::QueuedConnection);
        });
    }, Qt::QueuedConnection);
}

BackendHost::~BackendHost()
{
    if (m_backend) {
        // The backend's database connection belongs to its thread: delete it there.
        QMetaObject::invokeMethod(m_backend, [backend = m_backend] { delete backend; }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

QString BackendHost::version() const
{
    return QStringLiteral(TEEHEE_VERSION);
}

void BackendHost::setStatus(bool ready, const QString &text)
{
    m_ready = ready;
    m_statusText = text;
    Q_EMIT statusChanged();
}
