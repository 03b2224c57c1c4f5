#pragma once

#include <QProcess>
#include <QString>

// teehee-server as a child process on a loopback port of its own, talking to
// the given database and OpenAI-style provider, its log in `logFile`.
class TeeheeProcess {
public:
    struct Options {
        QString binary;
        QString dataDir;
        QString databaseUrl;  // empty: SQLite in dataDir
        QString providerUrl;  // OPENAI_BASE_URL
        QString serverId;     // TEEHEE_SERVER_ID; servers sharing a database need distinct ones
        QString logFile;
    };
    explicit TeeheeProcess(const Options &options) : m_options(options) {}
    ~TeeheeProcess();

    // Starts the server and waits until /health answers; false when it does not.
    bool start();
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }

private:
    Options m_options;
    QProcess m_process;
    quint16 m_port = 0;
};
