#include "db/streamingreplies.h"

#include "db/database.h"
#include "db/records.h"
#include "db/sqlquery.h"

namespace teehee {

Result<std::optional<StreamingReply>> StreamingReplies::inChat(const QString &userId, const QString &chatId) const
{
    if (!isUuid(userId) || !isUuid(chatId))
        return std::optional<StreamingReply>{};
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT m.id, m.stream_owner FROM messages m"
                                          " JOIN chat_sessions c ON c.id = m.chat_session_id"
                                          " WHERE m.chat_session_id = :chat AND c.user_id = :user AND m.status = :streaming"));
    q.bind(QStringLiteral(":chat"), chatId.toLower()).bind(QStringLiteral(":user"), userId.toLower())
        .bind(QStringLiteral(":streaming"), MessageStatus::Streaming);
    if (auto st = q.exec(); !st)
        return st.error();
    if (!q.next())
        return std::optional<StreamingReply>{};
    return std::optional<StreamingReply>{StreamingReply{sqlvalue::text(q.value(0)).toLower(), chatId.toLower(),
                                                        sqlvalue::text(q.value(1))}};
}

} // namespace teehee
