#pragma once

#include "core/error.h"
#include "db/database.h"

#include <QStringList>

namespace teehee {

// Which of the owner's provider keys other accounts of the server may use
// (one row per shared provider; no row: not shared).
class KeySharingRepository {
public:
    explicit KeySharingRepository(const Database &db) : m_db(db) {}

    Status setShared(const QString &ownerId, const QString &providerName, bool shared) const;
    Result<bool> isShared(const QString &ownerId, const QString &providerName) const;
    // Sorted by provider name.
    Result<QStringList> sharedProviders(const QString &ownerId) const;

private:
    const Database &m_db;
};

} // namespace teehee
