#include "providers/provider.h"

#include "providers/anthropicstream.h"
#include "providers/endpointpolicy.h"
#include "providers/openaistream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace teehee {

namespace {

QUrl join(const QString &base, const QString &path)
{
    QString b = base;
    while (b.endsWith(QLatin1Char('/')))
        b.chop(1);
    return QUrl(b + path);
}

} // namespace

Provider::Provider(QString name, QString displayName, QString baseUrl, QString defaultApiKey)
    : m_name(std::move(name))
    , m_displayName(std::move(displayName))
    , m_baseUrl(std::move(baseUrl))
    , m_defaultApiKey(std::move(defaultApiKey))
{
}

ChatRequest Provider::resolved(ChatRequest request) const
{
    if (request.provider.isEmpty())
        request.provider = m_name;
    if (request.baseUrl.isEmpty())
        request.baseUrl = m_baseUrl;
    if (request.apiKey.isEmpty())
        request.apiKey = m_defaultApiKey;
    return request;
}

HttpGet Provider::modelListRequest(const QString &baseUrl, const QString &apiKey, const QString &) const
{
    HttpGet req{join(baseUrl.isEmpty() ? m_baseUrl : baseUrl, QStringLiteral("/models")), {}};
    const QString key = resolvedApiKey(apiKey);
    if (!key.isEmpty())
        req.headers.append({QByteArray("Authorization"), "Bearer " + key.toUtf8()});
    return req;
}

ModelListPage Provider::parseModelList(const QByteArray &body) const
{
    ModelListPage page;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject() || !doc.object().value(QLatin1String("data")).isArray()) {
        page.ok = false;
        return page;
    }
    for (const QJsonValue &v : doc.object().value(QLatin1String("data")).toArray()) {
        const QJsonObject o = v.toObject();
        RemoteModel m;
        m.id = o.value(QLatin1String("id")).toString();
        m.displayName = o.value(QLatin1String("name")).toString();
        m.contextLength = o.value(QLatin1String("max_context_length")).toInt(o.value(QLatin1String("context_length")).toInt());
        if (!m.id.isEmpty())
            page.models.append(m);
    }
    return page;
}

OpenAiProvider::OpenAiProvider(QString baseUrl, QString defaultApiKey)
    : Provider(QStringLiteral("openai"), QStringLiteral("OpenAI"), std::move(baseUrl), std::move(defaultApiKey))
{
}

QString OpenAiProvider::description() const
{
    return QStringLiteral("OpenAI GPT and o-series models (Chat Completions)");
}

ProviderStream *OpenAiProvider::createStream(const ChatRequest &request, QObject *parent) const
{
    return new OpenAiStream(OpenAiStream::Dialect::OpenAi, resolved(request), displayName(), parent);
}

MistralProvider::MistralProvider(QString baseUrl, QString defaultApiKey)
    : Provider(QStringLiteral("mistral"), QStringLiteral("Mistral"), std::move(baseUrl), std::move(defaultApiKey))
{
}

QString MistralProvider::description() const
{
    return QStringLiteral("Mistral AI models: Mistral Large, Small, Codestral and open models");
}

ProviderStream *MistralProvider::createStream(const ChatRequest &request, QObject *parent) const
{
    return new OpenAiStream(OpenAiStream::Dialect::Mistral, resolved(request), displayName(), parent);
}

OpenAiCompatibleProvider::OpenAiCompatibleProvider(QString name, QString displayName, QString baseUrl,
                                                   QString defaultApiKey, std::shared_ptr<const EndpointPolicy> policy)
    : Provider(std::move(name), std::move(displayName), std::move(baseUrl), std::move(defaultApiKey))
    , m_policy(policy ? std::move(policy) : EndpointPolicy::publicOnly())
{
}

QString OpenAiCompatibleProvider::description() const
{
    return QStringLiteral("OpenAI-compatible server at %1").arg(baseUrl());
}

ProviderStream *OpenAiCompatibleProvider::createStream(const ChatRequest &request, QObject *parent) const
{
    ChatRequest r = resolved(request);
    if (!r.endpointPolicy)
        r.endpointPolicy = m_policy;
    return new OpenAiStream(OpenAiStream::Dialect::Compatible, std::move(r), displayName(), parent);
}

AnthropicProvider::AnthropicProvider(QString baseUrl, QString defaultApiKey)
    : Provider(QStringLiteral("anthropic"), QStringLiteral("Anthropic"), std::move(baseUrl), std::move(defaultApiKey))
{
}

QString AnthropicProvider::description() const
{
    return QStringLiteral("Anthropic Claude models (Messages API)");
}

ProviderStream *AnthropicProvider::createStream(const ChatRequest &request, QObject *parent) const
{
    return new AnthropicStream(resolved(request), displayName(), parent);
}

HttpGet AnthropicProvider::modelListRequest(const QString &baseUrl, const QString &apiKey, const QString &afterId) const
{
    QString base = baseUrl.isEmpty() ? this->baseUrl() : baseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QUrl url = join(base, base.endsWith(QLatin1String("/v1")) ? QStringLiteral("/models") : QStringLiteral("/v1/models"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
    if (!afterId.isEmpty())
        query.addQueryItem(QStringLiteral("after_id"), afterId);
    url.setQuery(query);
    HttpGet req{url, {}};
    const QString key = resolvedApiKey(apiKey);
    if (!key.isEmpty())
        req.headers.append({QByteArray("x-api-key"), key.toUtf8()});
    req.headers.append({QByteArray("anthropic-version"), QByteArray(AnthropicStream::kApiVersion)});
    return req;
}

ModelListPage AnthropicProvider::parseModelList(const QByteArray &body) const
{
    ModelListPage page = Provider::parseModelList(body);
    if (!page.ok)
        return page;
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonArray data = root.value(QLatin1String("data")).toArray();
    for (qsizetype i = 0; i < page.models.size() && i < data.size(); ++i) {
        const QJsonObject o = data.at(i).toObject();
        page.models[i].displayName = o.value(QLatin1String("display_name")).toString();
        page.models[i].contextLength = o.value(QLatin1String("max_input_tokens")).toInt();
    }
    if (root.value(QLatin1String("has_more")).toBool())
        page.nextAfterId = root.value(QLatin1String("last_id")).toString();
    return page;
}

} // namespace teehee
