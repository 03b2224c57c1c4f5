#include "keys/providerservice.h"

#include "keys/keyservice.h"
#include "providers/endpointpolicy.h"
#include "providers/errormapping.h"
#include "providers/modellistfetcher.h"

#include <memory>

namespace teehee {
namespace {

ModelFacts modelFactsOf(const QString &provider, const RemoteModel &remote)
{
    ModelFacts m{remote.id, provider, {}, remote.displayName, 0, remote.contextLength};
    if (const auto known = ModelCatalogue::find(remote.id)) {
        m.description = known->description;
        m.maxTokens = known->maxTokens;
        if (m.contextTokens <= 0)
            m.contextTokens = known->contextTokens;
    } else {
        m.description = remote.displayName.isEmpty() ? remote.id : remote.displayName;
    }
    return m;
}

} // namespace

ProviderService::ProviderService(const Config &config, KeyService &keys, QObject *parent)
    : QObject(parent), m_keys(keys), m_registry(config)
{
}

QList<ProviderFacts> ProviderService::factsOf(const ProviderRegistry &registry)
{
    QList<ProviderFacts> out;
    for (const QString &name : registry.names()) {
        const auto p = registry.provider(name);
        out << ProviderFacts{name, p->displayName(), p->description(), defaultModel(name),
                             p->hasDefaultApiKey()};
    }
    return out;
}

QString ProviderService::defaultModel(const QString &provider)
{
    return ModelCatalogue::defaultModel(provider);
}

QList<ModelFacts> ProviderService::catalogue(const QString &provider)
{
    QList<ModelFacts> out;
    for (const CatalogueModel &m : ModelCatalogue::forProvider(provider))
        if (!m.legacy)
            out << ModelFacts{m.name, m.provider, m.description, {}, m.maxTokens, m.contextTokens};
    return out;
}

void ProviderService::listModels(const QString &userId, const QString &providerName, const QString &typedKey,
                                 const QString &typedBaseUrl, ListingDone done)
{
    const bool custom = KeyService::isCustom(providerName.toLower()) || !typedBaseUrl.isEmpty();
    const QString name = custom ? providerName : providerName.toLower(); // a label keeps its case
    QString key = typedKey.trimmed();
    std::shared_ptr<const Provider> provider;
    if (custom && !typedBaseUrl.isEmpty()) {
        // A typed URL is tried with the typed key only: a stored key goes
        // nowhere the user did not save it for.
        provider = ProviderRegistry::compatible(typedBaseUrl.trimmed(), name, {}, m_keys.endpointPolicyFor(userId));
    } else {
        provider = custom ? nullptr : m_registry.provider(name);
        if (!provider && !custom) {
            ModelListing refused;
            refused.refused = Error::notFound(QStringLiteral("Unknown provider '%1'; known providers: %2, custom:<endpoint>")
                                                  .arg(name.left(64), m_registry.names().join(QStringLiteral(", "))))
                                  .withReason(ErrorReason::UnknownProvider);
            return done(refused);
        }
        if (key.isEmpty() || custom) {
            auto stored = m_keys.resolve(userId, name);
            if (!stored) {
                ModelListing refused;
                refused.refused = stored.error();
                return done(refused);
            }
            if (custom)
                provider = ProviderRegistry::compatible(stored->baseUrl, name, stored->label, stored->endpointPolicy);
            if (key.isEmpty())
                key = stored->apiKey;
        }
    }
    ModelListFetcher::fetchModels(provider, key, [done, name, key](QList<RemoteModel> models, ProviderError error) {
        ModelListing listing;
        if (error.isError()) {
            error.message = redactSecrets(error.message, key);
            listing.failure = error;
        }
        for (const RemoteModel &m : models)
            listing.models << modelFactsOf(name, m);
        done(listing);
    }, this);
}

QList<ProviderService::Candidate> ProviderService::localCandidates()
{
    return {{QStringLiteral("Ollama"), QStringLiteral("http://127.0.0.1:11434/v1")},
            {QStringLiteral("LM Studio"), QStringLiteral("http://127.0.0.1:1234/v1")}};
}

void ProviderService::probeLocalServers(const QList<Candidate> &candidates, int timeoutMs,
                                        std::function<void(QList<LocalServer>)> done)
{
    if (candidates.isEmpty())
        return done({});
    // Every candidate at once; the answer goes when the last has replied or timed out.
    struct Probe {
        QList<LocalServer> found;
        int pending = 0;
        std::function<void(QList<LocalServer>)> done;
    };
    auto probe = std::make_shared<Probe>();
    probe->pending = int(candidates.size());
    probe->done = std::move(done);
    // The candidates are this machine's own servers: private addresses are the point.
    const auto policy = EndpointPolicy::make(true, {});
    for (const Candidate &c : candidates) {
        auto provider = ProviderRegistry::compatible(c.baseUrl, QStringLiteral("custom"), c.name, policy);
        auto *fetcher = new ModelListFetcher(provider, this);
        fetcher->setTimeoutMs(timeoutMs);
        auto finish = [probe, fetcher, c](bool ok) {
            if (ok) {
                LocalServer server{c.name, c.baseUrl, {}};
                for (const RemoteModel &m : fetcher->models())
                    server.models << m.id;
                probe->found << server;
            }
            fetcher->deleteLater();
            if (--probe->pending == 0)
                probe->done(probe->found);
        };
        connect(fetcher, &ModelListFetcher::succeeded, fetcher, [finish] { finish(true); });
        connect(fetcher, &ModelListFetcher::failed, fetcher, [finish] { finish(false); });
        fetcher->fetch();
    }
}

} // namespace teehee
