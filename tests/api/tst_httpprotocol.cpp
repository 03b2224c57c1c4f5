// HTTP/1.1 as clients use it, over real loopback sockets: HEAD, answers to
// pipelined requests in order, and the headers of a WebSocket handshake.
#include "api/httpserver.h"
#include "support/httptestclient.h"

#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace teehee;

class TstHttpProtocol : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void headAnswersLikeGetWithoutABody()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        s.server().router().get(QStringLiteral("/test/stream"), [](const ApiRequest &, Responder res) {
            if (res.beginStream(200, {}))
                res.writeChunk("data: one\n\n");
            res.endStream();
        });
        const QByteArray getBody = s.client().get(QStringLiteral("/health")).body;
        QVERIFY(!getBody.isEmpty());

        QTcpSocket c;
        c.connectToHost(QHostAddress::LocalHost, s.port());
        QVERIFY(c.waitForConnected(2000));
        auto answerTo = [&c](const QByteArray &request) {
            c.write(request);
            QByteArray got;
            // A HEAD answer ends with its headers: whatever follows within the wait is a body too many.
            QTest::qWaitFor([&] { got += c.readAll(); return false; }, 300);
            return got;
        };
        const QByteArray head = answerTo("HEAD /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY2(head.startsWith("HTTP/1.1 200 "), head.constData());
        QVERIFY2(head.endsWith("\r\n\r\n"), head.constData()); // nothing after the headers
        QVERIFY2(head.contains("Content-Length: " + QByteArray::number(getBody.size()) + "\r\n"), head.constData());

        const QByteArray streamed = answerTo("HEAD /test/stream HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY2(streamed.startsWith("HTTP/1.1 200 "), streamed.constData());
        QVERIFY2(streamed.contains("Content-Type: text/event-stream"), streamed.constData());
        QVERIFY2(streamed.endsWith("\r\n\r\n"), streamed.constData()); // not even the last chunk

        // The connection goes on: the next answer is whole and in place.
        const QByteArray next = answerTo("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY2(next.startsWith("HTTP/1.1 200 ") && next.endsWith(getBody), next.constData());

        const QByteArray postOnly = answerTo("HEAD /auth/signin HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY2(postOnly.startsWith("HTTP/1.1 405 ") && postOnly.endsWith("\r\n\r\n"), postOnly.constData());
        QVERIFY(s.client().del(QStringLiteral("/health")).header("allow").contains("HEAD"));
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        s.server().router().get(QStringLiteral("/test/slow"), [](const ApiRequest &, Responder res) {
            QTimer::singleShot(150, [res]() mutable { res.send(jsonResponse(QJsonObject{{QStringLiteral("n"), 1}})); });
        });
        s.server().router().get(QStringLiteral("/test/fast"), [](const ApiRequest &, Responder res) {
            res.send(jsonResponse(QJsonObject{{QStringLiteral("n"), 2}}));
        });
        s.server().router().get(QStringLiteral("/test/stream"), [](const ApiRequest &, Responder res) {
            res.beginStream(200, {});
            res.writeChunk("data: three\n\n");
            QTimer::singleShot(200, [res]() mutable { res.endStream(); });
        });
        QTcpSocket c;
        c.connectToHost(QHostAddress::LocalHost, s.port());
        QVERIFY(c.waitForConnected(2000));
        // All three in one write: the later answers are ready long before the first.
        c.write("GET /test/slow HTTP/1.1\r\nHost: x\r\n\r\n"
                "GET /test/fast HTTP/1.1\r\nHost: x\r\n\r\n"
                "GET /test/stream HTTP/1.1\r\nHost: x\r\n\r\n"
                "GET /test/fast HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QByteArray got;
        QVERIFY(QTest::qWaitFor([&] { got += c.readAll(); return c.state() == QAbstractSocket::UnconnectedState; }, 5000));
        got += c.readAll();
        const qsizetype first = got.indexOf("{\"n\":1}");
        const qsizetype second = got.indexOf("{\"n\":2}");
        const qsizetype third = got.indexOf("data: three");
        const qsizetype fourth = got.indexOf("{\"n\":2}", second + 1);
        QVERIFY2(first >= 0 && first < second && second < third && third < fourth, got.constData());
        QCOMPARE(got.count("HTTP/1.1 200 "), 4);
        QVERIFY(got.indexOf("0\r\n\r\n", third) < got.lastIndexOf("HTTP/1.1 200 ")); // the stream ended before the last answer
    }

    void webSocketHandshakesCarryCorsForAllowedOrigins()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        auto handshake = [&s](const QByteArray &origin) {
            QTcpSocket c;
            c.connectToHost(QHostAddress::LocalHost, s.port());
            if (!c.waitForConnected(2000))
                return QByteArray("no connection");
            c.write("GET /stream/6f1c2a4e-1d2b-4c3d-8e9f-0a1b2c3d4e5f?token=not-a-token HTTP/1.1\r\nHost: x\r\n"
                    "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: " + origin + "\r\n\r\n");
            QByteArray got;
            QTest::qWaitFor([&] { got += c.readAll(); return got.contains("\r\n\r\n"); }, 3000);
            return got.left(got.indexOf("\r\n\r\n") + 4);
        };
        const QByteArray allowed = handshake("http://localhost:3000");
        QVERIFY2(allowed.startsWith("HTTP/1.1 101 "), allowed.constData());
        QVERIFY2(allowed.contains("\r\nAccess-Control-Allow-Origin: http://localhost:3000\r\n"), allowed.constData());
        QCOMPARE(allowed.count("Access-Control-Allow-Origin"), 1);
        QVERIFY2(allowed.contains("\r\nAccess-Control-Allow-Credentials: true\r\n"), allowed.constData()); // as on every answer
        QVERIFY2(!allowed.contains("Credentials: false"), allowed.constData());
        QVERIFY2(allowed.contains("\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"), allowed.constData());
        const QByteArray other = handshake("http://elsewhere.example");
        QVERIFY2(other.startsWith("HTTP/1.1 101 "), other.constData());
        QVERIFY2(!other.contains("Access-Control-"), other.constData()); // Qt echoes any origin; not here
    }
};

QTEST_GUILESS_MAIN(TstHttpProtocol)
#include "tst_httpprotocol.moc"
