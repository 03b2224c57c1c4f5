#include "api/json/tooljson.h"

#include <QJsonArray>

namespace teehee::tooljson {
namespace {

Result<std::optional<QString>> text(const QJsonObject &body, const char *field)
{
    const QJsonValue v = body.value(QLatin1String(field));
    if (v.isUndefined())
        return std::optional<QString>{};
    if (!v.isString())
        return Error::invalid(QStringLiteral("%1: must be a string").arg(QLatin1String(field)));
    return std::optional<QString>{v.toString()};
}

Result<std::optional<QStringList>> list(const QJsonObject &body, const char *field)
{
    const QJsonValue v = body.value(QLatin1String(field));
    if (v.isUndefined())
        return std::optional<QStringList>{};
    if (!v.isArray())
        return Error::invalid(QStringLiteral("%1: must be a list of strings").arg(QLatin1String(field)));
    QStringList out;
    for (const QJsonValue &item : v.toArray()) {
        if (!item.isString())
            return Error::invalid(QStringLiteral("%1: must be a list of strings").arg(QLatin1String(field)));
        out << item.toString();
    }
    return std::optional<QStringList>{out};
}

Result<std::optional<QMap<QString, QString>>> map(const QJsonObject &body, const char *field)
{
    const QJsonValue v = body.value(QLatin1String(field));
    if (v.isUndefined())
        return std::optional<QMap<QString, QString>>{};
    if (!v.isObject())
        return Error::invalid(QStringLiteral("%1: must be an object of strings").arg(QLatin1String(field)));
    QMap<QString, QString> out;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().isString())
            return Error::invalid(QStringLiteral("%1: must be an object of strings").arg(QLatin1String(field)));
        out.insert(it.key(), it.value().toString());
    }
    return std::optional<QMap<QString, QString>>{out};
}

} // namespace

QJsonObject server(const ToolServerSpec &spec, const ToolServerState &state)
{
    QJsonObject o{{QStringLiteral("id"), spec.id},
                  {QStringLiteral("name"), spec.name},
                  {QStringLiteral("transport"), spec.transport},
                  {QStringLiteral("enabled"), spec.enabled},
                  {QStringLiteral("status"), spec.enabled ? state.status : QStringLiteral("stopped")}};
    if (spec.isStdio()) {
        o.insert(QStringLiteral("command"), spec.command);
        o.insert(QStringLiteral("args"), QJsonArray::fromStringList(spec.args));
        o.insert(QStringLiteral("env_names"), QJsonArray::fromStringList(spec.env.keys()));
    } else {
        o.insert(QStringLiteral("url"), spec.url);
        o.insert(QStringLiteral("header_names"), QJsonArray::fromStringList(spec.headers.keys()));
    }
    if (!state.error.isEmpty())
        o.insert(QStringLiteral("error"), state.error);
    QJsonArray tools;
    for (const HostedTool &t : state.tools)
        tools.append(QJsonObject{{QStringLiteral("name"), t.name},
                                 {QStringLiteral("description"), t.description},
                                 {QStringLiteral("input_schema"), t.inputSchema}});
    o.insert(QStringLiteral("tools"), tools);
    o.insert(QStringLiteral("log"), state.log);
    return o;
}

Result<ToolServerInput> input(const QJsonObject &body)
{
    ToolServerInput in;
    for (auto [field, target] : {std::pair{"name", &in.name}, std::pair{"transport", &in.transport},
                                 std::pair{"command", &in.command}, std::pair{"url", &in.url}}) {
        auto v = text(body, field);
        if (!v)
            return v.error();
        *target = v.value();
    }
    auto args = list(body, "args");
    if (!args)
        return args.error();
    in.args = args.value();
    for (auto [field, target] : {std::pair{"env", &in.env}, std::pair{"headers", &in.headers}}) {
        auto v = map(body, field);
        if (!v)
            return v.error();
        *target = v.value();
    }
    const QJsonValue enabled = body.value(QLatin1String("enabled"));
    if (!enabled.isUndefined()) {
        if (!enabled.isBool())
            return Error::invalid(QStringLiteral("enabled: must be true or false"));
        in.enabled = enabled.toBool();
    }
    return in;
}

QJsonObject approval(const ToolApprovalRecord &record, const QString &serverName)
{
    return QJsonObject{{QStringLiteral("server_id"), record.serverId},
                       {QStringLiteral("server"), serverName},
                       {QStringLiteral("tool"), record.tool},
                       {QStringLiteral("scope"), QStringLiteral("always")},
                       {QStringLiteral("created_at"), record.createdAt.toUTC().toString(Qt::ISODateWithMs)}};
}

QJsonObject pendingCall(const ApprovalRequest &r)
{
    return QJsonObject{{QStringLiteral("call_id"), r.callId},
                       {QStringLiteral("chat_id"), r.chatId},
                       {QStringLiteral("message_id"), r.messageId},
                       {QStringLiteral("server"), r.serverName},
                       {QStringLiteral("tool"), r.tool},
                       {QStringLiteral("arguments"), r.arguments},
                       {QStringLiteral("requested_at"), r.requestedAt.toUTC().toString(Qt::ISODateWithMs)}};
}

} // namespace teehee::tooljson
