#include "api/apicontext.h"
#include "api/openapi.h"
#include "api/routes.h"
#include "backend.h"
#include "providers/modelcatalogue.h"

#include <QJsonArray>

namespace teehee {
namespace {

QString providerDescription(const QString &name)
{
    if (name == u"openai")
        return QStringLiteral("OpenAI GPT models");
    if (name == u"anthropic")
        return QStringLiteral("Anthropic Claude models");
    if (name == u"mistral")
        return QStringLiteral("Mistral AI models");
    return name;
}

QJsonArray modelsJson()
{
    QJsonArray out;
    for (const auto &m : ModelCatalogue::all())
        out.append(QJsonObject{{QStringLiteral("name"), m.name},
                               {QStringLiteral("provider"), m.provider},
                               {QStringLiteral("description"), m.description},
                               {QStringLiteral("max_tokens"), m.maxTokens},
                               {QStringLiteral("context_tokens"), m.contextTokens}});
    return out;
}

QJsonArray providersJson()
{
    QJsonArray out;
    QStringList order;
    QHash<QString, QJsonArray> models;
    for (const auto &m : ModelCatalogue::all()) {
        if (!order.contains(m.provider))
            order << m.provider;
        models[m.provider].append(m.name);
    }
    for (const QString &p : order)
        out.append(QJsonObject{{QStringLiteral("name"), p},
                               {QStringLiteral("models"), models.value(p)},
                               {QStringLiteral("description"), providerDescription(p)}});
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
    r.get(QStringLiteral("/providers"), [](const ApiRequest &, Responder res) { res.send(jsonResponse(providersJson())); });
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
