#pragma once

#include "core/error.h"
#include "providers/provider.h"

#include <QObject>

#include <map>
#include <memory>

namespace teehee {

struct Config;
class ProviderStream;

// Name → provider. Built from Config (base URLs from OPENAI_BASE_URL,
// ANTHROPIC_BASE_URL, MISTRAL_BASE_URL and the server-wide keys); custom
// OpenAI-compatible endpoints (stored per user with their keys) are made on
// demand from the base URL the request carries.
class ProviderRegistry {
public:
    ProviderRegistry() = default;
    explicit ProviderRegistry(const Config &config);

    void add(std::shared_ptr<const Provider> provider); // replaces one of the same name

    std::shared_ptr<const Provider> provider(const QString &name) const;
    QStringList names() const; // built-in providers, registration order
    bool contains(const QString &name) const { return provider(name) != nullptr; }

    // A provider for a user's own OpenAI-compatible endpoint, held to
    // `policy` (none: public addresses only).
    static std::shared_ptr<const Provider> compatible(const QString &baseUrl, const QString &name = {},
                                                      const QString &displayName = {},
                                                      std::shared_ptr<const EndpointPolicy> policy = {});
    // The rule for users' endpoints from the configuration.
    const std::shared_ptr<const EndpointPolicy> &endpointPolicy() const { return m_policy; }

    // The provider a request names: a registered one, or an OpenAI-compatible
    // endpoint when the request carries its own base URL (held to the
    // request's policy, else the configuration's).
    Result<std::shared_ptr<const Provider>> resolve(const ChatRequest &request) const;

    // A new, not yet started stream; an error when the provider is unknown or
    // no key is available for a provider that needs one.
    Result<ProviderStream *> createStream(const ChatRequest &request, QObject *parent = nullptr) const;

private:
    std::map<QString, std::shared_ptr<const Provider>> m_providers;
    QStringList m_order;
    std::shared_ptr<const EndpointPolicy> m_policy;
};

} // namespace teehee
