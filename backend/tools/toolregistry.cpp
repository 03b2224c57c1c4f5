#include "tools/toolregistry.h"

#include "core/logging.h"
#include "keys/keyservice.h"
#include "mcp/mcpserver.h"
#include "mcp/mcptoolcall.h"

namespace teehee {
namespace {

McpServerConfig mcpConfig(const ToolServerSpec &spec)
{
    McpServerConfig c;
    c.id = spec.id;
    c.name = spec.name;
    c.transport = spec.isStdio() ? McpServerConfig::Transport::Stdio : McpServerConfig::Transport::Http;
    c.command = spec.command;
    c.args = spec.args;
    c.env = spec.env;
    c.url = spec.url;
    c.headers = spec.headers;
    return c;
}

QString statusName(McpServer::Status status)
{
    switch (status) {
    case McpServer::Status::Running: return QStringLiteral("running");
    case McpServer::Status::Error: return QStringLiteral("error");
    case McpServer::Status::Starting: return QStringLiteral("starting");
    case McpServer::Status::Stopped: break;
    }
    return QStringLiteral("stopped");
}

// A tools/call seen as a ToolRun.
class McpRun : public ToolRun {
public:
    McpRun(McpToolCall *call, QObject *parent) : ToolRun(parent), m_call(call)
    {
        call->setParent(this);
        connect(call, &McpToolCall::finished, this, [this](const McpCallResult &r) {
            ToolOutcome out;
            out.content = r.content;
            switch (r.status) {
            case McpCallResult::Status::Ok:
                out.status = r.isError ? ToolOutcome::Status::Error : ToolOutcome::Status::Ok;
                break;
            case McpCallResult::Status::TimedOut:
                out.status = ToolOutcome::Status::TimedOut;
                if (out.content.isEmpty())
                    out.content = QStringLiteral("The tool did not answer in time");
                break;
            case McpCallResult::Status::Cancelled:
                out.status = ToolOutcome::Status::Cancelled;
                break;
            case McpCallResult::Status::Unavailable:
                out.status = ToolOutcome::Status::Unavailable;
                if (out.content.isEmpty())
                    out.content = QStringLiteral("The tool's server is not running");
                break;
            case McpCallResult::Status::Error:
                out.status = ToolOutcome::Status::Error;
                break;
            }
            Q_EMIT finished(out);
        });
    }
    void cancel() override
    {
        if (!m_call->isFinished())
            m_call->cancel();
    }

private:
    McpToolCall *m_call;
};

} // namespace

ToolRegistry::ToolRegistry(ToolServerService &servers, const KeyService &keys, QObject *parent)
    : ToolHost(parent), m_servers(servers), m_keys(keys)
{
    connect(&servers, &ToolServerService::serverChanged, this, &ToolRegistry::follow);
    connect(&servers, &ToolServerService::serverRemoved, this, [this](const QString &, const QString &id) { drop(id); });
}

ToolRegistry::~ToolRegistry() = default;

void ToolRegistry::start()
{
    auto specs = m_servers.enabledServers();
    if (!specs) {
        qCWarning(lcTools).noquote() << "tool servers not started:" << specs.error().message;
        return;
    }
    for (const ToolServerSpec &spec : specs.value())
        follow(spec);
}

void ToolRegistry::startFor(const QString &userId)
{
    auto specs = m_servers.list(userId);
    if (!specs)
        return;
    for (const ToolServerSpec &spec : specs.value())
        if (!m_running.contains(spec.id))
            follow(spec);
}

void ToolRegistry::follow(const ToolServerSpec &spec)
{
    drop(spec.id);
    if (!spec.enabled)
        return;
    if (auto allowed = m_servers.mayRun(spec.userId, spec); !allowed) {
        qCInfo(lcTools).noquote() << "tool server" << spec.id << "not started:" << allowed.error().message;
        return;
    }
    auto *server = new McpServer(mcpConfig(spec), this);
    server->setTimings(m_timings);
    if (!spec.isStdio())
        server->setEndpointPolicy(m_keys.endpointPolicyFor(spec.userId));
    const QString id = spec.id;
    const QString user = spec.userId;
    const auto changed = [this, id, user] { Q_EMIT stateChanged(user, id); };
    connect(server, &McpServer::statusChanged, this, changed);
    connect(server, &McpServer::toolsChanged, this, changed);
    connect(server, &McpServer::logChanged, this, changed);
    m_running.insert(id, server);
    m_owners.insert(id, user);
    server->start();
    changed();
}

void ToolRegistry::drop(const QString &serverId)
{
    McpServer *server = m_running.take(serverId);
    const QString user = m_owners.take(serverId);
    if (!server)
        return;
    server->disconnect(this);
    server->stop();
    server->deleteLater();
    Q_EMIT stateChanged(user, serverId);
}

ToolServerState ToolRegistry::state(const QString &serverId) const
{
    ToolServerState s;
    const McpServer *server = m_running.value(serverId);
    if (!server)
        return s;
    s.status = statusName(server->status());
    s.error = server->errorText();
    for (const McpTool &t : server->tools())
        s.tools << HostedTool{t.name, t.description, t.inputSchema};
    s.log = server->log().join(u'\n');
    return s;
}

ToolRun *ToolRegistry::run(const QString &serverId, const QString &tool, const QJsonObject &arguments, int timeoutMs,
                           QObject *parent)
{
    McpServer *server = m_running.value(serverId);
    if (!server)
        return nullptr;
    return new McpRun(server->callTool(tool, arguments, timeoutMs), parent);
}

} // namespace teehee
