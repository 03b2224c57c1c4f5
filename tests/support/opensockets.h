#pragma once

// How many of this process's descriptors are TCP connections to `port` on
// loopback: lets a test see that a connection was closed at once (by the time a
// call returned), without measuring time.
#include <QDir>
#include <QtGlobal>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

inline int openConnectionsTo(quint16 port)
{
    int count = 0;
    const QStringList fds = QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &name : fds) {
        bool ok = false;
        const int fd = name.toInt(&ok);
        if (!ok)
            continue;
        sockaddr_storage peer{};
        socklen_t length = sizeof peer;
        if (::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &length) != 0)
            continue;
        if (peer.ss_family == AF_INET && ntohs(reinterpret_cast<const sockaddr_in &>(peer).sin_port) == port)
            ++count;
        else if (peer.ss_family == AF_INET6 && ntohs(reinterpret_cast<const sockaddr_in6 &>(peer).sin6_port) == port)
            ++count;
    }
    return count;
}
