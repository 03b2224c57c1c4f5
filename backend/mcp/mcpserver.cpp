#include "mcp/mcpserver.h"

#include "mcp/mcpcontent.h"
#include "mcp/mcphttptransport.h"
#include "mcp/mcplogging.h"
#include "mcp/mcpstdiotransport.h"
#include "mcp/mcptoolcall.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace teehee {

namespace {

// The revisions whose tool messages are the ones used here.
bool knownProtocolVersion(const QString &v)
{
    return v == QLatin1String(McpServer::kProtocolVersion) || v == QLatin1String("2025-03-26")
           || v == QLatin1String("2024-11-05");
}

QJsonObject rpcError(const QJsonValue &id, int code, const QString &message)
{
    return {{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
            {QStringLiteral("id"), id},
            {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}};
}

McpCallResult unavailable(const QString &why)
{
    McpCallResult r;
    r.status = McpCallResult::Status::Unavailable;
    r.content = why;
    return r;
}

} // namespace

McpServer::McpServer(McpServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    QStringList secrets = m_config.env.values();
    secrets += m_config.headers.values();
    m_log.setSecrets(secrets);
    m_restartTimer.setSingleShot(true);
    connect(&m_restartTimer, &QTimer::timeout, this, &McpServer::connectNow);
    m_startupTimer.setSingleShot(true);
    connect(&m_startupTimer, &QTimer::timeout, this, [this] {
        connectionLost(QStringLiteral("the server did not get ready within %1 s").arg(m_timings.startupMs / 1000));
    });
}

McpServer::~McpServer()
{
    m_enabled = false;
    endTransport();
    failCalls(QStringLiteral("the server was removed"));
}

void McpServer::start()
{
    if (m_enabled)
        return;
    m_enabled = true;
    m_failures = 0;
    connectNow();
}

void McpServer::stop()
{
    if (!m_enabled && m_status == Status::Stopped)
        return;
    m_enabled = false;
    m_restartTimer.stop();
    m_startupTimer.stop();
    endTransport();
    failCalls(QStringLiteral("the server was stopped"));
    note(QStringLiteral("[teehee] stopped"));
    setStatus(Status::Stopped);
}

void McpServer::connectNow()
{
    endTransport();
    if (!m_enabled)
        return;
    McpTransport *t = nullptr;
    if (m_config.transport == McpServerConfig::Transport::Stdio) {
        t = new McpStdioTransport(m_config, m_timings, &m_log, this);
    } else {
        auto *http = new McpHttpTransport(m_config, &m_log, this);
        http->setEndpointPolicy(m_policy);
        http->setConnectionPool(m_pool.data());
        t = http;
    }
    m_transport = t;
    connect(t, &McpTransport::opened, this, &McpServer::onOpened);
    connect(t, &McpTransport::messageReceived, this, &McpServer::onMessage);
    connect(t, &McpTransport::requestFailed, this, &McpServer::onRequestFailed);
    connect(t, &McpTransport::closed, this, &McpServer::connectionLost);
    connect(t, &McpTransport::logChanged, this, &McpServer::logChanged);
    m_runningSince.invalidate();
    m_listing = m_listAgain = false;
    setStatus(Status::Starting);
    m_startupTimer.start(m_timings.startupMs);
    t->start();
}

void McpServer::endTransport()
{
    if (McpTransport *t = m_transport.data()) {
        m_transport.clear();
        disconnect(t, nullptr, this, nullptr);
        t->stop(); // it ends the child and deletes itself
    }
    m_pending.removeIf([](const auto &it) { return it.value().kind != Kind::Call; });
}

void McpServer::onOpened()
{
    const QJsonObject params{
        {QStringLiteral("protocolVersion"), QLatin1String(kProtocolVersion)},
        {QStringLiteral("capabilities"), QJsonObject{}},
        {QStringLiteral("clientInfo"), QJsonObject{{QStringLiteral("name"), QStringLiteral("teehee")},
                                                   {QStringLiteral("version"), QStringLiteral(TEEHEE_VERSION)}}}};
    sendRequest(Kind::Initialize, QStringLiteral("initialize"), params);
}

qint64 McpServer::sendRequest(Kind kind, const QString &method, const QJsonObject &params, McpToolCall *call)
{
    const qint64 id = m_nextId++;
    m_pending.insert(id, {kind, call});
    m_transport->send({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("method"), method},
                       {QStringLiteral("params"), params}});
    return id;
}

void McpServer::sendNotification(const QString &method, const QJsonObject &params)
{
    if (!m_transport)
        return;
    QJsonObject message{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("method"), method}};
    if (!params.isEmpty())
        message.insert(QStringLiteral("params"), params);
    m_transport->send(message);
}

void McpServer::onMessage(const QJsonObject &message)
{
    if (message.contains(QLatin1String("method")))
        onServerRequest(message);
    else
        onResponse(message);
}

void McpServer::onServerRequest(const QJsonObject &message)
{
    const QString method = message.value(QLatin1String("method")).toString();
    if (message.contains(QLatin1String("id"))) {
        const QJsonValue id = message.value(QLatin1String("id"));
        // Nothing beyond ping was offered in the capabilities.
        if (method == QLatin1String("ping")) {
            m_transport->send({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id}, {QStringLiteral("result"), QJsonObject{}}});
        } else {
            m_transport->send(rpcError(id, -32601, QStringLiteral("Method not found")));
        }
        return;
    }
    if (method == QLatin1String("notifications/tools/list_changed") && m_status == Status::Running) {
        if (m_listing)
            m_listAgain = true;
        else
            requestToolsPage({});
    } else if (method == QLatin1String("notifications/message")) {
        const QJsonObject params = message.value(QLatin1String("params")).toObject();
        const QJsonValue data = params.value(QLatin1String("data"));
        note(QStringLiteral("[%1] %2").arg(params.value(QLatin1String("level")).toString(),
                                           data.isString() ? data.toString() : QStringLiteral("(structured data)")));
    }
}

void McpServer::onResponse(const QJsonObject &message)
{
    const QJsonValue idValue = message.value(QLatin1String("id"));
    if (!idValue.isDouble())
        return; // not ours: every id sent here is an integer
    const auto found = m_pending.constFind(qint64(idValue.toDouble()));
    if (found == m_pending.constEnd())
        return; // cancelled, timed out, or never asked: ignored, as the spec asks
    const Pending pending = *found;
    m_pending.erase(found);
    const bool failed = message.contains(QLatin1String("error"));
    const QJsonObject error = message.value(QLatin1String("error")).toObject();
    const QString errorText = QStringLiteral("%1 (code %2)")
                                  .arg(error.value(QLatin1String("message")).toString(), QString::number(error.value(QLatin1String("code")).toInt()));
    const QJsonObject result = message.value(QLatin1String("result")).toObject();
    switch (pending.kind) {
    case Kind::Initialize:
        if (failed)
            connectionLost(QStringLiteral("the server refused to initialize: %1").arg(errorText));
        else
            onInitialized(result);
        return;
    case Kind::ToolsList:
        if (failed) {
            note(QStringLiteral("[teehee] tools/list failed: %1").arg(errorText));
            toolsListDone();
        } else {
            onToolsPage(result);
        }
        return;
    case Kind::Call:
        if (McpToolCall *call = pending.call.data()) {
            McpCallResult r;
            if (failed) {
                r.status = McpCallResult::Status::Error;
                r.content = cutToUtf8Bytes(errorText, McpCallResult::kMaxContentBytes, &r.truncated);
            } else {
                r = callResultFromJson(result);
            }
            call->finish(r);
        }
        return;
    }
}

void McpServer::onRequestFailed(const QJsonValue &id, const QString &error, bool unreachable)
{
    const auto found = m_pending.constFind(qint64(id.toDouble()));
    if (found == m_pending.constEnd())
        return;
    const Pending pending = *found;
    m_pending.erase(found);
    if (pending.kind != Kind::Call) {
        connectionLost(error);
        return;
    }
    if (McpToolCall *call = pending.call.data()) {
        McpCallResult r = unavailable(error);
        if (!unreachable)
            r.status = McpCallResult::Status::Error;
        call->finish(r);
    }
}

void McpServer::onInitialized(const QJsonObject &result)
{
    const QString version = result.value(QLatin1String("protocolVersion")).toString();
    if (!knownProtocolVersion(version)) {
        connectionLost(QStringLiteral("the server speaks an unknown protocol version: %1").arg(version.left(40)));
        return;
    }
    m_transport->setProtocolVersion(version);
    sendNotification(QStringLiteral("notifications/initialized"));
    if (result.value(QLatin1String("capabilities")).toObject().contains(QLatin1String("tools"))) {
        requestToolsPage({});
    } else {
        m_toolsLoading.clear(); // no tools at all
        m_listing = true;
        toolsListDone();
    }
}

void McpServer::requestToolsPage(const QString &cursor)
{
    if (!m_listing) {
        m_listing = true;
        m_toolsLoading.clear();
        m_toolPages = 0;
    }
    ++m_toolPages;
    QJsonObject params;
    if (!cursor.isEmpty())
        params.insert(QStringLiteral("cursor"), cursor);
    sendRequest(Kind::ToolsList, QStringLiteral("tools/list"), params);
}

void McpServer::onToolsPage(const QJsonObject &result)
{
    for (const QJsonValue &v : result.value(QLatin1String("tools")).toArray()) {
        const QJsonObject t = v.toObject();
        const QString name = t.value(QLatin1String("name")).toString();
        if (name.isEmpty() || m_toolsLoading.size() >= kMaxTools)
            continue;
        m_toolsLoading.append({name, t.value(QLatin1String("description")).toString(), t.value(QLatin1String("inputSchema")).toObject()});
    }
    const QString cursor = result.value(QLatin1String("nextCursor")).toString();
    if (!cursor.isEmpty() && m_toolPages < kMaxToolPages && !m_listAgain) {
        requestToolsPage(cursor);
        return;
    }
    if (!cursor.isEmpty() && !m_listAgain)
        note(QStringLiteral("[teehee] the tool list was cut after %1 pages").arg(kMaxToolPages));
    toolsListDone();
}

void McpServer::toolsListDone()
{
    const bool wasListing = m_listing;
    m_listing = false;
    if (std::exchange(m_listAgain, false)) {
        requestToolsPage({});
        return;
    }
    if (wasListing && m_toolsLoading != m_tools) {
        m_tools = std::exchange(m_toolsLoading, {});
        Q_EMIT toolsChanged();
    }
    if (m_status != Status::Running) {
        m_startupTimer.stop();
        m_runningSince.start();
        note(QStringLiteral("[teehee] running, %1 tools").arg(m_tools.size()));
        setStatus(Status::Running);
    }
}

McpToolCall *McpServer::callTool(const QString &tool, const QJsonObject &arguments, int timeoutMs)
{
    if (m_status != Status::Running || !m_transport) {
        auto *call = new McpToolCall(nullptr, tool, -1, 0);
        call->finishLater(unavailable(QStringLiteral("the tool server %1 is not running").arg(m_config.name)));
        return call;
    }
    auto *call = new McpToolCall(this, tool, m_nextId, timeoutMs);
    sendRequest(Kind::Call, QStringLiteral("tools/call"),
                {{QStringLiteral("name"), tool}, {QStringLiteral("arguments"), arguments}}, call);
    return call;
}

void McpServer::abandonCall(qint64 id, const QString &reason)
{
    if (!m_pending.remove(id) || !m_transport)
        return;
    sendNotification(QStringLiteral("notifications/cancelled"),
                     {{QStringLiteral("requestId"), id}, {QStringLiteral("reason"), reason}});
    m_transport->abandon(QJsonValue(id));
}

void McpServer::failCalls(const QString &why)
{
    const QHash<qint64, Pending> pending = std::exchange(m_pending, {});
    for (const Pending &p : pending) {
        if (McpToolCall *call = p.call.data())
            call->finish(unavailable(why));
    }
}

void McpServer::connectionLost(const QString &error)
{
    if (!m_transport)
        return;
    m_startupTimer.stop();
    endTransport();
    failCalls(QStringLiteral("the tool server stopped during the call: %1").arg(error));
    qCInfo(lcMcp).noquote() << "MCP server" << logSafe(m_config.name) << "lost:" << logSafe(error);
    if (!m_enabled) {
        setStatus(Status::Error, error);
        return;
    }
    if (m_runningSince.isValid() && m_runningSince.elapsed() >= m_timings.stableUptimeMs)
        m_failures = 0;
    const qint64 delay = qMin<qint64>(qint64(m_timings.restartFirstMs) << qMin(m_failures, 20), m_timings.restartMaxMs);
    ++m_failures;
    note(QStringLiteral("[teehee] %1; starting again in %2 ms").arg(error).arg(delay));
    m_restartTimer.start(int(delay));
    setStatus(Status::Error, error);
}

void McpServer::setStatus(Status status, const QString &error)
{
    if (m_status == status && m_error == error)
        return;
    m_status = status;
    m_error = status == Status::Error ? error : QString();
    Q_EMIT statusChanged();
}

void McpServer::note(const QString &line)
{
    m_log.appendNote(line);
    Q_EMIT logChanged();
}

} // namespace teehee
