#pragma once

#include "core/error.h"
#include "db/database.h"

#include <QDateTime>
#include <QList>
#include <optional>

namespace teehee {

// What a user's replies used and cost, summed per day (UTC), per model or
// per chat, over a time range. Only the user's own chats count.
class UsageRepository {
public:
    enum class GroupBy { Day, Model, Chat };

    struct Group {
        QString key;       // "2026-12-06", the model, or the chat id
        QString label;     // the chat's name, the model's provider; else empty
        qint64 inputTokens = 0;
        qint64 outputTokens = 0;
        std::optional<double> costUsd; // none when no reply in it had a price
        qint64 replies = 0;
    };

    explicit UsageRepository(const Database &db) : m_db(db) {}

    // Replies written in [from, to), oldest group first (day) or by key.
    Result<QList<Group>> summarize(const QString &userId, const QDateTime &from, const QDateTime &to,
                                   GroupBy groupBy) const;

private:
    const Database &m_db;
};

} // namespace teehee
