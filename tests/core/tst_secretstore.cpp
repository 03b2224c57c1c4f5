// Generated secrets survive restarts, stay private, and never change once kept.
#include "core/secretstore.h"

#include <QDBusConnection>
#include <QDBusVirtualObject>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace teehee;

// Takes every call made to it and never answers: a keyring waiting on an unlock prompt.
class SilentObject : public QDBusVirtualObject {
public:
    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &, const QDBusConnection &) override { return true; }
};

class TestSecretStore : public QObject {
    Q_OBJECT

    static QByteArray obtain(SecretStore &store, const QString &name)
    {
        QByteArray got;
        bool called = false;
        store.obtain(name, [&](Result<QByteArray> r) {
            called = true;
            if (r)
                got = r.value();
        });
        // Keychain jobs answer asynchronously; headless they fail fast and the file takes over.
        QTest::qWaitFor([&] { return called; }, 10000);
        return got; // empty when nothing answered: the callers' comparisons fail then
    }

private Q_SLOTS:
    void generatesAStrongSecretAndKeepsIt()
    {
        QTemporaryDir dir;
        QByteArray first;
        {
            SecretStore store(dir.path(), SecretStore::Backend::FileOnly);
            first = obtain(store, QStringLiteral("secret-key"));
        }
        QCOMPARE(first.size(), 64); // 32 random bytes, hex
        SecretStore again(dir.path(), SecretStore::Backend::FileOnly);
        QCOMPARE(obtain(again, QStringLiteral("secret-key")), first);
        QVERIFY(obtain(again, QStringLiteral("encryption-key")) != first);
    }

    void theFallbackFileIsReadableByItsOwnerOnly()
    {
        QTemporaryDir dir;
        SecretStore store(dir.path(), SecretStore::Backend::FileOnly);
        QVERIFY(!obtain(store, QStringLiteral("secret-key")).isEmpty());
        const QFileInfo info(store.fallbackFile());
        QVERIFY(info.exists());
        QCOMPARE(info.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
    }

    void withoutAKeychainTheFileFallbackIsUsed()
    {
        // No session bus here: the keychain fails and the secret lands in the file.
        QTemporaryDir dir;
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
        SecretStore store(dir.path(), SecretStore::Backend::Auto);
        const QByteArray secret = obtain(store, QStringLiteral("secret-key"));
        QCOMPARE(secret.size(), 64);
        auto fromFile = store.readFromFile(QStringLiteral("secret-key"));
        QVERIFY(fromFile);
        QCOMPARE(fromFile.value(), secret);
    }

    // Last: the process keeps one session bus connection (Qt's, GLib's), and this test kills its bus.
    void aKeychainThatTimesOutNeverGetsANewSecret()
    {
        // A real session bus on which the keychain services (the Secret Service
        // that libsecret asks, and the KDE wallet) are there but never answer.
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        QVERIFY2(!daemon.isEmpty(), "dbus-daemon is missing (scripts/packages.txt installs it)");
        QTemporaryDir dir;
        QProcess bus;
        bus.start(daemon, {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address"),
                           QStringLiteral("--address=unix:path=") + dir.filePath(QStringLiteral("bus"))});
        QVERIFY(bus.waitForStarted());
        auto stopBus = qScopeGuard([&bus] { bus.kill(); bus.waitForFinished(); });
        QVERIFY(QTest::qWaitFor([&] { return bus.canReadLine(); }, 10000));
        const QByteArray address = bus.readLine().trimmed();
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
        qputenv("XDG_CURRENT_DESKTOP", "KDE"); // QtKeychain then talks to kwalletd5
        qputenv("KDE_SESSION_VERSION", "5");
        auto restoreEnv = qScopeGuard([] { qunsetenv("XDG_CURRENT_DESKTOP"); qunsetenv("KDE_SESSION_VERSION"); });
        QDBusConnection wallet = QDBusConnection::connectToBus(QString::fromUtf8(address), QStringLiteral("silent-wallet"));
        QVERIFY(wallet.isConnected());
        SilentObject silent;
        QVERIFY(wallet.registerVirtualObject(QStringLiteral("/modules/kwalletd5"), &silent, QDBusConnection::SubPath));
        QVERIFY(wallet.registerService(QStringLiteral("org.kde.kwalletd5")));
        QVERIFY(wallet.registerVirtualObject(QStringLiteral("/org/freedesktop/secrets"), &silent, QDBusConnection::SubPath));
        QVERIFY(wallet.registerService(QStringLiteral("org.freedesktop.secrets")));

        SecretStore store(dir.path(), SecretStore::Backend::Auto);
        store.setKeychainTimeout(2000);
        bool called = false;
        Result<QByteArray> got = Error::internal(QStringLiteral("no answer"));
        store.obtain(QStringLiteral("secret-key"), [&](Result<QByteArray> r) {
            called = true;
            got = std::move(r);
        });
        QVERIFY(QTest::qWaitFor([&] { return called; }, 20000));
        // A typed error the caller can show or retry on, and no new secret anywhere.
        QVERIFY(!got);
        QCOMPARE(got.error().code, ErrorCode::Unavailable);
        QVERIFY2(got.error().message.contains(QStringLiteral("keychain")), qPrintable(got.error().message));
        QVERIFY(!QFileInfo::exists(store.fallbackFile()));
        QVERIFY(!store.readFromFile(QStringLiteral("secret-key")));

        QDBusConnection::disconnectFromBus(QStringLiteral("silent-wallet"));
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
