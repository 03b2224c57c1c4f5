#include "serverprocess.h"

#include "support/httptestclient.h"

#include <QRegularExpression>
#include <QTest>

namespace {
constexpr qsizetype kKeptOutput = 256 * 1024;
}

ServerProcess::ServerProcess(QString name, QObject *parent) : QObject(parent), m_name(std::move(name))
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &ServerProcess::drain);
    connect(&m_process, &QProcess::readyReadStandardError, this, &ServerProcess::drain);
}

ServerProcess::~ServerProcess()
{
    if (isRunning()) {
        m_process.kill();
        // Reaped without a blocking wait: the destructor must not hang the test.
        (void)QTest::qWaitFor([this] { return !isRunning(); }, 5000);
    }
}

void ServerProcess::drain()
{
    m_output += m_process.readAllStandardOutput();
    m_output += m_process.readAllStandardError();
    if (m_output.size() > kKeptOutput)
        m_output.remove(0, m_output.size() - kKeptOutput);
}

QString ServerProcess::outputTail(int chars) const
{
    return QString::fromUtf8(m_output.right(chars));
}

void ServerProcess::start(const QString &binary, const QProcessEnvironment &env)
{
    m_port = 0;
    m_error.clear();
    m_output.clear();
    m_process.setProcessEnvironment(env);
    m_process.start(binary, {QStringLiteral("--port"), QStringLiteral("0")});
}

bool ServerProcess::waitReady(int timeoutMs)
{
    const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
    const bool settled = QTest::qWaitFor([&] {
        drain();
        return listening.match(QString::fromUtf8(m_output)).hasMatch() || m_process.state() == QProcess::NotRunning;
    }, timeoutMs);
    const auto match = listening.match(QString::fromUtf8(m_output));
    if (!settled || !match.hasMatch()) {
        m_error = QStringLiteral("%1 did not start (%2): %3")
                      .arg(m_name, settled ? QStringLiteral("it exited") : QStringLiteral("time-out"), outputTail());
        return false;
    }
    m_port = quint16(match.captured(1).toUInt());
    const HttpTestClient http(m_port);
    int status = 0;
    (void)QTest::qWaitFor([&] {
        status = http.get(QStringLiteral("/health")).status;
        return status == 200 || !isRunning();
    }, timeoutMs);
    if (status != 200) {
        m_error = QStringLiteral("%1: GET /health answered %2: %3").arg(m_name).arg(status).arg(outputTail());
        return false;
    }
    return true;
}

bool ServerProcess::waitGone(int timeoutMs)
{
    return QTest::qWaitFor([this] { return !isRunning(); }, timeoutMs);
}

bool ServerProcess::kill(int timeoutMs)
{
    if (!isRunning())
        return true;
    m_process.kill();
    return waitGone(timeoutMs);
}

bool ServerProcess::stop(int timeoutMs)
{
    if (!isRunning())
        return true;
    m_process.terminate();
    if (waitGone(timeoutMs))
        return true;
    m_error = QStringLiteral("%1 ignored SIGTERM").arg(m_name);
    return kill();
}
