// HttpStreamRequest's connections against a real loopback HTTP/1.1 server that
// keeps them open: a request larger than the socket buffers, connections kept
// between requests (HttpConnectionPool), what is never reused, a server that
// closed an idle connection, and the request sent again when the close met it
// on the way.
#include "providers/httpconnectionpool.h"
#include "providers/httpstreamrequest.h"
#include "providers/rawtcpconnection.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace teehee;
using Failure = HttpStreamRequest::Failure;

namespace {

const QByteArray kSse = "data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n\ndata: [DONE]\n\n";

QByteArray chunkedAnswer(const QByteArray &extraHeaders = {})
{
    return "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n" + extraHeaders + "\r\n"
        + QByteArray::number(kSse.size(), 16) + "\r\n" + kSse + "\r\n0\r\n\r\n";
}

// Answers every whole request on a connection with `answer`, and keeps the
// connection unless the answer says "Connection: close" or has no framing.
class KeepAliveServer : public QObject {
public:
    QByteArray answer = chunkedAnswer();
    int closeWithoutAnswerAt = 0; // the n-th request of all is met by a close instead (0: never)
    int connections = 0;
    int requests = 0;
    QList<QByteArray> heads;
    QList<QByteArray> bodies;

    KeepAliveServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                ++connections;
                m_open.append(s);
                connect(s, &QTcpSocket::readyRead, this, [this, s] { serve(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(m_server.serverPort())); }
    void closeEveryConnection()
    {
        for (const QPointer<QTcpSocket> &s : std::as_const(m_open))
            if (s)
                s->disconnectFromHost();
    }

private:
    void serve(QTcpSocket *s)
    {
        QByteArray &buffer = m_buffers[s];
        buffer += s->readAll();
        while (true) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer.left(end);
            const qsizetype at = head.toLower().indexOf("content-length: ");
            const int length = at < 0 ? 0 : head.mid(at + 16, head.indexOf('\r', at) - at - 16).toInt();
            if (buffer.size() < end + 4 + length)
                return;
            bodies.append(buffer.mid(end + 4, length));
            buffer.remove(0, end + 4 + length);
            heads.append(head);
            if (++requests == closeWithoutAnswerAt) {
                s->abort();
                return;
            }
            s->write(answer);
            if (answer.contains("Connection: close") || !answer.contains("Transfer-Encoding"))
                s->disconnectFromHost();
        }
    }

    QTcpServer m_server;
    QList<QPointer<QTcpSocket>> m_open;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

struct Outcome {
    int finished = 0;
    QByteArray body;
};

std::unique_ptr<HttpStreamRequest> request(const QUrl &url, HttpConnectionPool *pool, Outcome &out)
{
    auto r = std::make_unique<HttpStreamRequest>(url, RawHeaders{{"Content-Type", "application/json"}},
                                                 QByteArray("{\"model\":\"m\"}"), HttpStreamTimeouts{2000, 3000, 3000});
    r->setConnectionPool(pool);
    QObject::connect(r.get(), &HttpStreamRequest::bodyReceived, [&out](QByteArrayView b) { out.body.append(b); });
    QObject::connect(r.get(), &HttpStreamRequest::finished, [&out] { ++out.finished; });
    return r;
}

// One request through `pool`, started and waited for to its end (null when it did not end).
std::unique_ptr<HttpStreamRequest> runToEnd(const QUrl &url, HttpConnectionPool *pool, Outcome &out)
{
    auto r = request(url, pool, out);
    r->start();
    if (!QTest::qWaitFor([&] { return out.finished == 1; }, 5000))
        return nullptr;
    return r;
}

// One request through `pool` that ends with the whole body.
bool completes(const QUrl &url, HttpConnectionPool *pool, bool *reused = nullptr)
{
    Outcome out;
    auto r = runToEnd(url, pool, out);
    if (!r)
        return false;
    if (reused)
        *reused = r->reusedConnection();
    if (r->failure() != Failure::None || out.body != kSse)
        qWarning() << "request ended with" << r->errorString() << out.body;
    return r->failure() == Failure::None && out.body == kSse;
}

} // namespace

class TestHttpConnections : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aRequestLargerThanTheSocketBuffersIsSentWhole()
    {
        // A long conversation's context is megabytes: most of it waits in user
        // space for the kernel to take it.
        KeepAliveServer server;
        QVERIFY(server.listen());
        QByteArray body(6 * 1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < body.size(); ++i)
            body[i] = char('a' + i % 23);
        HttpStreamRequest r(server.url(), {{"Content-Type", "application/json"}}, body, {2000, 10000, 3000});
        Outcome out;
        connect(&r, &HttpStreamRequest::bodyReceived, this, [&out](QByteArrayView b) { out.body.append(b); });
        connect(&r, &HttpStreamRequest::finished, this, [&out] { ++out.finished; });
        r.start();
        QTRY_COMPARE_WITH_TIMEOUT(out.finished, 1, 10000);
        QCOMPARE(r.failure(), Failure::None);
        QCOMPARE(out.body, kSse);
        QCOMPARE(server.requests, 1);
        QCOMPARE(server.bodies.first(), body);
    }

    void requestsInARowShareOneConnection()
    {
        KeepAliveServer server;
        QVERIFY(server.listen());
        HttpConnectionPool pool;
        bool reused = true;
        QVERIFY(completes(server.url(), &pool, &reused));
        QVERIFY(!reused);
        QCOMPARE(pool.idleCount(), 1);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(completes(server.url(), &pool, &reused));
            QVERIFY(reused);
        }
        QCOMPARE(server.connections, 1);
        QCOMPARE(server.requests, 4);
        for (const QByteArray &head : std::as_const(server.heads))
            QVERIFY2(!head.toLower().contains("connection: close"), head.constData());
    }

    void withoutAPoolEveryRequestHasItsOwnConnection()
    {
        KeepAliveServer server;
        QVERIFY(server.listen());
        QVERIFY(completes(server.url(), nullptr));
        QVERIFY(completes(server.url(), nullptr));
        QCOMPARE(server.connections, 2);
        QVERIFY(server.heads.first().contains("\r\nConnection: close"));
    }

    void aConnectionTheResponseClosesIsNotKept_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::newRow("Connection: close") << chunkedAnswer("Connection: close\r\n");
        QTest::newRow("HTTP/1.0") << chunkedAnswer().replace("HTTP/1.1", "HTTP/1.0");
        QTest::newRow("body until close") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n") + kSse;
    }
    void aConnectionTheResponseClosesIsNotKept()
    {
        QFETCH(QByteArray, answer);
        KeepAliveServer server;
        server.answer = answer;
        QVERIFY(server.listen());
        HttpConnectionPool pool;
        Outcome out;
        QVERIFY(runToEnd(server.url(), &pool, out));
        QCOMPARE(pool.idleCount(), 0);
    }

    void anAbortedRequestsConnectionIsNotKept()
    {
        KeepAliveServer server;
        server.answer = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\ndata:\r\n"; // and then nothing
        QVERIFY(server.listen());
        HttpConnectionPool pool;
        Outcome out;
        auto r = request(server.url(), &pool, out);
        r->start();
        QTRY_COMPARE(out.body, QByteArray("data:"));
        r->abort();
        QCOMPARE(pool.idleCount(), 0);
    }

    void aConnectionTheServerClosedWhileIdleIsNotUsed()
    {
        KeepAliveServer server;
        QVERIFY(server.listen());
        HttpConnectionPool pool;
        QVERIFY(completes(server.url(), &pool));
        QCOMPARE(pool.idleCount(), 1);
        server.closeEveryConnection();
        QTest::qWait(50); // the close reaches the parked connection
        bool reused = true;
        QVERIFY(completes(server.url(), &pool, &reused));
        QVERIFY(!reused);
        QCOMPARE(server.connections, 2);
    }

    void aRequestMetByTheClosingOfAKeptConnectionIsSentAgainOnce()
    {
        KeepAliveServer server;
        server.closeWithoutAnswerAt = 2; // the server drops the kept connection as the second request arrives
        QVERIFY(server.listen());
        HttpConnectionPool pool;
        QVERIFY(completes(server.url(), &pool));
        Outcome out;
        auto r = runToEnd(server.url(), &pool, out);
        QVERIFY(r);
        QCOMPARE(r->failure(), Failure::None);
        QCOMPARE(out.body, kSse); // nothing twice, nothing lost
        QCOMPARE(server.connections, 2);
        QCOMPARE(server.requests, 3);
    }

    void aFreshConnectionThatFailsIsNotSentAgain()
    {
        KeepAliveServer server;
        server.closeWithoutAnswerAt = 1;
        QVERIFY(server.listen());
        HttpConnectionPool pool;
        Outcome out;
        auto r = runToEnd(server.url(), &pool, out);
        QVERIFY(r);
        QCOMPARE(r->failure(), Failure::Closed);
        QCOMPARE(server.requests, 1);
    }

    void thePoolHandsOutTheNewestLiveConnectionAndKeepsAFewPerOrigin()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> peers;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = server.nextPendingConnection())
                peers.append(s);
        });
        struct Nobody : RawTcpConnection::Receiver {
            void received(QByteArrayView) override {}
            void closed(const QString &) override {}
        } nobody;
        auto connectOne = [&]() -> RawTcpConnection * {
            QTcpSocket client;
            client.connectToHost(QHostAddress::LocalHost, server.serverPort());
            if (!client.waitForConnected(2000))
                return nullptr;
            QString error;
            return RawTcpConnection::adopt(client.socketDescriptor(), nobody, &error);
        };
        HttpConnectionPool pool;
        const QString origin = QStringLiteral("http://127.0.0.1:1");
        QList<RawTcpConnection *> kept;
        for (int i = 0; i < HttpConnectionPool::kMaxIdlePerOrigin + 2; ++i) {
            RawTcpConnection *c = connectOne();
            QVERIFY(c);
            kept.append(c);
            pool.keep(origin, {c, nullptr});
        }
        QCOMPARE(pool.idleCount(), HttpConnectionPool::kMaxIdlePerOrigin);
        QTRY_COMPARE(peers.size(), HttpConnectionPool::kMaxIdlePerOrigin + 2);

        // The newest kept one first; one its server closed is passed over.
        peers[HttpConnectionPool::kMaxIdlePerOrigin - 1]->disconnectFromHost();
        QTest::qWait(50);
        HttpConnectionPool::Connection got = pool.take(origin);
        QCOMPARE(got.plain, kept[HttpConnectionPool::kMaxIdlePerOrigin - 2]);
        QCOMPARE(pool.idleCount(), HttpConnectionPool::kMaxIdlePerOrigin - 2);
        QVERIFY(!pool.take(QStringLiteral("http://127.0.0.1:2")));
        delete got.plain;
    }
};

QTEST_GUILESS_MAIN(TestHttpConnections)
#include "tst_httpconnections.moc"
