#include "lanaddresses.h"

#include <QNetworkInterface>

#include <algorithm>

namespace teehee::client {

bool isPrivateAddress(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 a = address.toIPv4Address();
        return (a >> 24) == 10 || (a >> 20) == ((172u << 4) | 1u) || (a >> 16) == ((192u << 8) | 168u);
    }
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return (address.toIPv6Address()[0] & 0xfe) == 0xfc; // unique local, fc00::/7
    return false;
}

QList<QHostAddress> lanAddresses()
{
    QList<QHostAddress> found;
    for (const QNetworkInterface &nic : QNetworkInterface::allInterfaces()) {
        const auto flags = nic.flags();
        if (!(flags & QNetworkInterface::IsUp) || !(flags & QNetworkInterface::IsRunning)
            || (flags & QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &entry : nic.addressEntries()) {
            QHostAddress ip = entry.ip();
            if (ip.isLoopback() || ip.isLinkLocal() || ip.isMulticast() || ip.isNull())
                continue;
            ip.setScopeId(QString());
            if (!found.contains(ip))
                found << ip;
        }
    }
    auto rank = [](const QHostAddress &a) {
        return (isPrivateAddress(a) ? 0 : 2) + (a.protocol() == QAbstractSocket::IPv4Protocol ? 0 : 1);
    };
    std::stable_sort(found.begin(), found.end(), [&](const QHostAddress &a, const QHostAddress &b) { return rank(a) < rank(b); });
    return found;
}

QString httpsUrl(const QHostAddress &address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(address.toString())
        : address.toString();
    return QStringLiteral("https://%1:%2").arg(host).arg(port);
}

} // namespace teehee::client
