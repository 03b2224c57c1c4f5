#include "nginxrunner.h"

#include "relaysupport.h"

#include <QDir>
#include <QFile>

#include <cstdio>

NginxRunner::NginxRunner(const QString &binary) : m_binary(binary) {}

NginxRunner::~NginxRunner()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate(); // SIGTERM: nginx's fast shutdown
    m_process.waitForFinished(10000);
}

QByteArray NginxRunner::config(const QString &dir, quint16 port, const QList<quint16> &upstreams)
{
    const QByteArray d = dir.toUtf8();
    QByteArray servers;
    for (quint16 p : upstreams)
        servers += "        server 127.0.0.1:" + QByteArray::number(p) + ";\n";
    return "worker_processes 1;\n"
           "daemon off;\n"
           "pid " + d + "/nginx.pid;\n"
           "error_log " + d + "/error.log warn;\n"
           "worker_rlimit_nofile 65536;\n"
           "events {\n    worker_connections 16384;\n}\n"
           "http {\n"
           "    access_log " + d + "/access.log;\n"
           "    client_body_temp_path " + d + "/client_body;\n"
           "    proxy_temp_path " + d + "/proxy;\n"
           "    fastcgi_temp_path " + d + "/fastcgi;\n"
           "    uwsgi_temp_path " + d + "/uwsgi;\n"
           "    scgi_temp_path " + d + "/scgi;\n"
           "    map $http_upgrade $connection_upgrade {\n"
           "        default upgrade;\n"
           "        ''      '';\n"
           "    }\n"
           "    upstream relayed {\n" + servers + "        keepalive 64;\n    }\n"
           "    server {\n"
           "        listen 127.0.0.1:" + QByteArray::number(port) + " backlog=4096;\n"
           "        location / {\n"
           "            proxy_pass http://relayed;\n"
           "            proxy_http_version 1.1;\n"
           "            proxy_set_header Host $host;\n"
           "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
           "            proxy_set_header Upgrade $http_upgrade;\n"
           "            proxy_set_header Connection $connection_upgrade;\n"
           "            proxy_buffering off;\n"
           "            proxy_read_timeout 600s;\n"
           "            proxy_send_timeout 600s;\n"
           "        }\n"
           "    }\n"
           "}\n";
}

bool NginxRunner::start(const QList<quint16> &upstreams)
{
    if (!QFile::exists(m_binary)) {
        fprintf(stderr, "nginx: %s not found (bench/relay.sh installs it)\n", qPrintable(m_binary));
        return false;
    }
    // Workers started by root run as "nobody": they must reach the directory.
    QFile::setPermissions(m_dir.path(), QFile::permissions(m_dir.path()) | QFile::ExeOther | QFile::ReadOther);
    m_port = relay::freePort();
    const QString conf = m_dir.filePath(QStringLiteral("nginx.conf"));
    QFile f(conf);
    if (!f.open(QIODevice::WriteOnly) || f.write(config(m_dir.path(), m_port, upstreams)) < 0)
        return false;
    f.close();
    m_process.setProcessChannelMode(QProcess::ForwardedChannels);
    m_process.start(m_binary, {QStringLiteral("-p"), m_dir.path(), QStringLiteral("-c"), conf, QStringLiteral("-e"),
                               m_dir.filePath(QStringLiteral("error.log"))});
    const QString pidFile = m_dir.filePath(QStringLiteral("nginx.pid"));
    // The pid file is written once the listening socket is open.
    const bool up = relay::waitUntil(
        [&] { return m_process.state() == QProcess::NotRunning || (QFile::exists(pidFile) && !workerPids().isEmpty()); },
        20000);
    if (!up || m_process.state() != QProcess::Running) {
        QFile log(m_dir.filePath(QStringLiteral("error.log")));
        log.open(QIODevice::ReadOnly);
        fprintf(stderr, "nginx did not start:\n%s\n", log.readAll().constData());
        return false;
    }
    return true;
}

QList<qint64> NginxRunner::workerPids() const
{
    QList<qint64> pids;
    const qint64 master = m_process.processId();
    if (master <= 0)
        return pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &e : entries) {
        bool numeric = false;
        const qint64 pid = e.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = f.readAll();
        // After "(comm) ": state, then the parent's pid.
        if (stat.mid(stat.lastIndexOf(')') + 2).split(' ').value(1).toLongLong() == master)
            pids.append(pid);
    }
    return pids;
}
