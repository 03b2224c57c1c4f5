#pragma once

#include "mcp/mcplog.h"
#include "mcp/mcptypes.h"
#include "providers/httpconnectionpool.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>

namespace teehee {

class EndpointPolicy;
class McpToolCall;
class McpTransport;

// One configured MCP server and the client session with it: the transport
// (a child process over stdio, or Streamable HTTP), the initialize handshake
// (protocol version 2025-06-18), the tool list (all pages of tools/list,
// fetched again on notifications/tools/list_changed), tool calls, answers to
// the server's pings, and the stderr log. Lives on one thread, the one it was
// made on; nothing blocks.
//
// While started, a connection that ends (the child exits, a message over
// 4 MiB, no answer to initialize in time, an HTTP session the server forgot)
// is made again after 1 s, 2 s, 4 s … at most 60 s; a minute of running
// forgets earlier failures. status() is Error while it waits.
class McpServer : public QObject {
    Q_OBJECT
public:
    enum class Status { Stopped, Starting, Running, Error };
    Q_ENUM(Status)

    static constexpr const char *kProtocolVersion = "2025-06-18";
    static constexpr int kMaxToolPages = 100;
    static constexpr int kMaxTools = 1000;

    explicit McpServer(McpServerConfig config, QObject *parent = nullptr);
    ~McpServer() override; // running calls finish Unavailable; a child is ended in the background

    const McpServerConfig &config() const { return m_config; }
    void setTimings(const McpTimings &timings) { m_timings = timings; } // before start()
    // HTTP only: where the URL may lead; none means anywhere.
    void setEndpointPolicy(std::shared_ptr<const EndpointPolicy> policy) { m_policy = std::move(policy); }
    // HTTP only: keeps idle connections between requests; it may go before the server does.
    void setConnectionPool(HttpConnectionPool *pool) { m_pool = pool; }

    void start();
    void stop();

    Status status() const { return m_status; }
    QString errorText() const { return m_error; } // for a person; empty unless Error
    QList<McpTool> tools() const { return m_tools; }
    QStringList log() const { return m_log.lines(); }

    // Calls `tool` with `arguments`; the caller owns the result. A timeout of
    // 0 or less waits for as long as the server runs.
    McpToolCall *callTool(const QString &tool, const QJsonObject &arguments, int timeoutMs);

Q_SIGNALS:
    void statusChanged();
    void toolsChanged();
    void logChanged();

private:
    friend class McpToolCall;
    enum class Kind { Initialize, ToolsList, Call };
    struct Pending {
        Kind kind = Kind::Call;
        QPointer<McpToolCall> call;
    };

    void connectNow();
    void onOpened();
    void onMessage(const QJsonObject &message);
    void onRequestFailed(const QJsonValue &id, const QString &error, bool unreachable);
    void onServerRequest(const QJsonObject &message);
    void onResponse(const QJsonObject &message);
    void onInitialized(const QJsonObject &result);
    void requestToolsPage(const QString &cursor);
    void onToolsPage(const QJsonObject &result);
    void toolsListDone();
    void connectionLost(const QString &error);
    void endTransport();
    void failCalls(const QString &why);
    void abandonCall(qint64 id, const QString &reason); // for McpToolCall
    qint64 sendRequest(Kind kind, const QString &method, const QJsonObject &params, McpToolCall *call = nullptr);
    void sendNotification(const QString &method, const QJsonObject &params = {});
    void setStatus(Status status, const QString &error = {});
    void note(const QString &line);

    McpServerConfig m_config;
    McpTimings m_timings;
    std::shared_ptr<const EndpointPolicy> m_policy;
    QPointer<HttpConnectionPool> m_pool;
    QPointer<McpTransport> m_transport;
    McpLog m_log;
    Status m_status = Status::Stopped;
    QString m_error;
    QList<McpTool> m_tools;
    QList<McpTool> m_toolsLoading; // pages so far of a tools/list in progress
    int m_toolPages = 0;
    bool m_listing = false;
    bool m_listAgain = false; // list_changed arrived during a listing
    QHash<qint64, Pending> m_pending;
    qint64 m_nextId = 1;
    bool m_enabled = false;
    int m_failures = 0;
    QElapsedTimer m_runningSince;
    QTimer m_restartTimer;
    QTimer m_startupTimer;
};

} // namespace teehee
