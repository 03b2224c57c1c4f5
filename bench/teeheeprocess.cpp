#include "teeheeprocess.h"

#include "relaysupport.h"

#include <QFile>

#include <cstdio>

TeeheeProcess::~TeeheeProcess()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    m_process.waitForFinished(15000);
}

bool TeeheeProcess::start()
{
    if (!QFile::exists(m_options.binary)) {
        fprintf(stderr, "teehee-server: %s not found (--server)\n", qPrintable(m_options.binary));
        return false;
    }
    m_port = relay::freePort();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOST"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("PORT"), QString::number(m_port));
    env.insert(QStringLiteral("TEEHEE_DATA_DIR"), m_options.dataDir);
    env.insert(QStringLiteral("DATABASE_URL"), m_options.databaseUrl.isEmpty()
                                                   ? QStringLiteral("sqlite://") + m_options.dataDir + QStringLiteral("/bench.db")
                                                   : m_options.databaseUrl);
    // Shared by every server of a run: a token signed by one is good at all.
    env.insert(QStringLiteral("SECRET_KEY"), QString(64, u'k'));
    env.insert(QStringLiteral("ENCRYPTION_KEY"), QString(64, u'e'));
    env.insert(QStringLiteral("OPENAI_BASE_URL"), m_options.providerUrl);
    env.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-bench-0000"));
    if (!m_options.serverId.isEmpty())
        env.insert(QStringLiteral("TEEHEE_SERVER_ID"), m_options.serverId);
    // Every client of the bench comes from loopback; the sign-ups name their
    // own addresses in X-Forwarded-For, believed from loopback only.
    env.insert(QStringLiteral("MAX_CONNECTIONS"), QStringLiteral("20000"));
    env.insert(QStringLiteral("MAX_CONNECTIONS_PER_ADDRESS"), QStringLiteral("20000"));
    env.insert(QStringLiteral("TRUSTED_PROXIES"), QStringLiteral("127.0.0.1/32"));
    // A title request would be one more completion per chat, not a relayed token.
    env.insert(QStringLiteral("AUTO_TITLES"), QStringLiteral("false"));
    m_process.setProcessEnvironment(env);
    m_process.setStandardOutputFile(m_options.logFile, QIODevice::Append);
    m_process.setStandardErrorFile(m_options.logFile, QIODevice::Append);
    m_process.start(m_options.binary, {});
    const QUrl health(QStringLiteral("http://127.0.0.1:%1/health").arg(m_port));
    if (!relay::waitForHttpOk(health, 120000) || m_process.state() != QProcess::Running) {
        fprintf(stderr, "teehee-server did not start; its log: %s\n", qPrintable(m_options.logFile));
        return false;
    }
    return true;
}
