// HttpResponseParser on its own: every framing, every split point, every way
// a response can be malformed or too large.
#include "providers/httpresponseparser.h"

#include <QRandomGenerator>
#include <QTest>

using namespace teehee;
using Parsed = HttpResponseParser::Result;

namespace {

struct Collect : HttpResponseParser::Sink {
    int headerCalls = 0;
    QByteArray body;
    int stopAfterBodyBytes = -1;
    bool responseHeaders() override
    {
        ++headerCalls;
        return true;
    }
    bool responseBody(QByteArrayView bytes) override
    {
        body.append(bytes);
        return stopAfterBodyBytes < 0 || body.size() < stopAfterBodyBytes;
    }
};

// Feeds `wire` in pieces cut at `cuts`, then EOF when `eof`; returns the last result.
Parsed run(HttpResponseParser &p, Collect &sink, const QByteArray &wire, const QList<qsizetype> &cuts, bool eof)
{
    Parsed r = Parsed::NeedMore;
    qsizetype from = 0;
    QList<qsizetype> ends = cuts;
    ends.append(wire.size());
    for (qsizetype to : ends) {
        r = p.feed(QByteArrayView(wire).sliced(from, to - from), sink);
        from = to;
        if (r != Parsed::NeedMore)
            return r;
    }
    return eof ? p.finishAtEof() : r;
}

const QByteArray kChunked = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "6;name=\"x\"\r\ndata: \r\n"
                            "C \r\n{\"a\":\"h\xc3\xa9\"}\n\r\n"
                            "1\r\n\n\r\n"
                            "0\r\nX-Trailer: yes\r\nServer-Timing: t=1\r\n\r\n";
const QByteArray kChunkedBody = "data: {\"a\":\"h\xc3\xa9\"}\n\n";

// A random response in a random framing, and the body it carries.
QPair<QByteArray, QByteArray> randomResponse(QRandomGenerator &rng)
{
    QByteArray body(rng.bounded(400), Qt::Uninitialized);
    for (char &c : body)
        c = char(rng.bounded(256));
    QByteArray wire = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n";
    switch (rng.bounded(3)) {
    case 0: {
        wire += "Transfer-Encoding: chunked\r\n\r\n";
        for (qsizetype i = 0; i < body.size();) {
            const qsizetype n = qMin<qsizetype>(1 + rng.bounded(40), body.size() - i);
            const QByteArray hex = QByteArray::number(n, 16);
            wire += rng.bounded(2) ? hex.toUpper() : hex;
            if (rng.bounded(4) == 0)
                wire += " ;a=b;c=\"d\"";
            wire += "\r\n" + body.mid(i, n) + "\r\n";
            i += n;
        }
        wire += "0\r\n";
        if (rng.bounded(2))
            wire += "Trailer-A: 1\r\n";
        wire += "\r\n";
        break;
    }
    case 1:
        wire += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        break;
    default:
        wire += "\r\n" + body;
        break;
    }
    return {wire, body};
}

QList<qsizetype> randomCuts(QRandomGenerator &rng, qsizetype size)
{
    QList<qsizetype> cuts;
    for (qsizetype at = 0; at < size;) {
        at += 1 + rng.bounded(30);
        if (at < size)
            cuts.append(at);
    }
    return cuts;
}

} // namespace

class TestHttpResponseParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void chunkedWithExtensionsAndTrailersSplitAtEveryByte()
    {
        for (qsizetype cut = 0; cut <= kChunked.size(); ++cut) {
            HttpResponseParser p;
            Collect sink;
            QCOMPARE(run(p, sink, kChunked, {cut}, false), Parsed::Complete);
            QCOMPARE(sink.body, kChunkedBody);
            QCOMPARE(sink.headerCalls, 1);
            QCOMPARE(p.status(), 200);
            QCOMPARE(p.header("content-type"), QByteArray("text/event-stream"));
            QCOMPARE(p.framing(), HttpResponseParser::Framing::Chunked);
        }
    }

    void chunkedOneByteAtATime()
    {
        QList<qsizetype> cuts;
        for (qsizetype i = 1; i < kChunked.size(); ++i)
            cuts.append(i);
        HttpResponseParser p;
        Collect sink;
        QCOMPARE(run(p, sink, kChunked, cuts, false), Parsed::Complete);
        QCOMPARE(sink.body, kChunkedBody);
    }

    void contentLengthSplitAtEveryByteAndExtraBytesIgnored()
    {
        const QByteArray wire = "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 30\r\nContent-Length: 11\r\n\r\nhello worldEXTRA";
        for (qsizetype cut = 0; cut <= wire.size(); ++cut) {
            HttpResponseParser p;
            Collect sink;
            QCOMPARE(run(p, sink, wire, {cut}, false), Parsed::Complete);
            QCOMPARE(sink.body, QByteArray("hello world"));
            QCOMPARE(p.status(), 429);
            QCOMPARE(p.header("retry-after"), QByteArray("30"));
        }
    }

    void whetherTheConnectionMayCarryTheNextRequest_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<bool>("eof");
        QTest::addColumn<bool>("reusable");
        QTest::newRow("chunked") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n") << false << true;
        QTest::newRow("length") << QByteArray("HTTP/1.1 429 Slow\r\nContent-Length: 2\r\n\r\nok") << false << true;
        QTest::newRow("no body") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << false << true;
        QTest::newRow("keep-alive token") << QByteArray("HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n") << false << true;
        QTest::newRow("close") << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok") << false << false;
        QTest::newRow("close among tokens") << QByteArray("HTTP/1.1 200 OK\r\nConnection: Upgrade, CLOSE\r\nContent-Length: 0\r\n\r\n") << false << false;
        QTest::newRow("HTTP/1.0") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok") << false << false;
        QTest::newRow("until close") << QByteArray("HTTP/1.1 200 OK\r\n\r\nok") << true << false;
        QTest::newRow("bytes after the end") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1") << false << false;
        QTest::newRow("unfinished") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nok") << false << false;
    }
    void whetherTheConnectionMayCarryTheNextRequest()
    {
        QFETCH(QByteArray, wire);
        QFETCH(bool, eof);
        QFETCH(bool, reusable);
        HttpResponseParser p;
        Collect sink;
        run(p, sink, wire, {}, eof);
        QCOMPARE(p.connectionReusable(), reusable);
    }

    void untilCloseEndsAtEof()
    {
        const QByteArray wire = "HTTP/1.0 200 OK\r\n\r\ndata: x\n\n";
        HttpResponseParser p;
        Collect sink;
        QCOMPARE(run(p, sink, wire, {20}, false), Parsed::NeedMore);
        QCOMPARE(p.finishAtEof(), Parsed::Complete);
        QCOMPARE(sink.body, QByteArray("data: x\n\n"));
        QCOMPARE(p.framing(), HttpResponseParser::Framing::UntilClose);
    }

    void interimResponsesAreSkippedAndBareLfIsAccepted()
    {
        const QByteArray wire = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\nContent-Length: 2\n\nok";
        HttpResponseParser p;
        Collect sink;
        QCOMPARE(run(p, sink, wire, {}, false), Parsed::Complete);
        QCOMPARE(p.status(), 200);
        QCOMPARE(sink.body, QByteArray("ok"));
        QCOMPARE(sink.headerCalls, 1);
    }

    void noBodyStatuses()
    {
        HttpResponseParser p;
        Collect sink;
        QCOMPARE(run(p, sink, "HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n", {}, false), Parsed::Complete);
        QVERIFY(sink.body.isEmpty());
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QString>("says");
        const QByteArray head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
        QTest::newRow("chunk size not hex") << head + "zz\r\nab\r\n" << QStringLiteral("malformed chunk size \"zz\"");
        QTest::newRow("chunk size empty") << head + "\r\n" << QStringLiteral("malformed chunk size");
        QTest::newRow("chunk size overflows") << head + "1234567890abcdef0\r\n" << QStringLiteral("malformed chunk size");
        QTest::newRow("chunk longer than size") << head + "2\r\nabc\r\n" << QStringLiteral("longer than its announced size");
        QTest::newRow("not http") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n") << QStringLiteral("not an HTTP/1.x response");
        QTest::newRow("http2 preface") << QByteArray("HTTP/2 200\r\n\r\n") << QStringLiteral("not an HTTP/1.x response");
        QTest::newRow("bad header") << QByteArray("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n") << QStringLiteral("malformed header");
        QTest::newRow("folded header") << QByteArray("HTTP/1.1 200 OK\r\nA: b\r\n  c\r\n\r\n") << QStringLiteral("malformed header");
        QTest::newRow("two lengths") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n")
                                     << QStringLiteral("Content-Length");
        QTest::newRow("negative length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n") << QStringLiteral("Content-Length");
        QTest::newRow("gzip") << QByteArray("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n") << QStringLiteral("compressed");
        QTest::newRow("gzip coding") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")
                                     << QStringLiteral("unsupported Transfer-Encoding");
        QTest::newRow("switching protocols") << QByteArray("HTTP/1.1 101 Switching Protocols\r\n\r\n") << QStringLiteral("switched");
    }
    void malformed()
    {
        QFETCH(QByteArray, wire);
        QFETCH(QString, says);
        for (qsizetype cut = 0; cut <= wire.size(); ++cut) {
            HttpResponseParser p;
            Collect sink;
            QCOMPARE(run(p, sink, wire, {cut}, false), Parsed::Failed);
            QVERIFY2(p.errorString().contains(says), qPrintable(p.errorString()));
        }
    }

    void truncated_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QString>("says");
        QTest::newRow("nothing") << QByteArray() << QStringLiteral("without an answer");
        QTest::newRow("inside headers") << QByteArray("HTTP/1.1 200 OK\r\nContent-Le") << QStringLiteral("inside the response headers");
        QTest::newRow("short content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabcd")
                                              << QStringLiteral("after 4 of 10 body bytes");
        QTest::newRow("inside a chunk") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab")
                                        << QStringLiteral("inside the chunked body");
        QTest::newRow("no last chunk") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n")
                                       << QStringLiteral("inside the chunked body");
    }
    void truncated()
    {
        QFETCH(QByteArray, wire);
        QFETCH(QString, says);
        HttpResponseParser p;
        Collect sink;
        QCOMPARE(run(p, sink, wire, {}, true), Parsed::Failed);
        QVERIFY2(p.errorString().contains(says), qPrintable(p.errorString()));
    }

    void limits()
    {
        HttpResponseParser::Limits limits;
        limits.maxHeaderBytes = 100;
        limits.maxBodyBytes = 8;
        {
            HttpResponseParser p(limits);
            Collect sink;
            QCOMPARE(p.feed("HTTP/1.1 200 OK\r\nX: " + QByteArray(200, 'a'), sink), Parsed::Failed);
            QVERIFY(p.errorString().contains(QStringLiteral("100")));
        }
        {
            HttpResponseParser p(limits);
            Collect sink;
            QByteArray many = "HTTP/1.1 200 OK\r\n";
            for (int i = 0; i < 20; ++i)
                many += "A: b\r\n";
            QCOMPARE(p.feed(many, sink), Parsed::Failed);
            QVERIFY(p.errorString().contains(QStringLiteral("headers are larger")));
        }
        {
            HttpResponseParser p(limits);
            Collect sink;
            QCOMPARE(p.feed("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n", sink), Parsed::Failed);
        }
        {
            HttpResponseParser p(limits);
            Collect sink;
            QCOMPARE(p.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabcde\r\n5\r\n", sink), Parsed::Failed);
            QVERIFY(p.errorString().contains(QStringLiteral("limit")));
        }
        {
            HttpResponseParser p(limits);
            Collect sink;
            QCOMPARE(p.feed("HTTP/1.1 200 OK\r\n\r\n123456789", sink), Parsed::Failed);
        }
    }

    void randomFramingsAndSplits()
    {
        const quint32 seed = QRandomGenerator::global()->generate();
        QRandomGenerator rng(seed);
        for (int i = 0; i < 3000; ++i) {
            const auto [wire, body] = randomResponse(rng);
            HttpResponseParser p;
            Collect sink;
            const Parsed r = run(p, sink, wire, randomCuts(rng, wire.size()), true);
            QVERIFY2(r == Parsed::Complete, qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(p.errorString())));
            QVERIFY2(sink.body == body, qPrintable(QStringLiteral("seed %1, response %2").arg(seed).arg(i)));
        }
    }

    // Mutated responses: any verdict is fine, but no crash, no body over the limit.
    void mutatedResponsesAreHandled()
    {
        const quint32 seed = QRandomGenerator::global()->generate();
        QRandomGenerator rng(seed);
        HttpResponseParser::Limits limits;
        limits.maxHeaderBytes = 256;
        limits.maxBodyBytes = 300;
        for (int i = 0; i < 5000; ++i) {
            QByteArray wire = randomResponse(rng).first;
            for (int m = 1 + rng.bounded(4); m > 0; --m) {
                const qsizetype at = rng.bounded(wire.size());
                switch (rng.bounded(3)) {
                case 0:
                    wire[at] = char(rng.bounded(256));
                    break;
                case 1:
                    wire.insert(at, QByteArray(1 + rng.bounded(4), "\r\n;0:F"[rng.bounded(7)]));
                    break;
                default:
                    wire.remove(at, 1 + rng.bounded(4));
                    break;
                }
            }
            HttpResponseParser p(limits);
            Collect sink;
            run(p, sink, wire, randomCuts(rng, wire.size()), true);
            QVERIFY2(sink.body.size() <= limits.maxBodyBytes, qPrintable(QStringLiteral("seed %1").arg(seed)));
        }
    }

    void aSinkCanStopIt()
    {
        HttpResponseParser p;
        Collect sink;
        sink.stopAfterBodyBytes = 6;
        QCOMPARE(p.feed(kChunked, sink), Parsed::Stopped);
        QCOMPARE(sink.body, QByteArray("data: "));
    }
};

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "tst_httpresponseparser.moc"
