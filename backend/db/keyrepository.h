#pragma once

#include "core/error.h"
#include "db/database.h"
#include "db/records.h"

#include <QList>

namespace teehee {

// Provider keys as stored: the key itself only ever encrypted.
class KeyRepository {
public:
    explicit KeyRepository(const Database &db) : m_db(db) {}

    Result<KeyRecord> create(KeyRecord key) const;
    Result<QList<KeyRecord>> listForUser(const QString &userId) const;
    // NotFound for a key of another user, exactly as for a missing one.
    Result<KeyRecord> get(const QString &userId, const QString &keyId) const;
    Result<KeyRecord> findByProvider(const QString &userId, const QString &providerName) const;
    Status remove(const QString &userId, const QString &keyId) const;
    Status replaceEncrypted(const QString &keyId, const QString &encrypted, const QString &hint) const;
    // Every user's rows whose key is still in the first stored form ("v1:").
    Result<QList<KeyRecord>> listFirstForm() const;
    // Sets the stored key only where it still is `expected`; false when it was not.
    Result<bool> swapEncrypted(const QString &keyId, const QString &expected, const QString &encrypted) const;

private:
    const Database &m_db;
};

// Server-side logout: token ids that must no longer be accepted until they expire.
class RevokedTokenRepository {
public:
    explicit RevokedTokenRepository(const Database &db) : m_db(db) {}

    Status revoke(const QString &jti, const QDateTime &expiresAt) const;
    Result<bool> isRevoked(const QString &jti) const;
    Result<int> purgeExpired(const QDateTime &now) const;

private:
    const Database &m_db;
};

} // namespace teehee
