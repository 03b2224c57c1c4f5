#pragma once

// One real teehee-server child process for the cluster tests: started with the
// given environment on a port the system picks (--port 0, read back from its
// "listening on" line, so no port is chosen and then lost to a race), watched
// until /health answers, stopped with SIGTERM or killed with SIGKILL. Its
// output is drained all along (a full pipe would stall the server) and kept for
// a failure's message. Every wait spins the event loop: the fake provider and
// the proxy run in the test's thread.
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>

class ServerProcess : public QObject {
public:
    explicit ServerProcess(QString name, QObject *parent = nullptr);
    ~ServerProcess() override;

    // Starts the binary and returns at once; waitReady() waits for it.
    void start(const QString &binary, const QProcessEnvironment &env);
    // True once it listens and GET /health answers 200; false on exit or time-out (see error()).
    bool waitReady(int timeoutMs = 60000);

    // SIGKILL, as a crash: no chance to end its replies. True once it is gone.
    bool kill(int timeoutMs = 10000);
    // SIGTERM, as an operator's stop; SIGKILL if it does not go. True once it is gone.
    bool stop(int timeoutMs = 15000);

    const QString &name() const { return m_name; }
    quint16 port() const { return m_port; }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QString error() const { return m_error; }
    // The end of what it printed, for a failure's message.
    QString outputTail(int chars = 4000) const;

private:
    bool waitGone(int timeoutMs);
    void drain();

    QString m_name;
    QProcess m_process;
    QByteArray m_output;
    quint16 m_port = 0;
    QString m_error;
};
