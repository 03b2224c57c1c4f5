#include "db/usagerepository.h"

#include "db/sqlquery.h"

namespace teehee {

Result<QList<UsageRepository::Group>> UsageRepository::summarize(const QString &userId, const QDateTime &from,
                                                                 const QDateTime &to, GroupBy groupBy) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    const bool pg = m_db.dialect() == Dialect::Postgres;
    // Times are ISO 8601 text on SQLite (UTC, sortable), timestamptz on PostgreSQL.
    const QString day = pg ? QStringLiteral("to_char(m.timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD')")
                           : QStringLiteral("substr(m.timestamp, 1, 10)");
    QString key, label;
    switch (groupBy) {
    case GroupBy::Day: key = day; label = QStringLiteral("''"); break;
    case GroupBy::Model: key = QStringLiteral("COALESCE(m.model, '')"); label = QStringLiteral("MAX(COALESCE(m.provider, ''))"); break;
    case GroupBy::Chat: key = pg ? QStringLiteral("m.chat_session_id::text") : QStringLiteral("m.chat_session_id");
                        label = QStringLiteral("MAX(c.name)"); break;
    }
    SqlQuery q(db.value(), QStringLiteral(
        "SELECT %1 AS k, %2, COALESCE(SUM(m.tokens_in), 0), COALESCE(SUM(m.tokens_out), 0),"
        " SUM(m.cost_usd), COUNT(m.cost_usd), COUNT(*)"
        " FROM messages m JOIN chat_sessions c ON c.id = m.chat_session_id"
        " WHERE c.user_id = :user AND m.role = 'assistant'"
        " AND (m.tokens_in IS NOT NULL OR m.tokens_out IS NOT NULL)"
        " AND m.timestamp >= :from AND m.timestamp < :to"
        " GROUP BY %1 ORDER BY %1").arg(key, label));
    q.bind(QStringLiteral(":user"), userId.toLower()).bindTime(QStringLiteral(":from"), from)
        .bindTime(QStringLiteral(":to"), to);
    if (auto st = q.exec(); !st)
        return st.error();
    QList<Group> out;
    while (q.next()) {
        Group g;
        g.key = q.value(0).toString();
        g.label = q.value(1).toString();
        g.inputTokens = q.value(2).toLongLong();
        g.outputTokens = q.value(3).toLongLong();
        if (q.value(5).toLongLong() > 0)
            g.costUsd = q.value(4).toDouble();
        g.replies = q.value(6).toLongLong();
        out << g;
    }
    return out;
}

} // namespace teehee
