#include "db/toolrepository.h"

#include "db/sqlquery.h"

namespace teehee {
namespace {
const QString kColumns = QStringLiteral("id, user_id, name, transport, config, secrets, enabled, created_at, updated_at");

ToolServerRecord readServer(SqlQuery &q)
{
    ToolServerRecord s;
    s.id = sqlvalue::text(q.value(0));
    s.userId = sqlvalue::text(q.value(1));
    s.name = sqlvalue::text(q.value(2));
    s.transport = sqlvalue::text(q.value(3));
    s.config = sqlvalue::json(q.value(4));
    s.sealedSecrets = sqlvalue::text(q.value(5));
    s.enabled = q.value(6).toBool();
    s.createdAt = sqlvalue::time(q.value(7));
    s.updatedAt = sqlvalue::time(q.value(8));
    return s;
}

Error serverNotFound() { return Error::notFound(QStringLiteral("Tool server not found")); }

Result<QList<ToolServerRecord>> readAll(SqlQuery &q)
{
    if (auto st = q.exec(); !st)
        return st.error();
    QList<ToolServerRecord> out;
    while (q.next())
        out << readServer(q);
    return out;
}
} // namespace

Result<ToolServerRecord> ToolServerRepository::create(ToolServerRecord s) const
{
    if (!isUuid(s.userId))
        return Error::notFound(QStringLiteral("user not found"));
    auto db = m_db.connection();
    if (!db)
        return db.error();
    if (s.id.isEmpty())
        s.id = newUuid();
    if (!s.createdAt.isValid())
        s.createdAt = QDateTime::currentDateTimeUtc();
    s.updatedAt = s.createdAt;
    SqlQuery q(db.value(), QStringLiteral("INSERT INTO tool_servers (") + kColumns
                               + QStringLiteral(") VALUES (:id, :user, :name, :transport, :config, :secrets, :enabled, :created, :updated)"));
    q.bind(QStringLiteral(":id"), s.id).bind(QStringLiteral(":user"), s.userId.toLower())
        .bind(QStringLiteral(":name"), s.name).bind(QStringLiteral(":transport"), s.transport)
        .bindJson(QStringLiteral(":config"), s.config).bindText(QStringLiteral(":secrets"), s.sealedSecrets)
        .bind(QStringLiteral(":enabled"), s.enabled).bindTime(QStringLiteral(":created"), s.createdAt)
        .bindTime(QStringLiteral(":updated"), s.updatedAt);
    if (auto st = q.exec(); !st) {
        if (st.error().code == ErrorCode::Conflict)
            return Error::conflict(QStringLiteral("A tool server named \"%1\" already exists").arg(s.name));
        return st.error();
    }
    return s;
}

Result<QList<ToolServerRecord>> ToolServerRepository::list(const QString &userId) const
{
    if (!isUuid(userId))
        return QList<ToolServerRecord>{};
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT ") + kColumns
                               + QStringLiteral(" FROM tool_servers WHERE user_id = :user ORDER BY created_at, id"));
    q.bind(QStringLiteral(":user"), userId.toLower());
    return readAll(q);
}

Result<QList<ToolServerRecord>> ToolServerRepository::enabled() const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT ") + kColumns
                               + QStringLiteral(" FROM tool_servers WHERE enabled = {true} ORDER BY created_at, id")
                                     .replace(QStringLiteral("{true}"), m_db.dialect() == Dialect::Postgres
                                                                           ? QStringLiteral("TRUE") : QStringLiteral("1")));
    return readAll(q);
}

Result<ToolServerRecord> ToolServerRepository::find(const QString &userId, const QString &id) const
{
    if (!isUuid(userId) || !isUuid(id))
        return serverNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT ") + kColumns
                               + QStringLiteral(" FROM tool_servers WHERE id = :id AND user_id = :user"));
    q.bind(QStringLiteral(":id"), id.toLower()).bind(QStringLiteral(":user"), userId.toLower());
    if (auto st = q.exec(); !st)
        return st.error();
    if (!q.next())
        return serverNotFound();
    return readServer(q);
}

Status ToolServerRepository::update(const ToolServerRecord &s) const
{
    if (!isUuid(s.userId) || !isUuid(s.id))
        return serverNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("UPDATE tool_servers SET name = :name, config = :config, secrets = :secrets,"
                                          " enabled = :enabled, updated_at = :updated WHERE id = :id AND user_id = :user"));
    q.bind(QStringLiteral(":name"), s.name).bindJson(QStringLiteral(":config"), s.config)
        .bindText(QStringLiteral(":secrets"), s.sealedSecrets).bind(QStringLiteral(":enabled"), s.enabled)
        .bindTime(QStringLiteral(":updated"), QDateTime::currentDateTimeUtc())
        .bind(QStringLiteral(":id"), s.id.toLower()).bind(QStringLiteral(":user"), s.userId.toLower());
    if (auto st = q.exec(); !st) {
        if (st.error().code == ErrorCode::Conflict)
            return Error::conflict(QStringLiteral("A tool server named \"%1\" already exists").arg(s.name));
        return st;
    }
    if (q.rowsAffected() == 0)
        return serverNotFound();
    return success();
}

Status ToolServerRepository::remove(const QString &userId, const QString &id) const
{
    if (!isUuid(userId) || !isUuid(id))
        return serverNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("DELETE FROM tool_servers WHERE id = :id AND user_id = :user"));
    q.bind(QStringLiteral(":id"), id.toLower()).bind(QStringLiteral(":user"), userId.toLower());
    if (auto st = q.exec(); !st)
        return st;
    if (q.rowsAffected() == 0)
        return serverNotFound();
    return success();
}

Status ToolApprovalRepository::add(const QString &userId, const QString &serverId, const QString &tool) const
{
    if (!isUuid(userId) || !isUuid(serverId))
        return serverNotFound();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    // Only the user's own server may be approved: the insert reads it from their rows.
    SqlQuery q(db.value(), QStringLiteral("INSERT INTO tool_approvals (user_id, server_id, tool, created_at)"
                                          " SELECT user_id, id, :tool, :created FROM tool_servers WHERE id = :server AND user_id = :user"
                                          " AND NOT EXISTS (SELECT 1 FROM tool_approvals a WHERE a.user_id = :user2"
                                          " AND a.server_id = :server2 AND a.tool = :tool2)"));
    q.bind(QStringLiteral(":tool"), tool).bindTime(QStringLiteral(":created"), QDateTime::currentDateTimeUtc())
        .bind(QStringLiteral(":server"), serverId.toLower()).bind(QStringLiteral(":user"), userId.toLower())
        .bind(QStringLiteral(":user2"), userId.toLower()).bind(QStringLiteral(":server2"), serverId.toLower())
        .bind(QStringLiteral(":tool2"), tool);
    if (auto st = q.exec(); !st)
        return st.error().code == ErrorCode::Conflict ? success() : st; // approved meanwhile
    return success();
}

Result<bool> ToolApprovalRepository::covers(const QString &userId, const QString &serverId, const QString &tool) const
{
    if (!isUuid(userId) || !isUuid(serverId))
        return false;
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT 1 FROM tool_approvals WHERE user_id = :user AND server_id = :server AND tool = :tool"));
    q.bind(QStringLiteral(":user"), userId.toLower()).bind(QStringLiteral(":server"), serverId.toLower())
        .bind(QStringLiteral(":tool"), tool);
    if (auto st = q.exec(); !st)
        return st.error();
    return q.next();
}

Result<QList<ToolApprovalRecord>> ToolApprovalRepository::list(const QString &userId) const
{
    if (!isUuid(userId))
        return QList<ToolApprovalRecord>{};
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("SELECT server_id, tool, created_at FROM tool_approvals WHERE user_id = :user"
                                          " ORDER BY server_id, tool"));
    q.bind(QStringLiteral(":user"), userId.toLower());
    if (auto st = q.exec(); !st)
        return st.error();
    QList<ToolApprovalRecord> out;
    while (q.next())
        out << ToolApprovalRecord{sqlvalue::text(q.value(0)), sqlvalue::text(q.value(1)), sqlvalue::time(q.value(2))};
    return out;
}

Status ToolApprovalRepository::remove(const QString &userId, const QString &serverId, const QString &tool) const
{
    if (!isUuid(userId) || !isUuid(serverId))
        return Error::notFound(QStringLiteral("Approval not found"));
    auto db = m_db.connection();
    if (!db)
        return db.error();
    SqlQuery q(db.value(), QStringLiteral("DELETE FROM tool_approvals WHERE user_id = :user AND server_id = :server AND tool = :tool"));
    q.bind(QStringLiteral(":user"), userId.toLower()).bind(QStringLiteral(":server"), serverId.toLower())
        .bind(QStringLiteral(":tool"), tool);
    if (auto st = q.exec(); !st)
        return st;
    if (q.rowsAffected() == 0)
        return Error::notFound(QStringLiteral("Approval not found"));
    return success();
}

} // namespace teehee
