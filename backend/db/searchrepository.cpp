#include "db/searchrepository.h"

#include "db/sqlquery.h"

#include <QUuid>

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

// PostgreSQL: the same three ranks. Chat names (few) newest first by last
// activity; messages by creation order (seq, indexed), so that a frequent
// word reads the newest rows and stops instead of sorting every hit.
const char *const kPostgresChats =
    "WITH q AS MATERIALIZED (SELECT teehee_search_query(:words, false) AS words)"
    " SELECT c.updated_at, c.id, c.name FROM q, chat_sessions c"
    " WHERE c.search_vector @@ q.words AND c.user_id = CAST(:user AS uuid)"
    "  AND (:first = 1 OR c.updated_at < CAST(:ats AS timestamptz)"
    "   OR (c.updated_at = CAST(:ats2 AS timestamptz) AND c.id < CAST(:akey AS uuid)))"
    " ORDER BY c.updated_at DESC, c.id DESC LIMIT :limit";

// %1: the chat filter, or nothing. Rank 1: the phrase; rank 2: the words, not as a phrase.
const char *const kPostgresMessages =
    "WITH q AS MATERIALIZED (SELECT teehee_search_query(:words, :asphrase = 1) AS match,"
    "  teehee_search_query(:phrase, true) AS phrase)"
    " SELECT m.seq, c.id, c.name, m.timestamp, m.id, m.role, m.content"
    " FROM q, messages m JOIN chat_sessions c ON c.id = m.chat_session_id"
    " WHERE m.search_vector @@ q.match AND (:asphrase = 1 OR NOT m.search_vector @@ q.phrase)"
    "  AND c.user_id = CAST(:user AS uuid) %1"
    "  AND (:first = 1 OR m.seq < :aseq OR (m.seq = :aseq2 AND m.id < CAST(:akey AS uuid)))"
    " ORDER BY m.seq DESC, m.id DESC LIMIT :limit";

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
    static const QString messagesAll = QString::fromLatin1(kPostgresMessages).arg(QString());
    static const QString messagesInChat =
        QString::fromLatin1(kPostgresMessages).arg(QStringLiteral("AND m.chat_session_id = CAST(:chat AS uuid)"));
    QList<SearchHit> hits;
    for (int rank = 0; rank < 3 && hits.size() < limit; ++rank) {
        if ((rank == 0 && !chatId.isEmpty()) || (rank == 2 && words.size() == 1))
            continue;
        if (after && rank < after->rank)
            continue;
        const bool first = !after || rank != after->rank;
        const QString key = first ? QUuid().toString(QUuid::WithoutBraces) : after->key;
        SqlQuery q(db, rank == 0 ? QString::fromLatin1(kPostgresChats) : chatId.isEmpty() ? messagesAll : messagesInChat);
        q.bind(QStringLiteral(":words"), joined)
            .bind(QStringLiteral(":user"), userId.toLower())
            .bind(QStringLiteral(":first"), first ? 1 : 0)
            .bind(QStringLiteral(":akey"), key)
            .bind(QStringLiteral(":limit"), int(limit - hits.size()));
        if (rank == 0) {
            const QString time = sqlvalue::isoTime(first ? QDateTime::fromSecsSinceEpoch(0, Qt::UTC) : after->timestamp);
            q.bind(QStringLiteral(":ats"), time).bind(QStringLiteral(":ats2"), time);
        } else {
            q.bind(QStringLiteral(":asphrase"), rank == 1 ? 1 : 0)
                .bind(QStringLiteral(":phrase"), joined)
                .bind(QStringLiteral(":aseq"), first ? 0 : after->row)
                .bind(QStringLiteral(":aseq2"), first ? 0 : after->row);
            if (!chatId.isEmpty())
                q.bind(QStringLiteral(":chat"), chatId.toLower());
        }
        if (auto st = q.exec(); !st)
            return st.error();
        while (q.next()) {
            SearchHit hit;
            hit.rank = rank;
            if (rank == 0) {
                hit.timestamp = sqlvalue::time(q.value(0));
                hit.chatId = sqlvalue::text(q.value(1));
                hit.chatName = sqlvalue::text(q.value(2));
            } else {
                hit.row = q.value(0).toLongLong();
                hit.chatId = sqlvalue::text(q.value(1));
                hit.chatName = sqlvalue::text(q.value(2));
                hit.timestamp = sqlvalue::time(q.value(3));
                hit.messageId = sqlvalue::text(q.value(4));
                hit.role = sqlvalue::text(q.value(5));
                hit.text = sqlvalue::json(q.value(6)).value(QStringLiteral("text")).toString();
            }
            hits.append(std::move(hit));
        }
    }
    return hits;
}

} // namespace teehee
