#pragma once

#include "core/error.h"
#include "db/database.h"
#include "db/records.h"

namespace teehee {

class UserRepository {
public:
    explicit UserRepository(const Database &db) : m_db(db) {}

    // Creates a user; the id and created_at are filled in when empty. Conflict if the e-mail is taken.
    Result<UserRecord> create(UserRecord user) const;
    Result<UserRecord> findById(const QString &id) const;
    Result<UserRecord> findByEmail(const QString &email) const;   // case-insensitive
    Result<UserRecord> findBySsoId(const QString &ssoId) const;
    // The user an access token names, whether that token was revoked and, for
    // a device's token, that device: the checks of every authenticated request
    // in one query. NotFound when the user is gone.
    struct TokenHolder {
        UserRecord user;
        bool tokenRevoked = false;
        std::optional<DeviceRecord> device; // asked for and found (the user's own)
    };
    Result<TokenHolder> findTokenHolder(const QString &userId, const QString &tokenId,
                                        const QString &deviceId = QString()) const;
    Status setPasswordHash(const QString &id, const QString &hash) const;
    Status setSsoId(const QString &id, const QString &ssoId) const;
    Status remove(const QString &id) const;

private:
    Result<UserRecord> findOne(const QString &column, const QString &value) const;
    const Database &m_db;
};

} // namespace teehee
