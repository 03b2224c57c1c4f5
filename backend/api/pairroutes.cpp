#include "api/apicontext.h"
#include "api/clientaddress.h"
#include "api/json/devicejson.h"
#include "api/routes.h"
#include "auth/devicename.h"
#include "auth/pairingservice.h"
#include "backend.h"
#include "db/sqlquery.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace teehee {
namespace {

// The server as the inviting device reached it: the scheme it speaks (or, from
// a trusted reverse proxy, the one the proxy says) and the Host the client
// sent, so a phone scanning the QR code reaches the same address.
Result<QString> publicBaseUrl(const ApiRequest &req, const Config &config)
{
    QByteArray scheme = req.overTls ? "https" : "http";
    QByteArray host = req.header("host").trimmed();
    if (fromTrustedProxy(req, config)) {
        const QByteArray proto = req.header("x-forwarded-proto").split(',').constFirst().trimmed().toLower();
        if (proto == "https" || proto == "http")
            scheme = proto;
        if (const QByteArray forwarded = req.header("x-forwarded-host").split(',').constFirst().trimmed(); !forwarded.isEmpty())
            host = forwarded;
    }
    static const QRegularExpression valid(QStringLiteral("^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}))(:[0-9]{1,5})?$"));
    if (!valid.match(QString::fromLatin1(host)).hasMatch())
        return Error::invalid(QStringLiteral("Host: not a host name or address this server can be reached at"));
    return QString::fromLatin1(scheme + "://" + host.toLower());
}

// Answers that carry a code or a token are not kept by any cache.
HttpResponse uncached(HttpResponse response)
{
    response.withHeader("Cache-Control", "no-store");
    return response;
}

} // namespace

// Pairing a new device (spec/api.md "Devices and pairing"). POST /pair and
// GET /pair/{pairing_id} need no token: the new device has none yet.
void registerPairRoutes(ApiContext &ctx)
{
    Router &r = ctx.router();
    Backend &backend = ctx.backend();

    r.post(QStringLiteral("/pair/invitations"), ctx.authed([&backend, &ctx](const ApiRequest &req, const AuthUser &user, Responder res) {
        auto base = publicBaseUrl(req, backend.config());
        if (!base)
            return res.send(base.error());
        auto invitation = backend.pairing().invite(user.id, base.value());
        if (!invitation)
            return res.send(invitation.error());
        // A self-signed certificate is trusted by its fingerprint, carried in the QR code.
        if (const QString fp = ctx.pinnedFingerprint(); req.overTls && !fp.isEmpty())
            invitation->url += QStringLiteral("&fp=") + fp;
        res.send(uncached(jsonResponse(QJsonObject{{QStringLiteral("code"), invitation->code},
                                                   {QStringLiteral("url"), invitation->url},
                                                   {QStringLiteral("expires_at"), sqlvalue::isoTime(invitation->expiresAt)}},
                                       201)));
    }));

    r.post(QStringLiteral("/pair"), [&backend](const ApiRequest &req, Responder res) {
        auto body = api::jsonBody(req, res);
        if (!body)
            return;
        auto code = api::requiredString(*body, QStringLiteral("code"));
        if (!code)
            return res.send(code.error());
        auto name = api::optionalString(*body, QStringLiteral("device_name"));
        if (!name)
            return res.send(name.error());
        int retryAfter = 0;
        auto redeemed = backend.pairing().redeem(code.value(), devicename::fromClient(name.value(), req.header("user-agent")),
                                                 clientAddress(req, backend.config()).toString(), &retryAfter);
        if (!redeemed)
            return res.send(redeemed.error(), retryAfter);
        res.send(jsonResponse(QJsonObject{{QStringLiteral("pairing_id"), redeemed->pairingId},
                                          {QStringLiteral("verification"), redeemed->verification}},
                              202));
    });

    r.get(QStringLiteral("/pair/requests"), ctx.authed([&backend](const ApiRequest &, const AuthUser &user, Responder res) {
        auto pending = backend.pairing().pending(user.id);
        if (!pending)
            return res.send(pending.error());
        QJsonArray out;
        for (const PairingRequestRecord &p : pending.value())
            out.append(devicejson::toJson(p));
        res.send(jsonResponse(out));
    }));

    // Only the inviting account decides: another account's request is 404, as a missing one.
    for (const bool approve : {true, false}) {
        const QString path = approve ? QStringLiteral("/pair/requests/{pairing_id:uuid}/approve")
                                     : QStringLiteral("/pair/requests/{pairing_id:uuid}/deny");
        r.post(path, ctx.authed([&backend, approve](const ApiRequest &req, const AuthUser &user, Responder res) {
            const QString id = req.param(QStringLiteral("pairing_id"));
            auto st = approve ? backend.pairing().approve(user.id, id) : backend.pairing().deny(user.id, id);
            if (!st)
                return res.send(st.error());
            res.send(jsonResponse(QJsonObject{{QStringLiteral("pairing_id"), id},
                                              {QStringLiteral("status"), approve ? PairingStatus::Approved : PairingStatus::Denied}}));
        }));
    }

    // The new device's poll; the first answer after approval carries its token, once.
    r.get(QStringLiteral("/pair/{pairing_id:uuid}"), [&backend](const ApiRequest &req, Responder res) {
        int retryAfter = 0;
        auto answer = backend.pairing().poll(req.param(QStringLiteral("pairing_id")), &retryAfter);
        if (!answer)
            return res.send(answer.error(), retryAfter);
        QJsonObject out{{QStringLiteral("status"), answer->status}};
        if (!answer->accessToken.isEmpty()) {
            out.insert(QStringLiteral("access_token"), answer->accessToken);
            out.insert(QStringLiteral("token_type"), QStringLiteral("bearer"));
            out.insert(QStringLiteral("device_id"), answer->deviceId);
        }
        res.send(uncached(jsonResponse(out)));
    });
}

} // namespace teehee
