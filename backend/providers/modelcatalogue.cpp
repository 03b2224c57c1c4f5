#include "providers/modelcatalogue.h"

namespace teehee {

namespace {

enum Vision : bool { NoImages = false, Images = true };

CatalogueModel m(const char *name, const char *provider, const char *description, int maxTokens, int context,
                 Vision images, bool legacy = false)
{
    return {QString::fromLatin1(name), QString::fromLatin1(provider), QString::fromUtf8(description), maxTokens,
            context, legacy, images == Images};
}

} // namespace

const QList<CatalogueModel> &ModelCatalogue::all()
{
    static const QList<CatalogueModel> models{
        // OpenAI: current
        m("gpt-4o", "openai", "GPT-4o: fast multimodal flagship", 16384, 128000, Images),
        m("gpt-4o-mini", "openai", "GPT-4o mini: small, fast and cheap", 16384, 128000, Images),
        m("gpt-4.1", "openai", "GPT-4.1: long context, strong at code and instructions", 32768, 1047576, Images),
        m("gpt-4.1-mini", "openai", "GPT-4.1 mini", 32768, 1047576, Images),
        m("gpt-4.1-nano", "openai", "GPT-4.1 nano: fastest GPT-4.1", 32768, 1047576, Images),
        m("gpt-5", "openai", "GPT-5: reasoning flagship", 128000, 400000, Images),
        m("gpt-5-mini", "openai", "GPT-5 mini", 128000, 400000, Images),
        m("o1", "openai", "o1: reasoning model", 100000, 200000, Images),
        m("o3", "openai", "o3: reasoning model", 100000, 200000, Images),
        m("o3-mini", "openai", "o3-mini: small reasoning model", 100000, 200000, NoImages),
        m("o4-mini", "openai", "o4-mini: fast reasoning model", 100000, 200000, Images),
        // OpenAI: from the original README
        m("gpt-4-turbo-preview", "openai", "GPT-4 Turbo Preview", 4096, 128000, NoImages, true),
        m("gpt-4", "openai", "GPT-4", 8192, 8192, NoImages, true),
        m("gpt-3.5-turbo", "openai", "GPT-3.5 Turbo", 4096, 16385, NoImages, true),
        m("gpt-3.5-turbo-16k", "openai", "GPT-3.5 Turbo 16K", 4096, 16385, NoImages, true),

        // Anthropic: current
        m("claude-sonnet-4-5-20250929", "anthropic", "Claude Sonnet 4.5", 64000, 200000, Images),
        m("claude-haiku-4-5-20251001", "anthropic", "Claude Haiku 4.5: fastest Claude 4.5", 64000, 200000, Images),
        m("claude-opus-4-1-20250805", "anthropic", "Claude Opus 4.1", 32000, 200000, Images),
        m("claude-opus-4-20250514", "anthropic", "Claude Opus 4", 32000, 200000, Images),
        m("claude-sonnet-4-20250514", "anthropic", "Claude Sonnet 4", 64000, 200000, Images),
        m("claude-3-7-sonnet-latest", "anthropic", "Claude 3.7 Sonnet", 64000, 200000, Images),
        m("claude-3-5-sonnet-latest", "anthropic", "Claude 3.5 Sonnet", 8192, 200000, Images),
        m("claude-3-5-haiku-latest", "anthropic", "Claude 3.5 Haiku", 8192, 200000, Images),
        // Anthropic: from the original README
        m("claude-3-opus-20240229", "anthropic", "Claude 3 Opus", 4096, 200000, Images, true),
        m("claude-3-sonnet-20240229", "anthropic", "Claude 3 Sonnet", 4096, 200000, Images, true),
        m("claude-3-haiku-20240307", "anthropic", "Claude 3 Haiku", 4096, 200000, Images, true),
        m("claude-2.1", "anthropic", "Claude 2.1", 4096, 200000, NoImages, true),
        m("claude-2.0", "anthropic", "Claude 2.0", 4096, 100000, NoImages, true),

        // Mistral: current
        m("mistral-large-latest", "mistral", "Mistral Large: top-tier reasoning and multilingual", 131072, 131072, Images),
        m("mistral-medium-latest", "mistral", "Mistral Medium: balanced multimodal model", 131072, 131072, Images),
        m("mistral-small-latest", "mistral", "Mistral Small: fast and efficient", 131072, 131072, Images),
        m("codestral-latest", "mistral", "Codestral: code generation and completion", 256000, 256000, NoImages),
        m("magistral-medium-latest", "mistral", "Magistral Medium: reasoning model", 40000, 40000, Images),
        m("ministral-8b-latest", "mistral", "Ministral 8B: small edge model", 131072, 131072, NoImages),
        // Mistral: from the original README
        m("mistral-large", "mistral", "Mistral Large", 32768, 32768, NoImages, true),
        m("mistral-medium", "mistral", "Mistral Medium", 32768, 32768, NoImages, true),
        m("mistral-small", "mistral", "Mistral Small", 32768, 32768, NoImages, true),
        m("open-mixtral-8x7b", "mistral", "Open Mixtral 8x7B", 32768, 32768, NoImages, true),
        m("open-mistral-7b", "mistral", "Open Mistral 7B", 32768, 32768, NoImages, true),
    };
    return models;
}

QList<CatalogueModel> ModelCatalogue::forProvider(const QString &provider)
{
    QList<CatalogueModel> out;
    for (const CatalogueModel &model : all()) {
        if (model.provider == provider)
            out.append(model);
    }
    return out;
}

std::optional<CatalogueModel> ModelCatalogue::find(const QString &name)
{
    for (const CatalogueModel &model : all()) {
        if (model.name == name)
            return model;
    }
    return std::nullopt;
}

QString ModelCatalogue::defaultModel(const QString &provider)
{
    if (provider == QLatin1String("openai"))
        return QStringLiteral("gpt-4o-mini");
    if (provider == QLatin1String("anthropic"))
        return QStringLiteral("claude-sonnet-4-5-20250929");
    if (provider == QLatin1String("mistral"))
        return QStringLiteral("mistral-small-latest");
    return {};
}

std::optional<bool> ModelCatalogue::takesImages(const QString &provider, const QString &model)
{
    for (const CatalogueModel &known : all()) {
        if (known.provider == provider && known.name == model)
            return known.images;
    }
    return std::nullopt;
}

} // namespace teehee
