#include "serveraccounts.h"

#include <QSettings>
#include <QSysInfo>

namespace teehee::client {
namespace {
const QString kServerKey = QStringLiteral("account/server");
const QString kPinKey = QStringLiteral("account/pin");
}

ServerAccounts::ServerAccounts(const QString &dataDir, QDBusConnection bus, QObject *parent)
    : AccountClient(parent), m_vault(dataDir), m_browser(std::move(bus))
{
    connect(&m_browser, &DnsSdBrowser::serversChanged, this, &AccountClient::foundServersChanged);
    m_browser.start();
    const QSettings settings;
    m_server = QUrl(settings.value(kServerKey).toString());
    m_pin = settings.value(kPinKey).toString();
    connect(&m_signIn, &RemoteSignIn::changed, this, [this] {
        if (m_signIn.step() == RemoteSignIn::Step::Done && !m_storing)
            return signedIn();
        Q_EMIT changed();
    });
}

QString ServerAccounts::defaultDeviceName()
{
    const QString host = QSysInfo::machineHostName();
    return host.isEmpty() ? QStringLiteral("Teehee desktop") : QStringLiteral("Teehee desktop on %1").arg(host.left(60));
}

AccountClient::Step ServerAccounts::step() const
{
    return m_signIn.step();
}

void ServerAccounts::restore(std::function<void(std::optional<RemoteChatClient::Account>)> done)
{
    if (!remote())
        return done(std::nullopt);
    m_vault.read(m_server.toString(), [this, done](const QByteArray &token) {
        if (token.isEmpty()) {
            m_signedOutFrom = m_server.host();
            forgetServer();
            return done(std::nullopt);
        }
        done(RemoteChatClient::Account{m_server, token, m_pin});
    });
}

QList<AccountClient::FoundServer> ServerAccounts::foundServers() const
{
    QList<FoundServer> out;
    for (const DiscoveredServer &s : m_browser.servers())
        out << FoundServer{s.name, s.url, s.fingerprint};
    return out;
}

void ServerAccounts::setCurrent(RemoteChatClient *client)
{
    m_current = client;
}

void ServerAccounts::signIn(const QString &email, const QString &password)
{
    m_signedOutFrom.clear();
    m_signIn.signIn(email, password, defaultDeviceName());
}

void ServerAccounts::pair(const QString &code)
{
    m_signedOutFrom.clear();
    m_signIn.pair(code, defaultDeviceName());
}

void ServerAccounts::signedIn()
{
    const RemoteChatClient::Account account = m_signIn.account();
    m_storing = true;
    Q_EMIT changed();
    m_vault.store(account.server.toString(), account.token, [this, account](bool kept) {
        m_storing = false;
        if (!kept) {
            m_signIn.cancel();
            return;
        }
        QSettings settings;
        settings.setValue(kServerKey, account.server.toString());
        settings.setValue(kPinKey, account.pinnedFingerprint);
        m_server = account.server;
        m_pin = account.pinnedFingerprint;
        m_signIn.cancel();
        Q_EMIT changed();
        Q_EMIT switchRequested();
    });
}

void ServerAccounts::useThisComputer()
{
    if (!remote())
        return;
    if (m_current) // the server forgets this device; the answer does not matter
        m_current->signOut(this, [](const ClientError &) {});
    forgetServer();
    Q_EMIT changed();
    Q_EMIT switchRequested();
}

void ServerAccounts::signedOut()
{
    if (!remote())
        return;
    m_signedOutFrom = m_server.host();
    forgetServer();
    Q_EMIT changed();
    Q_EMIT switchRequested();
}

void ServerAccounts::forgetServer()
{
    m_vault.forget(m_server.toString());
    QSettings settings;
    settings.remove(kServerKey);
    settings.remove(kPinKey);
    m_server = QUrl();
    m_pin.clear();
}

} // namespace teehee::client
