// The share announces itself with DNS-SD through Avahi's D-Bus API: here a
// private bus (a real dbus-daemon) with a stand-in for avahi-daemon that
// records what it is asked, and buses where there is no Avahi at all.
#include "dnssdannouncer.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVirtualObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace teehee::client;

namespace {

// avahi-daemon's side of the calls the announcer makes.
class FakeAvahi : public QDBusVirtualObject {
public:
    struct Service { QString name, type; quint16 port = 0; QByteArrayList txt; QString group; };
    QList<Service> added;
    QStringList committed, freed;

    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        const QString member = message.member();
        QVariantList answer;
        if (member == u"EntryGroupNew" && message.path() == u"/") {
            answer << QVariant::fromValue(QDBusObjectPath(QStringLiteral("/Client1/EntryGroup%1").arg(++m_groups)));
        } else if (member == u"AddService") {
            const QVariantList a = message.arguments();
            Service s{a.value(3).toString(), a.value(4).toString(), quint16(a.value(7).toUInt()), {}, message.path()};
            a.value(8).value<QDBusArgument>() >> s.txt;
            added << s;
        } else if (member == u"Commit") {
            committed << message.path();
        } else if (member == u"Free") {
            freed << message.path();
        } else {
            return false;
        }
        connection.send(message.createReply(answer));
        return true;
    }

private:
    int m_groups = 0;
};

} // namespace

class TestDnsSdAnnouncer : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;

private Q_SLOTS:
    void initTestCase()
    {
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        QVERIFY2(!daemon.isEmpty(), "dbus-daemon is missing (scripts/packages.txt installs it)");
        m_daemon.start(daemon, {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address"),
                                QStringLiteral("--address=unix:path=") + m_dir.filePath(QStringLiteral("bus"))});
        QVERIFY(m_daemon.waitForStarted());
        QVERIFY(QTest::qWaitFor([this] { return m_daemon.canReadLine(); }, 10000));
        m_address = QString::fromUtf8(m_daemon.readLine().trimmed());
    }
    void cleanupTestCase()
    {
        m_daemon.kill();
        m_daemon.waitForFinished();
    }

    void theShareIsAnnouncedWithItsPortAndFingerprintThenWithdrawn()
    {
        QDBusConnection avahiSide = QDBusConnection::connectToBus(m_address, QStringLiteral("avahi"));
        FakeAvahi avahi;
        QVERIFY(avahiSide.registerVirtualObject(QStringLiteral("/"), &avahi, QDBusConnection::SubPath));
        QVERIFY(avahiSide.registerService(QStringLiteral("org.freedesktop.Avahi")));
        {
            DnsSdAnnouncer announcer(QDBusConnection::connectToBus(m_address, QStringLiteral("share")));
            QSignalSpy announced(&announcer, &DnsSdAnnouncer::announced);
            announcer.announce(QStringLiteral("Teehee on kitchen"), 8765, {"v=1", "fp=ab12", "path=/"});
            QVERIFY(announced.wait(10000));
            QCOMPARE(avahi.added.size(), 1);
            const FakeAvahi::Service s = avahi.added.first();
            QCOMPARE(s.type, QStringLiteral("_teehee._tcp"));
            QCOMPARE(s.name, QStringLiteral("Teehee on kitchen"));
            QCOMPARE(s.port, quint16(8765));
            QCOMPARE(s.txt, (QByteArrayList{"v=1", "fp=ab12", "path=/"}));
            QCOMPARE(avahi.committed, QStringList{s.group});
            QCOMPARE(announcer.entryGroup(), s.group);

            // Announcing again (another port) replaces the first entry.
            announcer.announce(QStringLiteral("Teehee on kitchen"), 9000, {"v=1"});
            QVERIFY(announced.wait(10000));
            QVERIFY(QTest::qWaitFor([&] { return avahi.freed.contains(s.group); }, 5000));
            QCOMPARE(avahi.added.last().port, quint16(9000));
        }
        // Gone with its owner (sharing turned off): the entry is freed.
        QVERIFY(QTest::qWaitFor([&] { return avahi.freed.size() == 2; }, 5000));
        avahiSide.unregisterService(QStringLiteral("org.freedesktop.Avahi"));
        QDBusConnection::disconnectFromBus(QStringLiteral("avahi"));
        QDBusConnection::disconnectFromBus(QStringLiteral("share"));
    }

    void withoutAvahiTheShareGoesOnUnannounced()
    {
        DnsSdAnnouncer announcer(QDBusConnection::connectToBus(m_address, QStringLiteral("no-avahi")));
        QSignalSpy unavailable(&announcer, &DnsSdAnnouncer::unavailable);
        announcer.announce(QStringLiteral("Teehee"), 8765, {"v=1"});
        QVERIFY(unavailable.wait(10000));
        QVERIFY(announcer.entryGroup().isEmpty());
        QDBusConnection::disconnectFromBus(QStringLiteral("no-avahi"));

        DnsSdAnnouncer noBus(QDBusConnection(QStringLiteral("never-connected")));
        QSignalSpy said(&noBus, &DnsSdAnnouncer::unavailable);
        noBus.announce(QStringLiteral("Teehee"), 8765, {});
        QCOMPARE(said.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDnsSdAnnouncer)
#include "tst_dnssdannouncer.moc"
