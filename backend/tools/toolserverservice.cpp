#include "tools/toolserverservice.h"

#include "db/sqlquery.h"
#include "keys/keyservice.h"
#include "providers/endpointpolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace teehee {
namespace {

constexpr int kMaxName = 64;
constexpr int kMaxArgs = 64;
constexpr int kMaxEntries = 64;   // environment variables, headers
constexpr int kMaxValue = 8192;   // one argument, variable or header value
constexpr int kMaxPath = 4096;

bool hasControl(const QString &s)
{
    for (QChar c : s)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    return false;
}

Status field(const QString &what, const QString &value, int max)
{
    if (value.size() > max)
        return Error::invalid(QStringLiteral("%1 is longer than %2 characters").arg(what).arg(max));
    if (hasControl(value))
        return Error::invalid(QStringLiteral("%1 contains a control character").arg(what));
    return success();
}

QJsonObject mapToJson(const QMap<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QMap<QString, QString> mapFromJson(const QJsonObject &o)
{
    QMap<QString, QString> map;
    for (auto it = o.begin(); it != o.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

KeyBinding bindingOf(const ToolServerSpec &spec)
{
    // Bound to the row and to where the secrets go: moved to another row or
    // left under a changed command or URL, they no longer open.
    return KeyBinding{spec.userId.toLower(), spec.id.toLower(), QStringLiteral("mcp:") + spec.transport,
                      spec.isStdio() ? spec.command : spec.url};
}

void apply(ToolServerSpec &spec, const ToolServerInput &in)
{
    if (in.name)
        spec.name = in.name->trimmed();
    if (in.transport)
        spec.transport = *in.transport;
    if (in.command)
        spec.command = in.command->trimmed();
    if (in.args)
        spec.args = *in.args;
    if (in.env)
        spec.env = *in.env;
    if (in.url)
        spec.url = in.url->trimmed();
    if (in.headers)
        spec.headers = *in.headers;
    if (in.enabled)
        spec.enabled = *in.enabled;
}

} // namespace

Status validateToolServer(const ToolServerSpec &spec)
{
    if (spec.name.isEmpty())
        return Error::invalid(QStringLiteral("name is required"));
    if (auto st = field(QStringLiteral("name"), spec.name, kMaxName); !st)
        return st;
    if (spec.transport == QLatin1String("stdio")) {
        if (spec.command.isEmpty())
            return Error::invalid(QStringLiteral("command is required for a stdio server"));
        if (auto st = field(QStringLiteral("command"), spec.command, kMaxPath); !st)
            return st;
        if (spec.args.size() > kMaxArgs)
            return Error::invalid(QStringLiteral("at most %1 arguments").arg(kMaxArgs));
        for (const QString &a : spec.args)
            if (auto st = field(QStringLiteral("an argument"), a, kMaxValue); !st)
                return st;
        if (spec.env.size() > kMaxEntries)
            return Error::invalid(QStringLiteral("at most %1 environment variables").arg(kMaxEntries));
        static const QRegularExpression envName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,127}$"));
        for (auto it = spec.env.cbegin(); it != spec.env.cend(); ++it) {
            if (!envName.match(it.key()).hasMatch())
                return Error::invalid(QStringLiteral("\"%1\" is not an environment variable name").arg(it.key().left(64)));
            if (auto st = field(QStringLiteral("environment variable %1").arg(it.key()), it.value(), kMaxValue); !st)
                return st;
        }
        return success();
    }
    if (spec.transport == QLatin1String("http")) {
        if (spec.url.isEmpty())
            return Error::invalid(QStringLiteral("url is required for an http server"));
        if (auto st = field(QStringLiteral("url"), spec.url, kMaxPath); !st)
            return st;
        if (auto st = EndpointPolicy::checkBaseUrlShape(spec.url); !st)
            return st;
        if (spec.headers.size() > kMaxEntries)
            return Error::invalid(QStringLiteral("at most %1 headers").arg(kMaxEntries));
        static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$"));
        for (auto it = spec.headers.cbegin(); it != spec.headers.cend(); ++it) {
            if (!token.match(it.key()).hasMatch())
                return Error::invalid(QStringLiteral("\"%1\" is not a header name").arg(it.key().left(64)));
            if (auto st = field(QStringLiteral("header %1").arg(it.key()), it.value(), kMaxValue); !st)
                return st;
        }
        return success();
    }
    return Error::invalid(QStringLiteral("transport must be \"stdio\" or \"http\""));
}

ToolServerService::ToolServerService(const Config &config, const Database &db, const KeyService &keys, QObject *parent)
    : QObject(parent), m_config(config), m_db(db), m_keys(keys)
{
    qRegisterMetaType<ToolServerSpec>();
}

Status ToolServerService::checkAllowed(const QString &userId, const ToolServerSpec &spec) const
{
    if (spec.isStdio()) {
        if (m_keys.isTrusted(userId) || m_config.allowStdioTools)
            return success();
        return Error{ErrorCode::Forbidden, QStringLiteral("Only this computer's own account may add a tool server that runs "
                                                          "a program here (stdio); ALLOW_STDIO_TOOLS allows every account")};
    }
    if (auto st = m_keys.endpointPolicyFor(userId)->checkBaseUrl(spec.url); !st)
        return Error{ErrorCode::Forbidden, st.error().message};
    return success();
}

Result<ToolServerRecord> ToolServerService::seal(const ToolServerSpec &spec) const
{
    ToolServerRecord r;
    r.id = spec.id;
    r.userId = spec.userId;
    r.name = spec.name;
    r.transport = spec.transport;
    r.enabled = spec.enabled;
    if (spec.isStdio())
        r.config = QJsonObject{{QStringLiteral("command"), spec.command}, {QStringLiteral("args"), QJsonArray::fromStringList(spec.args)}};
    else
        r.config = QJsonObject{{QStringLiteral("url"), spec.url}};
    if (!spec.env.isEmpty() || !spec.headers.isEmpty()) {
        const QJsonObject secrets{{QStringLiteral("env"), mapToJson(spec.env)}, {QStringLiteral("headers"), mapToJson(spec.headers)}};
        auto sealed = m_keys.seal(QString::fromUtf8(QJsonDocument(secrets).toJson(QJsonDocument::Compact)), bindingOf(spec));
        if (!sealed)
            return sealed.error();
        r.sealedSecrets = sealed.value();
    }
    return r;
}

Result<ToolServerSpec> ToolServerService::open(const ToolServerRecord &r) const
{
    ToolServerSpec spec;
    spec.id = r.id;
    spec.userId = r.userId;
    spec.name = r.name;
    spec.transport = r.transport;
    spec.enabled = r.enabled;
    spec.command = r.config.value(QLatin1String("command")).toString();
    for (const QJsonValue &a : r.config.value(QLatin1String("args")).toArray())
        spec.args << a.toString();
    spec.url = r.config.value(QLatin1String("url")).toString();
    if (!r.sealedSecrets.isEmpty()) {
        auto plain = m_keys.open(r.sealedSecrets, bindingOf(spec));
        if (!plain)
            return Error::internal(QStringLiteral("The secrets of tool server \"%1\" cannot be read (ENCRYPTION_KEY changed?)")
                                       .arg(r.name));
        const QJsonObject secrets = QJsonDocument::fromJson(plain.value().toUtf8()).object();
        spec.env = mapFromJson(secrets.value(QLatin1String("env")).toObject());
        spec.headers = mapFromJson(secrets.value(QLatin1String("headers")).toObject());
    }
    return spec;
}

Result<ToolServerSpec> ToolServerService::add(const QString &userId, const ToolServerInput &input)
{
    ToolServerSpec spec;
    spec.userId = userId.toLower();
    spec.id = newUuid();
    apply(spec, input);
    if (auto st = validateToolServer(spec); !st)
        return st.error();
    if (auto st = checkAllowed(userId, spec); !st)
        return st.error();
    auto record = seal(spec);
    if (!record)
        return record.error();
    if (auto created = ToolServerRepository(m_db).create(record.value()); !created)
        return created.error();
    Q_EMIT serverChanged(spec);
    return spec;
}

Result<ToolServerSpec> ToolServerService::update(const QString &userId, const QString &id, const ToolServerInput &input)
{
    auto spec = find(userId, id);
    if (!spec)
        return spec.error();
    if (input.transport && *input.transport != spec->transport)
        return Error::invalid(QStringLiteral("transport cannot change: add another server"));
    apply(spec.value(), input);
    if (auto st = validateToolServer(spec.value()); !st)
        return st.error();
    if (auto st = checkAllowed(userId, spec.value()); !st)
        return st.error();
    auto record = seal(spec.value());
    if (!record)
        return record.error();
    if (auto st = ToolServerRepository(m_db).update(record.value()); !st)
        return st.error();
    Q_EMIT serverChanged(spec.value());
    return spec;
}

Status ToolServerService::remove(const QString &userId, const QString &id)
{
    if (auto st = ToolServerRepository(m_db).remove(userId, id); !st)
        return st;
    Q_EMIT serverRemoved(userId.toLower(), id.toLower());
    return success();
}

Result<QList<ToolServerSpec>> ToolServerService::list(const QString &userId) const
{
    auto rows = ToolServerRepository(m_db).list(userId);
    if (!rows)
        return rows.error();
    QList<ToolServerSpec> out;
    for (const ToolServerRecord &r : rows.value()) {
        auto spec = open(r);
        if (!spec)
            return spec.error();
        out << spec.value();
    }
    return out;
}

Result<ToolServerSpec> ToolServerService::find(const QString &userId, const QString &id) const
{
    auto row = ToolServerRepository(m_db).find(userId, id);
    if (!row)
        return row.error();
    return open(row.value());
}

Result<QList<ToolServerSpec>> ToolServerService::enabledServers() const
{
    auto rows = ToolServerRepository(m_db).enabled();
    if (!rows)
        return rows.error();
    QList<ToolServerSpec> out;
    for (const ToolServerRecord &r : rows.value())
        if (auto spec = open(r))
            out << spec.value(); // one unreadable row must not keep the others from starting
    return out;
}

Status ToolServerService::approveAlways(const QString &userId, const QString &serverId, const QString &tool) const
{
    return ToolApprovalRepository(m_db).add(userId, serverId, tool);
}

Result<bool> ToolServerService::isApproved(const QString &userId, const QString &serverId, const QString &tool) const
{
    return ToolApprovalRepository(m_db).covers(userId, serverId, tool);
}

Result<QList<ToolApprovalRecord>> ToolServerService::approvals(const QString &userId) const
{
    return ToolApprovalRepository(m_db).list(userId);
}

Status ToolServerService::revokeApproval(const QString &userId, const QString &serverId, const QString &tool) const
{
    return ToolApprovalRepository(m_db).remove(userId, serverId, tool);
}

} // namespace teehee
