#include "desktopsession.h"

#include "clientprovider.h"
#include "screenshottour.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTimer>

using teehee::client::LocalChatClient;
using teehee::client::RemoteChatClient;

namespace {
const QString kProfileKey = QStringLiteral("profile/localUserId");
}

DesktopSession::DesktopSession(QString screenshots, QObject *parent)
    : QObject(parent), m_screenshots(std::move(screenshots)),
      m_accounts(teehee::client::LocalChatClient::defaultDataDirectory())
{
    // Queued: the switch is asked from inside the window that is replaced.
    connect(&m_accounts, &teehee::client::ServerAccounts::switchRequested, this, &DesktopSession::open,
            Qt::QueuedConnection);
}

DesktopSession::~DesktopSession()
{
    close();
}

void DesktopSession::start()
{
    open();
}

void DesktopSession::open()
{
    close();
    m_accounts.restore([this](std::optional<RemoteChatClient::Account> account) {
        if (account)
            useServer(*account);
        else
            useThisComputer();
    });
}

void DesktopSession::useThisComputer()
{
    m_local = std::make_unique<LocalChatClient>(QSettings().value(kProfileKey).toString());
    LocalChatClient *client = m_local.get();
    connect(client, &teehee::client::ChatClient::stateChanged, client, [client] {
        if (!client->userId().isEmpty())
            QSettings().setValue(kProfileKey, client->userId());
    });
    ClientProvider::provide(client);
    ClientProvider::provideSharing(client->sharing());
    client->start();
    load();
}

void DesktopSession::useServer(const RemoteChatClient::Account &account)
{
    m_remote = std::make_unique<RemoteChatClient>(account);
    connect(m_remote.get(), &RemoteChatClient::signedOut, &m_accounts, &teehee::client::ServerAccounts::signedOut);
    m_accounts.setCurrent(m_remote.get());
    ClientProvider::provide(m_remote.get());
    ClientProvider::provideSharing(nullptr); // a client of a server shares nothing itself
    m_remote->start();
    load();
}

void DesktopSession::load()
{
    ClientProvider::provideAccount(&m_accounts);
    m_engine = std::make_unique<QQmlApplicationEngine>();
    connect(m_engine.get(), &QQmlApplicationEngine::objectCreationFailed, qApp,
            [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    // Qt 6.4 has no loadFromModule(): load the module's resource path.
    m_engine->load(QUrl(QStringLiteral("qrc:/Teehee/Main.qml")));
    if (m_engine->rootObjects().isEmpty()) {
        QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(1); });
        return;
    }
    if (!m_screenshots.isEmpty() && !m_tour) {
        m_tour = std::make_unique<ScreenshotTour>(*m_engine, m_screenshots);
        m_tour->start();
    }
}

void DesktopSession::close()
{
    m_tour.reset();
    m_engine.reset();
    m_accounts.setCurrent(nullptr);
    m_remote.reset();
    m_local.reset();
}
