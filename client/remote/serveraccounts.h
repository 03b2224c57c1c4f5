#pragma once

#include "accountclient.h"
#include "dnssdbrowser.h"
#include "remotechatclient.h"
#include "remotesignin.h"
#include "tokenvault.h"

#include <QPointer>
#include <optional>

namespace teehee::client {

// The desktop's choice of account, kept across runs: the server (and its
// pinned certificate) in the settings, the device token in the TokenVault.
// Joining a server goes through a RemoteSignIn; when it is done, or when the
// person goes back to this computer, switchRequested() asks the composition
// root to swap the client the views talk to.
class ServerAccounts : public AccountClient {
    Q_OBJECT
public:
    // `bus`: where Avahi is asked for the servers on the network (the system bus).
    explicit ServerAccounts(const QString &dataDir, QDBusConnection bus = QDBusConnection::systemBus(),
                            QObject *parent = nullptr);

    // The server account to start with, its token read from the vault;
    // nullopt for this computer (or when the token is gone).
    void restore(std::function<void(std::optional<RemoteChatClient::Account>)> done);
    // The server client in use, to sign it out; null in local mode.
    void setCurrent(RemoteChatClient *client);
    // The server stopped taking this device: back to this computer, saying so.
    void signedOut();

    bool remote() const override { return m_server.isValid(); }
    QString serverUrl() const override { return m_server.toString(); }
    QString signedOutFrom() const override { return m_signedOutFrom; }
    QString deviceName() const override { return defaultDeviceName(); }
    Step step() const override;
    QString fingerprint() const override { return m_signIn.fingerprint(); }
    QString verification() const override { return m_signIn.verification(); }
    QString pairingCode() const override { return m_signIn.codeFromUrl(); }
    ClientError error() const override { return m_signIn.error(); }
    QList<FoundServer> foundServers() const override;

    void check(const QString &address) override { m_signIn.check(address); }
    void confirmCertificate() override { m_signIn.confirmCertificate(); }
    void signIn(const QString &email, const QString &password) override;
    void pair(const QString &code) override;
    void cancel() override { m_signIn.cancel(); }
    void useThisComputer() override;

    // What this desktop is called in the server's device list.
    static QString defaultDeviceName();

Q_SIGNALS:
    void switchRequested();

private:
    void signedIn();
    void forgetServer();

    RemoteSignIn m_signIn;
    TokenVault m_vault;
    QUrl m_server;   // valid: a server account is in use
    QString m_pin;
    QString m_signedOutFrom;
    bool m_storing = false;
    QPointer<RemoteChatClient> m_current;
    DnsSdBrowser m_browser; // Teehee servers announced on the local network
};

} // namespace teehee::client
