#include "providers/httpconnectionpool.h"

#include "providers/rawtcpconnection.h"

#include <QSslSocket>
#include <QUrl>

namespace teehee {

HttpConnectionPool::HttpConnectionPool(QObject *parent)
    : QObject(parent)
{
    m_expiry.setInterval(kIdleMs / 3);
    connect(&m_expiry, &QTimer::timeout, this, &HttpConnectionPool::expire);
}

// The idle connections are children: they close as they are deleted with the pool.
HttpConnectionPool::~HttpConnectionPool() = default;

QString HttpConnectionPool::originOf(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return QStringLiteral("%1://%2:%3").arg(scheme, url.host().toLower()).arg(url.port(scheme == u"https" ? 443 : 80));
}

HttpConnectionPool::Connection HttpConnectionPool::take(const QString &origin)
{
    auto it = m_idle.find(origin);
    if (it == m_idle.end())
        return {};
    // The newest first: the one the server is least likely to have closed.
    while (!it->isEmpty()) {
        Idle idle = it->takeLast();
        if (idle.since.elapsed() < kIdleMs && isAlive(idle.connection)) {
            if (it->isEmpty())
                m_idle.erase(it);
            if (idle.connection.plain)
                idle.connection.plain->setParent(nullptr);
            else
                idle.connection.tls->setParent(nullptr);
            return idle.connection;
        }
        discard(idle.connection);
    }
    m_idle.erase(it);
    return {};
}

void HttpConnectionPool::keep(const QString &origin, Connection connection)
{
    if (!connection)
        return;
    QList<Idle> &list = m_idle[origin];
    if (list.size() >= kMaxIdlePerOrigin) {
        discard(connection);
        return;
    }
    if (connection.plain) {
        connection.plain->setReceiver(nullptr);
        connection.plain->setParent(this);
    } else {
        // QSslSocket reads on its own while idle (TLS session tickets arrive
        // after a response too): take() asks it what it has.
        connection.tls->setParent(this);
    }
    Idle idle{connection, {}};
    idle.since.start();
    list.append(idle);
    if (!m_expiry.isActive())
        m_expiry.start();
}

qsizetype HttpConnectionPool::idleCount() const
{
    qsizetype n = 0;
    for (const auto &list : m_idle)
        n += list.size();
    return n;
}

bool HttpConnectionPool::isAlive(const Connection &c)
{
    if (c.plain)
        return c.plain->isReusable();
    return c.tls && c.tls->state() == QAbstractSocket::ConnectedState && c.tls->isEncrypted() && c.tls->bytesAvailable() == 0
        && c.tls->bytesToWrite() == 0;
}

void HttpConnectionPool::discard(Connection c)
{
    if (c.plain) {
        c.plain->close();
        c.plain->setParent(nullptr);
        c.plain->deleteLater();
    } else if (c.tls) {
        c.tls->abort();
        c.tls->setParent(nullptr);
        c.tls->deleteLater();
    }
}

void HttpConnectionPool::expire()
{
    for (auto it = m_idle.begin(); it != m_idle.end();) {
        QList<Idle> &list = it.value();
        for (qsizetype i = list.size() - 1; i >= 0; --i) {
            if (list[i].since.elapsed() >= kIdleMs || !isAlive(list[i].connection))
                discard(list.takeAt(i).connection);
        }
        it = list.isEmpty() ? m_idle.erase(it) : std::next(it);
    }
    if (m_idle.isEmpty())
        m_expiry.stop();
}

} // namespace teehee
