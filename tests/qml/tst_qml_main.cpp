// QtQuickTest over the real QML module, the in-process client over a real
// Backend (temp SQLite) and a fake OpenAI provider on loopback. The
// environment is set before the client reads it; every test file's engine
// shares that one client, as the app's window does.
#include "clientprovider.h"
#include "fakeprovidercontrol.h"
#include "localchatclient.h"
#include "pairingphone.h"
#include "serveraccounts.h"
#include "sharingclient.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QSettings>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>

#include <utility>

Q_IMPORT_QML_PLUGIN(TeeheePlugin)

class Setup : public QObject {
    Q_OBJECT
public Q_SLOTS:
    void applicationAvailable()
    {
        QVERIFY(m_dir.isValid());
        m_fake = new FakeProviderControl(this);
        QVERIFY(m_fake->listen());
        // A second local server, for several custom endpoints side by side.
        m_second = new FakeProviderControl(this);
        QVERIFY(m_second->listen());
        qputenv("TEEHEE_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
        qputenv("SECRET_KEY", QByteArray(48, 's'));
        qputenv("ENCRYPTION_KEY", QByteArray(48, 'e'));
        qputenv("OPENAI_API_KEY", "sk-test-fake");
        qputenv("OPENAI_BASE_URL", m_fake->baseUrl().toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("TeeheeTest"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        m_client = new teehee::client::LocalChatClient({}, this);
        ClientProvider::provide(m_client);
        ClientProvider::provideSharing(m_client->sharing());
        m_client->sharing()->setPort(0); // a free port, not the default one a real app may hold
        m_client->start();
        // Settings → Account, joining a server: here the test's own share.
        m_accounts = new teehee::client::ServerAccounts(m_dir.filePath(QStringLiteral("accounts")),
                                                        QDBusConnection::systemBus(), this);
        ClientProvider::provideAccount(m_accounts);
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // The module's qmldir and QML files are resources at qrc:/Teehee.
        engine->addImportPath(QStringLiteral("qrc:/"));
        qmlRegisterSingletonInstance("TeeheeTest", 1, 0, "FakeProvider", m_fake);
        qmlRegisterSingletonInstance("TeeheeTest", 1, 0, "SecondProvider", m_second);
        qmlRegisterSingletonInstance("TeeheeTest", 1, 0, "Phone", m_phone);
        // The fake MCP server program, for Settings → Tools.
        engine->rootContext()->setContextProperty(QStringLiteral("fakeMcpServerPath"), QStringLiteral(FAKE_MCP_SERVER));
    }
    void cleanupTestCase()
    {
        // The backend thread, its sockets and the shared server go down while
        // the application still runs: after it, their teardown has no event
        // dispatcher to unregister from.
        delete std::exchange(m_accounts, nullptr);
        delete std::exchange(m_client, nullptr);
    }

private:
    QTemporaryDir m_dir;
    FakeProviderControl *m_fake = nullptr;
    FakeProviderControl *m_second = nullptr;
    PairingPhone *m_phone = new PairingPhone(this);
    teehee::client::LocalChatClient *m_client = nullptr;
    teehee::client::ServerAccounts *m_accounts = nullptr;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_qml, Setup)
#include "tst_qml_main.moc"
