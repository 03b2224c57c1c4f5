#include "mcp/mcpstdiotransport.h"

#include "mcp/mcplog.h"
#include "mcp/mcplogging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace teehee {

namespace {

constexpr qint64 kReadChunk = 256 * 1024;
// The child not reading its stdin must not make us hold everything we send.
constexpr qint64 kMaxUnsent = 4 * McpTransport::kMaxMessageBytes;

} // namespace

McpStdioTransport::McpStdioTransport(McpServerConfig config, McpTimings timings, McpLog *log, QObject *parent)
    : McpTransport(parent)
    , m_config(std::move(config))
    , m_timings(timings)
    , m_log(log)
{
    m_process.setProgram(m_config.command);
    m_process.setArguments(m_config.args);
    m_process.setProcessEnvironment(childEnvironment(m_config.env));
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    connect(&m_process, &QProcess::started, this, [this] {
        if (!m_over)
            Q_EMIT opened();
    });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &McpStdioTransport::onStdout);
    connect(&m_process, &QProcess::readyReadStandardError, this, &McpStdioTransport::onStderr);
    connect(&m_process, &QProcess::finished, this, &McpStdioTransport::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &McpStdioTransport::onError);
    m_stopTimer.setSingleShot(true);
    connect(&m_stopTimer, &QTimer::timeout, this, &McpStdioTransport::onStopTimer);
}

McpStdioTransport::~McpStdioTransport()
{
    // Only reached with a live child when the owner itself goes away: QProcess kills it.
    disconnect(&m_process, nullptr, this, nullptr);
}

QProcessEnvironment McpStdioTransport::childEnvironment(const QMap<QString, QString> &env)
{
    const QProcessEnvironment parent = QProcessEnvironment::systemEnvironment();
    QProcessEnvironment child;
    for (const char *name : {"PATH", "HOME", "LANG"}) {
        const QString key = QString::fromLatin1(name);
        if (parent.contains(key))
            child.insert(key, parent.value(key));
    }
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        child.insert(it.key(), it.value());
    return child;
}

void McpStdioTransport::start()
{
    // QProcess reports start and failure from the event loop.
    m_process.start(QIODevice::ReadWrite);
}

void McpStdioTransport::stop()
{
    m_over = true;
    m_log = nullptr; // its owner may go before the child does
    setParent(nullptr); // lives on until the child is gone
    endChild();
}

void McpStdioTransport::endChild()
{
    if (m_process.state() == QProcess::NotRunning) {
        deleteLater();
        return;
    }
    if (m_stopStage > 0)
        return;
    m_stopStage = 1;
    // Nobody listens any more: what the child still writes must not pile up
    // in QProcess's buffers (it gets EPIPE instead).
    m_process.closeReadChannel(QProcess::StandardOutput);
    m_process.closeReadChannel(QProcess::StandardError);
    m_process.closeWriteChannel();
    m_stopTimer.start(m_timings.stopGraceMs);
}

void McpStdioTransport::onStopTimer()
{
    if (m_stopStage == 1) {
        qCDebug(lcMcp).noquote() << "MCP server" << logSafe(m_config.name) << "ignored closed stdin; terminating";
        m_stopStage = 2;
        m_process.terminate();
        m_stopTimer.start(m_timings.stopGraceMs);
    } else if (m_stopStage == 2) {
        qCInfo(lcMcp).noquote() << "MCP server" << logSafe(m_config.name) << "ignored SIGTERM; killing";
        m_stopStage = 3;
        m_process.kill();
    }
}

void McpStdioTransport::send(const QJsonObject &message)
{
    if (m_over || m_process.state() != QProcess::Running)
        return;
    if (m_process.bytesToWrite() > kMaxUnsent) {
        fail(QStringLiteral("the server does not read its input"));
        return;
    }
    m_process.write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
}

void McpStdioTransport::onStdout()
{
    while (!m_over && m_process.bytesAvailable() > 0) {
        const QByteArray chunk = m_process.read(kReadChunk);
        qsizetype from = 0;
        while (!m_over) {
            const qsizetype nl = chunk.indexOf('\n', from);
            const qsizetype end = nl < 0 ? chunk.size() : nl;
            if (m_line.size() + (end - from) > kMaxMessageBytes) {
                fail(QStringLiteral("the server sent a message over %1 MiB").arg(kMaxMessageBytes / (1024 * 1024)));
                return;
            }
            m_line.append(chunk.constData() + from, end - from);
            if (nl < 0)
                break;
            from = nl + 1;
            const QByteArray line = std::exchange(m_line, {}).trimmed();
            if (line.isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            if (doc.isObject()) {
                Q_EMIT messageReceived(doc.object());
            } else if (doc.isArray()) { // a batch, from servers of older revisions
                for (const QJsonValue &v : doc.array()) {
                    if (m_over)
                        break;
                    if (v.isObject())
                        Q_EMIT messageReceived(v.toObject());
                }
            } else if (m_log) {
                m_log->appendNote(QStringLiteral("[teehee] not a JSON-RPC message on stdout (%1 bytes)").arg(line.size()));
                Q_EMIT logChanged();
            }
        }
    }
}

void McpStdioTransport::onStderr()
{
    const QByteArray bytes = m_process.readAllStandardError();
    if (bytes.isEmpty() || !m_log)
        return;
    m_log->appendOutput(bytes);
    if (!m_over)
        Q_EMIT logChanged();
}

void McpStdioTransport::onFinished(int exitCode, QProcess::ExitStatus status)
{
    m_stopTimer.stop();
    if (m_over) {
        deleteLater();
        return;
    }
    onStderr();
    if (m_log)
        m_log->flush();
    m_over = true;
    const QString why = status == QProcess::CrashExit ? QStringLiteral("the server crashed")
                                                      : QStringLiteral("the server exited with code %1").arg(exitCode);
    setParent(nullptr);
    deleteLater();
    Q_EMIT closed(why);
}

void McpStdioTransport::onError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || m_over)
        return;
    m_over = true;
    const QString why = QStringLiteral("could not start %1: %2").arg(m_config.command, m_process.errorString());
    setParent(nullptr);
    deleteLater();
    Q_EMIT closed(why);
}

void McpStdioTransport::fail(const QString &error)
{
    if (m_over)
        return;
    m_over = true;
    m_line.clear();
    setParent(nullptr);
    Q_EMIT closed(error);
    endChild();
}

} // namespace teehee
