#pragma once

#include "core/error.h"

#include <optional>

namespace teehee {

class Database;

// A reply some server is streaming now, as the database knows it.
struct StreamingReply {
    QString messageId;
    QString chatId;
    QString owner; // the server streaming it (Database::serverId()); empty: unknown
};

// The `streaming` rows of the messages table, read across servers: which
// reply of a chat streams, and where. At most one per chat (migration 13).
class StreamingReplies {
public:
    explicit StreamingReplies(const Database &db) : m_db(db) {}

    // The reply streaming in a chat of this user, if any.
    Result<std::optional<StreamingReply>> inChat(const QString &userId, const QString &chatId) const;

private:
    const Database &m_db;
};

} // namespace teehee
