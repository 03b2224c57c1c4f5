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
    QStringList taken; // names a service of this machine has already: AddService collides

    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        const QString member = message.member();
        QVariantList answer;
        if (member == u"EntryGroupNew" && message.path() == u"/") {
            answer << QVariant::fromValue(QDBusObjectPath(QStringLiteral("/Client1/EntryGroup%1").arg(++m_groups)));
        } else if (member == u"GetAlternativeServiceName" && message.path() == u"/") {
            // Avahi's rule: "name" → "name #2" → "name #3"…
            const QString name = message.arguments().value(0).toString();
            const qsizetype hash = name.lastIndexOf(QStringLiteral(" #"));
            bool numbered = false;
            const int n = hash > 0 ? name.mid(hash + 2).toInt(&numbered) : 0;
            answer << (numbered ? name.left(hash) + QStringLiteral(" #%1").arg(n + 1) : name + QStringLiteral(" #2"));
        } else if (member == u"AddService") {
            const QVariantList a = message.arguments();
            if (taken.contains(a.value(3).toString())) {
                connection.send(message.createErrorReply(QStringLiteral("org.freedesktop.Avahi.CollisionError"),
                                                         QStringLiteral("Local name collision")));
                return true;
            }
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

    void aNameTakenOnTheNetworkIsReplacedByAvahisAlternative()
    {
        QDBusConnection avahiSide = QDBusConnection::connectToBus(m_address, QStringLiteral("avahi2"));
        FakeAvahi avahi;
        avahi.taken = QStringList{QStringLiteral("Teehee on kitchen"), QStringLiteral("Teehee on kitchen #2")};
        QVERIFY(avahiSide.registerVirtualObject(QStringLiteral("/"), &avahi, QDBusConnection::SubPath));
        QVERIFY(avahiSide.registerService(QStringLiteral("org.freedesktop.Avahi")));
        {
            DnsSdAnnouncer announcer(QDBusConnection::connectToBus(m_address, QStringLiteral("share2")));
            QSignalSpy announced(&announcer, &DnsSdAnnouncer::announced);
            QSignalSpy renamed(&announcer, &DnsSdAnnouncer::renamed);
            // Taken at once by services of this machine: AddService refuses, twice.
            announcer.announce(QStringLiteral("Teehee on kitchen"), 8765, {"v=1", "fp=ab12"});
            QVERIFY(announced.wait(10000));
            QCOMPARE(renamed.size(), 2);
            QCOMPARE(announcer.name(), QStringLiteral("Teehee on kitchen #3"));
            QCOMPARE(avahi.added.size(), 1);
            QCOMPARE(avahi.added.last().name, QStringLiteral("Teehee on kitchen #3"));
            QCOMPARE(avahi.added.last().port, quint16(8765));
            QCOMPARE(avahi.added.last().txt, (QByteArrayList{"v=1", "fp=ab12"}));
            // The groups that collided were given back.
            QVERIFY(QTest::qWaitFor([&] { return avahi.freed.size() == 2; }, 5000));

            // Later another host takes the name: the group says so, and the share moves on.
            const QString group = announcer.entryGroup();
            QDBusMessage collision = QDBusMessage::createSignal(group, QStringLiteral("org.freedesktop.Avahi.EntryGroup"),
                                                                QStringLiteral("StateChanged"));
            collision << 3 << QStringLiteral("org.freedesktop.Avahi.CollisionError");
            QVERIFY(avahiSide.send(collision));
            QVERIFY(announced.wait(10000));
            QCOMPARE(announcer.name(), QStringLiteral("Teehee on kitchen #4"));
            QCOMPARE(avahi.added.last().name, QStringLiteral("Teehee on kitchen #4"));
            QVERIFY(QTest::qWaitFor([&] { return avahi.freed.contains(group); }, 5000));
            QVERIFY(announcer.entryGroup() != group);

            // Other states of the group (registering, established) change nothing.
            QDBusMessage established = QDBusMessage::createSignal(announcer.entryGroup(),
                QStringLiteral("org.freedesktop.Avahi.EntryGroup"), QStringLiteral("StateChanged"));
            established << 2 << QString();
            QVERIFY(avahiSide.send(established));
            QTest::qWait(200);
            QCOMPARE(renamed.size(), 3);
        }
        avahiSide.unregisterService(QStringLiteral("org.freedesktop.Avahi"));
        QDBusConnection::disconnectFromBus(QStringLiteral("avahi2"));
        QDBusConnection::disconnectFromBus(QStringLiteral("share2"));
    }

    void aNameThatAlwaysCollidesIsGivenUp()
    {
        QDBusConnection avahiSide = QDBusConnection::connectToBus(m_address, QStringLiteral("avahi3"));
        FakeAvahi avahi;
        avahi.taken << QStringLiteral("Busy");
        for (int i = 2; i < 40; ++i)
            avahi.taken << QStringLiteral("Busy #%1").arg(i);
        QVERIFY(avahiSide.registerVirtualObject(QStringLiteral("/"), &avahi, QDBusConnection::SubPath));
        QVERIFY(avahiSide.registerService(QStringLiteral("org.freedesktop.Avahi")));
        {
            DnsSdAnnouncer announcer(QDBusConnection::connectToBus(m_address, QStringLiteral("share3")));
            QSignalSpy unavailable(&announcer, &DnsSdAnnouncer::unavailable);
            QSignalSpy renamed(&announcer, &DnsSdAnnouncer::renamed);
            announcer.announce(QStringLiteral("Busy"), 8765, {});
            QVERIFY(unavailable.wait(10000));
            QCOMPARE(renamed.size(), DnsSdAnnouncer::kMaxRenames);
            QVERIFY(avahi.added.isEmpty());
            QVERIFY(announcer.entryGroup().isEmpty());
        }
        avahiSide.unregisterService(QStringLiteral("org.freedesktop.Avahi"));
        QDBusConnection::disconnectFromBus(QStringLiteral("avahi3"));
        QDBusConnection::disconnectFromBus(QStringLiteral("share3"));
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
