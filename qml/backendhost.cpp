#include "backendhost.h"

#include "backend.h"
#include "chat/chatservice.h"
#include "core/configloader.h"
#include "db/userrepository.h"
#include "generation/generationmanager.h"
#include "keys/keyservice.h"

#include <QDir>
#include <QMetaObject>
#include <QSettings>
#include <QStandardPaths>

namespace {

// The one user of the single-user desktop app: found by its stored id, else by
// its fixed e-mail (a new data directory), else created without a password.
teehee::Result<QString> ensureLocalUser(teehee::Backend &backend, const QString &storedId)
{
    teehee::UserRepository users(backend.database());
    if (!storedId.isEmpty()) {
        if (auto user = users.findById(storedId))
            return user->id;
    }
    if (auto user = users.findByEmail(BackendHost::kLocalEmail))
        return user->id;
    teehee::UserRecord local;
    local.email = BackendHost::kLocalEmail;
    auto created = users.create(local);
    if (!created)
        return created.error();
    return created->id;
}

} // namespace

BackendHost::BackendHost(QObject *parent) : QObject(parent)
{
    m_statusText = tr("Starting…");
    m_thread.setObjectName(QStringLiteral("teehee-backend"));
    m_thread.start();

    auto config = loadConfig();
    if (!config) {
        m_failed = true;
        m_statusText = config.error().message;
        return;
    }
    m_databaseLocation = config->database.redacted();
    m_dataDirectory = QDir::toNativeSeparators(config->dataDir);
    m_backend = new teehee::Backend(config.value());
    m_backend->moveToThread(&m_thread);
    m_backendObject = m_backend;
    const QString storedId = QSettings().value(QStringLiteral("profile/localUserId")).toString();
    QMetaObject::invokeMethod(m_backend, [this, backend = m_backend, storedId] {
        backend->start([this, backend, storedId](teehee::Status status) {
            QString userId, error;
            if (!status.ok()) {
                error = status.error().message;
            } else if (auto user = ensureLocalUser(*backend, storedId); !user) {
                error = user.error().message;
            } else {
                userId = user.value();
                // The machine's owner: their own Ollama or LM Studio on localhost is the normal case.
                backend->keys().trustWithPrivateEndpoints(userId);
                m_generations = &backend->generations(); // the one engine every front end shares
            }
            QMetaObject::invokeMethod(this, [this, userId, error] { started(userId, error); }, Qt::QueuedConnection);
        });
    }, Qt::QueuedConnection);
}

QString BackendHost::envFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/teehee/teehee.env");
}

teehee::Result<teehee::Config> BackendHost::loadConfig()
{
    // Never a .env from the working directory: a folder the app happens to be started
    // in (a download, a cloned repository) must not choose its database or its keys.
    teehee::ConfigLoader loader;
    loader.setEnvFile(envFile(), false);
    return loader.load();
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

void BackendHost::started(const QString &userId, const QString &error)
{
    if (!error.isEmpty()) {
        m_failed = true;
        setStatus(false, error);
        return;
    }
    m_userId = userId;
    QSettings().setValue(QStringLiteral("profile/localUserId"), userId);
    setStatus(true, tr("Ready"));
}

void BackendHost::setStatus(bool ready, const QString &text)
{
    m_ready = ready;
    m_statusText = text;
    Q_EMIT statusChanged();
}
