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

} // namespace teehee::client::owner
