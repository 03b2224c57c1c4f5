#include "api/cors.h"

namespace teehee {

CorsPolicy::CorsPolicy(QStringList origins) : m_origins(std::move(origins))
{
    m_any = m_origins.contains(QStringLiteral("*"));
}

bool CorsPolicy::allows(const QByteArray &origin) const
{
    // "null" is what sandboxed frames, file: pages and redirects send: anyone can
    // produce it, so it is never an origin we trust, even when listed.
    if (origin.isEmpty() || origin.trimmed().compare("null", Qt::CaseInsensitive) == 0)
        return false;
    return m_any || m_origins.contains(QString::fromUtf8(origin));
}

HttpHeaders CorsPolicy::headersFor(const QByteArray &origin) const
{
    if (!allows(origin))
        return {};
    // "*" means any page may read public answers, never with the caller's credentials:
    // a literal "*" without Allow-Credentials, exactly what the Fetch standard expects.
    if (m_any)
        return {{"Access-Control-Allow-Origin", "*"},
                {"Access-Control-Expose-Headers", "Retry-After, WWW-Authenticate, X-Request-Id"}};
    return {{"Access-Control-Allow-Origin", origin},
            {"Access-Control-Allow-Credentials", "true"},
            {"Access-Control-Expose-Headers", "Retry-After, WWW-Authenticate, X-Request-Id"},
            {"Vary", "Origin"}};
}

HttpHeaders CorsPolicy::preflightHeaders(const QByteArray &origin) const
{
    if (!allows(origin))
        return {};
    return {{"Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS"},
            {"Access-Control-Allow-Headers", "Authorization, Content-Type, Last-Event-ID, X-Request-Id"},
            {"Access-Control-Max-Age", "600"}};
}

} // namespace teehee
