#pragma once

#include "api/apirequest.h"
#include "core/config.h"

#include <QHostAddress>
#include <QStringList>

namespace teehee {

// The address of the client behind a request, for per-address limits.
// When the socket peer lies in TRUSTED_PROXIES, X-Forwarded-For is read from
// the right: the first address that is not itself a trusted proxy is the
// client (entries further left were written by the client and prove nothing).
// Otherwise X-Forwarded-For is ignored and the peer is the client.
QHostAddress clientAddress(const ApiRequest &request, const Config &config);
// One form per client: ::ffff:a.b.c.d (a dual-stack socket) becomes a.b.c.d.
QHostAddress normalisedAddress(const QHostAddress &address);
QHostAddress clientAddress(const QHostAddress &peer, const QByteArray &forwardedFor, const QStringList &trustedProxies);
// Whether the request came straight from one of TRUSTED_PROXIES (whose X-Forwarded-* headers count).
bool fromTrustedProxy(const ApiRequest &request, const Config &config);

} // namespace teehee
