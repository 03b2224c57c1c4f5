#pragma once

#include "core/error.h"
#include "db/database.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>
#include <optional>

namespace teehee {

// One hit of a search: a chat whose name matches (messageId empty) or a message.
struct SearchHit {
    int rank = 0;           // 0 chat name, 1 message holding the words as a phrase, 2 the words anywhere
    QDateTime timestamp;    // the message's; a chat's last activity
    QString chatId;
    QString chatName;
    QString messageId;
    QString role;
    QString text;           // the message's text (empty for a chat)
    qint64 row = 0;         // a message's order: SQLite its index row, PostgreSQL its seq

    QString key() const { return messageId.isEmpty() ? chatId : messageId; }
};

// Where a page ended: the next page holds the hits ordered after it.
struct SearchPosition {
    int rank = 0;
    QDateTime timestamp;    // chat names on PostgreSQL: by last activity, then id
    QString key;            // the hit's id
    qint64 row = 0;         // messages (and SQLite's chat names): by row, then id
};

// Full-text search over a user's chat names and messages (migration 8): on
// SQLite the FTS5 tables message_search/chat_search, on PostgreSQL the
// search_vector columns. Deleted messages and replies still streaming are not
// in the index. Ordered by rank, then newest first: on SQLite by when the row
// was indexed, on PostgreSQL by creation order (seq); either way a query stops
// after a page instead of sorting every hit.
class SearchRepository {
public:
    explicit SearchRepository(const Database &db) : m_db(db) {}

    // `words`: each with at least one letter or digit; every one must match,
    // the last also as a prefix. `chatId` empty: every chat (and chat names).
    Result<QList<SearchHit>> search(const QString &userId, const QStringList &words, const QString &chatId,
                                    const std::optional<SearchPosition> &after, int limit) const;

    static constexpr int kMaxWords = 16;

private:
    Result<QList<SearchHit>> searchSqlite(const QSqlDatabase &db, const QString &userId, const QStringList &words,
                                          const QString &chatId, const std::optional<SearchPosition> &after, int limit) const;
    Result<QList<SearchHit>> searchPostgres(const QSqlDatabase &db, const QString &userId, const QStringList &words,
                                            const QString &chatId, const std::optional<SearchPosition> &after, int limit) const;

    const Database &m_db;
};

} // namespace teehee
