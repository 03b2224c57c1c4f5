// The HTTP layer over real loopback sockets: limits, timeouts, connection
// handling, 404/405, CORS, trailing slashes, UUID paths, deferred answers.
#include "api/httpserver.h"
#include "support/httptestclient.h"

#include <QTest>
#include <QTimer>

using namespace teehee;

class TstHttpHardening : public QObject {
    Q_OBJECT
private:
    static HttpLimits quickLimits()
    {
        HttpLimits l;
        l.idleTimeoutMs = 400;
        l.requestTimeoutMs = 600;
        return l;
    }

private Q_SLOTS:
    void bodyOverTheLimitIsRefusedWith413BeforeTheBodyIsSent()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        RawHttpConnection c(s.port());
        c.send("POST /auth/signin HTTP/1.1\r\nHost: x\r\nOrigin: http://localhost:3000\r\n"
               "Content-Type: application/json\r\nContent-Length: 5000000\r\n\r\n");
        const auto r = c.readResponse(3000);
        QCOMPARE(r.status, 413);
        QVERIFY(!r.detail().isEmpty());
        QCOMPARE(r.header("access-control-allow-origin"), QByteArray("http://localhost:3000"));
        QVERIFY(c.waitForClosed(2000));
    }

    void bodyUnderTheLimitIsAccepted()
    {
        TestApiServer s([](Config &) {}, HttpLimits{2048});
        TEEHEE_REQUIRE_SERVER(s);
        const QByteArray body = "{\"email\":\"a@b.co\",\"password\":\"" + QByteArray(1500, 'x') + "\"}";
        const auto r = s.client().request("POST", QStringLiteral("/auth/signin"), body);
        QCOMPARE(r.status, 401);
        const auto big = s.client().request("POST", QStringLiteral("/auth/signin"), QByteArray(3000, ' '));
        QCOMPARE(big.status, 413);
    }

    void chunkedBodyOverTheLimitIsRefusedWith413()
    {
        TestApiServer s([](Config &) {}, HttpLimits{1024});
        TEEHEE_REQUIRE_SERVER(s);
        RawHttpConnection c(s.port());
        c.send("POST /auth/signin HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk = QByteArray::number(40000, 16) + "\r\n" + QByteArray(40000, 'a') + "\r\n";
        for (int i = 0; i < 40 && c.isConnected(); ++i) {
            c.send(chunk);
            QTest::qWait(2);
        }
        const auto r = c.readResponse(3000);
        QCOMPARE(r.status, 413);
    }

    void oversizedHeaderBlockIsRefusedWith431()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        RawHttpConnection c(s.port());
        c.send("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(40 * 1024, 'a'));
        const auto r = c.readResponse(3000);
        QCOMPARE(r.status, 431);
        QVERIFY(c.waitForClosed(2000));
    }

    void idleKeepAliveConnectionIsClosed()
    {
        TestApiServer s([](Config &) {}, quickLimits());
        TEEHEE_REQUIRE_SERVER(s);
        RawHttpConnection c(s.port());
        c.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(c.readResponse().status, 200);
        QVERIFY(c.isConnected());
        QVERIFY(c.waitForClosed(3000));
    }

    void silentConnectionIsClosed()
    {
        TestApiServer s([](Config &) {}, quickLimits());
        TEEHEE_REQUIRE_SERVER(s);
        RawHttpConnection c(s.port());
        QVERIFY(c.waitForClosed(3000));
    }

    void slowRequestIsAnswered408AndClosed()
    {
        TestApiServer s([](Config &) {}, quickLimits());
        TEEHEE_REQUIRE_SERVER(s);
        RawHttpConnection c(s.port());
        c.send("GET /health HTTP/1.1\r\nHost: x\r\n");
        const auto r = c.readResponse(3000);
        QCOMPARE(r.status, 408);
        QVERIFY(c.waitForClosed(2000));
    }

    void keepAliveServesSeveralRequestsOnOneConnection()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        RawHttpConnection c(s.port());
        for (int i = 0; i < 3; ++i) {
            c.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            const auto r = c.readResponse();
            QCOMPARE(r.status, 200);
            QVERIFY(r.header("connection").isEmpty());
        }
        QVERIFY(c.isConnected());
    }

    void connectionCloseIsHonoured()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        RawHttpConnection c(s.port());
        c.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        const auto r = c.readResponse();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("connection").toLower(), QByteArray("close"));
        QVERIFY(c.waitForClosed(1000));
    }

    void http10ConnectionIsClosedAfterTheAnswer()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        RawHttpConnection c(s.port());
        c.send("GET /health HTTP/1.0\r\n\r\n");
        const auto r = c.readResponse();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("status")).toString(), QStringLiteral("healthy"));
        QVERIFY(c.waitForClosed(1000));
    }

    void expectContinueIsAnsweredAtOnce()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        RawHttpConnection c(s.port());
        const QByteArray body = R"({"email":"nobody@example.com","password":"wrong-password"})";
        c.send("POST /auth/signin HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
               "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n");
        const auto interim = c.readResponse(500);
        QVERIFY(interim.sawContinue);
        QCOMPARE(interim.status, 0);
        c.send(body);
        QCOMPARE(c.readResponse().status, 401);
    }

    void unknownPathAnswers404Json()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const auto r = s.client().get(QStringLiteral("/no/such/thing"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QCOMPARE(r.detail(), QStringLiteral("Not Found"));
    }

    void wrongMethodAnswers405JsonWithAllow()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const auto r = s.client().del(QStringLiteral("/health"));
        QCOMPARE(r.status, 405);
        QVERIFY(r.header("allow").contains("GET"));
        QVERIFY(!r.detail().isEmpty());
        const auto keys = s.client().request("PUT", QStringLiteral("/user/keys/"));
        QCOMPARE(keys.status, 405);
        QVERIFY(keys.header("allow").contains("POST"));
    }

    void corsHeadersAreOnErrorsAndAnswersForAllowedOriginsOnly()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const QList<QPair<QByteArray, QByteArray>> allowed{{"Origin", "http://localhost:3000"}};
        QCOMPARE(s.client().request("GET", QStringLiteral("/nope"), {}, allowed).header("access-control-allow-origin"),
                 QByteArray("http://localhost:3000"));
        const auto unauth = s.client().request("GET", QStringLiteral("/user/keys"), {}, allowed);
        QCOMPARE(unauth.status, 401);
        QCOMPARE(unauth.header("access-control-allow-origin"), QByteArray("http://localhost:3000"));
        const auto other = s.client().request("GET", QStringLiteral("/health"), {}, {{"Origin", "http://evil.example"}});
        QCOMPARE(other.status, 200);
        QVERIFY(other.header("access-control-allow-origin").isEmpty());
    }

    void preflightIsAnsweredForKnownPaths()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const auto r = s.client().request("OPTIONS", QStringLiteral("/user/keys/"), {},
                                          {{"Origin", "http://localhost:8080"}, {"Access-Control-Request-Method", "POST"},
                                           {"Access-Control-Request-Headers", "authorization, content-type"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("access-control-allow-origin"), QByteArray("http://localhost:8080"));
        QVERIFY(r.header("access-control-allow-methods").contains("DELETE"));
        QVERIFY(r.header("access-control-allow-headers").contains("Authorization"));
        QVERIFY(r.header("access-control-allow-headers").contains("Content-Type"));
        QCOMPARE(s.client().request("OPTIONS", QStringLiteral("/nope")).status, 404);
    }

    void collectionPathsWorkWithAndWithoutTrailingSlash()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        QCOMPARE(s.client().get(QStringLiteral("/health/")).status, 200);
        QCOMPARE(s.client().get(QStringLiteral("/user/keys")).status, 401);
        QCOMPARE(s.client().get(QStringLiteral("/user/keys/")).status, 401);
        QCOMPARE(s.client().get(QStringLiteral("/models/")).status, 200);
    }

    void uuidPathParameterRejectsAnythingElseWith404()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        QCOMPARE(s.client().del(QStringLiteral("/user/keys/not-a-uuid")).status, 404);
        QCOMPARE(s.client().del(QStringLiteral("/user/keys/123")).status, 404);
        QCOMPARE(s.client().del(QStringLiteral("/user/keys/%27%3B--")).status, 404);
        QCOMPARE(s.client().del(QStringLiteral("/user/keys/0F8FAD5B-D9CB-469F-A165-70867728950E")).status, 401);
    }

    void requestIdIsReturned()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const auto given = s.client().request("GET", QStringLiteral("/health"), {}, {{"X-Request-Id", "abc-123"}});
        QCOMPARE(given.header("x-request-id"), QByteArray("abc-123"));
        QVERIFY(!s.client().get(QStringLiteral("/health")).header("x-request-id").isEmpty());
    }

    void deferredAnswerAfterTheClientLeftIsDropped()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        int answered = 0;
        s.server().router().get(QStringLiteral("/test/slow"), [&answered](const ApiRequest &, Responder res) {
            QTimer::singleShot(150, [res, &answered]() mutable {
                ++answered;
                res.send(jsonResponse(QJsonObject{{QStringLiteral("late"), true}}));
            });
        });
        {
            RawHttpConnection c(s.port());
            c.send("GET /test/slow HTTP/1.1\r\nHost: x\r\n\r\n");
            QTest::qWait(20);
        } // the client aborts before the answer
        QTRY_COMPARE(answered, 1);
        QTest::qWait(50);
        QCOMPARE(s.client().get(QStringLiteral("/health")).status, 200);
        // And a deferred answer still reaches a client that waits.
        QCOMPARE(s.client().get(QStringLiteral("/test/slow")).status, 200);
    }

    void streamStopsWhenTheClientLeaves()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        int writes = 0;
        bool stopped = false, noticed = false;
        QObject context;
        s.server().router().get(QStringLiteral("/test/stream"), [&](const ApiRequest &, Responder res) {
            res.onDisconnected(&context, [&noticed] { noticed = true; });
            res.beginStream(200, {});
            auto *timer = new QTimer(&context);
            QObject::connect(timer, &QTimer::timeout, [res, timer, &writes, &stopped]() mutable {
                if (!res.writeChunk("data: tick\n\n")) {
                    stopped = true;
                    timer->stop();
                    return;
                }
                ++writes;
            });
            timer->start(20);
        });
        {
            RawHttpConnection c(s.port());
            c.send("GET /test/stream HTTP/1.1\r\nHost: x\r\nOrigin: http://localhost:3000\r\n\r\n");
            QTest::qWait(120);
        }
        QTRY_VERIFY(stopped);
        QVERIFY(noticed);
        QVERIFY(writes >= 1);
        QCOMPARE(s.client().get(QStringLiteral("/health")).status, 200);
    }

    void completeStreamIsReadableAndCarriesCors()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        s.server().router().get(QStringLiteral("/test/stream"), [](const ApiRequest &, Responder res) {
            res.beginStream(200, {});
            res.writeChunk("data: one\n\n");
            QTimer::singleShot(30, [res]() mutable {
                res.writeChunk("data: two\n\n");
                res.endStream();
            });
        });
        const auto r = s.client().request("GET", QStringLiteral("/test/stream"), {}, {{"Origin", "http://localhost:3000"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("data: one\n\ndata: two\n\n"));
        QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
        QCOMPARE(r.header("access-control-allow-origin"), QByteArray("http://localhost:3000"));
    }

    void droppedResponderAnswers500()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        s.server().router().get(QStringLiteral("/test/forgot"), [](const ApiRequest &, Responder) {});
        const auto r = s.client().get(QStringLiteral("/test/forgot"));
        QCOMPARE(r.status, 500);
        QCOMPARE(r.detail(), QStringLiteral("Internal server error"));
    }

    void malformedJsonAnswers400()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const auto r = s.client().request("POST", QStringLiteral("/auth/signin"), "{not json",
                                          {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.detail().contains(QStringLiteral("JSON")));
    }
};

QTEST_GUILESS_MAIN(TstHttpHardening)
#include "tst_httphardening.moc"
