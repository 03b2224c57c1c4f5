#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>

#include <queue>
#include <vector>

class QSocketNotifier;
class QTcpSocket;

// The OpenAI-style provider of bench_stream. Answers every chat completion
// with "N:intervalMs" tokens read from the last user message; each token is
// "<send time in µs> ", stamped just before it is written to the socket.
class FakeLlm : public QObject {
public:
    QTcpServer server;
    FakeLlm();

    ~FakeLlm() override;

private:
    void onRead(QTcpSocket *s);
    void pace();
    void setTicking(bool on);

    struct Paced {
        QPointer<QTcpSocket> socket;
        int count;
        int sent;
        qint64 intervalUs;
        qint64 nextUs;
    };
    struct SendsLater {
        bool operator()(const Paced &a, const Paced &b) const { return a.nextUs > b.nextUs; }
    };
    std::priority_queue<Paced, std::vector<Paced>, SendsLater> m_paced; // the next token due on top
    int m_tickFd = -1;                    // a timerfd: Qt's timers count whole milliseconds
    QSocketNotifier *m_tick = nullptr;    // made on the provider thread, at the first paced stream
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
