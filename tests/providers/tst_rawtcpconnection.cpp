// RawTcpConnection on real loopback connections: it takes a socket over from
// QTcpSocket, reads everything in order, writes large requests through a
// full send buffer, ends exactly once, and stops at once when closed.
#include "providers/rawtcpconnection.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <memory>
#include <sys/socket.h>

using namespace teehee;

namespace {

struct Recorder : RawTcpConnection::Receiver {
    QByteArray bytes;
    QStringList endings;
    std::function<void()> onBytes; // runs after each piece

    void received(QByteArrayView piece) override
    {
        bytes.append(piece);
        if (onBytes)
            onBytes();
    }
    void closed(const QString &error) override { endings.append(error); }
};

// A connected pair: `client` made the connection, `peer` is the server's end.
struct Pair {
    QTcpServer server;
    std::unique_ptr<QTcpSocket> client;
    QPointer<QTcpSocket> peer;

    bool connect()
    {
        if (!server.listen(QHostAddress::LocalHost))
            return false;
        client = std::make_unique<QTcpSocket>();
        client->connectToHost(QHostAddress::LocalHost, server.serverPort());
        if (!QTest::qWaitFor([&] { return client->state() == QAbstractSocket::ConnectedState && server.hasPendingConnections(); }))
            return false;
        peer = server.nextPendingConnection();
        return peer != nullptr;
    }

    // The connection moves to a RawTcpConnection and the QTcpSocket goes, as in HttpStreamRequest.
    std::unique_ptr<RawTcpConnection> adopt(Recorder &recorder)
    {
        QString error;
        std::unique_ptr<RawTcpConnection> raw(RawTcpConnection::adopt(client->socketDescriptor(), recorder, &error));
        client->abort();
        client.reset();
        return raw;
    }
};

QByteArray pattern(qsizetype size)
{
    QByteArray out(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        out[i] = char('a' + (i * 7 + i / 251) % 26);
    return out;
}

} // namespace

class TestRawTcpConnection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsEverythingInOrderThenOneEnding()
    {
        Pair pair;
        QVERIFY(pair.connect());
        Recorder rec;
        auto raw = pair.adopt(rec);
        QVERIFY(raw && raw->isOpen());
        const QByteArray sent = pattern(300 * 1024); // several full reads
        pair.peer->write("first ");
        pair.peer->flush();
        QTRY_COMPARE(rec.bytes, QByteArray("first "));
        pair.peer->write(sent);
        pair.peer->disconnectFromHost();
        QTRY_COMPARE(rec.endings.size(), 1);
        QCOMPARE(rec.bytes, "first " + sent);
        QCOMPARE(rec.endings.first(), QString()); // a FIN is the stream's end, not an error
        QVERIFY(!raw->isOpen());
        QTest::qWait(20);
        QCOMPARE(rec.endings.size(), 1);
    }

    void theConnectionOutlivesTheQTcpSocketThatMadeIt()
    {
        Pair pair;
        QVERIFY(pair.connect());
        QSignalSpy peerGone(pair.peer.data(), &QTcpSocket::disconnected);
        Recorder rec;
        auto raw = pair.adopt(rec);
        QVERIFY(raw);
        raw->write("hello");
        QTRY_COMPARE(pair.peer->bytesAvailable(), 5);
        QCOMPARE(pair.peer->readAll(), QByteArray("hello"));
        QCOMPARE(peerGone.count(), 0);
    }

    void aLargeWriteArrivesWholeWhileThePeerReadsSlowly()
    {
        Pair pair;
        QVERIFY(pair.connect());
        pair.peer->setReadBufferSize(64 * 1024); // the peer holds back; the kernel buffers fill up
        Recorder rec;
        auto raw = pair.adopt(rec);
        const QByteArray request = pattern(8 * 1024 * 1024);
        raw->write(request.left(100));
        raw->write(request.mid(100)); // queued behind what the kernel has not taken
        QTest::qWait(100);
        pair.peer->setReadBufferSize(0); // now it reads as fast as it can
        QByteArray got;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
            got += pair.peer->readAll();
            return got.size() >= request.size();
        }()), 20000);
        QCOMPARE(got.size(), request.size());
        QVERIFY(got == request);
        QVERIFY(rec.endings.isEmpty());
    }

    void closingFromInsideTheReceiverStopsAtOnce()
    {
        Pair pair;
        QVERIFY(pair.connect());
        QSignalSpy peerGone(pair.peer.data(), &QTcpSocket::disconnected);
        Recorder rec;
        auto raw = pair.adopt(rec);
        rec.onBytes = [&] { raw->close(); };
        pair.peer->write(pattern(200 * 1024)); // more than one read
        pair.peer->flush();
        QTRY_VERIFY(!rec.bytes.isEmpty());
        QTRY_COMPARE(peerGone.count(), 1);
        const qsizetype firstRead = rec.bytes.size();
        QTest::qWait(20);
        QCOMPARE(rec.bytes.size(), firstRead); // one read, then nothing
        QVERIFY(firstRead <= 64 * 1024);
        QVERIFY(rec.endings.isEmpty());        // close() ends without a word
        raw->write("late");                    // a write after close is dropped, not a crash
        QVERIFY(!raw->isOpen());
    }

    void aResetEndsLikeAClose()
    {
        Pair pair;
        QVERIFY(pair.connect());
        Recorder rec;
        auto raw = pair.adopt(rec);
        pair.peer->write("partial");
        pair.peer->flush();
        QTRY_COMPARE(rec.bytes, QByteArray("partial"));
        struct linger l = {1, 0}; // close() sends RST instead of FIN
        ::setsockopt(int(pair.peer->socketDescriptor()), SOL_SOCKET, SO_LINGER, &l, sizeof l);
        pair.peer->abort();
        QTRY_COMPARE(rec.endings.size(), 1);
        QCOMPARE(rec.endings.first(), QString()); // the caller judges by what the data says
    }

    void aWriteToAGonePeerEndsWithAnError()
    {
        Pair pair;
        QVERIFY(pair.connect());
        Recorder rec;
        auto raw = pair.adopt(rec);
        struct linger l = {1, 0};
        ::setsockopt(int(pair.peer->socketDescriptor()), SOL_SOCKET, SO_LINGER, &l, sizeof l);
        pair.peer->abort();
        QTest::qWait(20);
        // The reset may be read first (an orderly end) or met by the write
        // (an error that says so): either way exactly one ending, and no hang.
        raw->write(pattern(4 * 1024 * 1024));
        QTRY_COMPARE(rec.endings.size(), 1);
        QVERIFY2(rec.endings.first().isEmpty() || rec.endings.first().contains(QStringLiteral("sending")),
                 qPrintable(rec.endings.first()));
        QVERIFY(!raw->isOpen());
    }

    void aDescriptorThatIsNoneIsRefusedClearly()
    {
        Recorder rec;
        QString error;
        QVERIFY(RawTcpConnection::adopt(-1, rec, &error) == nullptr);
        QVERIFY2(error.contains(QStringLiteral("cannot take over the connection")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestRawTcpConnection)
#include "tst_rawtcpconnection.moc"
