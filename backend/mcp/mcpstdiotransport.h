#pragma once

#include "mcp/mcptransport.h"
#include "mcp/mcptypes.h"

#include <QByteArray>
#include <QProcess>
#include <QTimer>

namespace teehee {

class McpLog;

// A local MCP server: a child process started directly (no shell) that reads
// JSON-RPC messages, one a line, on stdin and writes them on stdout; stderr
// goes to the log. The child's environment is PATH, HOME and LANG of this
// process plus the configured variables, nothing else, so the parent's
// secrets stay with the parent.
//
// stop() and a fatal error end the child as the MCP lifecycle asks: stdin
// closed, SIGTERM after a grace period, SIGKILL after another, all by timers.
// The transport then belongs to nobody and deletes itself once the child is
// gone. The log must outlive it (the server's log does, or is dropped first).
class McpStdioTransport : public McpTransport {
    Q_OBJECT
public:
    McpStdioTransport(McpServerConfig config, McpTimings timings, McpLog *log, QObject *parent = nullptr);
    ~McpStdioTransport() override;

    void start() override;
    void stop() override;
    void send(const QJsonObject &message) override;

    static QProcessEnvironment childEnvironment(const QMap<QString, QString> &env);

private:
    void onStdout();
    void onStderr();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void fail(const QString &error); // closed(error), then the child is ended
    void endChild();
    void onStopTimer();

    McpServerConfig m_config;
    McpTimings m_timings;
    McpLog *m_log;
    QProcess m_process;
    QByteArray m_line; // stdout since the last newline, never over kMaxMessageBytes
    QTimer m_stopTimer;
    int m_stopStage = 0; // 0 running, 1 stdin closed, 2 terminated, 3 killed
    bool m_over = false; // closed() was emitted or stop() called: no more signals
};

} // namespace teehee
