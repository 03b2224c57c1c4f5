#include "ownerchoices.h"

#include "auth/ownedaccounts.h"
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

Result<QList<PersonAccount>> accounts(Backend &backend, const QString &ownerId)
{
    auto listed = OwnedAccounts(backend.database(), backend.auth()).list(ownerId);
    if (!listed)
        return listed.error();
    QList<PersonAccount> out;
    for (const OwnedAccountRecord &a : listed.value())
        out << PersonAccount{a.userId, a.name, a.createdAt};
    return out;
}

void createAccount(Backend &backend, const QString &ownerId, const QString &name, const QString &password,
                   std::function<void(Status)> done)
{
    OwnedAccounts(backend.database(), backend.auth()).create(ownerId, name, password, &backend,
        [done](Result<OwnedAccountRecord> made) { done(made ? success() : Status(made.error())); });
}

Status removeAccount(Backend &backend, const QString &ownerId, const QString &accountId)
{
    return OwnedAccounts(backend.database(), backend.auth()).remove(ownerId, accountId);
}

} // namespace teehee::client::owner
