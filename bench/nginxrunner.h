#pragma once

#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

// Debian's nginx as a child process: one worker, in the foreground, its
// configuration, logs and pid file in a temporary directory. It proxies
// everything on its port, unbuffered over HTTP/1.1 and with WebSocket
// upgrades passed on, to a round-robin upstream of loopback ports: the
// reference a relaying server is measured against, or the load balancer in
// front of several servers.
class NginxRunner {
public:
    explicit NginxRunner(const QString &binary = QStringLiteral("/usr/sbin/nginx"));
    ~NginxRunner();

    // Starts nginx in front of `upstreams` and waits until it listens; false
    // (with the reason on stderr) when it does not.
    bool start(const QList<quint16> &upstreams);
    quint16 port() const { return m_port; }
    qint64 masterPid() const { return m_process.processId(); }
    // The worker processes: the children of the master.
    QList<qint64> workerPids() const;

    static QByteArray config(const QString &dir, quint16 port, const QList<quint16> &upstreams);

private:
    QString m_binary;
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};
