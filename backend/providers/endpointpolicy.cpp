#include "providers/endpointpolicy.h"

#include <QUrl>

#include <algorithm>

namespace teehee {

namespace {

constexpr qsizetype kMaxBaseUrl = 2048;

QString normalHost(QString host)
{
    host = host.trimmed().toLower();
    while (host.endsWith(QLatin1Char('.')))
        host.chop(1);
    return host;
}

bool isControlOrSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || c.isSpace();
}

bool inV4(quint32 a, quint32 net, int bits)
{
    const quint32 mask = bits == 0 ? 0 : ~quint32(0) << (32 - bits);
    return (a & mask) == (net & mask);
}

constexpr quint32 v4(int a, int b, int c, int d)
{
    return quint32(a) << 24 | quint32(b) << 16 | quint32(c) << 8 | quint32(d);
}

bool isGlobalV4(quint32 a)
{
    static const struct { quint32 net; int bits; } kNotGlobal[] = {
        {v4(0, 0, 0, 0), 8},       // "this network"
        {v4(10, 0, 0, 0), 8},      // RFC 1918
        {v4(100, 64, 0, 0), 10},   // carrier-grade NAT
        {v4(127, 0, 0, 0), 8},     // loopback
        {v4(169, 254, 0, 0), 16},  // link-local, cloud metadata
        {v4(172, 16, 0, 0), 12},   // RFC 1918
        {v4(192, 0, 0, 0), 24},    // IETF protocol assignments
        {v4(192, 0, 2, 0), 24},    // documentation
        {v4(192, 88, 99, 0), 24},  // 6to4 relay
        {v4(192, 168, 0, 0), 16},  // RFC 1918
        {v4(198, 18, 0, 0), 15},   // benchmarking
        {v4(198, 51, 100, 0), 24}, // documentation
        {v4(203, 0, 113, 0), 24},  // documentation
        {v4(224, 0, 0, 0), 4},     // multicast
        {v4(240, 0, 0, 0), 4},     // reserved, broadcast
    };
    return std::none_of(std::begin(kNotGlobal), std::end(kNotGlobal),
                        [a](const auto &r) { return inV4(a, r.net, r.bits); });
}

// The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64
// (64:ff9b::a.b.c.d) IPv6 address: either reaches that IPv4 host.
bool embeddedV4(const Q_IPV6ADDR &b, quint32 *out)
{
    static const quint8 kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    static const quint8 kNat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    if (!std::equal(b.c, b.c + 12, kMapped) && !std::equal(b.c, b.c + 12, kNat64))
        return false;
    *out = quint32(b.c[12]) << 24 | quint32(b.c[13]) << 16 | quint32(b.c[14]) << 8 | quint32(b.c[15]);
    return true;
}

bool isGlobalV6(const Q_IPV6ADDR &b)
{
    quint32 inner = 0;
    if (embeddedV4(b, &inner))
        return isGlobalV4(inner);
    if ((b.c[0] & 0xe0) != 0x20)
        return false; // outside 2000::/3: loopback, unspecified, ULA, link-local, multicast, ...
    if (b.c[0] == 0x20 && b.c[1] == 0x01 && b.c[2] < 0x02)
        return false; // 2001::/23 IETF assignments (Teredo among them)
    if (b.c[0] == 0x20 && b.c[1] == 0x01 && b.c[2] == 0x0d && b.c[3] == 0xb8)
        return false; // 2001:db8::/32 documentation
    if (b.c[0] == 0x20 && b.c[1] == 0x02)
        return false; // 2002::/16 6to4, which embeds any IPv4 address
    if (b.c[0] == 0x3f && b.c[1] == 0xff && (b.c[2] & 0xf0) == 0)
        return false; // 3fff::/20 documentation
    return true;
}

} // namespace

EndpointPolicy::EndpointPolicy(bool allowPrivate, const QStringList &allowedHosts)
    : m_allowPrivate(allowPrivate)
{
    for (const QString &raw : allowedHosts) {
        const QString entry = raw.trimmed();
        if (entry.isEmpty())
            continue;
        QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(entry);
        if (!subnet.first.isNull()) {
            m_subnets << subnet;
            continue;
        }
        const QHostAddress single(entry);
        if (!single.isNull()) {
            m_subnets << qMakePair(single, single.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32);
            continue;
        }
        m_hosts << normalHost(entry);
    }
    QStringList parts = m_hosts;
    for (const auto &[address, bits] : std::as_const(m_subnets))
        parts << address.toString() + QLatin1Char('/') + QString::number(bits);
    parts.sort();
    m_tag = m_allowPrivate ? QStringLiteral("any") : QStringLiteral("public+") + parts.join(QLatin1Char(','));
}

std::shared_ptr<const EndpointPolicy> EndpointPolicy::make(bool allowPrivate, const QStringList &allowedHosts)
{
    return std::make_shared<const EndpointPolicy>(allowPrivate, allowedHosts);
}

std::shared_ptr<const EndpointPolicy> EndpointPolicy::anyAddress()
{
    static const auto any = make(true, {});
    return any;
}

std::shared_ptr<const EndpointPolicy> EndpointPolicy::publicOnly()
{
    static const auto none = make(false, {});
    return none;
}

Status EndpointPolicy::checkBaseUrlShape(const QString &baseUrl)
{
    if (baseUrl.size() > kMaxBaseUrl)
        return Error::invalid(QStringLiteral("base_url: longer than %1 characters").arg(kMaxBaseUrl));
    if (std::any_of(baseUrl.cbegin(), baseUrl.cend(), isControlOrSpace))
        return Error::invalid(QStringLiteral("base_url: must not contain spaces, line breaks or control characters"));
    const QUrl url(baseUrl, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"https" && scheme != u"http") || url.host().isEmpty())
        return Error::invalid(QStringLiteral("base_url: an http:// or https:// URL with a host is required"));
    if (baseUrl.contains(QLatin1Char('?')) || baseUrl.contains(QLatin1Char('#')))
        return Error::invalid(QStringLiteral("base_url: a base URL takes no query (?) or fragment (#)"));
    const qsizetype start = baseUrl.indexOf(QLatin1String("://")) + 3;
    const qsizetype slash = baseUrl.indexOf(QLatin1Char('/'), start);
    const QString authority = baseUrl.mid(start, slash < 0 ? -1 : slash - start);
    if (!url.userInfo().isEmpty() || authority.contains(QLatin1Char('@')))
        return Error::invalid(QStringLiteral("base_url: must not contain a user name or password (user:pass@); "
                                             "give the key as api_key"));
    return success();
}

Status EndpointPolicy::checkBaseUrl(const QString &baseUrl) const
{
    if (auto st = checkBaseUrlShape(baseUrl); !st)
        return st;
    const QString host = QUrl(baseUrl, QUrl::StrictMode).host();
    const QHostAddress literal(host);
    if (!literal.isNull() && !allowsAddress(host, literal))
        return Error::invalid(QStringLiteral("base_url: %1").arg(refusalText()));
    // "localhost" and its subdomains are loopback by definition (RFC 6761):
    // refused now, as 127.0.0.1 is, not only when a reply tries to connect.
    const QString name = normalHost(host);
    if (literal.isNull() && (name == u"localhost" || name.endsWith(u".localhost"))
        && !allowsAddress(host, QHostAddress(QHostAddress::LocalHost)))
        return Error::invalid(QStringLiteral("base_url: %1").arg(refusalText()));
    return success();
}

bool EndpointPolicy::allowsAddress(const QString &host, const QHostAddress &address) const
{
    if (m_allowPrivate || isGlobal(address))
        return true;
    if (m_hosts.contains(normalHost(host)))
        return true;
    bool mapped = false;
    const QHostAddress asV4(address.toIPv4Address(&mapped));
    for (const auto &subnet : m_subnets) {
        if (address.isInSubnet(subnet) || (mapped && asV4.isInSubnet(subnet)))
            return true;
    }
    return false;
}

bool EndpointPolicy::isGlobal(const QHostAddress &address)
{
    switch (address.protocol()) {
    case QAbstractSocket::IPv4Protocol:
        return isGlobalV4(address.toIPv4Address());
    case QAbstractSocket::IPv6Protocol:
        return isGlobalV6(address.toIPv6Address());
    default:
        return false;
    }
}

QString EndpointPolicy::refusalText()
{
    return QStringLiteral("the address is on a private or local network, and this server does not allow endpoints "
                          "on private networks (its operator can allow them with ALLOWED_ENDPOINT_HOSTS)");
}

} // namespace teehee
