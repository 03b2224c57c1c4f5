#include "ownerchoices.h"

#include "backend.h"
#include "keys/keyservice.h"
#include "keys/providerservice.h"

namespace teehee::client::owner {

Result<QList<KeyShare>> keyShares(Backend &backend, const QString &ownerId)
{
    auto keys = backend.keys().list(ownerId);
    if (!keys)
        return keys.error();
    auto shared = backend.keys().sharedProviders(ownerId);
    if (!shared)
        return shared.error();
    QList<KeyShare> out;
    // In the providers' own order, each once, custom endpoints never.
    for (const ProviderFacts &p : backend.providers().builtIn()) {
        if (KeyService::isCustom(p.name))
            continue;
        const bool hasKey = std::any_of(keys->cbegin(), keys->cend(),
                                        [&p](const KeyRecord &k) { return k.providerName == p.name; });
        if (hasKey)
            out << KeyShare{p.name, p.displayName, shared->contains(p.name)};
    }
    return out;
}

Status setKeyShared(Backend &backend, const QString &ownerId, const QString &provider, bool shared)
{
    return backend.keys().setKeyShared(ownerId, provider, shared);
}

} // namespace teehee::client::owner
