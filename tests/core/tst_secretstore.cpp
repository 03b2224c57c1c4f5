// Generated secrets survive restarts, stay private, and never change once kept.
#include "core/secretstore.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace teehee;

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
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
