#include "keys/keyservice.h"

#include "core/logging.h"
#include "db/keyrepository.h"
#include "db/keysharingrepository.h"
#include "db/ownedaccountrepository.h"
#include "db/sqlquery.h"
#include "providers/endpointpolicy.h"

#include <QUrl>

#include <algorithm>

namespace teehee {

namespace {

bool hasControl(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator;
    });
}

KeyBinding bindingOf(const KeyRecord &k)
{
    return {k.userId, k.id, k.providerName, k.baseUrl};
}

} // namespace

KeyService::KeyService(const Config &config, const Database &db)
    : m_config(config), m_db(db), m_cipher(config.encryptionKey),
      m_policy(EndpointPolicy::make(config.allowPrivateEndpoints, config.allowedEndpointHosts))
{
}

KeyService::~KeyService() = default;

void KeyService::trustWithPrivateEndpoints(const QString &userId)
{
    m_trusted.insert(userId.toLower());
}

std::shared_ptr<const EndpointPolicy> KeyService::endpointPolicyFor(const QString &userId) const
{
    return m_trusted.contains(userId.toLower()) ? EndpointPolicy::anyAddress() : m_policy;
}

void KeyService::setKeyOwner(const QString &ownerId)
{
    m_owner = ownerId.toLower();
}

Status KeyService::setKeyShared(const QString &ownerId, const QString &providerIn, bool shared) const
{
    const QString provider = providerIn.trimmed().toLower();
    if (!knownProviders().contains(provider) || isCustom(provider))
        return Error::invalid(QStringLiteral("provider_name: only the keys of built-in providers can be shared"));
    return KeySharingRepository(m_db).setShared(ownerId, provider, shared);
}

Result<QStringList> KeyService::sharedProviders(const QString &ownerId) const
{
    return KeySharingRepository(m_db).sharedProviders(ownerId);
}

Result<ResolvedKey> KeyService::ownersSharedKey(const QString &userId, const QString &providerName) const
{
    if (m_owner.isEmpty() || userId.toLower() == m_owner || isCustom(providerName))
        return Error::notFound({});
    // Only the people the owner made accounts for: anyone else who signed up
    // on the network spends their own keys.
    auto owned = OwnedAccountRepository(m_db).get(m_owner, userId);
    if (!owned)
        return owned.error();
    auto shared = KeySharingRepository(m_db).isShared(m_owner, providerName);
    if (!shared)
        return shared.error();
    if (!shared.value())
        return Error::notFound({});
    auto record = KeyRepository(m_db).findByProvider(m_owner, providerName);
    if (!record)
        return record.error();
    auto key = decryptRecord(record.value());
    if (!key)
        return key.error();
    // No key id: it names a row of another account.
    return ResolvedKey{key.value(), {}, {}, {}, {}};
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
    // It goes into a request header: a line break would add headers of its own.
    if (hasControl(apiKey))
        return Error::invalid(QStringLiteral("api_key: must not contain line breaks or control characters"));
    if (hasControl(label))
        return Error::invalid(QStringLiteral("label: must not contain line breaks or control characters"));
    const bool custom = provider == u"custom";
    if (custom) {
        if (auto st = endpointPolicyFor(userId)->checkBaseUrl(baseUrl); !st)
            return st.error();
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
    KeyRecord k;
    k.id = newUuid(); // before encrypting: the ciphertext is bound to its row
    k.userId = userId;
    k.providerName = provider;
    k.hint = KeyCipher::hint(apiKey);
    k.baseUrl = custom ? baseUrl : QString();
    k.label = label;
    auto encrypted = m_cipher.encrypt(apiKey, bindingOf(k));
    if (!encrypted)
        return encrypted.error();
    k.encryptedApiKey = encrypted.value();
    return repo.create(k);
}

Result<KeyRecord> KeyService::replace(const QString &userId, const QString &providerName, const QString &apiKey,
                                      const QString &baseUrl, const QString &label) const
{
    auto before = list(userId);
    if (!before)
        return before.error();
    // In one transaction: a refused key leaves the old one in place.
    Transaction tx(m_db);
    if (auto st = tx.begin(); !st)
        return st.error();
    const QString provider = providerName.trimmed().toLower();
    for (const KeyRecord &k : before.value())
        if (k.providerName == provider && (provider != u"custom" || k.label == label))
            if (auto st = remove(userId, k.id); !st)
                return st.error();
    auto added = add(userId, providerName, apiKey, baseUrl, label);
    if (!added)
        return added;
    if (auto st = tx.commit(); !st)
        return st.error();
    return added;
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
        auto key = decryptRecord(own.value());
        if (!key)
            return key.error();
        ResolvedKey resolved{key.value(), own->id, own->baseUrl, own->label, {}};
        if (own->providerName == u"custom")
            resolved.endpointPolicy = endpointPolicyFor(userId);
        return resolved;
    }
    if (own.error().code != ErrorCode::NotFound)
        return own.error();
    auto owners = ownersSharedKey(userId, providerName);
    if (owners)
        return owners;
    if (owners.error().code != ErrorCode::NotFound)
        return owners.error();
    const QString server = serverKey(providerName);
    if (!server.isEmpty())
        return ResolvedKey{server, {}, {}, {}};
    if (providerName == u"custom")
        return Error::notFound(QStringLiteral("No custom endpoint yet: add one under Providers & keys")).withReason(ErrorReason::NoKey);
    return Error::notFound(QStringLiteral("No API key for %1: add one in your settings, or set %2_API_KEY on the server")
                               .arg(providerName, providerName.toUpper())).withReason(ErrorReason::NoKey);
}

Result<QString> KeyService::decryptRecord(const KeyRecord &record) const
{
    const QString what = record.label.isEmpty() ? record.providerName : record.label;
    const Error unreadable{ErrorCode::Conflict,
                           QStringLiteral("The stored key for %1 cannot be read (it was altered, or the server's "
                                          "ENCRYPTION_KEY changed); delete it and add it again").arg(what.left(80))};
    if (!KeyCipher::isV1(record.encryptedApiKey)) {
        auto key = m_cipher.decrypt(record.encryptedApiKey, bindingOf(record));
        if (!key) {
            qCWarning(lcSecrets) << "stored key" << record.id << "does not decrypt for its row";
            return unreadable;
        }
        return key;
    }
    auto key = m_cipher.decryptV1(record.encryptedApiKey, record.userId);
    if (!key) {
        qCWarning(lcSecrets) << "stored key" << record.id << "(first form) does not decrypt";
        return unreadable;
    }
    if (auto st = upgradeRecord(record, key.value()); !st)
        qCWarning(lcSecrets).noquote() << "stored key" << record.id << "not upgraded:" << st.error().message;
    return key;
}

Status KeyService::upgradeRecord(const KeyRecord &record, const QString &plaintext) const
{
    auto encrypted = m_cipher.encrypt(plaintext, bindingOf(record));
    if (!encrypted)
        return encrypted.error();
    // Only if the row still holds what was read: another server may have upgraded it meanwhile.
    auto swapped = KeyRepository(m_db).swapEncrypted(record.id, record.encryptedApiKey, encrypted.value());
    if (!swapped)
        return swapped.error();
    return success();
}

Result<int> KeyService::upgradeStoredKeys() const
{
    auto rows = KeyRepository(m_db).listFirstForm();
    if (!rows)
        return rows.error();
    int upgraded = 0;
    for (const KeyRecord &record : rows.value()) {
        auto key = m_cipher.decryptV1(record.encryptedApiKey, record.userId);
        if (!key) {
            qCWarning(lcSecrets) << "stored key" << record.id << "(first form) does not decrypt; left as it is";
            continue;
        }
        if (upgradeRecord(record, key.value()))
            ++upgraded;
    }
    if (upgraded > 0)
        qCInfo(lcSecrets) << upgraded << "stored keys re-encrypted bound to their rows";
    return upgraded;
}

} // namespace teehee
