#pragma once

// "The cluster" behind one port, as a TCP load balancer shows it: each
// accepted connection is relayed, whole and unchanged, to the next server in
// turn. Asynchronous throughout (signals, no blocking calls), so it runs in the
// test's thread beside the fake provider. Bytes that arrive before the server
// side connects are kept and sent once it does; a side that closes closes the
// other once what it sent has been written.
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

class RoundRobinProxy : public QObject {
public:
    explicit RoundRobinProxy(QObject *parent = nullptr);
    ~RoundRobinProxy() override;

    bool listen(); // 127.0.0.1, a free port
    quint16 port() const { return m_server.serverPort(); }
    // The servers' ports, in the order connections go to them.
    void setBackends(const QList<quint16> &ports) { m_backends = ports; }

    // How many connections each backend got (index as in setBackends), for the log.
    QList<int> relayedCounts() const { return m_counts; }
    int openPairs() const { return m_open; }
    int failedConnects() const { return m_failed; }

private:
    struct Pair;
    void onNewConnection();
    void relay(QTcpSocket *from, QTcpSocket *to);
    void closePair(Pair *pair);

    QTcpServer m_server;
    QList<quint16> m_backends;
    QList<int> m_counts;
    qsizetype m_next = 0;
    int m_open = 0;
    int m_failed = 0;
};
