#pragma once

#include "core/error.h"

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>

class QUrl;

namespace teehee {

// Where a user-given endpoint (a custom OpenAI-compatible base URL) may lead.
// On a shared server such an URL must not become a way into the server's own
// network: loopback, private, link-local, unique-local, multicast and other
// non-global addresses are refused unless the operator allows them (all of
// them, or listed host names and CIDRs). The address judged is the one
// connected to, after DNS (HttpStreamRequest); a base URL with a literal
// address is judged when it is stored. Immutable, shared by the requests that
// use it. The providers the operator configures are not subject to it.
class EndpointPolicy {
public:
    // Private addresses allowed to everyone, or only the listed hosts/CIDRs.
    EndpointPolicy(bool allowPrivate, const QStringList &allowedHosts);

    // The server's rule for its accounts (ALLOW_PRIVATE_ENDPOINTS, ALLOWED_ENDPOINT_HOSTS).
    static std::shared_ptr<const EndpointPolicy> make(bool allowPrivate, const QStringList &allowedHosts);
    // The machine's owner on the desktop: their own Ollama or LM Studio is the normal case.
    static std::shared_ptr<const EndpointPolicy> anyAddress();
    // Only global addresses, nothing listed: what applies when nothing else was said.
    static std::shared_ptr<const EndpointPolicy> publicOnly();

    // A base URL is a base: http(s), a host, no user info, query or fragment,
    // no whitespace or control character. Independent of any policy.
    static Status checkBaseUrlShape(const QString &baseUrl);
    // The shape, and a literal address in it judged now (names wait for DNS).
    Status checkBaseUrl(const QString &baseUrl) const;

    // Whether `address`, found for `host`, may be connected to.
    bool allowsAddress(const QString &host, const QHostAddress &address) const;
    // An address that every network reaches the same way (no loopback, private, ...).
    static bool isGlobal(const QHostAddress &address);

    bool allowsAnyAddress() const { return m_allowPrivate; }
    // Tells apart the connections made under different rules in a connection pool.
    QString tag() const { return m_tag; }

    // What the user reads when an endpoint is refused; the same whatever is listening there.
    static QString refusalText();

private:
    bool m_allowPrivate = false;
    QStringList m_hosts;                    // lower case, without a trailing dot
    QList<QPair<QHostAddress, int>> m_subnets;
    QString m_tag;
};

} // namespace teehee
