#include "api/apicontext.h"
#include "api/json/tooljson.h"
#include "api/routes.h"
#include "backend.h"
#include "tools/toolregistry.h"

#include <QJsonArray>

namespace teehee {

// spec/api.md "Tools (MCP) and approvals".
void registerToolRoutes(ApiContext &ctx)
{
    Router &r = ctx.router();
    Backend &backend = ctx.backend();
    const auto message = [](const QString &text) { return jsonResponse(QJsonObject{{QStringLiteral("message"), text}}); };

    r.get(QStringLiteral("/tools/servers"), ctx.authed([&backend](const ApiRequest &, const AuthUser &user, Responder res) {
        auto servers = backend.toolServers().list(user.id);
        if (!servers)
            return res.send(servers.error());
        QJsonArray out;
        for (const ToolServerSpec &s : servers.value())
            out.append(tooljson::server(s, backend.toolRegistry().state(s.id)));
        res.send(jsonResponse(out));
    }));

    r.post(QStringLiteral("/tools/servers"), ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        auto body = api::jsonBody(req, res);
        if (!body)
            return;
        auto in = tooljson::input(*body);
        if (!in)
            return res.send(in.error());
        auto added = backend.toolServers().add(user.id, in.value());
        if (!added)
            return res.send(added.error());
        res.send(jsonResponse(tooljson::server(added.value(), backend.toolRegistry().state(added->id)), 201));
    }));

    const QString item = QStringLiteral("/tools/servers/{server_id:uuid}");
    r.patch(item, ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        auto body = api::jsonBody(req, res);
        if (!body)
            return;
        auto in = tooljson::input(*body);
        if (!in)
            return res.send(in.error());
        auto updated = backend.toolServers().update(user.id, req.param(QStringLiteral("server_id")), in.value());
        if (!updated)
            return res.send(updated.error());
        res.send(jsonResponse(tooljson::server(updated.value(), backend.toolRegistry().state(updated->id))));
    }));

    r.del(item, ctx.authed([&backend, message](const ApiRequest &req, const AuthUser &user, Responder res) {
        if (auto st = backend.toolServers().remove(user.id, req.param(QStringLiteral("server_id"))); !st)
            return res.send(st.error());
        res.send(message(QStringLiteral("Tool server removed")));
    }));

    r.get(QStringLiteral("/tools/approvals"), ctx.authed([&backend](const ApiRequest &, const AuthUser &user, Responder res) {
        auto approvals = backend.toolServers().approvals(user.id);
        auto servers = backend.toolServers().list(user.id);
        if (!approvals || !servers)
            return res.send(!approvals ? approvals.error() : servers.error());
        QHash<QString, QString> names;
        for (const ToolServerSpec &s : servers.value())
            names.insert(s.id, s.name);
        QJsonArray out;
        for (const ToolApprovalRecord &a : approvals.value())
            out.append(tooljson::approval(a, names.value(a.serverId)));
        res.send(jsonResponse(out));
    }));

    r.del(QStringLiteral("/tools/approvals/{server_id:uuid}/{tool}"),
          ctx.authed([&backend, message](const ApiRequest &req, const AuthUser &user, Responder res) {
        if (auto st = backend.toolServers().revokeApproval(user.id, req.param(QStringLiteral("server_id")),
                                                           req.param(QStringLiteral("tool")));
            !st)
            return res.send(st.error());
        res.send(message(QStringLiteral("Approval revoked")));
    }));

    // The calls waiting for an answer: a device that connects late shows them too.
    r.get(QStringLiteral("/tool-calls"), ctx.authed([&backend](const ApiRequest &, const AuthUser &user, Responder res) {
        QJsonArray out;
        for (const ApprovalRequest &p : backend.approvals().pending(user.id))
            out.append(tooljson::pendingCall(p));
        res.send(jsonResponse(out));
    }));

    r.post(QStringLiteral("/tool-calls/{call_id:uuid}/approval"),
           ctx.authed([&backend](const ApiRequest &req, const AuthUser &user, Responder res) {
        auto body = api::jsonBody(req, res);
        if (!body)
            return;
        const auto decision = approvalDecisionFromName(body->value(QLatin1String("decision")).toString());
        if (!decision)
            return res.send(Error::invalid(QStringLiteral("decision: must be \"allow_once\", \"allow_always\" or \"deny\"")));
        const QString callId = req.param(QStringLiteral("call_id"));
        if (auto st = backend.approvals().answer(user.id, callId, *decision); !st)
            return res.send(st.error());
        res.send(jsonResponse(QJsonObject{{QStringLiteral("call_id"), callId},
                                          {QStringLiteral("decision"), approvalDecisionName(*decision)}}));
    }));
}

} // namespace teehee
