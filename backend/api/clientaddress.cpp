#include "api/clientaddress.h"

namespace teehee {

QHostAddress normalisedAddress(const QHostAddress &a)
{
    bool isV4 = false;
    const quint32 v4 = a.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : a;
}

namespace {

bool isTrusted(const QHostAddress &a, const QList<QPair<QHostAddress, int>> &ranges)
{
    for (const auto &range : ranges)
        if (a.isInSubnet(range))
            return true;
    return false;
}

// One X-Forwarded-For entry: an address, possibly "a.b.c.d:port" or "[v6]:port".
QHostAddress parseEntry(QByteArray entry)
{
    entry = entry.trimmed();
    if (entry.startsWith('[')) {
        const qsizetype close = entry.indexOf(']');
        entry = close > 0 ? entry.mid(1, close - 1) : QByteArray();
    } else if (entry.count(':') == 1) {
        entry = entry.left(entry.indexOf(':'));
    }
    QHostAddress a;
    if (entry.isEmpty() || !a.setAddress(QString::fromLatin1(entry)))
        return {};
    return normalisedAddress(a);
}

} // namespace

QHostAddress clientAddress(const QHostAddress &peerIn, const QByteArray &forwardedFor, const QStringList &trustedProxies)
{
    const QHostAddress peer = normalisedAddress(peerIn);
    if (trustedProxies.isEmpty() || forwardedFor.isEmpty())
        return peer;
    QList<QPair<QHostAddress, int>> ranges;
    for (const QString &cidr : trustedProxies)
        ranges << QHostAddress::parseSubnet(cidr);
    if (!isTrusted(peer, ranges))
        return peer;
    QHostAddress client = peer;
    const QList<QByteArray> hops = forwardedFor.split(',');
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        const QHostAddress hop = parseEntry(*it);
        if (hop.isNull())
            break; // garbage: the last trusted hop is as far as we can see
        client = hop;
        if (!isTrusted(hop, ranges))
            break;
    }
    return client;
}

bool fromTrustedProxy(const ApiRequest &request, const Config &config)
{
    QList<QPair<QHostAddress, int>> ranges;
    for (const QString &cidr : config.trustedProxies)
        ranges << QHostAddress::parseSubnet(cidr);
    return isTrusted(normalisedAddress(request.remoteAddress), ranges);
}

QHostAddress clientAddress(const ApiRequest &request, const Config &config)
{
    return clientAddress(request.remoteAddress, request.header("x-forwarded-for"), config.trustedProxies);
}

} // namespace teehee
