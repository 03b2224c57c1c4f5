#pragma once

#include "core/error.h"
#include "db/database.h"

#include <QString>

namespace teehee {

// Which source conversation each imported chat came from, per user (a
// teehee chat id, a ChatGPT conversation id), so importing the same document
// again skips what is already there. A row goes with its chat.
class ImportRepository {
public:
    explicit ImportRepository(const Database &db) : m_db(db) {}

    // Whether the user already imported the conversation known by `key`.
    Result<bool> contains(const QString &userId, const QString &key) const;
    Status record(const QString &userId, const QString &key, const QString &chatId) const;

private:
    const Database &m_db;
};

} // namespace teehee
