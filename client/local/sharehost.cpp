#include "sharehost.h"

#include "dnssdannouncer.h"
#include "lanaddresses.h"
#include "remotestreams.h"

#include "api/httpserver.h"
#include "api/tls/tlsidentity.h"
#include "auth/deviceservice.h"
#include "auth/pairingservice.h"
#include "backend.h"
#include "core/config.h"
#include "core/logging.h"

#include <QHostInfo>
#include <QNetworkInterface>

namespace teehee::client {
namespace {

constexpr int kSlowRefreshMs = 30 * 1000;

PairingRequestInfo toInfo(const PairingRequestRecord &r)
{
    return PairingRequestInfo{r.id, r.deviceName, r.verification, r.expiresAt};
}

bool sameDevices(const QList<SharedDevice> &a, const QList<SharedDevice> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].id != b[i].id || a[i].name != b[i].name || a[i].lastSeen != b[i].lastSeen)
            return false;
    }
    return true;
}

bool sameRequests(const QList<PairingRequestInfo> &a, const QList<PairingRequestInfo> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].pairingId != b[i].pairingId)
            return false;
    }
    return true;
}

bool hasIPv6()
{
    for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
        if (a.protocol() == QAbstractSocket::IPv6Protocol)
            return true;
    }
    return false;
}

} // namespace

ShareHost::ShareHost(Backend &backend, const QString &userId, Sink sink, QObject *parent)
    : ShareHost(backend, userId, std::move(sink), new DnsSdAnnouncer(), parent)
{
}

ShareHost::ShareHost(Backend &backend, const QString &userId, Sink sink, DnsSdAnnouncer *announcer, QObject *parent)
    : QObject(parent), m_backend(backend), m_userId(userId), m_sink(std::move(sink)), m_announcer(announcer)
{
    m_announcer->setParent(this);
    m_streams = new RemoteStreams(backend, userId, [this](const QList<RemoteStream> &streams) {
        if (m_sink.streams)
            m_sink.streams(streams);
    }, this);
    connect(&backend.pairing(), &PairingService::pairRequested, this, [this](const PairingRequestRecord &request) {
        if (request.userId != m_userId)
            return;
        refreshRequests();
        if (m_sink.pairRequested)
            m_sink.pairRequested(toInfo(request));
    });
    connect(&backend.devices(), &DeviceService::deviceRevoked, this, [this](const QString &userId, const QString &) {
        if (userId == m_userId)
            refreshDevices();
    });
    // An approved device appears once it has collected its token (its next poll).
    connect(&backend.devices(), &DeviceService::deviceAdded, this, [this](const QString &userId, const QString &) {
        if (userId == m_userId)
            refreshDevices();
    });
    m_slowRefresh.setInterval(kSlowRefreshMs);
    connect(&m_slowRefresh, &QTimer::timeout, this, [this] {
        refreshDevices();
        refreshRequests();
    });
}

ShareHost::~ShareHost()
{
    stop();
}

ShareHost::Started ShareHost::start(quint16 port)
{
    stop();
    Started started;
    auto identity = TlsIdentity::selfSigned(m_backend.config().dataDir);
    if (!identity) {
        started.error = identity.error().message;
        return started;
    }
    auto *server = new HttpServer(m_backend, this);
    server->useTls(identity->serverConfiguration());
    auto bound = server->listen(QStringLiteral("0.0.0.0"), port);
    if (!bound) {
        delete server;
        started.error = bound.error().message;
        return started;
    }
    if (hasIPv6()) {
        if (auto v6 = server->listen(QStringLiteral("::"), bound.value()); !v6)
            qCInfo(lcHttp).noquote() << "sharing on IPv4 only:" << v6.error().message;
    }
    m_server = server;
    m_port = bound.value();
    m_fingerprintHex = identity->fingerprintHex();
    started.port = m_port;
    started.fingerprint = identity->fingerprint();
    started.fingerprintHex = m_fingerprintHex;
    // Other devices can find the share by name; "fp" is what they pin.
    m_announcer->announce(QStringLiteral("Teehee on %1").arg(QHostInfo::localHostName()).left(63), m_port,
                          {QByteArrayLiteral("v=1"), "fp=" + m_fingerprintHex.toLatin1(), QByteArrayLiteral("path=/")});
    m_slowRefresh.start();
    m_haveDevices = m_haveRequests = false; // the other side forgot the requests when sharing stopped
    refreshDevices();
    refreshRequests();
    return started;
}

void ShareHost::stop()
{
    m_slowRefresh.stop();
    m_announcer->withdraw();
    // The listeners and the connections they accepted (HTTP, WebSocket) are
    // the server's children: they close here, now, not at the next idle timeout.
    delete m_server;
    m_server = nullptr;
}

ShareHost::Invitation ShareHost::invite(QString *error)
{
    if (!m_server) {
        *error = QStringLiteral("not sharing");
        return {};
    }
    const QList<QHostAddress> addresses = lanAddresses();
    const QString base = addresses.isEmpty()
        ? QStringLiteral("https://%1:%2").arg(QHostInfo::localHostName().toLower()).arg(m_port)
        : httpsUrl(addresses.constFirst(), m_port);
    auto invitation = m_backend.pairing().invite(m_userId, base);
    if (!invitation) {
        *error = invitation.error().message;
        return {};
    }
    return Invitation{invitation->url + QStringLiteral("&fp=") + m_fingerprintHex, invitation->expiresAt};
}

Status ShareHost::approve(const QString &pairingId)
{
    Status st = m_backend.pairing().approve(m_userId, pairingId);
    refreshRequests();
    return st;
}

Status ShareHost::deny(const QString &pairingId)
{
    Status st = m_backend.pairing().deny(m_userId, pairingId);
    refreshRequests();
    return st;
}

Status ShareHost::revoke(const QString &deviceId)
{
    Status st = m_backend.devices().revoke(m_userId, deviceId);
    refreshDevices(); // deviceRevoked may come later through the feed; this is now
    return st;
}

void ShareHost::refreshDevices()
{
    auto listed = m_backend.devices().list(m_userId);
    if (!listed) {
        qCWarning(lcAuth).noquote() << "cannot list the shared account's devices:" << listed.error().message;
        return;
    }
    QList<SharedDevice> devices;
    for (const DeviceRecord &d : listed.value())
        devices << SharedDevice{d.id, d.name, d.lastSeenAt, false};
    if (m_haveDevices && sameDevices(devices, m_devices))
        return;
    m_haveDevices = true;
    m_devices = devices;
    if (m_sink.devices)
        m_sink.devices(m_devices);
}

void ShareHost::refreshRequests()
{
    auto listed = m_backend.pairing().pending(m_userId);
    if (!listed) {
        qCWarning(lcAuth).noquote() << "cannot list the pairing requests:" << listed.error().message;
        return;
    }
    QList<PairingRequestInfo> requests;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const PairingRequestRecord &r : listed.value()) {
        if (r.status == PairingStatus::Pending && (!r.expiresAt.isValid() || r.expiresAt > now))
            requests << toInfo(r);
    }
    if (m_haveRequests && sameRequests(requests, m_requests))
        return;
    m_haveRequests = true;
    m_requests = requests;
    if (m_sink.requests)
        m_sink.requests(m_requests);
}

} // namespace teehee::client
