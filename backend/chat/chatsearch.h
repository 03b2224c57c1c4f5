#pragma once

#include "core/error.h"
#include "db/database.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace teehee {

struct SearchRequest {
    QString query;
    int limit = 20;
    QString cursor;     // empty: the first page
    QString chatId;     // empty: every chat of the user
};

struct SearchResult {
    QString chatId;
    QString chatName;
    QString messageId;  // empty for a chat whose name matches
    QString role;       // empty for a chat
    QString snippet;    // plain text around the first match
    QDateTime timestamp;
};

struct SearchPage {
    QList<SearchResult> results;
    QString nextCursor; // empty on the last page
};

// The search use case: a user's own chat names and messages (never deleted
// ones), every word matching, the last also as a prefix; best matches first,
// newest first among equals, page by page with an opaque cursor.
class ChatSearch {
public:
    explicit ChatSearch(const Database &db) : m_db(db) {}

    static constexpr int kMaxLimit = 100;
    static constexpr int kMaxQueryChars = 500;

    // InvalidInput naming the field for an empty query, a bad limit or a
    // cursor that is not one of ours; NotFound for a chat that is not the user's.
    Result<SearchPage> search(const QString &userId, const SearchRequest &request) const;

private:
    const Database &m_db;
};

} // namespace teehee
