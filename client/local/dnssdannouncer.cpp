#include "dnssdannouncer.h"

#include "core/logging.h"

#include <QDBusArgument>
#include <QDBusError>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace teehee::client {
namespace {

const QString kAvahi = QStringLiteral("org.freedesktop.Avahi");
const QString kServerInterface = QStringLiteral("org.freedesktop.Avahi.Server");
const QString kGroupInterface = QStringLiteral("org.freedesktop.Avahi.EntryGroup");
const QString kCollisionError = QStringLiteral("org.freedesktop.Avahi.CollisionError");
constexpr int kAnyInterface = -1; // AVAHI_IF_UNSPEC
constexpr int kAnyProtocol = -1;  // AVAHI_PROTO_UNSPEC
constexpr int kGroupCollision = 3; // AVAHI_ENTRY_GROUP_COLLISION

} // namespace

DnsSdAnnouncer::DnsSdAnnouncer(QDBusConnection bus, QObject *parent) : QObject(parent), m_bus(std::move(bus)) {}

DnsSdAnnouncer::~DnsSdAnnouncer()
{
    withdraw();
}

void DnsSdAnnouncer::announce(const QString &name, quint16 port, const QByteArrayList &txt)
{
    m_name = name;
    m_port = port;
    m_txt = txt;
    m_renames = 0;
    start();
}

void DnsSdAnnouncer::start()
{
    withdraw();
    const quint64 generation = ++m_generation;
    if (!m_bus.isConnected())
        return giveUp(QStringLiteral("no system bus"));
    const QDBusMessage call = QDBusMessage::createMethodCall(kAvahi, QStringLiteral("/"), kServerInterface,
                                                             QStringLiteral("EntryGroupNew"));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        const QDBusPendingReply<QDBusObjectPath> reply = *watcher;
        if (generation != m_generation)
            return; // withdrawn or replaced meanwhile
        if (reply.isError())
            return giveUp(reply.error().message());
        m_group = reply.value().path();
        // A collision found later (another host took the name) comes as a signal of the group.
        m_bus.connect(kAvahi, m_group, kGroupInterface, QStringLiteral("StateChanged"), this,
                      SLOT(groupStateChanged(QDBusMessage)));
        addService();
    });
}

void DnsSdAnnouncer::addService()
{
    QDBusMessage add = QDBusMessage::createMethodCall(kAvahi, m_group, kGroupInterface, QStringLiteral("AddService"));
    QDBusArgument records;
    records << m_txt; // aay
    add << kAnyInterface << kAnyProtocol << 0u << m_name << QString::fromLatin1(kServiceType) << QString() << QString()
        << m_port << QVariant::fromValue(records);
    const QDBusMessage commit = QDBusMessage::createMethodCall(kAvahi, m_group, kGroupInterface, QStringLiteral("Commit"));
    const quint64 generation = m_generation;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(add), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, generation, commit] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        if (watcher->isError()) {
            if (watcher->error().name() == kCollisionError)
                return rename(); // a service of this machine has the name already
            return giveUp(watcher->error().message());
        }
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

void DnsSdAnnouncer::groupStateChanged(const QDBusMessage &signal)
{
    if (signal.path() != m_group || m_group.isEmpty())
        return; // an older group's
    if (signal.arguments().value(0).toInt() == kGroupCollision)
        rename();
}

void DnsSdAnnouncer::rename()
{
    if (++m_renames > kMaxRenames)
        return giveUp(QStringLiteral("the name \"%1\" collides again and again").arg(m_name));
    const quint64 generation = ++m_generation; // the group in hand is done with
    // Avahi's own rule for the next name ("Teehee on kitchen" → "Teehee on kitchen #2").
    QDBusMessage call = QDBusMessage::createMethodCall(kAvahi, QStringLiteral("/"), kServerInterface,
                                                       QStringLiteral("GetAlternativeServiceName"));
    call << m_name;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        const QDBusPendingReply<QString> reply = *watcher;
        if (generation != m_generation)
            return;
        if (reply.isError() || reply.value().isEmpty() || reply.value() == m_name)
            return giveUp(reply.isError() ? reply.error().message() : QStringLiteral("no alternative name"));
        qCInfo(lcHttp).noquote() << "the name" << m_name << "is taken on the local network; announcing as" << reply.value();
        m_name = reply.value();
        Q_EMIT renamed(m_name);
        start();
    });
}

void DnsSdAnnouncer::withdraw()
{
    ++m_generation;
    forgetGroup();
}

void DnsSdAnnouncer::forgetGroup()
{
    if (m_group.isEmpty())
        return;
    m_bus.disconnect(kAvahi, m_group, kGroupInterface, QStringLiteral("StateChanged"), this,
                     SLOT(groupStateChanged(QDBusMessage)));
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
