#include "providers/providerregistry.h"

#include "providers/modelcatalogue.h"
#include "providers/refusedstream.h"

#include "core/config.h"
#include "providers/endpointpolicy.h"
#include "providers/providerstream.h"

#include <QUrl>

namespace teehee {

ProviderRegistry::ProviderRegistry(const Config &config)
    : m_policy(EndpointPolicy::make(config.allowPrivateEndpoints, config.allowedEndpointHosts))
{
    add(std::make_shared<OpenAiProvider>(config.openaiBaseUrl, config.openaiApiKey));
    add(std::make_shared<AnthropicProvider>(config.anthropicBaseUrl, config.anthropicApiKey));
    add(std::make_shared<MistralProvider>(config.mistralBaseUrl, config.mistralApiKey));
}

void ProviderRegistry::add(std::shared_ptr<const Provider> provider)
{
    const QString name = provider->name();
    if (!m_providers.count(name))
        m_order << name;
    m_providers[name] = std::move(provider);
}

std::shared_ptr<const Provider> ProviderRegistry::provider(const QString &name) const
{
    const auto it = m_providers.find(name.toLower());
    return it == m_providers.end() ? nullptr : it->second;
}

QStringList ProviderRegistry::names() const
{
    return m_order;
}

std::shared_ptr<const Provider> ProviderRegistry::compatible(const QString &baseUrl, const QString &name,
                                                             const QString &displayName,
                                                             std::shared_ptr<const EndpointPolicy> policy)
{
    const QUrl url(baseUrl);
    QString shown = displayName;
    if (shown.isEmpty()) {
        // Name the well-known local servers so that errors say what to check.
        const int port = url.port();
        if (port == 11434)
            shown = QStringLiteral("Ollama");
        else if (port == 1234)
            shown = QStringLiteral("LM Studio");
        else if (url.host().contains(QLatin1String("openrouter")))
            shown = QStringLiteral("OpenRouter");
        else
            shown = QStringLiteral("OpenAI-compatible server");
        shown += QStringLiteral(" at ") + url.toString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery);
    }
    return std::make_shared<OpenAiCompatibleProvider>(name.isEmpty() ? QStringLiteral("openai-compatible") : name,
                                                      shown, baseUrl, QString(), std::move(policy));
}

Result<std::shared_ptr<const Provider>> ProviderRegistry::resolve(const ChatRequest &request) const
{
    if (auto p = provider(request.provider))
        return p;
    if (!request.baseUrl.isEmpty()) {
        const QUrl url(request.baseUrl);
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return Error::invalid(QStringLiteral("The base URL '%1' is not an http(s) URL").arg(request.baseUrl));
        return compatible(request.baseUrl, request.provider, request.endpointLabel,
                          request.endpointPolicy ? request.endpointPolicy
                                                 : (m_policy ? m_policy : EndpointPolicy::publicOnly()));
    }
    return Error::invalid(QStringLiteral("Unknown provider '%1'; known providers: %2")
                              .arg(request.provider, m_order.join(QStringLiteral(", "))));
}

Result<ProviderStream *> ProviderRegistry::createStream(const ChatRequest &request, QObject *parent) const
{
    auto resolvedProvider = resolve(request);
    if (!resolvedProvider)
        return resolvedProvider.error();
    const auto &p = *resolvedProvider;
    if (request.model.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("No model was chosen for %1").arg(p->displayName())).withReason(ErrorReason::NoModel);
    if (p->requiresApiKey() && p->resolvedApiKey(request.apiKey).isEmpty())
        return Error{ErrorCode::Unauthorized,
                     QStringLiteral("No API key for %1: add one under Providers & keys").arg(p->displayName()),
                     ErrorReason::NoKey};
    // A model the catalogue knows to take no images is not asked about one:
    // the reply fails at once, naming why, with nothing sent upstream.
    if (request.hasImages() && ModelCatalogue::takesImages(request.provider, request.model) == std::optional<bool>(false))
        return new RefusedStream(ProviderError::make(ProviderError::NoVision,
                                                     QStringLiteral("The model %1 cannot read images; choose a model "
                                                                    "that can (such as %2), or send the message "
                                                                    "without them")
                                                         .arg(request.model, ModelCatalogue::defaultModel(request.provider))),
                                 parent);
    return p->createStream(request, parent);
}

} // namespace teehee
