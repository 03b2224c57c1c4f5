#pragma once

#include "sharingclient.h"

#include "core/error.h"

namespace teehee {
class Backend;
}

// What the desktop's owner decides for the other accounts of the share, read
// and written on the backend thread.
namespace teehee::client::owner {

// The built-in providers the owner has a key for, and which of them are shared.
Result<QList<KeyShare>> keyShares(Backend &backend, const QString &ownerId);
Status setKeyShared(Backend &backend, const QString &ownerId, const QString &provider, bool shared);

// The accounts the owner made for other people.
Result<QList<PersonAccount>> accounts(Backend &backend, const QString &ownerId);
// `done` comes later on the backend thread (the password is hashed off it).
void createAccount(Backend &backend, const QString &ownerId, const QString &name, const QString &password,
                   std::function<void(Status)> done);
Status removeAccount(Backend &backend, const QString &ownerId, const QString &accountId);

} // namespace teehee::client::owner
