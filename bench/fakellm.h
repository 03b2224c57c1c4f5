#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTimer>

class QTcpSocket;

// The OpenAI-style provider of bench_stream. Answers every chat completion
// with "N:intervalMs" tokens read from the last user message; each token is
// "<send time in µs> ", stamped just before it is written to the socket.
class FakeLlm : public QObject {
public:
    QTcpServer server;
    FakeLlm();

private:
    void onRead(QTcpSocket *s);
    void pace();

    struct Paced {
        QPointer<QTcpSocket> socket;
        int count;
        int sent;
        qint64 intervalUs;
        qint64 nextUs;
    };
    QList<Paced> m_paced;
    QTimer m_pacer{this}; // a child, so it moves to the provider thread with us
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
