// The request parser as the only authority on framing: every smuggling form
// of the corpus (tests/api/http-corpus) is refused before a byte of its body
// is taken, ordinary requests come out whole, and any split of the bytes
// gives the same result as the bytes in one piece.
#include "httpparsetrace.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTest>

using namespace teehee;
using teehee::testing::piecesOf;
using teehee::testing::traceOf;

class TestHttpRequestParser : public QObject {
    Q_OBJECT

    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static HttpRequestParser::Step feedAll(HttpRequestParser &p, QByteArrayView bytes)
    {
        qsizetype used = 0;
        return p.feed(bytes, used);
    }

private Q_SLOTS:
    void corpus_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(TEEHEE_HTTP_CORPUS_DIR));
        const QStringList files = dir.entryList({QStringLiteral("*.http")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 50);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }

    // refuse-<status>-*.http: refused with that status, and no request of it
    // reaches a head (so no body was read for it); refuse-<status>-chunked-*:
    // refused in the chunked framing, after its head; accept-<n>-*.http: n
    // requests, each complete.
    void corpus()
    {
        QFETCH(QString, path);
        const QByteArray bytes = read(path);
        QVERIFY(!bytes.isEmpty());
        const HttpParserLimits limits;
        const QByteArrayList trace = traceOf({bytes}, limits);
        const QStringList name = QFileInfo(path).fileName().split(u'-');
        const int heads = int(std::count_if(trace.begin(), trace.end(), [](const QByteArray &e) { return e.startsWith("head "); }));
        const int bodies = int(std::count_if(trace.begin(), trace.end(), [](const QByteArray &e) { return e.startsWith("body "); }));
        if (name[0] == u"refuse") {
            QVERIFY2(!trace.isEmpty() && trace.last() == "fail " + name[1].toLatin1(), trace.join('\n').constData());
            const bool inChunks = name.value(2) == u"chunked";
            QCOMPARE(heads, bodies + (inChunks ? 1 : 0)); // else the refused request never got as far as its head
        } else {
            QCOMPARE(name[0], QStringLiteral("accept"));
            QVERIFY2(trace.isEmpty() || !trace.last().startsWith("fail"), trace.join('\n').constData());
            QCOMPARE(heads, name[1].toInt());
            QCOMPARE(bodies, heads);
        }
        // The same outcome whatever the pieces.
        for (unsigned k = 0; k < 256; ++k)
            QCOMPARE(traceOf(piecesOf(bytes, k), limits), trace);
    }

    void aChunkedBodyIsDecodedAndTrailersDropped()
    {
        HttpRequestParser p;
        const QByteArray bytes = "POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                                 "5\r\nhello\r\n1;x=y\r\n \r\n5\r\nworld\r\n0\r\nT: 1\r\n\r\n";
        const QByteArrayList trace = traceOf({bytes}, {});
        QCOMPARE(trace.size(), 2);
        QVERIFY(trace[0].contains("chunked"));
        QCOMPARE(trace[1], "body 11 " + QByteArray("hello world").toHex());
        QVERIFY(p.isIdle());
    }

    void aBodyOverTheLimitIsRefusedFromItsHeaderAlone()
    {
        HttpRequestParser p({1024, 100, 100});
        QCOMPARE(feedAll(p, "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 101\r\n\r\n"), HttpRequestParser::Step::Failed);
        QCOMPARE(p.error().status, 413);

        // Chunked: refused at the chunk that would pass the limit, before its data.
        const QByteArrayList trace = traceOf({"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                                              "40\r\n" + QByteArray(64, 'a') + "\r\n40\r\n"},
                                             {1024, 100, 100});
        QCOMPARE(trace.last(), QByteArray("fail 413"));
    }

    void aRouteWithALimitOfItsOwnTakesLargerBodiesThereOnly()
    {
        const HttpParserLimits limits{1024, 100, 100, {HttpRouteBodyLimit{"POST", "/import", 300}}};
        const QByteArray chunked = "Transfer-Encoding: chunked\r\n\r\n80\r\n" + QByteArray(128, 'a') + "\r\n80\r\n"
                                   + QByteArray(128, 'b') + "\r\n0\r\n\r\n";
        // The import's own limit, whatever the query or a trailing slash; chunked or not.
        for (const QByteArray target : {QByteArray("/import"), QByteArray("/import/"), QByteArray("/import?x=1")}) {
            QCOMPARE(traceOf({"POST " + target + " HTTP/1.1\r\nHost: h\r\n" + chunked}, limits).last(),
                     QByteArray("body 256 " + (QByteArray(128, 'a') + QByteArray(128, 'b')).toHex()));
            HttpRequestParser p(limits);
            QCOMPARE(feedAll(p, "POST " + target + " HTTP/1.1\r\nHost: h\r\nContent-Length: 301\r\n\r\n"),
                     HttpRequestParser::Step::Failed);
            QCOMPARE(p.error().status, 413);
        }
        // The general limit for another path or method.
        QCOMPARE(traceOf({"POST /chats HTTP/1.1\r\nHost: h\r\n" + chunked}, limits).last(), QByteArray("fail 413"));
        QCOMPARE(traceOf({"PUT /import HTTP/1.1\r\nHost: h\r\n" + chunked}, limits).last(), QByteArray("fail 413"));
        QCOMPARE(traceOf({"POST /importer HTTP/1.1\r\nHost: h\r\n" + chunked}, limits).last(), QByteArray("fail 413"));
    }

    void headersOverTheLimitAre431WithoutWaitingForTheirEnd()
    {
        HttpRequestParser p({64, 1024, 100});
        qsizetype used = 0;
        const QByteArray head = "GET / HTTP/1.1\r\nHost: h\r\nX-Long: " + QByteArray(200, 'a');
        QCOMPARE(p.feed(head, used), HttpRequestParser::Step::Failed);
        QCOMPARE(p.error().status, 431);
        QVERIFY(used <= 64 + 4); // no more than the limit was taken

        HttpRequestParser many({32 * 1024, 1024, 3});
        QCOMPARE(feedAll(many, "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"), HttpRequestParser::Step::Failed);
        QCOMPARE(many.error().status, 431);
    }

    void theHeadIsReadyBeforeAnyBodyByteIsTaken()
    {
        HttpRequestParser p;
        const QByteArray bytes = "POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\nabc";
        qsizetype used = 0;
        QCOMPARE(p.feed(bytes, used), HttpRequestParser::Step::HeadReady);
        QCOMPARE(used, bytes.size() - 3);
        QVERIFY(p.head().expectContinue);
        QVERIFY(p.inBody() == false);
        qsizetype more = 0;
        QCOMPARE(p.feed(QByteArrayView(bytes).sliced(used), more), HttpRequestParser::Step::MessageReady);
        QCOMPARE(more, 3);
        QCOMPARE(p.takeBody(), QByteArray("abc"));
    }

    void keepAliveFollowsTheVersionAndConnection()
    {
        const auto head = [](const QByteArray &bytes) {
            HttpRequestParser p;
            qsizetype used = 0;
            p.feed(bytes, used);
            return p.head();
        };
        QVERIFY(head("GET / HTTP/1.1\r\nHost: h\r\n\r\n").keepAlive);
        QVERIFY(!head("GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, close\r\n\r\n").keepAlive);
        QVERIFY(!head("GET / HTTP/1.0\r\n\r\n").keepAlive);
        QVERIFY(head("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").keepAlive);
    }

    void onlyACompleteHandshakeIsAWebSocketUpgrade()
    {
        const QByteArray base = "GET /stream/x HTTP/1.1\r\nHost: h\r\nSec-WebSocket-Version: 13\r\n"
                                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
        const auto isUpgrade = [](const QByteArray &bytes) {
            HttpRequestParser p;
            qsizetype used = 0;
            return p.feed(bytes, used) == HttpRequestParser::Step::HeadReady && p.head().isWebSocketHandshake();
        };
        QVERIFY(isUpgrade(base + "Upgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n\r\n"));
        QVERIFY(!isUpgrade(base + "Connection: upgrade\r\n\r\n"));
        QVERIFY(!isUpgrade(base + "Upgrade: websocket\r\n\r\n"));
        QVERIFY(!isUpgrade(base + "Upgrade: websocket\r\nConnection: upgrade\r\nContent-Length: 5\r\n\r\n"));
        QVERIFY(!isUpgrade("POST /stream/x HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: upgrade\r\n"
                           "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"));
        QVERIFY(!isUpgrade("GET /stream/x HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: upgrade\r\n"
                           "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: short\r\n\r\n"));
    }

    // The corpus mutated at random: never a broken promise (traceOf aborts),
    // and every split agrees with the whole. A fixed number of rounds, seeded.
    void mutatedCorpusAgreesWithItselfInPieces()
    {
        const QDir dir(QStringLiteral(TEEHEE_HTTP_CORPUS_DIR));
        QList<QByteArray> seeds;
        for (const QString &f : dir.entryList({QStringLiteral("*.http")}, QDir::Files, QDir::Name))
            seeds << read(dir.filePath(f));
        QRandomGenerator rng(20261206);
        const HttpParserLimits small{96, 64, 8};
        static const char alphabet[] = "\r\n :;,\t\0xaA0f9GETPOSTHTTP/1.1chunkedContent-Length";
        for (int round = 0; round < 20000; ++round) {
            QByteArray bytes = seeds[rng.bounded(seeds.size())];
            for (int m = rng.bounded(1, 6); m > 0; --m) {
                const qsizetype at = rng.bounded(bytes.size() + 1);
                switch (rng.bounded(3)) {
                case 0: bytes.insert(at, alphabet[rng.bounded(int(sizeof alphabet - 1))]); break;
                case 1: if (at < bytes.size()) bytes.remove(at, 1); break;
                default: if (at < bytes.size()) bytes[at] = char(rng.bounded(256)); break;
                }
            }
            const QByteArrayList whole = traceOf({bytes}, small);
            const unsigned k = rng.bounded(256);
            QCOMPARE(traceOf(piecesOf(bytes, k), small), whole);
        }
    }
};

QTEST_APPLESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
