#include "api/apicontext.h"
#include "api/routes.h"
#include "backend.h"
#include "keys/keyservice.h"
#include "providers/modelcatalogue.h"
#include "providers/modellistfetcher.h"
#include "providers/providerregistry.h"

#include <QJsonArray>

namespace teehee {

namespace {

// A provider's failure as this API's answer. The user's own key problems
// are 400 (never 401: that would read as "your session expired"); the
// provider failing is 502, unreachable 503, too slow 504.
HttpResponse providerErrorResponse(const ProviderError &error, const QString &apiKey)
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
    HttpResponse response = detailResponse(status, redactSecrets(error.message, apiKey));
    if (status == 429 && error.retryAfterMs > 0)
        response.withHeader("Retry-After", QByteArray::number((error.retryAfterMs + 999) / 1000));
    return response;
}

// The same shape as GET /models, plus what the live list adds.
QJsonArray modelsJson(const QString &provider, const QList<RemoteModel> &models)
{
    QJsonArray out;
    for (const RemoteModel &remote : models) {
        const auto known = ModelCatalogue::find(remote.id);
        QJsonObject m{{QStringLiteral("name"), remote.id}, {QStringLiteral("provider"), provider}};
        m.insert(QStringLiteral("description"), known ? known->description
                                                        : (remote.displayName.isEmpty() ? remote.id : remote.displayName));
        if (!remote.displayName.isEmpty())
            m.insert(QStringLiteral("display_name"), remote.displayName);
        if (known)
            m.insert(QStringLiteral("max_tokens"), known->maxTokens);
        const int context = remote.contextLength > 0 ? remote.contextLength : (known ? known->contextTokens : 0);
        if (context > 0)
            m.insert(QStringLiteral("context_tokens"), context);
        out.append(m);
    }
    return out;
}

} // namespace

void registerProviderRoutes(ApiContext &ctx)
{
    Router &r = ctx.router();
    Backend &backend = ctx.backend();
    auto registry = std::make_shared<const ProviderRegistry>(ctx.config());

    // The provider's live model list, asked with the user's key (else the server-wide one).
    r.get(QStringLiteral("/providers/{name}/models"),
          ctx.authed([&backend, registry](const ApiRequest &req, const AuthUser &user, Responder res) {
        QString name = req.param(QStringLiteral("name"));
        const bool custom = KeyService::isCustom(name.toLower());
        if (!custom)
            name = name.toLower(); // a custom endpoint's label keeps its case
        auto provider = registry->provider(name);
        if (!provider && !custom)
            return res.send(detailResponse(404, QStringLiteral("Unknown provider '%1'; known providers: %2, custom:<endpoint>")
                                                    .arg(name.left(64), registry->names().join(QStringLiteral(", ")))));
        auto key = backend.keys().resolve(user.id, name);
        if (!key) {
            if (key.error().code == ErrorCode::NotFound)
                return res.send(detailResponse(custom ? 404 : 400, key.error().message));
            return res.send(key.error());
        }
        if (custom)
            provider = ProviderRegistry::compatible(key->baseUrl, name, key->label, key->endpointPolicy);
        const QString apiKey = key->apiKey;
        ModelListFetcher::fetchModels(provider, apiKey, [res, name, apiKey](QList<RemoteModel> models, ProviderError error) mutable {
            if (error.isError())
                return res.send(providerErrorResponse(error, apiKey));
            res.send(jsonResponse(modelsJson(name, models)));
        });
    }));
}

} // namespace teehee
