#pragma once

// What the cluster tests share: three servers A, B, C on one PostgreSQL
// database (a fresh one per test), their sockets, and slow replies to follow.
#include "chatstreamer.h"
#include "providerreplies.h"
#include "servercluster.h"
#include "wsclient.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <memory>

namespace clustertest {

using namespace genfixture;
using namespace clusterapi;

constexpr int A = 0, B = 1, C = 2;

inline QString newEmail()
{
    return QStringLiteral("%1@example.com").arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
}

// The fake's reply to a question in the 200-stream run: derived from the question, so each is distinct.
inline QStringList piecesFor(const QString &question)
{
    return words(12, question + QStringLiteral("-w"));
}

// The helpers of a test class; each test class has its own slots.
class ClusterTest : public QObject {
protected:
    std::unique_ptr<ServerCluster> c;

    // A fresh cluster of three servers for each test: the tests' init().
    bool startCluster()
    {
        c = std::make_unique<ServerCluster>();
        return c->start(3);
    }
    // The tests' cleanup(): the servers' output when a test failed.
    void stopCluster()
    {
        if (QTest::currentTestFailed() && c)
            qInfo().noquote() << "server output:" << c->outputs();
        c.reset();
    }

    QUrl chatSocket(int server, const QString &chat, const QByteArray &token) const
    {
        return WsClient::url(c->port(server), chat, token);
    }
    QUrl eventsSocket(int server, const QByteArray &token) const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/events?token=%2").arg(c->port(server)).arg(QString::fromLatin1(token)));
    }
    // Polls GET /chats/{chat}/messages on `server` until the message has `status`;
    // the milliseconds it took, -1 when it did not within the time.
    qint64 waitForStatus(int server, const QByteArray &token, const QString &chat, const QString &id,
                         const QString &status, int timeoutMs, QString *last = nullptr)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            const QString now = storedMessage(c->http(server), token, chat, id).value("status").toString();
            if (last)
                *last = now;
            if (now == status)
                return t.elapsed();
            QTest::qWait(100);
        }
        return -1;
    }
    // A user on `server`, a chat, and a slow reply started on `server` over
    // WebSocket, `tokensFirst` of its tokens already through; the reply's id.
    struct Running {
        QByteArray token;
        QString chat;
        QString messageId;
        QStringList pieces;
    };
    Running startSlowReply(int server, WsClient &ws, int pieceCount, int delayMs, int tokensFirst)
    {
        Running r;
        r.pieces = words(pieceCount);
        c->fake.enqueue(reply(QStringLiteral("openai"), r.pieces, delayMs));
        r.token = signUp(c->http(server), newEmail());
        r.chat = createChat(c->http(server), r.token);
        if (r.token.isEmpty() || r.chat.isEmpty() || !ws.open(chatSocket(server, r.chat, r.token)))
            return r;
        ws.send(streamMessage(QStringLiteral("tell me a long story")));
        if (ws.waitFor(QStringLiteral("token"), tokensFirst, 20000))
            r.messageId = ws.last(QStringLiteral("stream_start")).value("message_id").toString();
        return r;
    }

    // POST /stream/{id}/continue, answered when the reply ends.
    HttpTestResponse continueOn(int server, const Running &r) const
    {
        return c->http(server).request("POST", QStringLiteral("/stream/%1/continue").arg(r.messageId),
                                       "{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"}", jsonAuth(r.token),
                                       60000);
    }
};

} // namespace clustertest
