// HttpStreamRequest against a real loopback TCP server that writes exactly
// the bytes a test scripts: framings, splits at every byte, malformed chunks,
// resets, short reads, timeouts, cancellation and TLS against a plain server.
#include "providers/httpstreamrequest.h"
#include "support/opensockets.h"
#include "support/refusingport.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace teehee;
using Failure = HttpStreamRequest::Failure;

namespace {

// One scripted answer per connection: bytes written `delayMs` apart, then an ending.
struct Script {
    enum class Ending { Close, Reset, Hang };
    QList<QPair<int, QByteArray>> writes;
    Ending ending = Ending::Close;
    bool answerBeforeRequest = false; // reply to the first bytes, whatever they are (TLS ClientHello)

    Script &write(const QByteArray &bytes, int delayMs = 0)
    {
        writes.append({delayMs, bytes});
        return *this;
    }
    Script &writeEachByte(const QByteArray &bytes, int delayMs = 1)
    {
        for (char c : bytes)
            writes.append({delayMs, QByteArray(1, c)});
        return *this;
    }
};

class RawServer : public QObject {
public:
    Script script;
    QByteArray request;      // the whole request as received
    int disconnects = 0;     // the client closed the connection
    QElapsedTimer sinceDisconnect;

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &scheme = QStringLiteral("http")) const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2/v1/chat/completions?x=1").arg(scheme).arg(m_server.serverPort()));
    }

    RawServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *s = m_server.nextPendingConnection();
            connect(s, &QTcpSocket::disconnected, this, [this, s] {
                ++disconnects;
                sinceDisconnect.start();
                s->deleteLater();
            });
            connect(s, &QTcpSocket::readyRead, this, [this, s] {
                request += s->readAll();
                if (s->property("answered").toBool())
                    return;
                const qsizetype end = request.indexOf("\r\n\r\n");
                if (!script.answerBeforeRequest) {
                    if (end < 0)
                        return;
                    const qsizetype at = request.toLower().indexOf("content-length: ");
                    const int length = request.mid(at + 16, request.indexOf('\r', at) - at - 16).toInt();
                    if (request.size() < end + 4 + length)
                        return;
                }
                s->setProperty("answered", true);
                play(s, 0);
            });
        });
    }

private:
    void play(QPointer<QTcpSocket> s, int step)
    {
        if (!s)
            return;
        if (step == script.writes.size()) {
            finish(s);
            return;
        }
        QTimer::singleShot(script.writes[step].first, this, [this, s, step] {
            if (!s)
                return;
            s->write(script.writes[step].second);
            s->flush();
            play(s, step + 1);
        });
    }
    void finish(QTcpSocket *s)
    {
        switch (script.ending) {
        case Script::Ending::Hang:
            return;
        case Script::Ending::Reset:
#ifdef Q_OS_UNIX
        {
            // SO_LINGER 0: close() sends RST instead of FIN.
            struct linger l = {1, 0};
            ::setsockopt(int(s->socketDescriptor()), SOL_SOCKET, SO_LINGER, &l, sizeof l);
        }
#endif
            s->abort();
            return;
        case Script::Ending::Close:
            s->disconnectFromHost();
            return;
        }
    }
    QTcpServer m_server;
};

struct Outcome {
    int headerCalls = 0;
    int finishedCalls = 0;
    QByteArray body;
};

std::unique_ptr<HttpStreamRequest> makeRequest(const QUrl &url, Outcome &out, HttpStreamTimeouts t = {2000, 3000, 3000})
{
    RawHeaders headers{{"Authorization", "Bearer sk-test"}, {"Content-Type", "application/json"}};
    auto r = std::make_unique<HttpStreamRequest>(url, headers, QByteArray("{\"model\":\"m\"}"), t);
    QObject::connect(r.get(), &HttpStreamRequest::headersReceived, [&out] { ++out.headerCalls; });
    QObject::connect(r.get(), &HttpStreamRequest::bodyReceived, [&out](QByteArrayView b) { out.body.append(b); });
    QObject::connect(r.get(), &HttpStreamRequest::finished, [&out] { ++out.finishedCalls; });
    return r;
}

QByteArray chunked(const QByteArray &body, int chunkSize)
{
    QByteArray out = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (qsizetype i = 0; i < body.size(); i += chunkSize) {
        const QByteArray piece = body.mid(i, chunkSize);
        out += QByteArray::number(piece.size(), 16) + ";ext=1\r\n" + piece + "\r\n";
    }
    return out + "0\r\nX-Done: 1\r\n\r\n";
}

const QByteArray kSse = "data: {\"choices\":[{\"delta\":{\"content\":\"h\xc3\xa9llo\"}}]}\n\ndata: [DONE]\n\n";

} // namespace

class TestHttpStreamRequest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void postsTheRequestAndStreamsAChunkedBody()
    {
        RawServer server;
        QVERIFY(server.listen());
        server.script.write(chunked(kSse, 7).left(90)).write(chunked(kSse, 7).mid(90), 30);
        Outcome out;
        auto r = makeRequest(server.url(), out);
        r->start();
        QTRY_COMPARE(out.finishedCalls, 1);
        QCOMPARE(r->failure(), Failure::None);
        QCOMPARE(out.body, kSse);
        QCOMPARE(out.headerCalls, 1);
        QCOMPARE(r->response().status(), 200);
        QVERIFY(server.request.startsWith("POST /v1/chat/completions?x=1 HTTP/1.1\r\n"));
        QVERIFY(server.request.contains(QByteArray("\r\nHost: 127.0.0.1:") + QByteArray::number(server.url().port()) + "\r\n"));
        QVERIFY(server.request.contains("\r\nAuthorization: Bearer sk-test\r\n"));
        QVERIFY(server.request.contains("\r\nContent-Length: 13\r\n"));
        QVERIFY(server.request.contains("\r\nAccept-Encoding: identity\r\n"));
        QVERIFY(server.request.endsWith("\r\n\r\n{\"model\":\"m\"}"));
        QTest::qWait(20);
        QCOMPARE(out.finishedCalls, 1);
    }

    void oneByteChunksWrittenOneByteAtATime()
    {
        RawServer server;
        QVERIFY(server.listen());
        server.script.writeEachByte(chunked(kSse, 1), 0);
        Outcome out;
        auto r = makeRequest(server.url(), out);
        r->start();
        QTRY_COMPARE_WITH_TIMEOUT(out.finishedCalls, 1, 10000);
        QCOMPARE(r->failure(), Failure::None);
        QCOMPARE(out.body, kSse);
    }

    void everySplitPointOfOneResponse()
    {
        const QByteArray wire = chunked(kSse, 16);
        for (qsizetype cut = 1; cut < wire.size(); cut += 3) {
            RawServer server;
            QVERIFY(server.listen());
            server.script.write(wire.left(cut)).write(wire.mid(cut), 2);
            Outcome out;
            auto r = makeRequest(server.url(), out);
            r->start();
            QTRY_COMPARE(out.finishedCalls, 1);
            QCOMPARE(r->failure(), Failure::None);
            QCOMPARE(out.body, kSse);
        }
    }

    void contentLengthAndCloseDelimitedBodies()
    {
        for (const QByteArray &head : {QByteArray("HTTP/1.1 200 OK\r\nContent-Length: ") + QByteArray::number(kSse.size()) + "\r\n\r\n",
                                       QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n")}) {
            RawServer server;
            QVERIFY(server.listen());
            server.script.write(head).write(kSse.left(10), 20).write(kSse.mid(10), 20);
            Outcome out;
            auto r = makeRequest(server.url(), out);
            r->start();
            QTRY_COMPARE(out.finishedCalls, 1);
            QCOMPARE(r->failure(), Failure::None);
            QCOMPARE(out.body, kSse);
        }
    }

    void malformedChunkSizeIsAClearError()
    {
        RawServer server;
        QVERIFY(server.listen());
        server.script.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\ndata:\r\nnope\r\n").ending = Script::Ending::Hang;
        Outcome out;
        auto r = makeRequest(server.url(), out);
        r->start();
        QTRY_COMPARE(out.finishedCalls, 1);
        QCOMPARE(r->failure(), Failure::Protocol);
        QVERIFY2(r->errorString().contains(QStringLiteral("malformed chunk size \"nope\"")), qPrintable(r->errorString()));
        QCOMPARE(out.body, QByteArray("data:"));
        QTRY_COMPARE(server.disconnects, 1); // the socket was closed, not left to the server
    }

    void connectionResetMidBody()
    {
        RawServer server;
        QVERIFY(server.listen());
        server.script.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\ndata:\r\n").write("3\r\n ab", 20).ending =
            Script::Ending::Reset;
        Outcome out;
        auto r = makeRequest(server.url(), out);
        r->start();
        QTRY_COMPARE(out.finishedCalls, 1);
        QCOMPARE(r->failure(), Failure::Closed);
        QVERIFY(!r->errorString().isEmpty());
        QVERIFY(out.body.startsWith("data:"));
    }

    void contentLengthShortRead()
    {
        RawServer server;
        QVERIFY(server.listen());
        server.script.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabcd");
        Outcome out;
        auto r = makeRequest(server.url(), out);
        r->start();
        QTRY_COMPARE(out.finishedCalls, 1);
        QCOMPARE(r->failure(), Failure::Closed);
        QVERIFY2(r->errorString().contains(QStringLiteral("after 4 of 10 body bytes")), qPrintable(r->errorString()));
    }

    void rateLimitedWithRetryAfter()
    {
        RawServer server;
        QVERIFY(server.listen());
        const QByteArray body = "{\"error\":{\"message\":\"slow down\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}";
        server.script.write("HTTP/1.1 429 Too Many Requests\r\nretry-after: 7\r\nContent-Type: application/json\r\nContent-Length: "
                            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        Outcome out;
        auto r = makeRequest(server.url(), out);
        r->start();
        QTRY_COMPARE(out.finishedCalls, 1);
        QCOMPARE(r->failure(), Failure::None);
        QCOMPARE(r->response().status(), 429);
        QCOMPARE(retryAfterMsFromHeaders(r->response().headers()), 7000);
        QCOMPARE(out.body, body);
    }

    void abortClosesTheConnectionAtOnceAndEndsNothing()
    {
        RawServer server;
        QVERIFY(server.listen());
        server.script.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\ndata:\r\n").ending = Script::Ending::Hang;
        Outcome out;
        auto r = makeRequest(server.url(), out);
        r->start();
        QTRY_COMPARE(out.body, QByteArray("data:"));
        QCOMPARE(openConnectionsTo(server.port()), 1);
        r->abort();
        // Closed by the time abort() returns, not whenever the event loop comes round.
        QCOMPARE(openConnectionsTo(server.port()), 0);
        QTRY_COMPARE(server.disconnects, 1);
        QCOMPARE(out.finishedCalls, 0);
        QVERIFY(!r->isRunning());
    }

    void refusedConnection()
    {
        RefusingPort refusing;
        QVERIFY(refusing.port() != 0);
        const quint16 port = refusing.port();
        Outcome out;
        auto r = makeRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port)), out);
        r->start();
        QTRY_COMPARE(out.finishedCalls, 1);
        QCOMPARE(r->failure(), Failure::Connect);
        QVERIFY2(r->errorString().contains(QStringLiteral("refused"), Qt::CaseInsensitive), qPrintable(r->errorString()));
    }

    void tlsToAPlainServerFailsClearly()
    {
        RawServer server;
        QVERIFY(server.listen());
        server.script.answerBeforeRequest = true;
        server.script.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        Outcome out;
        auto r = makeRequest(server.url(QStringLiteral("https")), out);
        r->start();
        QTRY_COMPARE(out.finishedCalls, 1);
        QCOMPARE(r->failure(), Failure::Tls);
        QVERIFY2(r->errorString().startsWith(QStringLiteral("TLS handshake failed")), qPrintable(r->errorString()));
        QCOMPARE(out.headerCalls, 0);
    }

    void deadlines()
    {
        {
            RawServer server; // accepts, never answers
            QVERIFY(server.listen());
            server.script.ending = Script::Ending::Hang;
            Outcome out;
            auto r = makeRequest(server.url(), out, {2000, 150, 3000});
            r->start();
            QTRY_COMPARE(out.finishedCalls, 1);
            QCOMPARE(r->failure(), Failure::FirstByteTimeout);
        }
        {
            // A token every 100 ms for a while, then silence. The gaps are well
            // under the idle limit, so a busy machine's late timers do not end it early.
            RawServer server;
            QVERIFY(server.listen());
            server.script.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (int i = 0; i < 10; ++i)
                server.script.write("1\r\nx\r\n", 100);
            server.script.ending = Script::Ending::Hang;
            Outcome out;
            auto r = makeRequest(server.url(), out, {2000, 3000, 600});
            r->start();
            QTRY_COMPARE_WITH_TIMEOUT(out.finishedCalls, 1, 10000);
            QCOMPARE(r->failure(), Failure::IdleTimeout);
            // All 10 tokens (1 s in all) came before it: the 600 ms are counted from the last byte.
            QCOMPARE(out.body, QByteArray(10, 'x'));
        }
    }

    void invalidRequestsEndFromTheEventLoop()
    {
        Outcome out;
        auto r = makeRequest(QUrl(QStringLiteral("ftp://example.org/")), out);
        r->start();
        QCOMPARE(out.finishedCalls, 0);
        QTRY_COMPARE(out.finishedCalls, 1);
        QCOMPARE(r->failure(), Failure::InvalidRequest);

        RawServer server;
        QVERIFY(server.listen());
        Outcome out2;
        HttpStreamRequest injected(server.url(), {{"Authorization", "Bearer a\r\nX-Evil: 1"}}, {}, {});
        QObject::connect(&injected, &HttpStreamRequest::finished, [&out2] { ++out2.finishedCalls; });
        injected.start();
        QTRY_COMPARE(out2.finishedCalls, 1);
        QCOMPARE(injected.failure(), Failure::InvalidRequest);
        QVERIFY(server.request.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHttpStreamRequest)
#include "tst_httpstreamrequest.moc"
