#include "api/apicontext.h"
#include "api/openapi.h"
#include "api/routes.h"
#include "backend.h"
#include "keys/providerservice.h"

#include <QJsonArray>

namespace teehee {
namespace {

QJsonArray modelsJson()
{
    QJsonArray out;
    for (const auto &m : ModelCatalogue::all())
        out.append(QJsonObject{{QStringLiteral("name"), m.name},
                               {QStringLiteral("provider"), m.provider},
                               {QStringLiteral("description"), m.description},
                               {QStringLiteral("max_tokens"), m.maxTokens},
                               {QStringLiteral("context_tokens"), m.contextTokens},
                               {QStringLiteral("images"), m.images}});
    return out;
}

QJsonArray providersJson(const ProviderService &providers)
{
    QJsonArray out;
    for (const ProviderFacts &p : providers.builtIn()) {
        QJsonArray models;
        for (const auto &m : ModelCatalogue::forProvider(p.name))
            models.append(m.name);
        // Beyond {name, models, description}: what a remote desktop shows
        // before the person has a key (never whether the server holds one).
        out.append(QJsonObject{{QStringLiteral("name"), p.name},
                               {QStringLiteral("models"), models},
                               {QStringLiteral("description"), p.description},
                               {QStringLiteral("display_name"), p.displayName},
                               {QStringLiteral("default_model"), p.defaultModel}});
    }
    return out;
}

} // namespace

void registerSystemRoutes(ApiContext &ctx)
{
    Router &r = ctx.router();
    Backend &backend = ctx.backend();

    r.get(QStringLiteral("/health"), [&backend](const ApiRequest &, Responder res) {
        const bool dbOk = backend.database().ping();
        res.send(jsonResponse(QJsonObject{{QStringLiteral("status"), dbOk ? QStringLiteral("healthy") : QStringLiteral("unhealthy")},
                                          {QStringLiteral("database"), dbOk ? QStringLiteral("ok") : QStringLiteral("unreachable")},
                                          {QStringLiteral("version"), QStringLiteral(TEEHEE_VERSION)}},
                              dbOk ? 200 : 503));
    });
    r.get(QStringLiteral("/providers"), [&backend](const ApiRequest &, Responder res) {
        res.send(jsonResponse(providersJson(backend.providers())));
    });
    r.get(QStringLiteral("/models"), [](const ApiRequest &, Responder res) { res.send(jsonResponse(modelsJson())); });

    const QString appName = ctx.config().appName;
    r.get(QStringLiteral("/openapi.json"), [appName](const ApiRequest &, Responder res) {
        res.send(jsonResponse(openApiDocument(appName)));
    });
    r.get(QStringLiteral("/docs"), [appName](const ApiRequest &, Responder res) {
        HttpResponse page{200, {}, docsPage(appName), QByteArrayLiteral("text/html; charset=utf-8")};
        res.send(page);
    });
}

} // namespace teehee
