#include "roundrobinproxy.h"

#include <QTcpSocket>

struct RoundRobinProxy::Pair : QObject {
    QTcpSocket *client = nullptr;
    QTcpSocket *upstream = nullptr;
    QByteArray pending;      // from the client before the upstream connected
    bool upstreamReady = false;
    bool ended = false;
};

RoundRobinProxy::RoundRobinProxy(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &RoundRobinProxy::onNewConnection);
}

RoundRobinProxy::~RoundRobinProxy() = default;

bool RoundRobinProxy::listen()
{
    m_server.setMaxPendingConnections(256);
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void RoundRobinProxy::relay(QTcpSocket *from, QTcpSocket *to)
{
    const QByteArray bytes = from->readAll();
    if (!bytes.isEmpty() && to->state() == QAbstractSocket::ConnectedState)
        to->write(bytes);
}

// Called when either side went away: what it sent last still reaches the
// other side (disconnectFromHost() writes out what is buffered first).
void RoundRobinProxy::closePair(Pair *pair)
{
    if (!pair->ended) {
        pair->ended = true;
        --m_open;
    }
    for (QTcpSocket *s : {pair->client, pair->upstream}) {
        if (s->state() == QAbstractSocket::ConnectedState)
            s->disconnectFromHost();
        else if (s->state() != QAbstractSocket::UnconnectedState && s->state() != QAbstractSocket::ClosingState)
            s->abort();
    }
    if (pair->client->state() == QAbstractSocket::UnconnectedState
        && pair->upstream->state() == QAbstractSocket::UnconnectedState)
        pair->deleteLater();
}

void RoundRobinProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        if (m_backends.isEmpty()) {
            client->abort();
            client->deleteLater();
            continue;
        }
        if (m_counts.size() != m_backends.size())
            m_counts = QList<int>(m_backends.size(), 0);
        const qsizetype index = m_next++ % m_backends.size();
        ++m_counts[index];
        ++m_open;

        auto *pair = new Pair;
        pair->setParent(this);
        pair->client = client;
        client->setParent(pair);
        pair->upstream = new QTcpSocket(pair);
        QTcpSocket *upstream = pair->upstream;

        connect(client, &QTcpSocket::readyRead, pair, [pair] {
            if (pair->upstreamReady)
                pair->upstream->write(pair->client->readAll());
            else
                pair->pending += pair->client->readAll();
        });
        connect(upstream, &QTcpSocket::connected, pair, [pair] {
            pair->upstreamReady = true;
            pair->upstream->write(pair->pending + pair->client->readAll());
            pair->pending.clear();
            if (pair->client->state() != QAbstractSocket::ConnectedState)
                pair->upstream->disconnectFromHost(); // the client left while we connected
        });
        connect(upstream, &QTcpSocket::readyRead, pair, [this, pair] { relay(pair->upstream, pair->client); });
        connect(upstream, &QAbstractSocket::errorOccurred, pair, [this, pair](QAbstractSocket::SocketError) {
            if (pair->upstreamReady)
                relay(pair->upstream, pair->client); // what came just before the close
            else
                ++m_failed; // that server is down: the client sees its connection closed
            closePair(pair);
        });
        connect(client, &QTcpSocket::disconnected, pair, [this, pair] {
            if (pair->upstreamReady)
                relay(pair->client, pair->upstream);
            closePair(pair);
        });
        connect(upstream, &QTcpSocket::disconnected, pair, [this, pair] {
            relay(pair->upstream, pair->client);
            closePair(pair);
        });
        upstream->connectToHost(QHostAddress::LocalHost, m_backends.at(index));
    }
}
