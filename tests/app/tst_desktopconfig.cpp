// The desktop app takes its settings from the environment and its own config
// file (~/.config/teehee/teehee.env), never from a .env in the folder it was
// started in: a downloaded or cloned folder must not choose its database or keys.
#include "localchatclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestDesktopConfig : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

    static void write(const QString &path, const QByteArray &text)
    {
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    }

    // The data directory a freshly started desktop client settles on.
    static QString hostDataDirectory()
    {
        teehee::client::LocalChatClient client({});
        client.start();
        if (client.state() == teehee::client::ChatClient::State::Starting) {
            QSignalSpy status(&client, &teehee::client::ChatClient::stateChanged);
            status.wait(20000);
        }
        return QDir::fromNativeSeparators(client.dataDirectory());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        for (const char *name : {"TEEHEE_DATA_DIR", "DATABASE_URL", "APP_NAME"})
            qunsetenv(name);
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        qputenv("SECRET_KEY", QByteArray(48, 's'));
        qputenv("ENCRYPTION_KEY", QByteArray(48, 'e'));
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
        QCoreApplication::setOrganizationName(QStringLiteral("TeeheeTest"));
    }

    void aDotEnvInTheWorkingDirectoryIsIgnored()
    {
        QTemporaryDir cwd;
        write(cwd.filePath(QStringLiteral(".env")),
              "TEEHEE_DATA_DIR=" + cwd.filePath(QStringLiteral("planted")).toUtf8() + "\nAPP_NAME=Planted\n");
        const QString before = QDir::currentPath();
        QVERIFY(QDir::setCurrent(cwd.path()));
        const QString dataDir = hostDataDirectory();
        QVERIFY(QDir::setCurrent(before));

        QCOMPARE(dataDir, m_home.filePath(QStringLiteral("data/teehee")));
        QVERIFY(!QFileInfo::exists(cwd.filePath(QStringLiteral("planted"))));
    }

    void theConfigDirectoryFileIsRead()
    {
        const QString wanted = m_home.filePath(QStringLiteral("chosen"));
        const QString envFile = teehee::client::LocalChatClient::envFile();
        QCOMPARE(envFile, m_home.filePath(QStringLiteral("config/teehee/teehee.env")));
        write(envFile, "TEEHEE_DATA_DIR=" + wanted.toUtf8() + "\n");
        QCOMPARE(hostDataDirectory(), wanted);
        QFile::remove(envFile);
    }
};

QTEST_GUILESS_MAIN(TestDesktopConfig)
#include "tst_desktopconfig.moc"
