#pragma once

#include "api/httprequestparser.h"

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QtGlobal>

namespace teehee {

// What every connection is held to until a WebSocket upgrade is handed over.
struct HttpLimits {
    qint64 maxRequestBytes = 1024 * 1024;   // MAX_REQUEST_BYTES: larger bodies → 413
    qint64 maxHeaderBytes = 32 * 1024;      // request line + headers: larger → 431
    int idleTimeoutMs = 30 * 1000;          // keep-alive connection with nothing to do → closed
    int requestTimeoutMs = 30 * 1000;       // headers + body must arrive within this → 408
    int maxConnections = 4096;              // MAX_CONNECTIONS: open connections in all
    int maxConnectionsPerAddress = 128;     // MAX_CONNECTIONS_PER_ADDRESS: from one client address
    // Routes with a body limit of their own (POST /import: IMPORT_MAX_BYTES;
    // POST /attachments: ATTACHMENT_MAX_BYTES).
    QList<HttpRouteBodyLimit> routeBodyLimits;
    // Peers held only to the total (trusted reverse proxies: every client comes from them).
    QList<QPair<QHostAddress, int>> sharedAddresses;
};

} // namespace teehee
