#include "api/apicontext.h"
#include "api/routes.h"
#include "backend.h"
#include "keys/keyservice.h"
#include "keys/providerservice.h"

#include <QJsonArray>

namespace teehee {

namespace {

// A provider's failure as this API's answer. The user's own key problems
// are 400 (never 401: that would read as "your session expired"); the
// provider failing is 502, unreachable 503, too slow 504.
HttpResponse providerErrorResponse(const ProviderError &error)
{
    int status = 502;
    switch (error.kind) {
    case ProviderError::Authentication:
    case ProviderError::PermissionDenied:
    case ProviderError::QuotaExceeded:
        status = 400;
        break;
    case ProviderError::EndpointRefused:
        status = 403; // the server's rule, not the provider's answer
        break;
    case ProviderError::RateLimited:
        status = 429;
        break;
    case ProviderError::Network:
        status = 503;
        break;
    case ProviderError::Timeout:
        status = 504;
        break;
    default:
        break;
    }
    HttpResponse response = detailResponse(status, error.message); // redacted by ProviderService
    if (status == 429 && error.retryAfterMs > 0)
        response.withHeader("Retry-After", QByteArray::number((error.retryAfterMs + 999) / 1000));
    return response;
}

// The same shape as GET /models, plus what the live list adds.
QJsonArray modelsJson(const QList<ModelFacts> &models)
{
    QJsonArray out;
    for (const ModelFacts &f : models) {
        QJsonObject m{{QStringLiteral("name"), f.name}, {QStringLiteral("provider"), f.provider},
                      {QStringLiteral("description"), f.description}};
        if (!f.displayName.isEmpty())
            m.insert(QStringLiteral("display_name"), f.displayName);
        if (f.maxTokens > 0)
            m.insert(QStringLiteral("max_tokens"), f.maxTokens);
        if (f.contextTokens > 0)
            m.insert(QStringLiteral("context_tokens"), f.contextTokens);
        out.append(m);
    }
    return out;
}

} // namespace

void registerProviderRoutes(ApiContext &ctx)
{
    Router &r = ctx.router();
    ProviderService &providers = ctx.backend().providers();

    // The provider's live model list, asked with the user's key (else the server-wide one).
    r.get(QStringLiteral("/providers/{name}/models"),
          ctx.authed([&providers](const ApiRequest &req, const AuthUser &user, Responder res) {
        const QString name = req.param(QStringLiteral("name"));
        const bool custom = KeyService::isCustom(name.toLower());
        providers.listModels(user.id, name, {}, {}, [res, custom](ModelListing listing) mutable {
            if (listing.refused) {
                const Error &e = *listing.refused;
                if (e.is(ErrorReason::UnknownProvider))
                    return res.send(detailResponse(404, e.message));
                if (e.code == ErrorCode::NotFound) // no key: advice, not a missing resource
                    return res.send(detailResponse(custom ? 404 : 400, e.message));
                return res.send(e);
            }
            if (listing.failure.isError())
                return res.send(providerErrorResponse(listing.failure));
            res.send(jsonResponse(modelsJson(listing.models)));
        });
    }));
}

} // namespace teehee
