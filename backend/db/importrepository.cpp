#include "db/importrepository.h"

#include "db/sqlquery.h"

#include <QDateTime>

namespace teehee {

Result<bool> ImportRepository::contains(const QString &userId, const QString &key) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT 1 FROM chat_imports WHERE user_id = :user AND import_key = :key"));
    q.bind(QStringLiteral(":user"), userId).bind(QStringLiteral(":key"), key);
    if (auto st = q.exec(); !st)
        return st.error();
    return q.next();
}

Status ImportRepository::record(const QString &userId, const QString &key, const QString &chatId) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("INSERT INTO chat_imports (user_id, import_key, chat_id, created_at)"
                                          " VALUES (:user, :key, :chat, :now)"));
    q.bind(QStringLiteral(":user"), userId).bind(QStringLiteral(":key"), key).bind(QStringLiteral(":chat"), chatId)
        .bindTime(QStringLiteral(":now"), QDateTime::currentDateTimeUtc());
    return q.exec();
}

} // namespace teehee
