#include "api/apicontext.h"
#include "api/json/keyjson.h"
#include "api/routes.h"
#include "backend.h"
#include "keys/keyservice.h"

#include <QJsonArray>

namespace teehee {

void registerKeyRoutes(ApiContext &ctx)
{
    Router &r = ctx.router();
    Backend &backend = ctx.backend();

    r.get(QStringLiteral("/user/keys"), ctx.authed([&backend](const ApiRequest &, const AuthUser &user, Responder res) {
        auto keys = backend.keys().list(user.id);
        if (!keys)
            return res.send(keys.error());
        QJsonArray out;
        for (const auto &k : keys.value())
            out.append(keyjson::toJson(k));
        res.send(jsonResponse(out));
    }));

    r.post(QStringLiteral("/user/keys"), ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        auto body = api::jsonBody(req, res);
        if (!body)
            return;
        auto provider = api::requiredString(*body, QStringLiteral("provider_name"));
        if (!provider)
            return res.send(provider.error());
        auto key = api::optionalString(*body, QStringLiteral("api_key"));
        if (!key)
            return res.send(key.error());
        auto baseUrl = api::optionalString(*body, QStringLiteral("base_url"));
        if (!baseUrl)
            return res.send(baseUrl.error());
        auto label = api::optionalString(*body, QStringLiteral("label"));
        if (!label)
            return res.send(label.error());
        // `replace`: the key (or the endpoint of that label) takes the old one's
        // place in one transaction, so a refused key loses nothing.
        const QJsonValue replace = body->value(QLatin1String("replace"));
        if (!replace.isUndefined() && !replace.isBool())
            return res.send(Error{ErrorCode::InvalidInput, QStringLiteral("replace must be true or false")});
        auto created = replace.toBool()
            ? backend.keys().replace(user.id, provider.value(), key.value(), baseUrl.value(), label.value())
            : backend.keys().add(user.id, provider.value(), key.value(), baseUrl.value(), label.value());
        if (!created)
            return res.send(created.error());
        res.send(jsonResponse(keyjson::toJson(created.value()), 201));
    }));

    r.del(QStringLiteral("/user/keys/{key_id:uuid}"), ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        if (auto st = backend.keys().remove(user.id, req.param(QStringLiteral("key_id"))); !st)
            return res.send(st.error());
        res.send(jsonResponse(QJsonObject{{QStringLiteral("message"), QStringLiteral("API key deleted successfully")}}));
    }));
}

} // namespace teehee
