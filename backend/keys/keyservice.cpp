#include "keys/keyservice.h"

#include "core/logging.h"
#include "db/keyrepository.h"
#include "db/sqlquery.h"

#include <QUrl>

namespace teehee {

KeyService::KeyService(const Config &config, const Database &db)
    : m_config(config), m_db(db), m_cipher(config.encryptionKey)
{
}

const QStringList &KeyService::knownProviders()
{
    static const QStringList names{QStringLiteral("openai"), QStringLiteral("anthropic"),
                                   QStringLiteral("mistral"), QStringLiteral("custom")};
    return names;
}

Result<QList<KeyRecord>> KeyService::list(const QString &userId) const
{
    return KeyRepository(m_db).listForUser(userId);
}

Result<KeyRecord> KeyService::add(const QString &userId, const QString &providerIn, const QString &apiKeyIn,
                                  const QString &baseUrl, const QString &label) const
{
    const QString provider = providerIn.trimmed().toLower();
    const QString apiKey = apiKeyIn.trimmed();
    if (!knownProviders().contains(provider))
        return Error::invalid(QStringLiteral("provider_name: unknown provider \"%1\" (known: %2)")
                                  .arg(providerIn, knownProviders().join(QStringLiteral(", "))));
    if (apiKey.isEmpty())
        return Error::invalid(QStringLiteral("api_key: must not be empty"));
    if (apiKey.size() > 4096)
        return Error::invalid(QStringLiteral("api_key: longer than 4096 characters"));
    const bool custom = provider == u"custom";
    if (custom) {
        const QUrl url(baseUrl, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty())
            return Error::invalid(QStringLiteral("base_url: an http(s) URL is required for a custom endpoint"));
    } else if (!baseUrl.isEmpty()) {
        return Error::invalid(QStringLiteral("base_url: only custom endpoints take a base_url"));
    }
    KeyRepository repo(m_db);
    auto existing = repo.listForUser(userId);
    if (!existing)
        return existing.error();
    for (const KeyRecord &k : existing.value()) {
        if (k.providerName != provider)
            continue;
        if (!custom)
            return Error::conflict(QStringLiteral("You already have a key for %1; delete it first").arg(provider));
        if (k.label == label)
            return Error::conflict(QStringLiteral("You already have a custom endpoint labelled \"%1\"").arg(label));
    }
    auto encrypted = m_cipher.encrypt(apiKey, userId);
    if (!encrypted)
        return encrypted.error();
    KeyRecord k;
    k.userId = userId;
    k.providerName = provider;
    k.encryptedApiKey = encrypted.value();
    k.hint = KeyCipher::hint(apiKey);
    k.baseUrl = custom ? baseUrl : QString();
    k.label = label;
    return repo.create(k);
}

Status KeyService::remove(const QString &userId, const QString &keyId) const
{
    return KeyRepository(m_db).remove(userId, keyId);
}

QString KeyService::serverKey(const QString &providerName) const
{
    if (providerName == u"openai")
        return m_config.openaiApiKey;
    if (providerName == u"anthropic")
        return m_config.anthropicApiKey;
    if (providerName == u"mistral")
        return m_config.mistralApiKey;
    return {};
}

bool KeyService::isCustom(const QString &providerName)
{
    return providerName == u"custom" || providerName.startsWith(u"custom:");
}

QString KeyService::customChoice(const QString &keyId)
{
    return QStringLiteral("custom:") + keyId;
}

Result<QString> KeyService::resolveKey(const QString &userId, const QString &providerName) const
{
    auto resolved = resolve(userId, providerName);
    if (!resolved)
        return resolved.error();
    return resolved->apiKey;
}

Result<ResolvedKey> KeyService::resolve(const QString &userId, const QString &providerName) const
{
    KeyRepository repo(m_db);
    Result<KeyRecord> own = Error::notFound({});
    if (providerName.startsWith(u"custom:")) {
        // A key id or a label: ids are what the app stores, labels what a person types.
        const QString selector = providerName.mid(7);
        auto keys = repo.listForUser(userId);
        if (!keys)
            return keys.error();
        for (const KeyRecord &k : keys.value())
            if (k.providerName == u"custom" && (k.id == selector.toLower() || k.label == selector))
                own = k;
        if (!own)
            return Error::notFound(QStringLiteral("No custom endpoint \"%1\": add it under Providers & keys").arg(selector.left(80)));
    } else {
        own = repo.findByProvider(userId, providerName);
    }
    if (own) {
        auto key = m_cipher.decrypt(own->encryptedApiKey, own->userId);
        if (!key)
            return key.error();
        return ResolvedKey{key.value(), own->id, own->baseUrl, own->label};
    }
    if (own.error().code != ErrorCode::NotFound)
        return own.error();
    const QString server = serverKey(providerName);
    if (!server.isEmpty())
        return ResolvedKey{server, {}, {}, {}};
    if (providerName == u"custom")
        return Error::notFound(QStringLiteral("No custom endpoint yet: add one under Providers & keys"));
    return Error::notFound(QStringLiteral("No API key for %1: add one in your settings, or set %2_API_KEY on the server")
                               .arg(providerName, providerName.toUpper()));
}

QJsonObject KeyService::toJson(const KeyRecord &key)
{
    QJsonObject o{{QStringLiteral("id"), key.id},
                  {QStringLiteral("user_id"), key.userId},
                  {QStringLiteral("provider_name"), key.providerName},
                  {QStringLiteral("created_at"), sqlvalue::isoTime(key.createdAt)},
                  {QStringLiteral("hint"), key.hint}};
    if (!key.baseUrl.isEmpty())
        o.insert(QStringLiteral("base_url"), key.baseUrl);
    if (!key.label.isEmpty())
        o.insert(QStringLiteral("label"), key.label);
    return o;
}

} // namespace teehee
