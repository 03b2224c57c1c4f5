#pragma once

#include "core/error.h"
#include "db/database.h"
#include "db/records.h"

#include <QList>

namespace teehee {

// Pairing invitations (by the SHA-256 of their code, never the code) and the
// requests of new devices that redeemed one (records.h PairingRequestRecord).
// Every step that must happen once (a code used, a request decided, a token
// collected) is one conditional UPDATE, so servers sharing the database agree.
class PairingRepository {
public:
    explicit PairingRepository(const Database &db) : m_db(db) {}

    Status addInvitation(const QString &codeHash, const QString &userId, const QDateTime &createdAt,
                         const QDateTime &expiresAt) const;
    // Uses the invitation up and answers its account's id: NotFound when no
    // invitation has this hash, or it was used, or it expired (by `now`).
    Result<QString> takeInvitation(const QString &codeHash, const QDateTime &now) const;

    Result<PairingRequestRecord> addRequest(PairingRequestRecord request) const;
    // Whichever account it belongs to (a new device polls without one).
    Result<PairingRequestRecord> findRequest(const QString &id) const;
    // The account's requests still pending at `now`, oldest first.
    Result<QList<PairingRequestRecord>> listPending(const QString &userId, const QDateTime &now) const;
    // Pending (and not expired at `now`) → `status` (approved or denied), to
    // be collected by `until`. NotFound for another account's request;
    // Conflict (PairingClosed) when it is no longer pending.
    Status decide(const QString &userId, const QString &id, const QString &status, const QDateTime &now,
                  const QDateTime &until) const;
    // An approved request's token handed out for `deviceId`: true for the one
    // call that did it, false when it was collected before or has expired.
    Result<bool> markDelivered(const QString &id, const QString &deviceId, const QDateTime &now) const;
    // Forgets invitations and requests that expired before `before`.
    Status purge(const QDateTime &before) const;

private:
    const Database &m_db;
};

} // namespace teehee
