#pragma once

#include "tools/toolhost.h"
#include "tools/toolserverservice.h"

#include "mcp/mcptypes.h"

#include <QHash>
#include <QPointer>

namespace teehee {

class KeyService;
class McpServer;

// The MCP servers of every account, running: one McpServer per enabled
// server its account may run here (ToolServerService::mayRun), started,
// restarted and stopped as the settings change. The one ToolHost.
class ToolRegistry : public ToolHost {
    Q_OBJECT
public:
    ToolRegistry(ToolServerService &servers, const KeyService &keys, QObject *parent = nullptr);
    ~ToolRegistry() override;

    // Tests shorten the servers' clocks; before start().
    void setTimings(const McpTimings &timings) { m_timings = timings; }
    // Starts every enabled server that may run now.
    void start();
    // Starts one account's servers again: after the composition trusted it
    // with this machine (the desktop's own account), its stdio servers may run.
    void startFor(const QString &userId);

    ToolServerState state(const QString &serverId) const override;
    ToolRun *run(const QString &serverId, const QString &tool, const QJsonObject &arguments, int timeoutMs,
                 QObject *parent) override;

private:
    void follow(const ToolServerSpec &spec);
    void drop(const QString &serverId);

    ToolServerService &m_servers;
    const KeyService &m_keys;
    McpTimings m_timings;
    QHash<QString, McpServer *> m_running; // server id → server (children of this)
    QHash<QString, QString> m_owners;      // server id → user id
};

} // namespace teehee
