#pragma once

#include "api/httpresponse.h"

#include <QStringList>

namespace teehee {

// CORS_ORIGINS: which browser origins may read our answers. Every answer
// (errors, deferred, streamed) carries these headers, or the page never sees it.
class CorsPolicy {
public:
    explicit CorsPolicy(QStringList origins = {});

    bool allows(const QByteArray &origin) const;
    // Headers for an ordinary answer; empty when the origin is absent or not allowed.
    HttpHeaders headersFor(const QByteArray &origin) const;
    // What a preflight (OPTIONS) answer adds to headersFor().
    HttpHeaders preflightHeaders(const QByteArray &origin) const;

private:
    QStringList m_origins;
    bool m_any = false;
};

} // namespace teehee
