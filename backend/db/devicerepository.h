#pragma once

#include "core/error.h"
#include "db/database.h"
#include "db/records.h"

#include <QList>

namespace teehee {

// The devices of accounts (records.h DeviceRecord), scoped to their owner:
// another user's device is NotFound, as a missing one is.
class DeviceRepository {
public:
    explicit DeviceRepository(const Database &db) : m_db(db) {}

    // A new device; id, created_at and last_seen_at are filled in when empty.
    Result<DeviceRecord> create(DeviceRecord device) const;
    Result<DeviceRecord> find(const QString &userId, const QString &id) const;
    // The user's devices not revoked and seen since `seenSince`, most recently seen first.
    Result<QList<DeviceRecord>> listActive(const QString &userId, const QDateTime &seenSince) const;
    // Moves last_seen_at forward to `at` (never back).
    Status touch(const QString &id, const QDateTime &at) const;
    // Revokes one of the user's devices: NotFound when it is not theirs, unknown or already revoked.
    Status revoke(const QString &userId, const QString &id, const QDateTime &at) const;
    // Devices revoked at or after `since`, by whichever server, oldest revocation first.
    Result<QList<DeviceRecord>> revokedSince(const QDateTime &since) const;

private:
    const Database &m_db;
};

} // namespace teehee
