// GET /usage (spec/api.md "Usage and cost"): what the user's replies used
// and cost, in totals and per day, model or chat.
#include "api/apicontext.h"
#include "api/routes.h"
#include "backend.h"
#include "chat/usageservice.h"
#include "generation/generationmanager.h"

#include <QJsonArray>

namespace teehee {
namespace {

QJsonObject amounts(qint64 in, qint64 out, const std::optional<double> &cost)
{
    QJsonObject o{{QStringLiteral("input_tokens"), in}, {QStringLiteral("output_tokens"), out}};
    if (cost) // absent when no reply had a known price, never a guess
        o.insert(QStringLiteral("cost_usd"), *cost);
    return o;
}

} // namespace

void registerUsageRoutes(ApiContext &ctx)
{
    Backend &backend = ctx.backend();
    ctx.router().get(QStringLiteral("/usage"), ctx.authed([&backend](const ApiRequest &req, const AuthUser &user,
                                                                     Responder res) {
        const QString groupBy = req.query.queryItemValue(QStringLiteral("group_by"));
        auto report = backend.usage().report(user.id, req.query.queryItemValue(QStringLiteral("from")),
                                             req.query.queryItemValue(QStringLiteral("to")), groupBy);
        if (!report)
            return res.send(report.error());
        QJsonArray groups;
        for (const UsageRepository::Group &g : std::as_const(report->groups)) {
            QJsonObject o = amounts(g.inputTokens, g.outputTokens, g.costUsd);
            o.insert(QStringLiteral("key"), g.key);
            o.insert(QStringLiteral("replies"), g.replies);
            if (groupBy == u"chat")
                o.insert(QStringLiteral("name"), g.label);
            else if (groupBy == u"model")
                o.insert(QStringLiteral("provider"), g.label);
            groups.append(o);
        }
        const PriceTable &prices = backend.generations().prices();
        res.send(jsonResponse(QJsonObject{
            {QStringLiteral("from"), report->from.toString(Qt::ISODate)},
            {QStringLiteral("to"), report->to.toString(Qt::ISODate)},
            {QStringLiteral("totals"), amounts(report->inputTokens, report->outputTokens, report->costUsd)},
            {QStringLiteral("groups"), groups},
            {QStringLiteral("prices"), QJsonObject{{QStringLiteral("as_of"), prices.asOf()},
                                                   {QStringLiteral("source"), prices.source()}}}}));
    }));
}

} // namespace teehee
