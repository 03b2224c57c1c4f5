// LocalChatClient, continued: MCP tool servers, standing approvals and the
// calls waiting for an answer, over the backend's tool services.
#include "localtools.h"

#include "backendcalls.h"
#include "recordconversions.h"

#include "backend.h"
#include "tools/approvalbroker.h"
#include "tools/toolregistry.h"
#include "tools/toolserverservice.h"

namespace teehee::client {
namespace convert {

ToolServerInfo toolServer(const ToolServerSpec &spec, const ToolServerState &state)
{
    ToolServerInfo info;
    info.id = spec.id;
    info.name = spec.name;
    info.transport = spec.transport;
    info.command = spec.command;
    info.args = spec.args;
    info.envNames = spec.env.keys();
    info.url = spec.url;
    info.headerNames = spec.headers.keys();
    info.enabled = spec.enabled;
    info.status = spec.enabled ? state.status : QStringLiteral("stopped");
    info.error = state.error;
    for (const HostedTool &t : state.tools)
        info.tools << ToolInfo{t.name, t.description};
    info.log = state.log;
    return info;
}

ToolCallRequest toolCall(const ApprovalRequest &r)
{
    return ToolCallRequest{r.callId, r.chatId, r.messageId, r.serverName, r.tool, r.arguments.toVariantMap(),
                           r.requestedAt};
}

ToolServerInput toolServerInput(const ToolServerChanges &c)
{
    ToolServerInput in;
    in.name = c.name;
    in.transport = c.transport;
    in.command = c.command;
    in.args = c.args;
    in.env = c.env;
    in.url = c.url;
    in.headers = c.headers;
    in.enabled = c.enabled;
    return in;
}

} // namespace convert

void relayToolEvents(Backend &backend, const QString &uid, ChatClient *client)
{
    auto deliver = [client](auto fn) { QMetaObject::invokeMethod(client, fn, Qt::QueuedConnection); };
    ApprovalBroker *broker = &backend.approvals();
    QObject::connect(broker, &ApprovalBroker::requested, &backend, [client, uid, deliver](const ApprovalRequest &r) {
        if (r.userId == uid)
            deliver([client, call = convert::toolCall(r)] { Q_EMIT client->toolCallRequested(call); });
    });
    QObject::connect(broker, &ApprovalBroker::answered, &backend,
                     [client, uid, deliver](const QString &user, const QString &callId, ApprovalDecision d) {
        if (user == uid)
            deliver([client, callId, name = approvalDecisionName(d)] { Q_EMIT client->toolCallAnswered(callId, name); });
    });
    auto changed = [client, deliver] { deliver([client] { Q_EMIT client->toolServersChanged(); }); };
    QObject::connect(&backend.toolRegistry(), &ToolHost::stateChanged, &backend,
                     [uid, changed](const QString &user, const QString &) {
        if (user == uid)
            changed();
    });
    QObject::connect(&backend.toolServers(), &ToolServerService::serverChanged, &backend,
                     [uid, changed](const ToolServerSpec &spec) {
        if (spec.userId == uid)
            changed();
    });
    QObject::connect(&backend.toolServers(), &ToolServerService::serverRemoved, &backend,
                     [uid, changed](const QString &user, const QString &) {
        if (user == uid)
            changed();
    });
}

namespace {

ClientError statusError(const Status &st)
{
    return st ? ClientError{} : convert::error(st.error());
}

Outcome<ToolServerInfo> serverOutcome(Backend &b, const Result<ToolServerSpec> &spec)
{
    if (!spec)
        return convert::failed<ToolServerInfo>(spec.error());
    return {convert::toolServer(spec.value(), b.toolRegistry().state(spec->id)), {}};
}

} // namespace

void LocalChatClient::listToolServers(QObject *context, Reply<QList<ToolServerInfo>> reply)
{
    run(context, [](Backend &b, const QString &uid) {
        auto servers = b.toolServers().list(uid);
        if (!servers)
            return convert::failed<QList<ToolServerInfo>>(servers.error());
        Outcome<QList<ToolServerInfo>> out;
        for (const ToolServerSpec &s : servers.value())
            out.value << convert::toolServer(s, b.toolRegistry().state(s.id));
        return out;
    }, reply);
}

void LocalChatClient::addToolServer(QObject *context, const ToolServerChanges &server, Reply<ToolServerInfo> reply)
{
    run(context, [server](Backend &b, const QString &uid) {
        return serverOutcome(b, b.toolServers().add(uid, convert::toolServerInput(server)));
    }, reply);
}

void LocalChatClient::updateToolServer(QObject *context, const QString &serverId, const ToolServerChanges &changes,
                                       Reply<ToolServerInfo> reply)
{
    run(context, [serverId, changes](Backend &b, const QString &uid) {
        return serverOutcome(b, b.toolServers().update(uid, serverId, convert::toolServerInput(changes)));
    }, reply);
}

void LocalChatClient::removeToolServer(QObject *context, const QString &serverId, Done done)
{
    run(context, [serverId](Backend &b, const QString &uid) { return statusError(b.toolServers().remove(uid, serverId)); },
        done);
}

void LocalChatClient::listToolApprovals(QObject *context, Reply<QList<ToolApprovalInfo>> reply)
{
    run(context, [](Backend &b, const QString &uid) {
        auto approvals = b.toolServers().approvals(uid);
        auto servers = b.toolServers().list(uid);
        if (!approvals || !servers)
            return convert::failed<QList<ToolApprovalInfo>>(!approvals ? approvals.error() : servers.error());
        QHash<QString, QString> names;
        for (const ToolServerSpec &s : servers.value())
            names.insert(s.id, s.name);
        Outcome<QList<ToolApprovalInfo>> out;
        for (const ToolApprovalRecord &a : approvals.value())
            out.value << ToolApprovalInfo{a.serverId, names.value(a.serverId), a.tool, a.createdAt};
        return out;
    }, reply);
}

void LocalChatClient::revokeToolApproval(QObject *context, const QString &serverId, const QString &tool, Done done)
{
    run(context, [serverId, tool](Backend &b, const QString &uid) {
        return statusError(b.toolServers().revokeApproval(uid, serverId, tool));
    }, done);
}

void LocalChatClient::pendingToolCalls(QObject *context, Reply<QList<ToolCallRequest>> reply)
{
    run(context, [](Backend &b, const QString &uid) {
        Outcome<QList<ToolCallRequest>> out;
        for (const ApprovalRequest &r : b.approvals().pending(uid))
            out.value << convert::toolCall(r);
        return out;
    }, reply);
}

void LocalChatClient::answerToolCall(QObject *context, const QString &callId, ToolDecision decision, Done done)
{
    run(context, [callId, decision](Backend &b, const QString &uid) {
        const ApprovalDecision d = decision == ToolDecision::AllowOnce     ? ApprovalDecision::AllowOnce
                                 : decision == ToolDecision::AllowAlways ? ApprovalDecision::AllowAlways
                                                                         : ApprovalDecision::Deny;
        const Status st = b.approvals().answer(uid, callId, d);
        if (!st && st.error().code == ErrorCode::Conflict)
            return ClientError{Failure::Conflict, st.error().message}; // another device was first
        return statusError(st);
    }, done);
}

} // namespace teehee::client
