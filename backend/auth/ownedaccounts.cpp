#include "auth/ownedaccounts.h"

#include "auth/authservice.h"
#include "auth/deviceservice.h"
#include "core/logging.h"
#include "db/sqlquery.h"
#include "db/userrepository.h"

#include <algorithm>

namespace teehee {

Status OwnedAccounts::validateName(const QString &nameIn)
{
    const QString name = nameIn.trimmed();
    if (name.isEmpty())
        return Error::invalid(QStringLiteral("name: must not be empty"));
    if (name.size() > 64)
        return Error::invalid(QStringLiteral("name: at most 64 characters"));
    const bool control = std::any_of(name.cbegin(), name.cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
    if (control || name.contains(u'@'))
        return Error::invalid(QStringLiteral("name: no '@' and no control characters"));
    return success();
}

void OwnedAccounts::create(const QString &ownerId, const QString &nameIn, const QString &password, QObject *context,
                           std::function<void(Result<OwnedAccountRecord>)> done) const
{
    if (auto st = validateName(nameIn); !st)
        return done(st.error());
    if (auto st = AuthService::validatePassword(password); !st)
        return done(st.error());
    const QString name = nameIn.trimmed();
    const QString login = name.toLower();
    auto existing = UserRepository(m_db).findByEmail(login);
    if (existing)
        return done(Error::conflict(QStringLiteral("There is already an account named \"%1\"").arg(name)));
    if (existing.error().code != ErrorCode::NotFound)
        return done(existing.error());
    const Database &db = m_db;
    const bool queued = m_auth.hasher().hash(password.toUtf8(), context, [&db, ownerId, name, login, done](Result<QString> hash) {
        if (!hash)
            return done(hash.error());
        Transaction tx(db);
        if (auto st = tx.begin(); !st)
            return done(st.error());
        UserRecord u;
        u.email = login;
        u.passwordHash = hash.value();
        auto created = UserRepository(db).create(u);
        if (!created)
            return done(created.error());
        const OwnedAccountRecord account{created->id, ownerId.toLower(), name, created->createdAt};
        if (auto st = OwnedAccountRepository(db).add(account); !st)
            return done(st.error());
        if (auto st = tx.commit(); !st)
            return done(st.error());
        qCInfo(lcAuth).noquote() << "account" << account.userId << "made by the owner for another person";
        done(account);
    });
    if (!queued)
        done(Error{ErrorCode::Unavailable, QStringLiteral("The server is busy; try again in a moment")});
}

Result<QList<OwnedAccountRecord>> OwnedAccounts::list(const QString &ownerId) const
{
    return OwnedAccountRepository(m_db).listForOwner(ownerId);
}

Status OwnedAccounts::remove(const QString &ownerId, const QString &userId) const
{
    auto account = OwnedAccountRepository(m_db).get(ownerId, userId);
    if (!account)
        return account.error();
    DeviceService &devices = m_auth.devices();
    auto listed = devices.list(account->userId);
    if (!listed)
        return listed.error();
    // Revoked first: every open session of theirs closes now, not at its next check.
    for (const DeviceRecord &d : listed.value()) {
        if (auto st = devices.revoke(account->userId, d.id); !st && st.error().code != ErrorCode::NotFound)
            return st;
    }
    if (auto st = UserRepository(m_db).remove(account->userId); !st)
        return st;
    qCInfo(lcAuth).noquote() << "account" << account->userId << "removed by the owner";
    return success();
}

} // namespace teehee
