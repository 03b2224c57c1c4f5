#pragma once

#include "core/error.h"
#include "db/database.h"

#include <QDateTime>
#include <QList>

namespace teehee {

// An account the desktop's owner made for another person.
struct OwnedAccountRecord {
    QString userId;
    QString ownerId;
    QString name;  // as the owner typed it; the sign-in name is its lower-case form
    QDateTime createdAt;
};

class OwnedAccountRepository {
public:
    explicit OwnedAccountRepository(const Database &db) : m_db(db) {}

    Status add(const OwnedAccountRecord &account) const;
    // Oldest first.
    Result<QList<OwnedAccountRecord>> listForOwner(const QString &ownerId) const;
    // NotFound for an account of another owner, exactly as for a missing one.
    Result<OwnedAccountRecord> get(const QString &ownerId, const QString &userId) const;

private:
    const Database &m_db;
};

} // namespace teehee
