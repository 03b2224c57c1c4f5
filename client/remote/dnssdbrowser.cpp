#include "dnssdbrowser.h"

#include "core/logging.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QHostAddress>
#include <QNetworkInterface>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <cctype>
#include <tuple>

namespace teehee::client {
namespace {

const QString kAvahi = QStringLiteral("org.freedesktop.Avahi");
const QString kServerInterface = QStringLiteral("org.freedesktop.Avahi.Server");
const QString kBrowserInterface = QStringLiteral("org.freedesktop.Avahi.ServiceBrowser");
const QString kDomain = QStringLiteral("local");
constexpr int kAnyInterface = -1; // AVAHI_IF_UNSPEC
constexpr int kAnyProtocol = -1;  // AVAHI_PROTO_UNSPEC
constexpr qsizetype kMaxLabel = 63;      // bytes in a DNS label: a service name is one
constexpr qsizetype kMaxDomainName = 255; // bytes in a host or domain name
constexpr qsizetype kMaxSightings = 8;   // interfaces × protocols one service is seen on
constexpr qsizetype kMaxEarly = 256;     // browser signals kept until the browser's path is known
constexpr qsizetype kMaxTxtEntries = 32;
constexpr qsizetype kFingerprintHex = 64; // SHA-256

const QStringList kSignals{QStringLiteral("ItemNew"), QStringLiteral("ItemRemove"), QStringLiteral("Failure")};

bool withinBytes(const QString &text, qsizetype max)
{
    return !text.isEmpty() && text.toUtf8().size() <= max;
}

// Names come from any device on the network: no control, format (bidi) or
// line-separating characters reach the list.
QString printable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.category()) {
        case QChar::Other_Control:
        case QChar::Other_Format:
        case QChar::Separator_Line:
        case QChar::Separator_Paragraph:
            continue;
        default:
            out += c;
        }
    }
    return out;
}

// The announced certificate fingerprint ("fp"). RFC 6763: keys are
// case-insensitive and only a key's first occurrence counts; malformed
// entries are skipped.
QString fingerprintFrom(const QByteArrayList &txt)
{
    QSet<QByteArray> seen;
    for (const QByteArray &entry : txt.mid(0, kMaxTxtEntries)) {
        const qsizetype eq = entry.indexOf('=');
        if (entry.size() > 255 || eq <= 0)
            continue;
        const QByteArray key = entry.left(eq).toLower();
        if (!std::all_of(key.begin(), key.end(), [](char c) { return c >= 0x20 && c <= 0x7e; }))
            continue;
        const QByteArray value = entry.mid(eq + 1).toLower();
        if (key == "fp" && (value.size() != kFingerprintHex
                            || !std::all_of(value.begin(), value.end(), [](char c) { return std::isxdigit(uchar(c)); })))
            continue;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        if (key == "fp")
            return QString::fromLatin1(value);
    }
    return {};
}

// IPv4 first; a link-local IPv6 address only works with its interface.
int rankOf(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return 0;
    return address.isLinkLocal() ? 2 : 1;
}

QString urlFor(QHostAddress address, int interface, quint16 port, bool tls)
{
    QString host;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        address.setScopeId({});
        host = address.toString();
        if (address.isLinkLocal() && interface > 0) {
            QString zone = QNetworkInterface::interfaceNameFromIndex(interface);
            host += QStringLiteral("%25") + (zone.isEmpty() ? QString::number(interface) : zone);
        }
        host = u'[' + host + u']';
    } else {
        host = address.toString();
    }
    return (tls ? QStringLiteral("https://") : QStringLiteral("http://")) + host + u':' + QString::number(port);
}

} // namespace

DnsSdBrowser::DnsSdBrowser(QDBusConnection bus, QObject *parent) : QObject(parent), m_bus(std::move(bus)) {}

DnsSdBrowser::~DnsSdBrowser()
{
    freeBrowser();
    if (m_subscribed) {
        for (const QString &member : kSignals)
            m_bus.disconnect(QString(), QString(), kBrowserInterface, member, this, SLOT(onBrowserSignal(QDBusMessage)));
    }
}

void DnsSdBrowser::start()
{
    stop();
    const quint64 generation = m_generation;
    if (!m_bus.isConnected())
        return giveUp(QStringLiteral("no system bus"));
    if (!m_subscribed) {
        // Subscribed before the browser exists, for any sender and path: Avahi
        // may report services before ServiceBrowserNew answers. Connecting
        // with Avahi's name instead would ask for its owner synchronously.
        for (const QString &member : kSignals)
            m_bus.connect(QString(), QString(), kBrowserInterface, member, this, SLOT(onBrowserSignal(QDBusMessage)));
        m_subscribed = true;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(kAvahi, QStringLiteral("/"), kServerInterface,
                                                       QStringLiteral("ServiceBrowserNew"));
    call << kAnyInterface << kAnyProtocol << QString::fromLatin1(kServiceType) << kDomain << 0u;
    // Not a child of this browser: a browser created after we are gone must still be freed.
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call));
    m_waiting = true;
    connect(watcher, &QDBusPendingCallWatcher::finished, watcher,
            [self = QPointer<DnsSdBrowser>(this), bus = m_bus, watcher, generation] {
                watcher->deleteLater();
                const QDBusMessage reply = watcher->reply();
                const bool created = reply.type() == QDBusMessage::ReplyMessage && reply.signature() == u"o";
                const QString path = created ? reply.arguments().value(0).value<QDBusObjectPath>().path() : QString();
                if (!self || self->m_generation != generation) {
                    if (!path.isEmpty())
                        bus.asyncCall(
                            QDBusMessage::createMethodCall(kAvahi, path, kBrowserInterface, QStringLiteral("Free")));
                    return;
                }
                self->m_waiting = false;
                if (path.isEmpty())
                    return self->giveUp(reply.type() == QDBusMessage::ErrorMessage ? reply.errorMessage()
                                                                                   : QStringLiteral("unexpected answer"));
                self->m_browser = path;
                self->m_avahi = reply.service();
                const QList<QDBusMessage> early = std::exchange(self->m_early, {});
                for (const QDBusMessage &message : early) {
                    if (!self || self->m_generation != generation)
                        return;
                    self->handle(message);
                }
            });
}

void DnsSdBrowser::stop()
{
    ++m_generation;
    m_waiting = false;
    freeBrowser();
    m_early.clear();
    m_services.clear();
    publish();
}

void DnsSdBrowser::freeBrowser()
{
    if (m_browser.isEmpty())
        return;
    // Freeing it ends the browse; no answer is awaited.
    m_bus.asyncCall(QDBusMessage::createMethodCall(kAvahi, m_browser, kBrowserInterface, QStringLiteral("Free")));
    m_browser.clear();
    m_avahi.clear();
}

void DnsSdBrowser::onBrowserSignal(const QDBusMessage &message)
{
    if (m_browser.isEmpty()) {
        if (m_waiting && m_early.size() < kMaxEarly)
            m_early << message;
        return;
    }
    handle(message);
}

void DnsSdBrowser::handle(const QDBusMessage &message)
{
    // Only our browser's signals, from the daemon that created it.
    if (message.path() != m_browser || message.service() != m_avahi)
        return;
    const QString member = message.member();
    if (member == u"ItemNew")
        itemNew(message);
    else if (member == u"ItemRemove")
        itemRemove(message);
    else if (member == u"Failure")
        giveUp(printable(message.arguments().value(0).toString().left(200)));
}

void DnsSdBrowser::itemNew(const QDBusMessage &message)
{
    if (message.signature() != u"iisssu")
        return;
    const QVariantList a = message.arguments();
    const QString name = a.at(2).toString(), type = a.at(3).toString(), domain = a.at(4).toString();
    if (type != QLatin1String(kServiceType) || !withinBytes(name, kMaxLabel) || !withinBytes(domain, kMaxDomainName))
        return;
    const QString key = domain + QChar(0) + name; // D-Bus strings hold no NUL
    auto it = m_services.find(key);
    if (it == m_services.end()) {
        if (m_services.size() >= kMaxServers) {
            if (!std::exchange(m_fullLogged, true))
                qCInfo(lcHttp) << "more than" << kMaxServers << "Teehee servers on the local network; listing the first" << kMaxServers;
            return;
        }
        it = m_services.insert(key, Service{name, domain, {}});
    }
    Sighting sighting;
    sighting.interface = a.at(0).toInt();
    sighting.protocol = a.at(1).toInt();
    const bool seen = std::any_of(it->sightings.cbegin(), it->sightings.cend(), [&](const Sighting &s) {
        return s.interface == sighting.interface && s.protocol == sighting.protocol;
    });
    if (seen || it->sightings.size() >= kMaxSightings)
        return;
    sighting.id = ++m_nextId;
    it->sightings << sighting;
    resolve(key, *it, sighting);
}

void DnsSdBrowser::itemRemove(const QDBusMessage &message)
{
    if (message.signature() != u"iisssu")
        return;
    const QVariantList a = message.arguments();
    const QString key = a.at(4).toString() + QChar(0) + a.at(2).toString();
    const auto it = m_services.find(key);
    if (it == m_services.end())
        return;
    const int interface = a.at(0).toInt(), protocol = a.at(1).toInt();
    it->sightings.removeIf([&](const Sighting &s) { return s.interface == interface && s.protocol == protocol; });
    if (it->sightings.isEmpty())
        m_services.erase(it);
    publish();
}

void DnsSdBrowser::resolve(const QString &key, const Service &service, const Sighting &sighting)
{
    QDBusMessage call = QDBusMessage::createMethodCall(kAvahi, QStringLiteral("/"), kServerInterface,
                                                       QStringLiteral("ResolveService"));
    call << sighting.interface << sighting.protocol << service.name << QString::fromLatin1(kServiceType) << service.domain
         << kAnyProtocol << 0u;
    const quint64 generation = m_generation, id = sighting.id;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, generation, key, id] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const QDBusMessage reply = watcher->reply();
        if (reply.type() != QDBusMessage::ReplyMessage) {
            // Gone before it could be resolved (Avahi times out): it stays unlisted.
            qCDebug(lcHttp).noquote() << "a Teehee server could not be resolved:" << logSafe(reply.errorMessage().left(200));
            return;
        }
        resolved(key, id, reply);
    });
}

void DnsSdBrowser::resolved(const QString &key, quint64 id, const QDBusMessage &reply)
{
    const auto service = m_services.find(key);
    if (service == m_services.end())
        return;
    const auto sighting = std::find_if(service->sightings.begin(), service->sightings.end(),
                                       [id](const Sighting &s) { return s.id == id; });
    if (sighting == service->sightings.end() || reply.signature() != u"iissssisqaayu")
        return; // removed meanwhile, or not an answer to ResolveService
    const QVariantList a = reply.arguments();
    const QString host = a.at(5).toString();
    const QHostAddress address(a.at(7).toString().left(kMaxDomainName));
    const quint16 port = quint16(a.at(8).toUInt());
    const bool usable = address.protocol() == QAbstractSocket::IPv4Protocol
                        || address.protocol() == QAbstractSocket::IPv6Protocol;
    if (!withinBytes(host, kMaxDomainName) || !usable || address.isMulticast() || address.isBroadcast()
        || address.isEqual(QHostAddress::AnyIPv4) || address.isEqual(QHostAddress::AnyIPv6) || port == 0)
        return;
    QByteArrayList txt;
    const QDBusArgument records = a.at(9).value<QDBusArgument>();
    if (records.currentSignature() == u"aay")
        records >> txt;

    sighting->server.name = printable(service->name);
    sighting->server.host = printable(host);
    sighting->server.fingerprint = fingerprintFrom(txt);
    sighting->server.url = urlFor(address, sighting->interface, port, !sighting->server.fingerprint.isEmpty());
    sighting->rank = rankOf(address);
    sighting->resolved = QUrl(sighting->server.url).isValid();
    publish();
}

void DnsSdBrowser::publish()
{
    QList<DiscoveredServer> servers;
    for (const Service &service : std::as_const(m_services)) {
        const Sighting *best = nullptr;
        for (const Sighting &s : service.sightings) {
            if (s.resolved && (!best || s.rank < best->rank))
                best = &s;
        }
        if (best)
            servers << best->server;
    }
    std::sort(servers.begin(), servers.end(), [](const DiscoveredServer &l, const DiscoveredServer &r) {
        const int byName = l.name.compare(r.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : std::tie(l.name, l.url) < std::tie(r.name, r.url);
    });
    if (servers == m_servers)
        return;
    m_servers = servers;
    Q_EMIT serversChanged();
}

void DnsSdBrowser::giveUp(const QString &why)
{
    if (!std::exchange(m_unavailableLogged, true))
        qCInfo(lcHttp).noquote() << "no Teehee servers listed from the local network (DNS-SD through Avahi):" << logSafe(why);
    const QPointer<DnsSdBrowser> alive(this); // a serversChanged() receiver may delete us
    stop();
    if (alive)
        Q_EMIT unavailable(why);
}

} // namespace teehee::client
