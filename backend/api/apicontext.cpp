#include "api/apicontext.h"

#include "auth/authservice.h"
#include "backend.h"

#include <QSslError>
#include <optional>

namespace teehee {

ApiContext::ApiContext(Backend &backend, Router &router, std::shared_ptr<const CorsPolicy> cors)
    : m_backend(backend), m_router(router), m_cors(std::move(cors))
{
}

void ApiContext::setTlsCertificates(const QList<QSslCertificate> &chain)
{
    m_pinnedFingerprint.clear();
    if (chain.isEmpty() || QSslCertificate::verify(chain).isEmpty())
        return;
    m_pinnedFingerprint = QString::fromLatin1(chain.first().digest(QCryptographicHash::Sha256).toHex());
}

const Config &ApiContext::config() const
{
    return m_backend.config();
}

Result<AuthUser> ApiContext::authenticate(const ApiRequest &request) const
{
    const QByteArray token = request.bearerToken();
    if (token.isEmpty())
        return Error{ErrorCode::Unauthorized, QStringLiteral("Not authenticated: send Authorization: Bearer <token>")};
    return m_backend.auth().authenticate(token);
}

Handler ApiContext::authed(AuthedHandler handler) const
{
    return [this, handler = std::move(handler)](const ApiRequest &request, Responder responder) {
        auto user = authenticate(request);
        if (!user)
            return responder.send(user.error());
        handler(request, user.value(), std::move(responder));
    };
}

namespace api {

std::optional<QJsonObject> jsonBody(const ApiRequest &request, Responder &responder)
{
    auto body = request.jsonObject();
    if (!body) {
        responder.send(detailResponse(400, body.error().message));
        return std::nullopt;
    }
    return body.value();
}

Result<QString> requiredString(const QJsonObject &body, const QString &field)
{
    const auto v = body.value(field);
    if (v.isUndefined() || v.isNull())
        return Error::invalid(QStringLiteral("%1: field required").arg(field));
    if (!v.isString())
        return Error::invalid(QStringLiteral("%1: must be a string").arg(field));
    if (v.toString().trimmed().isEmpty())
        return Error::invalid(QStringLiteral("%1: must not be empty").arg(field));
    return v.toString();
}

Result<QString> optionalString(const QJsonObject &body, const QString &field)
{
    const auto v = body.value(field);
    if (v.isUndefined() || v.isNull())
        return QString();
    if (!v.isString())
        return Error::invalid(QStringLiteral("%1: must be a string").arg(field));
    return v.toString();
}

} // namespace api
} // namespace teehee
