#pragma once

#include <QByteArray>
#include <QObject>
#include <functional>

namespace teehee {
class KeychainThread;
}

namespace teehee::client {

// Keeps the device token of a server account: in the system keychain, or
// where none answers, in the data directory's 0600 secrets file (the
// product's fallback for every secret). Never in the settings, never logged.
class TokenVault : public QObject {
    Q_OBJECT
public:
    explicit TokenVault(QString dataDir, QObject *parent = nullptr);
    ~TokenVault() override;

    // `done` runs on this thread; an empty token: none kept.
    void read(const QString &server, std::function<void(const QByteArray &)> done);
    void store(const QString &server, const QByteArray &token, std::function<void(bool)> done);
    void forget(const QString &server);

private:
    static QString entryName(const QString &server);

    QString m_dataDir;
    KeychainThread *m_keychain; // a child
};

} // namespace teehee::client
