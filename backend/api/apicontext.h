#pragma once

#include "api/cors.h"
#include "api/router.h"
#include "auth/authuser.h"

#include <QSslCertificate>
#include <optional>

namespace teehee {

class Backend;
struct Config;

using AuthedHandler = std::function<void(const ApiRequest &, const AuthUser &, Responder)>;

// What route files get: the backend (and through it every service), the
// router to register on, and the authentication every protected route uses.
class ApiContext {
public:
    ApiContext(Backend &backend, Router &router, std::shared_ptr<const CorsPolicy> cors);

    Backend &backend() const { return m_backend; }
    const Config &config() const;
    Router &router() const { return m_router; }
    const CorsPolicy &cors() const { return *m_cors; }
    // The certificate chain HTTPS is served with.
    void setTlsCertificates(const QList<QSslCertificate> &chain);
    // What a new device pins before it trusts the server: the SHA-256 of a
    // certificate no authority of this system vouches for (a self-signed
    // one), in hex; empty otherwise, and without TLS.
    QString pinnedFingerprint() const { return m_pinnedFingerprint; }

    // The user of the request's bearer token; Unauthorized otherwise.
    Result<AuthUser> authenticate(const ApiRequest &request) const;
    // A handler that runs only for a signed-in user (401 + WWW-Authenticate otherwise).
    Handler authed(AuthedHandler handler) const;

private:
    Backend &m_backend;
    Router &m_router;
    std::shared_ptr<const CorsPolicy> m_cors;
    QString m_pinnedFingerprint;
};

// Route helpers shared by the route files.
namespace api {
// The JSON object body; answers 400 itself and returns nullopt when malformed.
std::optional<QJsonObject> jsonBody(const ApiRequest &request, Responder &responder);
// A required non-empty string field; InvalidInput naming the field otherwise.
Result<QString> requiredString(const QJsonObject &body, const QString &field);
// An optional string field: empty when absent or null; InvalidInput when another type.
Result<QString> optionalString(const QJsonObject &body, const QString &field);
} // namespace api

} // namespace teehee
