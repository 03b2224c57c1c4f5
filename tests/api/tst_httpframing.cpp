// Framing over real loopback sockets: every form that two HTTP parsers could
// read differently is refused before its body is sent, the limits hold on
// every connection whatever its headers say, and connections are capped per
// client address and in all.
#include "api/httpserver.h"
#include "support/httptestclient.h"

#include <QDir>
#include <QTcpSocket>
#include <QTest>

using namespace teehee;

class TstHttpFraming : public QObject {
    Q_OBJECT
private:
    static HttpLimits quickLimits()
    {
        HttpLimits l;
        l.idleTimeoutMs = 400;
        l.requestTimeoutMs = 600;
        return l;
    }

    // The status the server answers to `head` alone (no body sent), then whether it closed.
    static int statusForHeadAlone(quint16 port, const QByteArray &head, bool *closed = nullptr)
    {
        RawHttpConnection c(port);
        c.send(head);
        const auto r = c.readResponse(5000);
        if (closed)
            *closed = c.waitForClosed(3000);
        return r.status;
    }

private Q_SLOTS:
    void everyRefusedCorpusFormIsRefusedOverTheWire_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        const QDir dir(QStringLiteral(TEEHEE_HTTP_CORPUS_DIR));
        for (const QString &f : dir.entryList({QStringLiteral("refuse-*.http")}, QDir::Files, QDir::Name)) {
            QFile file(dir.filePath(f));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QTest::newRow(qPrintable(f)) << file.readAll() << f.section(u'-', 1, 1).toInt();
        }
    }

    void everyRefusedCorpusFormIsRefusedOverTheWire()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        RawHttpConnection c(s.port());
        c.send(bytes);
        // A smuggled second request may get its own answer first; the refusal ends the connection.
        auto r = c.readResponse(5000);
        while (r.status == 200 || r.status == 404)
            r = c.readResponse(5000);
        QCOMPARE(r.status, status);
        QVERIFY(c.waitForClosed(3000));
    }

    // The review's bypasses: each made the old guard stop counting while Qt read on.
    void bodyLimitHoldsWhateverTheUpgradeHeadersSay_data()
    {
        QTest::addColumn<QByteArray>("extra");
        QTest::newRow("Connection: upgrade") << QByteArray("Connection: upgrade\r\n");
        QTest::newRow("Upgrade: websocket") << QByteArray("Upgrade: websocket\r\n");
        QTest::newRow("both, on a POST") << QByteArray("Connection: Upgrade\r\nUpgrade: websocket\r\n");
    }

    void bodyLimitHoldsWhateverTheUpgradeHeadersSay()
    {
        QFETCH(QByteArray, extra);
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        bool closed = false;
        const int status = statusForHeadAlone(s.port(), "POST /auth/signin HTTP/1.1\r\nHost: x\r\n" + extra
                                                            + "Content-Length: 2147483648\r\n\r\n", &closed);
        QCOMPARE(status, 413);
        QVERIFY(closed);
    }

    void aFakeUpgradeDoesNotSwitchTheTimeoutsOff()
    {
        TestApiServer s([](Config &) {}, quickLimits());
        TEEHEE_REQUIRE_SERVER(s);
        RawHttpConnection c(s.port());
        c.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: upgrade\r\n\r\n");
        QCOMPARE(c.readResponse().status, 200);
        c.send("GET /health HTTP/1.1\r\nHost: x\r\n"); // never finished
        QCOMPARE(c.readResponse(5000).status, 408);
        QVERIFY(c.waitForClosed(2000));
    }

    void aHandshakeOnAnOrdinaryPathIsAnOrdinaryRequest()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        RawHttpConnection c(s.port());
        c.send("GET /health HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QCOMPARE(c.readResponse().status, 200);
        QVERIFY(c.isConnected());
    }

    void anIncompleteHandshakeOnTheSocketPathIsTold426()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        RawHttpConnection c(s.port());
        c.send("GET /stream/6f1c2a4e-1d2b-4c3d-8e9f-0a1b2c3d4e5f HTTP/1.1\r\nHost: x\r\nConnection: upgrade\r\n\r\n");
        QCOMPARE(c.readResponse().status, 426);
    }

    void aHandshakePipelinedBehindARequestIsRefused()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        RawHttpConnection c(s.port());
        c.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
               "GET /stream/6f1c2a4e-1d2b-4c3d-8e9f-0a1b2c3d4e5f?token=t HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
               "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        auto first = c.readResponse();
        auto second = first.status == 200 ? c.readResponse() : first;
        QCOMPARE(second.status, 400);
        QVERIFY(c.waitForClosed(2000));
    }

    void nothingPipelinedAfterAClosingRequestIsAnswered()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        RawHttpConnection c(s.port());
        c.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
               "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(c.readResponse().status, 200);
        QVERIFY(c.waitForClosed(3000));
        QCOMPARE(c.readResponse(300).status, 0);
    }

    void connectionsAreCappedPerAddress()
    {
        HttpLimits limits;
        limits.maxConnectionsPerAddress = 3;
        TestApiServer s([](Config &) {}, limits);
        TEEHEE_REQUIRE_SERVER(s);
        std::vector<std::unique_ptr<RawHttpConnection>> open;
        for (int i = 0; i < 3; ++i) {
            open.push_back(std::make_unique<RawHttpConnection>(s.port()));
            open.back()->send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            QCOMPARE(open.back()->readResponse().status, 200);
        }
        RawHttpConnection fourth(s.port());
        const auto refused = fourth.readResponse();
        QCOMPARE(refused.status, 503);
        QVERIFY(!refused.header("retry-after").isEmpty());
        QVERIFY(fourth.waitForClosed(2000));
        // One gone, room for one more.
        open.pop_back();
        QTRY_COMPARE_WITH_TIMEOUT(s.client().get(QStringLiteral("/health")).status, 200, 5000);
    }

    void aTrustedProxyIsHeldOnlyToTheTotal()
    {
        HttpLimits limits;
        limits.maxConnectionsPerAddress = 2;
        limits.maxConnections = 4;
        limits.sharedAddresses = {QHostAddress::parseSubnet(QStringLiteral("127.0.0.1/32"))};
        TestApiServer s([](Config &) {}, limits);
        TEEHEE_REQUIRE_SERVER(s);
        std::vector<std::unique_ptr<RawHttpConnection>> open;
        for (int i = 0; i < 4; ++i) {
            open.push_back(std::make_unique<RawHttpConnection>(s.port()));
            open.back()->send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            QCOMPARE(open.back()->readResponse().status, 200);
        }
        RawHttpConnection fifth(s.port());
        QCOMPARE(fifth.readResponse().status, 503);
    }

    // The server stops reading a client that does not read its answers
    // (TCP holds the rest), and gives every answer, in order, once it does.
    void aClientThatPipelinesWithoutReadingGetsEveryAnswerLater()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        QTcpSocket c;
        c.connectToHost(QHostAddress::LocalHost, s.port());
        QVERIFY(c.waitForConnected(3000));
        const int count = 3000;
        QByteArray burst;
        for (int i = 0; i < count; ++i)
            burst += "GET /health?n=" + QByteArray::number(i) + " HTTP/1.1\r\nHost: x\r\nX-Request-Id: r" + QByteArray::number(i) + "\r\n\r\n";
        c.write(burst);
        QTest::qWait(500);
        QCOMPARE(s.client().get(QStringLiteral("/health")).status, 200); // others are served meanwhile
        QByteArray got;
        QTRY_VERIFY_WITH_TIMEOUT((got += c.readAll(), got.count("HTTP/1.1 200 ") == count), 30000);
        QVERIFY(got.indexOf("X-Request-Id: r0\r\n") < got.indexOf("X-Request-Id: r1\r\n"));
        QVERIFY(got.indexOf("X-Request-Id: r1\r\n") < got.indexOf("X-Request-Id: r2999\r\n"));
    }
};

QTEST_MAIN(TstHttpFraming)
#include "tst_httpframing.moc"
