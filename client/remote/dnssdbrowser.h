#pragma once

#include <QDBusConnection>
#include <QDBusMessage>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

namespace teehee::client {

// A Teehee server seen on the local network.
struct DiscoveredServer {
    QString name;        // the announced service name ("Teehee on kitchen")
    QString host;        // the announcing host ("kitchen.local")
    QString url;         // https://<address>:<port> ([v6]); http:// when no fingerprint is announced
    QString fingerprint; // SHA-256 of its TLS certificate, lower-case hex; empty when not announced
    friend bool operator==(const DiscoveredServer &, const DiscoveredServer &) = default;
};

// Lists the Teehee servers announced on the local network with DNS-SD
// ("_teehee._tcp"), through Avahi's D-Bus API, without ever blocking. Where
// there is no Avahi (no system bus, no daemon) it says so in the log (once),
// emits unavailable() and stays empty: servers can still be typed in.
// Everything it is told comes from the network and is bounded and checked.
class DnsSdBrowser : public QObject {
    Q_OBJECT
public:
    static constexpr const char *kServiceType = "_teehee._tcp";
    static constexpr int kMaxServers = 64;

    // `bus`: the system bus, where avahi-daemon lives (a test passes its own).
    explicit DnsSdBrowser(QDBusConnection bus = QDBusConnection::systemBus(), QObject *parent = nullptr);
    ~DnsSdBrowser() override; // frees the Avahi browser

    void start(); // a second call starts over
    void stop();  // forgets the servers seen
    // One entry per service name (IPv4 preferred), sorted by name.
    QList<DiscoveredServer> servers() const { return m_servers; }

Q_SIGNALS:
    void serversChanged();
    void unavailable(const QString &why);

private Q_SLOTS:
    void onBrowserSignal(const QDBusMessage &message);

private:
    // One sighting of a service: Avahi reports it per interface and protocol.
    struct Sighting {
        int interface = -1;
        int protocol = -1;
        quint64 id = 0;       // ties a ResolveService answer to this sighting
        bool resolved = false;
        int rank = 0;         // lower is better: IPv4, global IPv6, link-local IPv6
        DiscoveredServer server;
    };
    struct Service {
        QString name, domain; // as Avahi reports them, to resolve and to match removals
        QList<Sighting> sightings;
    };

    void handle(const QDBusMessage &message);
    void itemNew(const QDBusMessage &message);
    void itemRemove(const QDBusMessage &message);
    void resolve(const QString &key, const Service &service, const Sighting &sighting);
    void resolved(const QString &key, quint64 id, const QDBusMessage &reply);
    void publish();
    void freeBrowser();
    void giveUp(const QString &why);

    QDBusConnection m_bus;
    bool m_subscribed = false;
    quint64 m_generation = 0;  // answers to an older start() are ignored
    quint64 m_nextId = 0;
    QString m_browser;         // the Avahi browser's object path, once known
    QString m_avahi;           // avahi-daemon's unique bus name: signals from others are ignored
    QList<QDBusMessage> m_early; // browser signals that came before ServiceBrowserNew's answer
    QHash<QString, Service> m_services; // by domain and name
    QList<DiscoveredServer> m_servers;
    bool m_waiting = false;    // ServiceBrowserNew asked, not yet answered
    bool m_fullLogged = false;
    bool m_unavailableLogged = false;
};

} // namespace teehee::client
