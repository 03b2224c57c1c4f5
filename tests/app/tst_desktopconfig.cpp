// The desktop app takes its settings from the environment and its own config
// file (~/.config/teehee/teehee.env), never from a .env in the folder it was
// started in: a downloaded or cloned folder must not choose its database or keys.
#include "backendhost.h"

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

    // The data directory a freshly constructed BackendHost settles on.
    static QString hostDataDirectory()
    {
        BackendHost host;
        if (!host.ready() && !host.failed()) {
            QSignalSpy status(&host, &BackendHost::statusChanged);
            status.wait(20000);
        }
        return QDir::fromNativeSeparators(host.dataDirectory());
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
        const auto config = BackendHost::loadConfig();
        QVERIFY(QDir::setCurrent(before));

        QCOMPARE(dataDir, m_home.filePath(QStringLiteral("data/teehee")));
        QVERIFY(!QFileInfo::exists(cwd.filePath(QStringLiteral("planted"))));
        QVERIFY(config);
        QCOMPARE(config->appName, QStringLiteral("Teehee"));
    }

    void theConfigDirectoryFileIsRead()
    {
        const QString wanted = m_home.filePath(QStringLiteral("chosen"));
        QCOMPARE(BackendHost::envFile(), m_home.filePath(QStringLiteral("config/teehee/teehee.env")));
        write(BackendHost::envFile(), "TEEHEE_DATA_DIR=" + wanted.toUtf8() + "\nAPP_NAME=Chosen\n");
        QCOMPARE(hostDataDirectory(), wanted);
        const auto config = BackendHost::loadConfig();
        QVERIFY(config);
        QCOMPARE(config->appName, QStringLiteral("Chosen"));
        QFile::remove(BackendHost::envFile());
    }
};

QTEST_GUILESS_MAIN(TestDesktopConfig)
#include "tst_desktopconfig.moc"
