#pragma once

#include "core/config.h"
#include "core/error.h"
#include "db/database.h"
#include "db/records.h"
#include "db/toolrepository.h"

#include <QMap>
#include <QObject>
#include <QStringList>

#include <optional>

namespace teehee {

class KeyService;

// A configured MCP server with its secrets opened: what it is started with.
struct ToolServerSpec {
    QString id;
    QString userId;
    QString name;
    QString transport; // "stdio" or "http"
    QString command;   // stdio
    QStringList args;  // stdio
    QMap<QString, QString> env;     // stdio: the child's environment beyond a minimal base
    QString url;       // http
    QMap<QString, QString> headers; // http
    bool enabled = true;

    bool isStdio() const { return transport == QLatin1String("stdio"); }
    bool operator==(const ToolServerSpec &) const = default;
};

// What a user sends to add or change a server: absent fields stay as they are.
struct ToolServerInput {
    std::optional<QString> name;
    std::optional<QString> transport;
    std::optional<QString> command;
    std::optional<QStringList> args;
    std::optional<QMap<QString, QString>> env;
    std::optional<QString> url;
    std::optional<QMap<QString, QString>> headers;
    std::optional<bool> enabled;
};

// The MCP servers users configure, and the tools they always allow. A stdio
// server runs a program on this machine, so only the machine's owner adds one
// (KeyService::isTrusted) unless the operator allows every account
// (ALLOW_STDIO_TOOLS); an HTTP server is held to the account's EndpointPolicy.
// Environment and headers are sealed at rest. Emits what changed, so the
// running servers follow. Lives on the backend's thread.
class ToolServerService : public QObject {
    Q_OBJECT
public:
    ToolServerService(const Config &config, const Database &db, const KeyService &keys, QObject *parent = nullptr);

    // Forbidden when the account may not run this kind of server here.
    Result<ToolServerSpec> add(const QString &userId, const ToolServerInput &input);
    Result<ToolServerSpec> update(const QString &userId, const QString &id, const ToolServerInput &input);
    Status remove(const QString &userId, const QString &id);
    Result<QList<ToolServerSpec>> list(const QString &userId) const;
    Result<ToolServerSpec> find(const QString &userId, const QString &id) const;
    // Every account's enabled servers, to start them.
    Result<QList<ToolServerSpec>> enabledServers() const;

    // Standing approvals ("always allow").
    Status approveAlways(const QString &userId, const QString &serverId, const QString &tool) const;
    Result<bool> isApproved(const QString &userId, const QString &serverId, const QString &tool) const;
    Result<QList<ToolApprovalRecord>> approvals(const QString &userId) const;
    Status revokeApproval(const QString &userId, const QString &serverId, const QString &tool) const;

    // Whether this account may run this server here now (the owner's trust
    // and the operator's rules may have changed since it was added).
    Status mayRun(const QString &userId, const ToolServerSpec &spec) const { return checkAllowed(userId, spec); }

Q_SIGNALS:
    void serverChanged(const teehee::ToolServerSpec &spec); // added or updated
    void serverRemoved(const QString &userId, const QString &id);

private:
    Status checkAllowed(const QString &userId, const ToolServerSpec &spec) const;
    Result<ToolServerRecord> seal(const ToolServerSpec &spec) const;
    Result<ToolServerSpec> open(const ToolServerRecord &record) const;

    const Config &m_config;
    const Database &m_db;
    const KeyService &m_keys;
};

// The shape of a server, whoever adds it: names, commands, URLs and
// environment without control characters, within bounds.
Status validateToolServer(const ToolServerSpec &spec);

} // namespace teehee

Q_DECLARE_METATYPE(teehee::ToolServerSpec)
