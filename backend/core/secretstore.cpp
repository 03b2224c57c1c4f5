#include "core/secretstore.h"

#include "core/keychainthread.h"
#include "core/logging.h"
#include "core/privatefiles.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>

#include <sodium.h>

namespace teehee {
namespace {
const QString kService = QStringLiteral("teehee");
}

SecretStore::SecretStore(QString dataDir, Backend backend, QObject *parent)
    : QObject(parent), m_dataDir(std::move(dataDir)), m_backend(backend), m_keychain(new KeychainThread(this))
{
}

QString SecretStore::fallbackFile() const
{
    return m_dataDir + QStringLiteral("/secrets.json");
}

QByteArray SecretStore::generate()
{
    if (sodium_init() < 0)
        qFatal("libsodium failed to initialise");
    QByteArray raw(32, Qt::Uninitialized);
    randombytes_buf(raw.data(), size_t(raw.size()));
    return raw.toHex();
}

Result<QByteArray> SecretStore::readFromFile(const QString &name) const
{
    QFile file(fallbackFile());
    if (!file.exists())
        return Error::notFound(QStringLiteral("no secrets file"));
    if (!file.open(QIODevice::ReadOnly))
        return Error::internal(QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    const QJsonObject obj = QJsonDocument::fromJson(file.readAll()).object();
    const QString value = obj.value(name).toString();
    if (value.isEmpty())
        return Error::notFound(QStringLiteral("secret %1 not in file").arg(name));
    return value.toUtf8();
}

Status SecretStore::writeToFile(const QString &name, const QByteArray &value) const
{
    if (auto st = makePrivateDirectory(m_dataDir); !st)
        return st.error();
    QJsonObject obj;
    {
        QFile existing(fallbackFile());
        if (existing.open(QIODevice::ReadOnly))
            obj = QJsonDocument::fromJson(existing.readAll()).object();
    }
    obj.insert(name, QString::fromUtf8(value));
    QSaveFile file(fallbackFile());
    // Restrict before any secret byte is written.
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return Error::internal(QStringLiteral("cannot write %1: %2").arg(fallbackFile(), file.errorString()));
    file.write(QJsonDocument(obj).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return Error::internal(QStringLiteral("cannot write %1: %2").arg(fallbackFile(), file.errorString()));
    return success();
}

void SecretStore::obtain(const QString &name, Callback done)
{
    // A secret already kept in the file wins: the keychain may have failed before.
    auto fromFile = readFromFile(name);
    if (fromFile) {
        done(fromFile.value());
        return;
    }
    if (m_backend == Backend::FileOnly) {
        storeInFile(name, generate(), done);
        return;
    }
    readKeychain(name, std::move(done));
}

void SecretStore::readKeychain(const QString &name, Callback done)
{
    auto finished = std::make_shared<bool>(false);
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, timer, name, done, finished] {
        timer->deleteLater();
        if (std::exchange(*finished, true))
            return;
        qCWarning(lcSecrets) << "keychain did not answer in" << m_keychainTimeoutMs << "ms while reading" << name;
        done(Error{ErrorCode::Unavailable,
                   QStringLiteral("the keychain did not answer within %1 s; unlock it and try again").arg(m_keychainTimeoutMs / 1000.0)});
    });
    timer->start(m_keychainTimeoutMs);
    m_keychain->read(kService, name, [this, timer, name, done, finished](const KeychainThread::Answer &a) {
        if (std::exchange(*finished, true))
            return;
        timer->stop();
        timer->deleteLater();
        if (a.ok && !a.data.isEmpty()) {
            done(a.data);
        } else if (a.notFound) {
            writeKeychain(name, generate(), done);
        } else if (a.accessDenied) {
            // The keychain is there and may hold the secret: asking again is the only safe move.
            qCWarning(lcSecrets) << "keychain refused access to" << name << ":" << a.errorString;
            done(Error{ErrorCode::Unavailable, QStringLiteral("the keychain refused access; unlock it and try again")});
        } else {
            // No keychain service on this machine: nothing there can be replaced.
            qCInfo(lcSecrets) << "keychain unavailable:" << a.errorString << "- keeping" << name << "in" << fallbackFile();
            storeInFile(name, generate(), done);
        }
    });
}

void SecretStore::writeKeychain(const QString &name, const QByteArray &value, Callback done)
{
    m_keychain->write(kService, name, value, [this, name, value, done](const KeychainThread::Answer &a) {
        if (a.ok) {
            done(value);
            return;
        }
        qCInfo(lcSecrets) << "keychain refused to store" << name << ":" << a.errorString;
        storeInFile(name, value, done);
    });
}

void SecretStore::storeInFile(const QString &name, const QByteArray &value, const Callback &done)
{
    const Status st = writeToFile(name, value);
    if (!st) {
        done(st.error());
        return;
    }
    done(value);
}

} // namespace teehee
