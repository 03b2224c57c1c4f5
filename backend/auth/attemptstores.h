#pragma once

#include "auth/attemptstore.h"

#include <QByteArray>
#include <memory>

namespace teehee {

class Database;

// Makes the attempt stores of the sign-in and pairing limits, all of one
// kind, chosen once at start-up (Backend): in the database when servers may
// share it (PostgreSQL), so that they count together; in memory otherwise
// (SQLite, where one server owns the file, and the default).
class AttemptStores {
public:
    AttemptStores() = default; // in memory
    // `keySecret`: what the shared stores key their hashes with (the servers' common SECRET_KEY).
    static AttemptStores forDatabase(const Database &db, const QByteArray &keySecret);

    bool shared() const { return m_db != nullptr; }
    // `kind` names the limit ("signin-address", "pair-redeem", …) among those sharing the table.
    std::unique_ptr<AttemptStore> make(const QString &kind, qint64 retentionMs, size_t maxPerKey) const;

private:
    const Database *m_db = nullptr;
    QByteArray m_keySecret;
};

} // namespace teehee
