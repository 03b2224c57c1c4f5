#include "tokenvault.h"

#include "core/keychainthread.h"
#include "core/secretstore.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcRemote)

namespace teehee::client {
namespace {
const QString kService = QStringLiteral("teehee");
}

TokenVault::TokenVault(QString dataDir, QObject *parent)
    : QObject(parent), m_dataDir(std::move(dataDir)), m_keychain(new KeychainThread(this))
{
}

TokenVault::~TokenVault() = default;

QString TokenVault::entryName(const QString &server)
{
    return QStringLiteral("remote-token ") + server;
}

void TokenVault::read(const QString &server, std::function<void(const QByteArray &)> done)
{
    // A token in the file wins: it is there because the keychain failed before.
    const SecretStore file(m_dataDir, SecretStore::Backend::FileOnly);
    if (auto kept = file.readFromFile(entryName(server)); kept && !kept->isEmpty())
        return done(kept.value());
    m_keychain->read(kService, entryName(server), [done](const KeychainThread::Answer &a) {
        done(a.ok ? a.data : QByteArray());
    });
}

void TokenVault::store(const QString &server, const QByteArray &token, std::function<void(bool)> done)
{
    const QString name = entryName(server);
    m_keychain->write(kService, name, token, [this, name, token, done](const KeychainThread::Answer &a) {
        if (a.ok)
            return done(true);
        qCInfo(lcRemote).noquote() << "no keychain answered (" << a.errorString.left(120)
                                   << "); the server token is kept in the data directory's secrets file";
        const SecretStore file(m_dataDir, SecretStore::Backend::FileOnly);
        done(bool(file.writeToFile(name, token)));
    });
}

void TokenVault::forget(const QString &server)
{
    const QString name = entryName(server);
    m_keychain->write(kService, name, QByteArray(), [](const KeychainThread::Answer &) {});
    const SecretStore file(m_dataDir, SecretStore::Backend::FileOnly);
    if (auto kept = file.readFromFile(name); kept && !kept->isEmpty())
        (void)file.writeToFile(name, QByteArray());
}

} // namespace teehee::client
