#include "db/searchrepository.h"

#include "db/sqlquery.h"

namespace teehee {

namespace {

// The hits of both kinds in one ordered list. `:nochat` leaves chat names out
// of a search inside one chat.
const char *const kSqliteSearch =
    "SELECT rank, ts, key, chat_id, chat_name, message_id, role, content FROM ("
    " SELECT 0 AS rank, c.updated_at AS ts, c.id AS key, c.id AS chat_id, c.name AS chat_name,"
    "  NULL AS message_id, NULL AS role, NULL AS content"
    " FROM chat_search s JOIN chat_search_rows r ON r.rowid = s.rowid JOIN chat_sessions c ON c.id = r.chat_id"
    " WHERE chat_search MATCH :cmatch AND c.user_id = :cuser AND :nochat = 1"
    " UNION ALL"
    " SELECT CASE WHEN s.rowid IN (SELECT rowid FROM message_search WHERE message_search MATCH :phrase) THEN 1 ELSE 2 END,"
    "  m.timestamp, m.id, c.id, c.name, m.id, m.role, m.content"
    " FROM message_search s JOIN message_search_rows r ON r.rowid = s.rowid"
    "  JOIN messages m ON m.id = r.message_id JOIN chat_sessions c ON c.id = m.chat_session_id"
    " WHERE message_search MATCH :mmatch AND c.user_id = :muser AND (:chat1 IS NULL OR c.id = :chat2)"
    ") WHERE :after = 0 OR rank > :arank OR (rank = :arank2 AND (ts < :ats OR (ts = :ats2 AND key < :akey)))"
    " ORDER BY rank, ts DESC, key DESC LIMIT :limit";

const char *const kPostgresSearch =
    "WITH q AS MATERIALIZED (SELECT teehee_search_query(:cmatch, false) AS words, teehee_search_query(:phrase, true) AS phrase)"
    " SELECT rank, ts, key, chat_id, chat_name, message_id, role, content FROM ("
    " SELECT 0 AS rank, c.updated_at AS ts, c.id::text AS key, c.id AS chat_id, c.name AS chat_name,"
    "  NULL::uuid AS message_id, NULL::text AS role, NULL::jsonb AS content"
    " FROM q, chat_sessions c"
    " WHERE c.search_vector @@ q.words AND c.user_id = CAST(:cuser AS uuid) AND :nochat = 1"
    " UNION ALL"
    " SELECT CASE WHEN m.search_vector @@ q.phrase THEN 1 ELSE 2 END,"
    "  m.timestamp, m.id::text, c.id, c.name, m.id, m.role, m.content"
    " FROM q, messages m JOIN chat_sessions c ON c.id = m.chat_session_id"
    " WHERE m.search_vector @@ q.words AND c.user_id = CAST(:muser AS uuid)"
    "  AND (CAST(:chat1 AS uuid) IS NULL OR c.id = CAST(:chat2 AS uuid))"
    ") h WHERE :after = 0 OR rank > :arank OR (rank = :arank2 AND (ts < CAST(:ats AS timestamptz)"
    "  OR (ts = CAST(:ats2 AS timestamptz) AND key < :akey)))"
    " ORDER BY rank, ts DESC, key DESC LIMIT :limit";

QString quoted(const QString &word)
{
    QString w = word;
    w.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + w + QLatin1Char('"');
}

} // namespace

Result<QList<SearchHit>> SearchRepository::search(const QString &userId, const QStringList &words, const QString &chatId,
                                                  const std::optional<SearchPosition> &after, int limit) const
{
    if (words.isEmpty() || !isUuid(userId) || (!chatId.isEmpty() && !isUuid(chatId)))
        return QList<SearchHit>{};
    auto db = m_db.connection();
    if (!db)
        return db.error();
    const bool sqlite = m_db.dialect() == Dialect::Sqlite;
    const QStringList used = words.mid(0, kMaxWords);
    QString match;
    QString phrase;
    if (sqlite) {
        // FTS5 cuts each quoted word with the index's tokenizer: a word of
        // several tokens (東京, e-mail) is a phrase. The last one is a prefix.
        QStringList parts;
        for (const QString &w : used)
            parts << quoted(w);
        match = parts.join(QLatin1Char(' ')) + QLatin1Char('*');
        phrase = quoted(used.join(QLatin1Char(' '))) + QLatin1Char('*');
    } else {
        match = used.join(QLatin1Char(' '));
        phrase = match;
    }
    const QVariant nullText{QMetaType::fromType<QString>()};
    SqlQuery q(db.value(), QString::fromLatin1(sqlite ? kSqliteSearch : kPostgresSearch));
    q.bind(QStringLiteral(":cmatch"), match)
        .bind(QStringLiteral(":phrase"), phrase)
        .bind(QStringLiteral(":cuser"), userId.toLower())
        .bind(QStringLiteral(":nochat"), chatId.isEmpty() ? 1 : 0)
        .bind(QStringLiteral(":muser"), userId.toLower())
        .bind(QStringLiteral(":chat1"), chatId.isEmpty() ? nullText : QVariant(chatId.toLower()))
        .bind(QStringLiteral(":chat2"), chatId.isEmpty() ? nullText : QVariant(chatId.toLower()))
        .bind(QStringLiteral(":after"), after ? 1 : 0)
        .bind(QStringLiteral(":arank"), after ? after->rank : 0)
        .bind(QStringLiteral(":arank2"), after ? after->rank : 0)
        .bind(QStringLiteral(":ats"), after ? sqlvalue::isoTime(after->timestamp) : sqlvalue::isoTime(QDateTime::fromSecsSinceEpoch(0)))
        .bind(QStringLiteral(":ats2"), after ? sqlvalue::isoTime(after->timestamp) : sqlvalue::isoTime(QDateTime::fromSecsSinceEpoch(0)))
        .bind(QStringLiteral(":akey"), after ? after->key : QString())
        .bind(QStringLiteral(":limit"), limit);
    if (sqlite)
        q.bind(QStringLiteral(":mmatch"), match);
    if (auto st = q.exec(); !st)
        return st.error();
    QList<SearchHit> hits;
    while (q.next()) {
        SearchHit hit;
        hit.rank = q.value(0).toInt();
        hit.timestamp = sqlvalue::time(q.value(1));
        hit.chatId = sqlvalue::text(q.value(3));
        hit.chatName = sqlvalue::text(q.value(4));
        hit.messageId = sqlvalue::text(q.value(5));
        hit.role = sqlvalue::text(q.value(6));
        if (!hit.messageId.isEmpty())
            hit.text = sqlvalue::json(q.value(7)).value(QStringLiteral("text")).toString();
        hits.append(std::move(hit));
    }
    return hits;
}

} // namespace teehee
