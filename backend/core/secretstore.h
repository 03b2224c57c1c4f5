#pragma once

#include "core/error.h"

#include <QObject>
#include <functional>

namespace teehee {

class KeychainThread;

// Keeps generated secrets (the JWT signing key, the key-encryption key) across
// restarts: the OS keychain through QtKeychain, or, where no keychain answers
// (headless servers, CI), a 0600 file in the data directory.
// Asynchronous because keychain jobs are; never blocks the event loop.
class SecretStore : public QObject {
    Q_OBJECT
public:
    enum class Backend { Auto, FileOnly };
    using Callback = std::function<void(Result<QByteArray>)>;

    explicit SecretStore(QString dataDir, Backend backend = Backend::Auto, QObject *parent = nullptr);

    // Reads the secret `name`, or generates 32 random bytes (hex-encoded) and stores them.
    // A new secret is generated only when the keychain says the entry does not exist:
    // a keychain that does not answer in time, or refuses access, gives an
    // ErrorCode::Unavailable error instead (the stored secret may still be there;
    // replacing it would orphan everything encrypted or signed with it).
    void obtain(const QString &name, Callback done);

    // How long a keychain read may take (a locked keyring may wait for a prompt forever).
    void setKeychainTimeout(int ms) { m_keychainTimeoutMs = ms; }

    QString fallbackFile() const;

    // Synchronous file-only access: used by obtain() and by tests.
    Result<QByteArray> readFromFile(const QString &name) const;
    Status writeToFile(const QString &name, const QByteArray &value) const;

    static QByteArray generate();

private:
    void readKeychain(const QString &name, Callback done);
    void writeKeychain(const QString &name, const QByteArray &value, Callback done);
    void storeInFile(const QString &name, const QByteArray &value, const Callback &done);

    QString m_dataDir;
    Backend m_backend;
    int m_keychainTimeoutMs = 5000;
    KeychainThread *m_keychain; // a child
};

} // namespace teehee
