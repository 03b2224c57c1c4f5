#pragma once

#include "core/config.h"
#include "db/database.h"
#include "db/records.h"
#include "keys/keycipher.h"

#include <QJsonObject>

namespace teehee {

// A user's provider API keys: stored encrypted, listed masked, resolved
// (decrypted) only for the generation engine.
class KeyService {
public:
    KeyService(const Config &config, const Database &db);

    // "custom" is an OpenAI-compatible endpoint: it needs a base_url and may
    // exist several times, told apart by label.
    static const QStringList &knownProviders();

    Result<QList<KeyRecord>> list(const QString &userId) const;
    Result<KeyRecord> add(const QString &userId, const QString &providerName, const QString &apiKey,
                          const QString &baseUrl = {}, const QString &label = {}) const;
    Status remove(const QString &userId, const QString &keyId) const;

    // The key to call providerName with for this user: their own, else the
    // server-wide one from the configuration; NotFound with advice otherwise.
    Result<QString> resolveKey(const QString &userId, const QString &providerName) const;

    // The public form: never the key itself.
    static QJsonObject toJson(const KeyRecord &key);

private:
    QString serverKey(const QString &providerName) const;

    const Config &m_config;
    const Database &m_db;
    KeyCipher m_cipher;
};

} // namespace teehee
