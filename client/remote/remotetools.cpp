// RemoteChatClient, continued: MCP tool servers, standing approvals and the
// calls waiting for an answer, over the server's /tools and /tool-calls routes.
#include "remotechatclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

namespace teehee::client {
namespace {

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &s : v.toArray())
        out << s.toString();
    return out;
}

QDateTime time(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

ToolServerInfo toolServer(const QJsonObject &o)
{
    ToolServerInfo s;
    s.id = o.value(u"id").toString();
    s.name = o.value(u"name").toString();
    s.transport = o.value(u"transport").toString();
    s.command = o.value(u"command").toString();
    s.args = strings(o.value(u"args"));
    s.envNames = strings(o.value(u"env_names"));
    s.url = o.value(u"url").toString();
    s.headerNames = strings(o.value(u"header_names"));
    s.enabled = o.value(u"enabled").toBool(true);
    s.status = o.value(u"status").toString();
    s.error = o.value(u"error").toString();
    for (const QJsonValue &t : o.value(u"tools").toArray())
        s.tools << ToolInfo{t.toObject().value(u"name").toString(), t.toObject().value(u"description").toString()};
    s.log = o.value(u"log").toString();
    return s;
}

QJsonObject stringMap(const QMap<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonObject serverBody(const ToolServerChanges &c)
{
    QJsonObject body;
    for (auto [field, value] : {std::pair{"name", &c.name}, std::pair{"transport", &c.transport},
                                std::pair{"command", &c.command}, std::pair{"url", &c.url}})
        if (value->has_value())
            body.insert(QLatin1String(field), **value);
    if (c.args)
        body.insert(QStringLiteral("args"), QJsonArray::fromStringList(*c.args));
    if (c.env)
        body.insert(QStringLiteral("env"), stringMap(*c.env));
    if (c.headers)
        body.insert(QStringLiteral("headers"), stringMap(*c.headers));
    if (c.enabled)
        body.insert(QStringLiteral("enabled"), *c.enabled);
    return body;
}

template <typename T>
Outcome<T> failed(const ClientError &e)
{
    return Outcome<T>{T{}, e};
}

QString serverPath(const QString &id) { return QStringLiteral("/tools/servers/%1").arg(id); }

} // namespace

ToolCallRequest RemoteChatClient::toolCallOf(const QJsonObject &o)
{
    return ToolCallRequest{o.value(u"call_id").toString(), o.value(u"chat_id").toString(),
                           o.value(u"message_id").toString(), o.value(u"server").toString(),
                           o.value(u"tool").toString(), o.value(u"arguments").toObject().toVariantMap(),
                           time(o.value(u"requested_at"))};
}

void RemoteChatClient::listToolServers(QObject *context, Reply<QList<ToolServerInfo>> reply)
{
    m_link.get(QStringLiteral("/tools/servers"), context, [reply](const Outcome<QJsonDocument> &out) {
        if (!out.ok())
            return reply(failed<QList<ToolServerInfo>>(out.error));
        Outcome<QList<ToolServerInfo>> servers;
        for (const QJsonValue &s : out.value.array())
            servers.value << toolServer(s.toObject());
        reply(servers);
    });
}

void RemoteChatClient::addToolServer(QObject *context, const ToolServerChanges &server, Reply<ToolServerInfo> reply)
{
    m_link.send("POST", QStringLiteral("/tools/servers"), QJsonDocument(serverBody(server)), context,
                [reply](const Outcome<QJsonDocument> &out) {
        reply(out.ok() ? Outcome<ToolServerInfo>{toolServer(out.value.object()), {}} : failed<ToolServerInfo>(out.error));
    });
}

void RemoteChatClient::updateToolServer(QObject *context, const QString &serverId, const ToolServerChanges &changes,
                                        Reply<ToolServerInfo> reply)
{
    m_link.send("PATCH", serverPath(serverId), QJsonDocument(serverBody(changes)), context,
                [reply](const Outcome<QJsonDocument> &out) {
        reply(out.ok() ? Outcome<ToolServerInfo>{toolServer(out.value.object()), {}} : failed<ToolServerInfo>(out.error));
    });
}

void RemoteChatClient::removeToolServer(QObject *context, const QString &serverId, Done done)
{
    request("DELETE", serverPath(serverId), {}, context, done);
}

void RemoteChatClient::listToolApprovals(QObject *context, Reply<QList<ToolApprovalInfo>> reply)
{
    m_link.get(QStringLiteral("/tools/approvals"), context, [reply](const Outcome<QJsonDocument> &out) {
        if (!out.ok())
            return reply(failed<QList<ToolApprovalInfo>>(out.error));
        Outcome<QList<ToolApprovalInfo>> approvals;
        for (const QJsonValue &v : out.value.array()) {
            const QJsonObject a = v.toObject();
            approvals.value << ToolApprovalInfo{a.value(u"server_id").toString(), a.value(u"server").toString(),
                                                a.value(u"tool").toString(), time(a.value(u"created_at"))};
        }
        reply(approvals);
    });
}

void RemoteChatClient::revokeToolApproval(QObject *context, const QString &serverId, const QString &tool, Done done)
{
    const QString path = QStringLiteral("/tools/approvals/%1/%2")
                             .arg(serverId, QString::fromLatin1(QUrl::toPercentEncoding(tool)));
    request("DELETE", path, {}, context, done);
}

void RemoteChatClient::pendingToolCalls(QObject *context, Reply<QList<ToolCallRequest>> reply)
{
    m_link.get(QStringLiteral("/tool-calls"), context, [reply](const Outcome<QJsonDocument> &out) {
        if (!out.ok())
            return reply(failed<QList<ToolCallRequest>>(out.error));
        Outcome<QList<ToolCallRequest>> calls;
        for (const QJsonValue &c : out.value.array())
            calls.value << toolCallOf(c.toObject());
        reply(calls);
    });
}

void RemoteChatClient::answerToolCall(QObject *context, const QString &callId, ToolDecision decision, Done done)
{
    const QJsonObject body{{QStringLiteral("decision"), toolDecisionName(decision)}};
    m_link.send("POST", QStringLiteral("/tool-calls/%1/approval").arg(callId), QJsonDocument(body), context,
                [done](const Outcome<QJsonDocument> &out) {
        ClientError e = out.error;
        if (e.reason == Failure::NotContinuable) // 409: another device answered first
            e.reason = Failure::Conflict;
        done(e);
    });
}

} // namespace teehee::client
