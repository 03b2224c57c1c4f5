#include "toolscontroller.h"

#include "clientprovider.h"
#include "failuretext.h"

using namespace teehee::client;

namespace {

QVariantMap serverRow(const ToolServerInfo &s)
{
    QVariantList tools;
    for (const ToolInfo &t : s.tools)
        tools << QVariantMap{{QStringLiteral("name"), t.name}, {QStringLiteral("description"), t.description}};
    return {{QStringLiteral("id"), s.id},           {QStringLiteral("name"), s.name},
            {QStringLiteral("transport"), s.transport}, {QStringLiteral("command"), s.command},
            {QStringLiteral("args"), s.args},       {QStringLiteral("url"), s.url},
            {QStringLiteral("enabled"), s.enabled}, {QStringLiteral("status"), s.status},
            {QStringLiteral("error"), s.error},     {QStringLiteral("tools"), tools},
            {QStringLiteral("log"), s.log}};
}

} // namespace

ToolsController::ToolsController(ChatClient *client, QObject *parent) : QObject(parent), m_client(client)
{
    connect(client, &ChatClient::toolServersChanged, this, &ToolsController::refresh);
    connect(client, &ChatClient::stateChanged, this, &ToolsController::refresh);
    // "Always allow" answered anywhere adds a standing approval.
    connect(client, &ChatClient::toolCallAnswered, this, [this](const QString &, const QString &decision) {
        if (decision == u"allow_always")
            refresh();
    });
}

ToolsController *ToolsController::create(QQmlEngine *, QJSEngine *)
{
    return new ToolsController(ClientProvider::client());
}

void ToolsController::refresh()
{
    if (!m_client || m_client->state() != ChatClient::State::Ready)
        return;
    m_client->listToolServers(this, [this](const Outcome<QList<ToolServerInfo>> &servers) {
        if (!servers.ok())
            return setError(failureText(servers.error));
        m_servers.clear();
        for (const ToolServerInfo &s : servers.value)
            m_servers << serverRow(s);
        Q_EMIT serversChanged();
    });
    m_client->listToolApprovals(this, [this](const Outcome<QList<ToolApprovalInfo>> &approvals) {
        if (!approvals.ok())
            return;
        m_approvals.clear();
        for (const ToolApprovalInfo &a : approvals.value)
            m_approvals << QVariantMap{{QStringLiteral("serverId"), a.serverId}, {QStringLiteral("server"), a.serverName},
                                       {QStringLiteral("tool"), a.tool}};
        Q_EMIT approvalsChanged();
    });
}

std::optional<QMap<QString, QString>> ToolsController::pairs(const QString &text, bool colonToo)
{
    QMap<QString, QString> out;
    for (const QString &raw : text.split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        qsizetype at = line.indexOf(QLatin1Char('='));
        const qsizetype colon = colonToo ? line.indexOf(QLatin1Char(':')) : -1;
        if (colon > 0 && (at < 0 || colon < at))
            at = colon;
        if (at <= 0)
            return std::nullopt;
        out.insert(line.left(at).trimmed(), line.mid(at + 1).trimmed());
    }
    return out;
}

bool ToolsController::addStdioServer(const QString &name, const QString &command, const QString &arguments,
                                     const QString &environment)
{
    const auto env = pairs(environment, false);
    if (!env) {
        setError(tr("Each environment line needs the form NAME=value."));
        return false;
    }
    ToolServerChanges s;
    s.name = name.trimmed();
    s.transport = QStringLiteral("stdio");
    s.command = command.trimmed();
    QStringList args;
    for (const QString &line : arguments.split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            args << line.trimmed();
    s.args = args;
    s.env = *env;
    add(s);
    return true;
}

bool ToolsController::addHttpServer(const QString &name, const QString &url, const QString &headers)
{
    const auto h = pairs(headers, true);
    if (!h) {
        setError(tr("Each header line needs the form Name: value."));
        return false;
    }
    ToolServerChanges s;
    s.name = name.trimmed();
    s.transport = QStringLiteral("http");
    s.url = url.trimmed();
    s.headers = *h;
    add(s);
    return true;
}

void ToolsController::add(const ToolServerChanges &server)
{
    if (!m_client)
        return;
    setError({});
    setBusy(true);
    m_client->addToolServer(this, server, [this](const Outcome<ToolServerInfo> &added) {
        setBusy(false);
        afterChange(added.error);
        if (added.ok())
            Q_EMIT this->added();
    });
}

void ToolsController::setEnabled(const QString &serverId, bool enabled)
{
    if (!m_client)
        return;
    ToolServerChanges c;
    c.enabled = enabled;
    m_client->updateToolServer(this, serverId, c, [this](const Outcome<ToolServerInfo> &o) { afterChange(o.error); });
}

void ToolsController::remove(const QString &serverId)
{
    if (m_client)
        m_client->removeToolServer(this, serverId, [this](const ClientError &e) { afterChange(e); });
}

void ToolsController::revoke(const QString &serverId, const QString &tool)
{
    if (m_client)
        m_client->revokeToolApproval(this, serverId, tool, [this](const ClientError &e) { afterChange(e); });
}

void ToolsController::afterChange(const ClientError &e)
{
    setError(e.ok() ? QString() : failureText(e));
    refresh();
}

void ToolsController::setError(const QString &text)
{
    if (m_error == text)
        return;
    m_error = text;
    Q_EMIT errorTextChanged();
}

void ToolsController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}
