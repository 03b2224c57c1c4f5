#include "dnssdannouncer.h"

#include "core/logging.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace teehee::client {
namespace {

const QString kAvahi = QStringLiteral("org.freedesktop.Avahi");
const QString kServerInterface = QStringLiteral("org.freedesktop.Avahi.Server");
const QString kGroupInterface = QStringLiteral("org.freedesktop.Avahi.EntryGroup");
constexpr int kAnyInterface = -1; // AVAHI_IF_UNSPEC
constexpr int kAnyProtocol = -1;  // AVAHI_PROTO_UNSPEC

} // namespace

DnsSdAnnouncer::DnsSdAnnouncer(QDBusConnection bus, QObject *parent) : QObject(parent), m_bus(std::move(bus)) {}

DnsSdAnnouncer::~DnsSdAnnouncer()
{
    withdraw();
}

void DnsSdAnnouncer::announce(const QString &name, quint16 port, const QByteArrayList &txt)
{
    withdraw();
    const quint64 generation = ++m_generation;
    if (!m_bus.isConnected())
        return giveUp(QStringLiteral("no system bus"));
    const QDBusMessage call = QDBusMessage::createMethodCall(kAvahi, QStringLiteral("/"), kServerInterface,
                                                             QStringLiteral("EntryGroupNew"));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, generation, name, port, txt] {
        watcher->deleteLater();
        const QDBusPendingReply<QDBusObjectPath> reply = *watcher;
        if (generation != m_generation)
            return; // withdrawn or replaced meanwhile
        if (reply.isError())
            return giveUp(reply.error().message());
        m_group = reply.value().path();
        addService(name, port, txt);
    });
}

void DnsSdAnnouncer::addService(const QString &name, quint16 port, const QByteArrayList &txt)
{
    QDBusMessage add = QDBusMessage::createMethodCall(kAvahi, m_group, kGroupInterface, QStringLiteral("AddService"));
    QDBusArgument records;
    records << txt; // aay
    add << kAnyInterface << kAnyProtocol << 0u << name << QString::fromLatin1(kServiceType) << QString() << QString()
        << port << QVariant::fromValue(records);
    const QDBusMessage commit = QDBusMessage::createMethodCall(kAvahi, m_group, kGroupInterface, QStringLiteral("Commit"));
    const quint64 generation = m_generation;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(add), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, generation, commit] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        if (watcher->isError())
            return giveUp(watcher->error().message());
        auto *committed = new QDBusPendingCallWatcher(m_bus.asyncCall(commit), this);
        connect(committed, &QDBusPendingCallWatcher::finished, this, [this, committed, generation] {
            committed->deleteLater();
            if (generation != m_generation)
                return;
            if (committed->isError())
                return giveUp(committed->error().message());
            qCInfo(lcHttp).noquote() << "announced on the local network as" << kServiceType;
            Q_EMIT announced();
        });
    });
}

void DnsSdAnnouncer::withdraw()
{
    ++m_generation;
    if (m_group.isEmpty())
        return;
    // Freeing the group takes the service off the network; no answer is awaited.
    m_bus.asyncCall(QDBusMessage::createMethodCall(kAvahi, m_group, kGroupInterface, QStringLiteral("Free")));
    m_group.clear();
}

void DnsSdAnnouncer::giveUp(const QString &why)
{
    if (!m_group.isEmpty())
        withdraw();
    qCInfo(lcHttp).noquote() << "not announced on the local network (DNS-SD through Avahi):" << why;
    Q_EMIT unavailable(why);
}

} // namespace teehee::client
