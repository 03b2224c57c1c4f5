#pragma once

#include <QtGlobal>

namespace teehee {

// What the connection guard enforces before QHttpServer sees a byte.
// QHttpServer 6.4 has no limits or timeouts of its own.
struct HttpLimits {
    qint64 maxRequestBytes = 1024 * 1024;   // MAX_REQUEST_BYTES: larger bodies → 413
    qint64 maxHeaderBytes = 32 * 1024;      // request line + headers: larger → 431
    int idleTimeoutMs = 30 * 1000;          // keep-alive connection with nothing to do → closed
    int requestTimeoutMs = 30 * 1000;       // headers + body must arrive within this → 408
};

} // namespace teehee
