#include "api/apicontext.h"
#include "api/clientaddress.h"
#include "api/routes.h"
#include "auth/authservice.h"
#include "auth/devicename.h"
#include "backend.h"

#include <QJsonObject>

namespace teehee {
namespace {

QJsonObject tokenBody(const QString &token)
{
    return {{QStringLiteral("access_token"), token}, {QStringLiteral("token_type"), QStringLiteral("bearer")}};
}

// Answers a token result: `created` status on success, the error otherwise.
AuthService::TokenCallback answerToken(Responder responder, int status)
{
    return [responder, status](Result<QString> token, int retryAfter) mutable {
        if (!token)
            return responder.send(token.error(), retryAfter);
        responder.send(jsonResponse(tokenBody(token.value()), status));
    };
}

struct Credentials {
    QString email;
    QString password;
    QString deviceName; // of the device this sign-in makes
};

// `device_name` from the body, else a name read from the User-Agent (auth/devicename.h).
Result<QString> deviceNameOf(const ApiRequest &request, const QJsonObject &body)
{
    auto given = api::optionalString(body, QStringLiteral("device_name"));
    if (!given)
        return given.error();
    return devicename::fromClient(given.value(), request.header("user-agent"));
}

std::optional<Credentials> readCredentials(const ApiRequest &request, Responder &responder)
{
    auto body = api::jsonBody(request, responder);
    if (!body)
        return std::nullopt;
    auto email = api::requiredString(*body, QStringLiteral("email"));
    if (!email) {
        responder.send(email.error());
        return std::nullopt;
    }
    const auto pw = body->value(QStringLiteral("password"));
    if (!pw.isString()) {
        responder.send(Error::invalid(QStringLiteral("password: field required")));
        return std::nullopt;
    }
    auto deviceName = deviceNameOf(request, *body);
    if (!deviceName) {
        responder.send(deviceName.error());
        return std::nullopt;
    }
    return Credentials{email.value(), pw.toString(), deviceName.value()};
}

} // namespace

void registerAuthRoutes(ApiContext &ctx)
{
    Router &r = ctx.router();
    Backend &backend = ctx.backend();

    r.post(QStringLiteral("/auth/signup"), [&backend](const ApiRequest &req, Responder res) {
        auto c = readCredentials(req, res);
        if (!c)
            return;
        backend.auth().signUp(c->email, c->password, clientAddress(req, backend.config()).toString(), c->deviceName,
                              answerToken(res, 201));
    });

    r.post(QStringLiteral("/auth/signin"), [&backend](const ApiRequest &req, Responder res) {
        auto c = readCredentials(req, res);
        if (!c)
            return;
        backend.auth().signIn(c->email, c->password, clientAddress(req, backend.config()).toString(), c->deviceName,
                              answerToken(res, 200));
    });

    auto sso = [&backend](const ApiRequest &req, Responder res, const QString &forcedProvider) {
        auto body = api::jsonBody(req, res);
        if (!body)
            return;
        QString provider = forcedProvider;
        if (provider.isEmpty()) {
            auto p = api::optionalString(*body, QStringLiteral("provider"));
            if (!p)
                return res.send(p.error());
            provider = p->isEmpty() ? QStringLiteral("google") : p.value();
            if (provider != u"google" && provider != u"oidc")
                return res.send(Error::invalid(QStringLiteral("provider: must be \"google\" or \"oidc\"")));
        }
        auto token = api::optionalString(*body, QStringLiteral("id_token"));
        if (token && token->isEmpty())
            token = api::optionalString(*body, QStringLiteral("token"));
        if (!token)
            return res.send(token.error());
        if (token->isEmpty())
            return res.send(Error::invalid(QStringLiteral("id_token: field required")));
        auto deviceName = deviceNameOf(req, *body);
        if (!deviceName)
            return res.send(deviceName.error());
        backend.auth().signInWithSso(provider, token->toUtf8(), deviceName.value(), answerToken(res, 200));
    };
    r.post(QStringLiteral("/auth/sso"), [sso](const ApiRequest &req, Responder res) { sso(req, res, QString()); });
    r.post(QStringLiteral("/auth/google-sso"), [sso](const ApiRequest &req, Responder res) {
        sso(req, res, QStringLiteral("google"));
    });

    r.get(QStringLiteral("/auth/session"), ctx.authed([](const ApiRequest &, const AuthUser &user, Responder res) {
        res.send(jsonResponse(QJsonObject{{QStringLiteral("id"), user.id},
                                          {QStringLiteral("email"), user.email},
                                          {QStringLiteral("sso_id"), user.ssoId.isEmpty() ? QJsonValue() : QJsonValue(user.ssoId)},
                                          {QStringLiteral("created_at"), user.createdAt.toUTC().toString(Qt::ISODateWithMs)}}));
    }));

    r.post(QStringLiteral("/auth/logout"), ctx.authed([&backend](const ApiRequest &, const AuthUser &user, Responder res) {
        if (auto st = backend.auth().logout(user); !st)
            return res.send(st.error());
        res.send(jsonResponse(QJsonObject{{QStringLiteral("message"), QStringLiteral("Successfully logged out")}}));
    }));
}

} // namespace teehee
