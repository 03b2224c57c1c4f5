#include "db/searchrepository.h"

#include "db/sqlquery.h"

#include <limits>

namespace teehee {

namespace {

// SQLite: one query per rank, each reading its index newest first and
// stopping after the rows it needs (no sort of every hit). `:q` holds the
// owner (and chat) filter, so the index itself keeps to the account.
const char *const kSqliteChats =
    "SELECT s.rowid, c.id, c.name, c.updated_at"
    " FROM chat_search s CROSS JOIN chat_search_rows r ON r.rowid = s.rowid"
    " CROSS JOIN chat_sessions c ON c.id = r.chat_id"
    " WHERE chat_search MATCH :q AND s.rowid < :before AND c.user_id = :user"
    " ORDER BY s.rowid DESC LIMIT :limit";

const char *const kSqliteMessages =
    "SELECT s.rowid, c.id, c.name, m.timestamp, m.id, m.role, m.content"
    " FROM message_search s CROSS JOIN message_search_rows r ON r.rowid = s.rowid"
    " CROSS JOIN messages m ON m.id = r.message_id CROSS JOIN chat_sessions c ON c.id = m.chat_session_id"
    " WHERE message_search MATCH :q AND s.rowid < :before AND c.user_id = :user"
    " ORDER BY s.rowid DESC LIMIT :limit";

// PostgreSQL: both kinds of hit in one ordered list. `:nochat` leaves chat
// names out of a search inside one chat.
const char *const kPostgresSearch =
    "WITH q AS MATERIALIZED (SELECT teehee_search_query(:words, false) AS words, teehee_search_query(:phrase, true) AS phrase)"
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

// The form of an id indexed beside the text: one token.
QString idToken(const QString &id)
{
    return quoted(QString(id).remove(QLatin1Char('-')).toLower());
}

} // namespace

Result<QList<SearchHit>> SearchRepository::search(const QString &userId, const QStringList &words, const QString &chatId,
                                                  const std::optional<SearchPosition> &after, int limit) const
{
    if (words.isEmpty() || limit < 1 || !isUuid(userId) || (!chatId.isEmpty() && !isUuid(chatId)))
        return QList<SearchHit>{};
    auto db = m_db.connection();
    if (!db)
        return db.error();
    const QStringList used = words.mid(0, kMaxWords);
    if (m_db.dialect() == Dialect::Sqlite)
        return searchSqlite(db.value(), userId, used, chatId, after, limit);
    return searchPostgres(db.value(), userId, used, chatId, after, limit);
}

Result<QList<SearchHit>> SearchRepository::searchSqlite(const QSqlDatabase &db, const QString &userId, const QStringList &words,
                                                        const QString &chatId, const std::optional<SearchPosition> &after,
                                                        int limit) const
{
    // FTS5 cuts each quoted word with the index's tokenizer: a word of
    // several tokens (東京, e-mail) is a phrase. The last one is a prefix.
    QStringList parts;
    for (const QString &w : words)
        parts << quoted(w);
    const QString all = parts.join(QLatin1Char(' ')) + QLatin1Char('*');
    const QString phrase = quoted(words.join(QLatin1Char(' '))) + QLatin1Char('*');
    QString scope = QStringLiteral("owner:") + idToken(userId);
    if (!chatId.isEmpty())
        scope += QStringLiteral(" AND chat:") + idToken(chatId);

    // Rank 0 chat names, 1 the words as a phrase, 2 the words anywhere else
    // (the same as 1 for one word).
    const QString rankQuery[3] = {
        QStringLiteral("owner:%1 AND name:(%2)").arg(idToken(userId), all),
        QStringLiteral("%1 AND body:(%2)").arg(scope, phrase),
        QStringLiteral("%1 AND body:(%2) NOT body:(%3)").arg(scope, all, phrase),
    };
    QList<SearchHit> hits;
    for (int rank = 0; rank < 3 && hits.size() < limit; ++rank) {
        if ((rank == 0 && !chatId.isEmpty()) || (rank == 2 && words.size() == 1))
            continue;
        if (after && rank < after->rank)
            continue;
        const qint64 before = after && rank == after->rank ? after->row : std::numeric_limits<qint64>::max();
        SqlQuery q(db, QString::fromLatin1(rank == 0 ? kSqliteChats : kSqliteMessages));
        q.bind(QStringLiteral(":q"), rankQuery[rank])
            .bind(QStringLiteral(":before"), before)
            .bind(QStringLiteral(":user"), userId.toLower())
            .bind(QStringLiteral(":limit"), int(limit - hits.size()));
        if (auto st = q.exec(); !st)
            return st.error();
        while (q.next()) {
            SearchHit hit;
            hit.rank = rank;
            hit.row = q.value(0).toLongLong();
            hit.chatId = sqlvalue::text(q.value(1));
            hit.chatName = sqlvalue::text(q.value(2));
            hit.timestamp = sqlvalue::time(q.value(3));
            if (rank > 0) {
                hit.messageId = sqlvalue::text(q.value(4));
                hit.role = sqlvalue::text(q.value(5));
                hit.text = sqlvalue::json(q.value(6)).value(QStringLiteral("text")).toString();
            }
            hits.append(std::move(hit));
        }
    }
    return hits;
}

Result<QList<SearchHit>> SearchRepository::searchPostgres(const QSqlDatabase &db, const QString &userId, const QStringList &words,
                                                          const QString &chatId, const std::optional<SearchPosition> &after,
                                                          int limit) const
{
    // teehee_search_query() (migration 8) builds the tsquery from the words.
    const QString joined = words.join(QLatin1Char(' '));
    const QVariant nullText{QMetaType::fromType<QString>()};
    const QString afterTime = sqlvalue::isoTime(after ? after->timestamp : QDateTime::fromSecsSinceEpoch(0, Qt::UTC));
    SqlQuery q(db, QString::fromLatin1(kPostgresSearch));
    q.bind(QStringLiteral(":words"), joined)
        .bind(QStringLiteral(":phrase"), joined)
        .bind(QStringLiteral(":cuser"), userId.toLower())
        .bind(QStringLiteral(":nochat"), chatId.isEmpty() ? 1 : 0)
        .bind(QStringLiteral(":muser"), userId.toLower())
        .bind(QStringLiteral(":chat1"), chatId.isEmpty() ? nullText : QVariant(chatId.toLower()))
        .bind(QStringLiteral(":chat2"), chatId.isEmpty() ? nullText : QVariant(chatId.toLower()))
        .bind(QStringLiteral(":after"), after ? 1 : 0)
        .bind(QStringLiteral(":arank"), after ? after->rank : 0)
        .bind(QStringLiteral(":arank2"), after ? after->rank : 0)
        .bind(QStringLiteral(":ats"), afterTime)
        .bind(QStringLiteral(":ats2"), afterTime)
        .bind(QStringLiteral(":akey"), after ? after->key : QString())
        .bind(QStringLiteral(":limit"), limit);
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
