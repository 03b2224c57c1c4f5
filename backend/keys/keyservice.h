#pragma once

#include "core/config.h"
#include "db/database.h"
#include "db/records.h"
#include "keys/keycipher.h"

#include <QSet>

#include <memory>

namespace teehee {

class EndpointPolicy;

// What a generation needs to call one provider choice: the key and, for a
// custom endpoint, where it lives and what the user called it.
struct ResolvedKey {
    QString apiKey;
    QString keyId;   // empty for a server-wide key
    QString baseUrl; // custom endpoints only
    QString label;   // custom endpoints only
    // Where this user's custom endpoint may lead; none for the built-in providers.
    std::shared_ptr<const EndpointPolicy> endpointPolicy;
};

// A user's provider API keys: stored encrypted, listed masked, resolved
// (decrypted) only for the generation engine. Custom endpoints are held to the
// server's EndpointPolicy (ALLOW_PRIVATE_ENDPOINTS, ALLOWED_ENDPOINT_HOSTS),
// except for the users the composition trusts with the machine's own network.
class KeyService {
public:
    KeyService(const Config &config, const Database &db);
    ~KeyService();

    // The desktop's own user is the machine's owner: their Ollama or LM Studio
    // on localhost is the normal case. Accounts reaching the same backend over
    // the network are not trusted so. Call on the backend's thread.
    void trustWithPrivateEndpoints(const QString &userId);
    std::shared_ptr<const EndpointPolicy> endpointPolicyFor(const QString &userId) const;
    // The machine's owner, whom the composition trusted with its network.
    bool isTrusted(const QString &userId) const { return m_trusted.contains(userId.toLower()); }

    // Other secrets a user stores (an MCP server's environment and headers),
    // sealed like keys and bound to their row.
    Result<QString> seal(const QString &plaintext, const KeyBinding &binding) const { return m_cipher.encrypt(plaintext, binding); }
    Result<QString> open(const QString &sealed, const KeyBinding &binding) const { return m_cipher.decrypt(sealed, binding); }

    // The machine's owner (the desktop's own user): the accounts the owner
    // made for other people (OwnedAccounts) use the owner's key for a built-in
    // provider when the owner shares it (setKeyShared) and they have none of
    // their own. They never see it, nor its hint. Call on the backend's thread.
    void setKeyOwner(const QString &ownerId);
    QString keyOwner() const { return m_owner; }
    // Built-in providers only: a custom endpoint is the owner's own network.
    Status setKeyShared(const QString &ownerId, const QString &providerName, bool shared) const;
    Result<QStringList> sharedProviders(const QString &ownerId) const;

    // Re-encrypts the rows still in the first stored form (bound to the owner
    // only) in the current one. Idempotent and safe with several servers on
    // one database. Returns how many rows it upgraded.
    Result<int> upgradeStoredKeys() const;

    // "custom" is an OpenAI-compatible endpoint: it needs a base_url and may
    // exist several times, told apart by label.
    static const QStringList &knownProviders();

    Result<QList<KeyRecord>> list(const QString &userId) const;
    Result<KeyRecord> add(const QString &userId, const QString &providerName, const QString &apiKey,
                          const QString &baseUrl = {}, const QString &label = {}) const;
    Status remove(const QString &userId, const QString &keyId) const;
    // One key per built-in provider and one endpoint per label: the ones the
    // key replaces go, in the same transaction (a refused key replaces nothing).
    Result<KeyRecord> replace(const QString &userId, const QString &providerName, const QString &apiKey,
                              const QString &baseUrl = {}, const QString &label = {}) const;

    // The key to call providerName with for this user: their own, else the
    // owner's when shared with them, else the server-wide one from the
    // configuration; NotFound with advice otherwise.
    Result<QString> resolveKey(const QString &userId, const QString &providerName) const;
    // As resolveKey, with the endpoint. Each custom endpoint is its own
    // provider choice, "custom:<key id or label>"; plain "custom" means the
    // newest one (what clients that know a single endpoint send).
    Result<ResolvedKey> resolve(const QString &userId, const QString &providerName) const;

    // "custom" or "custom:<selector>".
    static bool isCustom(const QString &providerName);
    // The provider choice that names this stored custom endpoint.
    static QString customChoice(const QString &keyId);


private:
    QString serverKey(const QString &providerName) const;
    // The owner's key for another user, when the owner shares it; NotFound otherwise.
    Result<ResolvedKey> ownersSharedKey(const QString &userId, const QString &providerName) const;
    // The key of a stored row; a row of the first form is upgraded on the way.
    Result<QString> decryptRecord(const KeyRecord &record) const;
    Status upgradeRecord(const KeyRecord &record, const QString &plaintext) const;

    const Config &m_config;
    const Database &m_db;
    KeyCipher m_cipher;
    std::shared_ptr<const EndpointPolicy> m_policy;
    QSet<QString> m_trusted; // user ids
    QString m_owner;         // empty: nobody's keys are shared
};

} // namespace teehee
