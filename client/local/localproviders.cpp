// LocalChatClient, continued: providers and their models, and what replies
// used and cost.
#include "localchatclient.h"

#include "backendcalls.h"
#include "recordconversions.h"

#include "chat/usageservice.h"
#include "generation/generationmanager.h"
#include "keys/providerservice.h"

namespace teehee::client {

void LocalChatClient::listModels(QObject *context, const QString &provider, const QString &typedKey,
                                 const QString &typedBaseUrl, Reply<QList<ModelInfo>> reply)
{
    runAsync<QList<ModelInfo>>(context, [provider, typedKey, typedBaseUrl](Backend &b, const QString &uid, auto deliver) {
        b.providers().listModels(uid, provider, typedKey, typedBaseUrl, [deliver](const ModelListing &listing) {
            Outcome<QList<ModelInfo>> out;
            if (listing.refused)
                out.error = convert::error(*listing.refused);
            else if (listing.failure.isError())
                out.error = {listing.failure.kind == ProviderError::Authentication ? Failure::NoKey : Failure::Unavailable,
                             listing.failure.message};
            for (const ModelFacts &m : listing.models)
                out.value << convert::model(m);
            deliver(out);
        });
    }, reply);
}

void LocalChatClient::probeLocalServers(QObject *context, Reply<QList<LocalServerInfo>> reply)
{
    runAsync<QList<LocalServerInfo>>(context, [](Backend &b, const QString &, auto deliver) {
        b.providers().probeLocalServers(ProviderService::localCandidates(), 800, [deliver](const QList<LocalServer> &found) {
            Outcome<QList<LocalServerInfo>> out;
            for (const LocalServer &s : found)
                out.value << LocalServerInfo{s.name, s.baseUrl, s.models};
            deliver(out);
        });
    }, reply);
}

QList<ModelInfo> LocalChatClient::knownModels(const QString &provider) const
{
    QList<ModelInfo> out;
    for (const ModelFacts &m : ProviderService::catalogue(provider))
        out << convert::model(m);
    return out;
}

QString LocalChatClient::defaultModel(const QString &provider) const
{
    return ProviderService::defaultModel(provider);
}

void LocalChatClient::usage(QObject *context, const QDate &from, const QDate &to, const QString &groupBy,
                            Reply<UsageReport> reply)
{
    run(context, [from, to, groupBy](Backend &b, const QString &uid) {
        auto report = b.usage().report(uid, from.toString(Qt::ISODate), to.toString(Qt::ISODate), groupBy);
        if (!report)
            return convert::failed<UsageReport>(report.error());
        return Outcome<UsageReport>{convert::usage(report.value(), b.generations().prices().asOf()), {}};
    }, reply);
}

} // namespace teehee::client
