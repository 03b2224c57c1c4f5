// The desktop lists Teehee servers announced with DNS-SD through Avahi's
// D-Bus API: here a private bus (a real dbus-daemon) with a stand-in for
// avahi-daemon that reports services as Avahi does, and a bus without Avahi.
#include "dnssdbrowser.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusVirtualObject>
#include <QNetworkInterface>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <functional>

using namespace teehee::client;

namespace {

const QString kBrowserInterface = QStringLiteral("org.freedesktop.Avahi.ServiceBrowser");
constexpr int kInet = 0, kInet6 = 1; // AVAHI_PROTO_INET, AVAHI_PROTO_INET6
const QByteArray kFingerprint = QByteArray(64, 'A').replace(0, 4, "09ff");

// avahi-daemon's side of the calls the browser makes.
class FakeAvahi : public QDBusVirtualObject {
public:
    struct Host { QString host, v4, v6; quint16 port = 0; QByteArrayList txt; };
    QHash<QString, Host> hosts;   // what ResolveService answers, by service name
    QString client, browser;      // who browses, and its browser's path
    QStringList freed;
    int resolves = 0;
    int browsers = 0;
    // Sent before ServiceBrowserNew is answered, as Avahi may do.
    std::function<void()> beforeAnswer;

    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        const QString member = message.member();
        const QVariantList a = message.arguments();
        QVariantList answer;
        if (member == u"ServiceBrowserNew" && message.path() == u"/") {
            if (a.value(2).toString() != u"_teehee._tcp" || a.value(3).toString() != u"local")
                return false;
            client = message.service();
            browser = QStringLiteral("/Client1/ServiceBrowser%1").arg(++browsers);
            if (beforeAnswer)
                beforeAnswer();
            answer << QVariant::fromValue(QDBusObjectPath(browser));
        } else if (member == u"ResolveService" && message.path() == u"/") {
            ++resolves;
            const QString name = a.value(2).toString();
            const Host h = hosts.value(name, Host{QStringLiteral("other.local"), QStringLiteral("10.0.0.%1").arg(resolves),
                                                  {}, 1000, {"v=1"}});
            const bool v6 = a.value(1).toInt() == kInet6 && !h.v6.isEmpty();
            QDBusArgument txt;
            txt << h.txt;
            answer << a.value(0) << a.value(1) << name << a.value(3) << a.value(4) << h.host << (v6 ? kInet6 : kInet)
                   << (v6 ? h.v6 : h.v4) << QVariant::fromValue(h.port) << QVariant::fromValue(txt) << 0u;
        } else if (member == u"Free") {
            freed << message.path();
        } else if (member != u"Ping") {
            return false;
        }
        connection.send(message.createReply(answer));
        return true;
    }

    void item(const QDBusConnection &from, const QString &member, int protocol, const QString &name,
              const QString &path = {}) const
    {
        QDBusMessage signal = QDBusMessage::createTargetedSignal(client, path.isEmpty() ? browser : path,
                                                                 kBrowserInterface, member);
        signal << 2 << protocol << name << QStringLiteral("_teehee._tcp") << QStringLiteral("local") << 0u;
        from.send(signal);
    }
};

DiscoveredServer server(const char *name, const char *host, const char *url, const QByteArray &fingerprint = {})
{
    return {QString::fromUtf8(name), QString::fromUtf8(host), QString::fromUtf8(url), QString::fromLatin1(fingerprint)};
}

} // namespace

class TestDnsSdBrowser : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;

    // Answered after everything the browser sent before it: D-Bus keeps order.
    bool roundTrip(const QDBusConnection &from)
    {
        const QDBusMessage ping = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.Avahi"), QStringLiteral("/"),
                                                                 QStringLiteral("org.freedesktop.Avahi.Server"),
                                                                 QStringLiteral("Ping"));
        QDBusPendingCallWatcher watcher(from.asyncCall(ping));
        return QTest::qWaitFor([&] { return watcher.isFinished(); }, 10000) && !watcher.isError();
    }

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

    void serversAreListedOnceEachThenRemoved()
    {
        QDBusConnection avahiSide = QDBusConnection::connectToBus(m_address, QStringLiteral("avahi"));
        FakeAvahi avahi;
        avahi.hosts.insert(QStringLiteral("Teehee on kitchen"),
                           {QStringLiteral("kitchen.local"), QStringLiteral("192.168.1.20"), QStringLiteral("2001:db8::20"),
                            8765, {"garbage", "FP=" + kFingerprint, "fp=" + QByteArray(64, 'b'), "path=/"}});
        avahi.hosts.insert(QStringLiteral("Teehee on garage"),
                           {QStringLiteral("garage.local"), {}, QStringLiteral("fe80::1"), 7000, {"fp=" + kFingerprint}});
        avahi.hosts.insert(QStringLiteral("Teehee on attic"),
                           {QStringLiteral("attic.local"), QStringLiteral("192.168.1.30"), {}, 9000,
                            {"v=1", "fp=nothex", "=x", "path=/"}});
        // The kitchen is first seen over IPv6, before the browser's path is known.
        avahi.beforeAnswer = [&] { avahi.item(avahiSide, QStringLiteral("ItemNew"), kInet6, QStringLiteral("Teehee on kitchen")); };
        QVERIFY(avahiSide.registerVirtualObject(QStringLiteral("/"), &avahi, QDBusConnection::SubPath));
        QVERIFY(avahiSide.registerService(QStringLiteral("org.freedesktop.Avahi")));
        QDBusConnection impostor = QDBusConnection::connectToBus(m_address, QStringLiteral("impostor"));
        const QString kitchenV4 = QStringLiteral("https://192.168.1.20:8765");
        const QString kitchenV6 = QStringLiteral("https://[2001:db8::20]:8765");
        {
            const QDBusConnection bus = QDBusConnection::connectToBus(m_address, QStringLiteral("browser"));
            DnsSdBrowser browser(bus);
            QSignalSpy changed(&browser, &DnsSdBrowser::serversChanged);
            QSignalSpy unavailable(&browser, &DnsSdBrowser::unavailable);
            browser.start();
            QVERIFY(QTest::qWaitFor([&] { return browser.servers().size() == 1; }, 10000));
            QCOMPARE(browser.servers().first().url, kitchenV6);

            avahi.item(avahiSide, QStringLiteral("ItemNew"), kInet, QStringLiteral("Teehee on kitchen"));
            avahi.item(avahiSide, QStringLiteral("ItemNew"), kInet, QStringLiteral("Teehee on attic"));
            // Not the browser's: another path, another sender, a name too long for DNS.
            avahi.item(avahiSide, QStringLiteral("ItemNew"), kInet, QStringLiteral("Elsewhere"),
                       QStringLiteral("/Client1/ServiceBrowser9"));
            avahi.item(impostor, QStringLiteral("ItemNew"), kInet, QStringLiteral("Impostor"));
            avahi.item(avahiSide, QStringLiteral("ItemNew"), kInet, QString(64, u'n'));
            const QList<DiscoveredServer> both{
                server("Teehee on attic", "attic.local", "http://192.168.1.30:9000"),
                server("Teehee on kitchen", "kitchen.local", "https://192.168.1.20:8765", kFingerprint.toLower())};
            QVERIFY(QTest::qWaitFor([&] { return browser.servers() == both; }, 10000));
            QVERIFY(roundTrip(bus));
            QCOMPARE(avahi.resolves, 3); // kitchen twice, attic once: nothing else was looked at
            QCOMPARE(browser.servers(), both);
            QVERIFY(changed.size() >= 2);

            // Gone from IPv4, the kitchen is still reachable over IPv6; then gone.
            changed.clear();
            avahi.item(avahiSide, QStringLiteral("ItemRemove"), kInet, QStringLiteral("Teehee on kitchen"));
            QVERIFY(changed.wait(10000));
            QCOMPARE(browser.servers().size(), 2);
            QCOMPARE(browser.servers().at(1).url, kitchenV6);
            avahi.item(avahiSide, QStringLiteral("ItemRemove"), kInet6, QStringLiteral("Teehee on kitchen"));
            QVERIFY(changed.wait(10000));
            QCOMPARE(browser.servers(), QList<DiscoveredServer>{both.first()});

            // Only a link-local IPv6 address: usable with its interface named in the URL.
            avahi.item(avahiSide, QStringLiteral("ItemNew"), kInet6, QStringLiteral("Teehee on garage"));
            QVERIFY(changed.wait(10000));
            const QString zone = QNetworkInterface::interfaceNameFromIndex(2);
            QCOMPARE(browser.servers().at(1).url,
                     QStringLiteral("https://[fe80::1%25%1]:7000").arg(zone.isEmpty() ? QStringLiteral("2") : zone));
            QVERIFY(QUrl(browser.servers().at(1).url).isValid());
            avahi.item(avahiSide, QStringLiteral("ItemRemove"), kInet6, QStringLiteral("Teehee on garage"));
            QVERIFY(changed.wait(10000));
            QCOMPARE(browser.servers(), QList<DiscoveredServer>{both.first()});

            // Bounded: a flood of services keeps the first 64.
            for (int i = 0; i < 70; ++i)
                avahi.item(avahiSide, QStringLiteral("ItemNew"), kInet, QStringLiteral("bulk %1").arg(i, 2, 10, QChar(u'0')));
            QVERIFY(QTest::qWaitFor([&] { return browser.servers().size() == DnsSdBrowser::kMaxServers; }, 20000));
            QVERIFY(roundTrip(bus));
            QCOMPARE(avahi.resolves, 4 + 63);
            QCOMPARE(browser.servers().size(), DnsSdBrowser::kMaxServers);
            QCOMPARE(browser.servers().last().name, QStringLiteral("Teehee on attic"));
            QCOMPARE(browser.servers().at(62).name, QStringLiteral("bulk 62"));

            browser.stop();
            QVERIFY(browser.servers().isEmpty());
            QVERIFY(QTest::qWaitFor([&] { return avahi.freed == QStringList{avahi.browser}; }, 10000));

            // Started again, then gone with its owner: that browser is freed too.
            avahi.beforeAnswer = nullptr;
            browser.start();
            QVERIFY(QTest::qWaitFor([&] { return avahi.browsers == 2; }, 10000));
            QVERIFY(unavailable.isEmpty());
        }
        QVERIFY(QTest::qWaitFor([&] { return avahi.freed.size() == 2; }, 10000));
        avahiSide.unregisterService(QStringLiteral("org.freedesktop.Avahi"));
        QDBusConnection::disconnectFromBus(QStringLiteral("avahi"));
        QDBusConnection::disconnectFromBus(QStringLiteral("impostor"));
        QDBusConnection::disconnectFromBus(QStringLiteral("browser"));
    }

    void withoutAvahiTheListStaysEmpty()
    {
        DnsSdBrowser browser(QDBusConnection::connectToBus(m_address, QStringLiteral("no-avahi")));
        QSignalSpy unavailable(&browser, &DnsSdBrowser::unavailable);
        QSignalSpy changed(&browser, &DnsSdBrowser::serversChanged);
        browser.start();
        QVERIFY(unavailable.wait(10000));
        QVERIFY(browser.servers().isEmpty());
        QVERIFY(changed.isEmpty());
        QDBusConnection::disconnectFromBus(QStringLiteral("no-avahi"));

        DnsSdBrowser noBus(QDBusConnection(QStringLiteral("never-connected")));
        QSignalSpy said(&noBus, &DnsSdBrowser::unavailable);
        noBus.start();
        QCOMPARE(said.size(), 1);
        QVERIFY(noBus.servers().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDnsSdBrowser)
#include "tst_dnssdbrowser.moc"
