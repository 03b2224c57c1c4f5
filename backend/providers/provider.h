#pragma once

#include "providers/chatrequest.h"
#include "providers/errormapping.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <memory>

namespace teehee {

class EndpointPolicy;
class ProviderStream;

// A GET as a provider client sends it: where, and with which headers (credentials among them).
struct HttpGet {
    QUrl url;
    RawHeaders headers;
};

// A model as a provider's live list reports it.
struct RemoteModel {
    QString id;
    QString displayName;  // empty when the provider gives none
    int contextLength = 0; // 0 when unknown
    bool operator==(const RemoteModel &) const = default;
};

struct ModelListPage {
    QList<RemoteModel> models;
    QString nextAfterId; // non-empty: ask again with this cursor
    bool ok = true;
};

// One LLM provider: where it lives, how it authenticates, and a factory for
// streams and model-list requests. Immutable once made; streams copy what
// they need, so a stream never depends on its provider's lifetime.
class Provider {
public:
    Provider(QString name, QString displayName, QString baseUrl, QString defaultApiKey);
    virtual ~Provider() = default;

    QString name() const { return m_name; }               // "openai"
    QString displayName() const { return m_displayName; } // "OpenAI"
    QString baseUrl() const { return m_baseUrl; }
    bool hasDefaultApiKey() const { return !m_defaultApiKey.isEmpty(); }
    virtual bool requiresApiKey() const { return true; }
    virtual QString description() const = 0;

    // The user's key, else the server-wide one (may be empty).
    QString resolvedApiKey(const QString &userKey) const { return userKey.isEmpty() ? m_defaultApiKey : userKey; }

    // `request` with the provider's base URL and server-wide key filled in where empty.
    ChatRequest resolved(ChatRequest request) const;

    // A new, not yet started stream for `request` (resolved first).
    virtual ProviderStream *createStream(const ChatRequest &request, QObject *parent = nullptr) const = 0;

    // GET {base}/models with the key; `afterId` continues a paged list.
    virtual HttpGet modelListRequest(const QString &baseUrl, const QString &apiKey, const QString &afterId = {}) const;
    virtual ModelListPage parseModelList(const QByteArray &body) const;
    // Where its base URL may lead; none for the providers the operator configured.
    virtual std::shared_ptr<const EndpointPolicy> endpointPolicy() const { return nullptr; }

    ErrorContext errorContext(const QString &model, const QString &apiKey) const
    {
        return {m_displayName, model, apiKey};
    }

private:
    QString m_name;
    QString m_displayName;
    QString m_baseUrl;
    QString m_defaultApiKey;
};

class OpenAiProvider : public Provider {
public:
    OpenAiProvider(QString baseUrl, QString defaultApiKey);
    QString description() const override;
    ProviderStream *createStream(const ChatRequest &request, QObject *parent = nullptr) const override;
};

class MistralProvider : public Provider {
public:
    MistralProvider(QString baseUrl, QString defaultApiKey);
    QString description() const override;
    ProviderStream *createStream(const ChatRequest &request, QObject *parent = nullptr) const override;
};

// Any server speaking Chat Completions at a user-given base URL
// (Ollama http://localhost:11434/v1, LM Studio http://localhost:1234/v1,
// vLLM, llama.cpp, OpenRouter https://openrouter.ai/api/v1). Key optional.
// The base URL is a user's: its requests are held to an EndpointPolicy, public
// addresses only unless one is given (or the request carries its own).
class OpenAiCompatibleProvider : public Provider {
public:
    OpenAiCompatibleProvider(QString name, QString displayName, QString baseUrl, QString defaultApiKey = {},
                             std::shared_ptr<const EndpointPolicy> policy = {});
    bool requiresApiKey() const override { return false; }
    QString description() const override;
    ProviderStream *createStream(const ChatRequest &request, QObject *parent = nullptr) const override;
    std::shared_ptr<const EndpointPolicy> endpointPolicy() const override { return m_policy; }

private:
    std::shared_ptr<const EndpointPolicy> m_policy;
};

class AnthropicProvider : public Provider {
public:
    AnthropicProvider(QString baseUrl, QString defaultApiKey);
    QString description() const override;
    ProviderStream *createStream(const ChatRequest &request, QObject *parent = nullptr) const override;
    HttpGet modelListRequest(const QString &baseUrl, const QString &apiKey, const QString &afterId = {}) const override;
    ModelListPage parseModelList(const QByteArray &body) const override;
};

} // namespace teehee
