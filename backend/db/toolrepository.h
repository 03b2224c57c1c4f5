#pragma once

#include "core/error.h"
#include "db/database.h"
#include "db/records.h"

#include <QList>

namespace teehee {

// The MCP servers users configured (tool_servers). Every read and write is
// scoped to its owner: another user's id reads as not found.
class ToolServerRepository {
public:
    explicit ToolServerRepository(const Database &db) : m_db(db) {}

    // Fills in id and times when empty; Conflict when the user has a server of that name.
    Result<ToolServerRecord> create(ToolServerRecord server) const;
    // Oldest first.
    Result<QList<ToolServerRecord>> list(const QString &userId) const;
    // Every user's enabled servers, for starting them (oldest first).
    Result<QList<ToolServerRecord>> enabled() const;
    Result<ToolServerRecord> find(const QString &userId, const QString &id) const;
    // Writes name, config, secrets and enabled of an existing row.
    Status update(const ToolServerRecord &server) const;
    Status remove(const QString &userId, const QString &id) const;

private:
    const Database &m_db;
};

// A standing approval: the user always allows this tool of this server.
struct ToolApprovalRecord {
    QString serverId;
    QString tool;
    QDateTime createdAt;
};

class ToolApprovalRepository {
public:
    explicit ToolApprovalRepository(const Database &db) : m_db(db) {}

    // Approving twice is not an error.
    Status add(const QString &userId, const QString &serverId, const QString &tool) const;
    Result<bool> covers(const QString &userId, const QString &serverId, const QString &tool) const;
    // Sorted by server, then tool.
    Result<QList<ToolApprovalRecord>> list(const QString &userId) const;
    // NotFound when there was none.
    Status remove(const QString &userId, const QString &serverId, const QString &tool) const;

private:
    const Database &m_db;
};

} // namespace teehee
