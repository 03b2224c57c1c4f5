#pragma once

#include "core/error.h"
#include "db/database.h"
#include "db/ownedaccountrepository.h"

#include <QObject>
#include <functional>

namespace teehee {

class AuthService;

// Accounts a desktop's owner makes for other people on the share: a name and
// a password, each with chats of their own. They sign in with the name (in
// the e-mail field), and are not trusted with the machine's own network (the
// custom-endpoint limits hold for them as for any account but the owner's).
class OwnedAccounts {
public:
    OwnedAccounts(const Database &db, AuthService &auth) : m_db(db), m_auth(auth) {}

    // A name: 1–64 characters, no control characters or '@' (it is not an
    // e-mail, and may not take over one). Conflict when taken (any case).
    static Status validateName(const QString &name);

    // Hashes on the hashing pool; `done` comes on `context`'s thread.
    void create(const QString &ownerId, const QString &name, const QString &password, QObject *context,
                std::function<void(Result<OwnedAccountRecord>)> done) const;
    Result<QList<OwnedAccountRecord>> list(const QString &ownerId) const;
    // Revokes the account's devices (their sessions close at once), then
    // removes it with its chats and keys. NotFound for another owner's.
    Status remove(const QString &ownerId, const QString &userId) const;

private:
    const Database &m_db;
    AuthService &m_auth;
};

} // namespace teehee
