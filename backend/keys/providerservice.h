#pragma once

#include "core/config.h"
#include "core/error.h"
#include "providers/modelcatalogue.h"
#include "providers/providererror.h"
#include "providers/providerregistry.h"

#include <QObject>
#include <functional>

namespace teehee {

class KeyService;

// What every front end shows of a provider.
struct ProviderFacts {
    QString name;          // "openai"
    QString displayName;   // "OpenAI"
    QString description;
    QString defaultModel;
    bool serverKey = false; // the server holds a key for everyone
};

// A model a provider offers: from the catalogue, filled in by a live list.
struct ModelFacts {
    QString name;
    QString provider;
    QString description;
    QString displayName;   // the provider's own, when it gives one
    int maxTokens = 0;     // 0 unknown
    int contextTokens = 0; // 0 unknown
};

// The answer to a live model list: the models, or why there are none.
struct ModelListing {
    QList<ModelFacts> models;
    std::optional<Error> refused;  // before asking (unknown provider, no key)
    ProviderError failure;         // the provider's answer; never holds the key
    bool ok() const { return !refused && !failure.isError(); }
};

// An OpenAI-compatible server running on this machine (Ollama, LM Studio).
struct LocalServer {
    QString name;
    QString baseUrl;
    QStringList models;
};

// The one home of provider facts: the registry (built-in providers from the
// configuration), which key and endpoint a user's choice resolves to, live
// model lists and the look for local servers. REST routes and the desktop
// call it; the generation engine streams through the same registry.
class ProviderService : public QObject {
    Q_OBJECT
public:
    ProviderService(const Config &config, KeyService &keys, QObject *parent = nullptr);

    const ProviderRegistry &registry() const { return m_registry; }
    QList<ProviderFacts> builtIn() const { return factsOf(m_registry); }
    // The same from any registry: fixed by the configuration, known before the database opens.
    static QList<ProviderFacts> factsOf(const ProviderRegistry &registry);
    // The model a new chat of this provider uses; empty for custom endpoints.
    static QString defaultModel(const QString &provider);
    // The catalogue's current (not legacy) models of a provider.
    static QList<ModelFacts> catalogue(const QString &provider);

    using ListingDone = std::function<void(ModelListing)>;
    // The provider's live list with the user's key for it (or the server's).
    // `typedKey`/`typedBaseUrl`: a key or endpoint being tried before it is
    // saved; a typed URL is never given a stored key.
    void listModels(const QString &userId, const QString &provider, const QString &typedKey,
                    const QString &typedBaseUrl, ListingDone done);

    struct Candidate { QString name; QString baseUrl; };
    // The usual local servers (Ollama on 11434, LM Studio on 1234).
    static QList<Candidate> localCandidates();
    // Asks every candidate for its models at once; answers those that replied.
    void probeLocalServers(const QList<Candidate> &candidates, int timeoutMs,
                           std::function<void(QList<LocalServer>)> done);

private:
    KeyService &m_keys;
    ProviderRegistry m_registry;
};

} // namespace teehee
