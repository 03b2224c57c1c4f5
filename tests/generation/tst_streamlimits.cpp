// Memory that stays bounded (spec/api.md "Stream control over HTTP"): a
// replay holds a window of the reply, not the reply's square; an SSE client
// that stops reading is dropped while the reply goes on; replies per user and
// bytes per reply are capped.
#include "generationfixture.h"
#include "wsclient.h"

#include "api/ssesink.h"

#include <QTcpSocket>

using namespace genfixture;

namespace {

// Reads an SSE answer as it comes without keeping it: counts the bytes, the
// events and their id lines, and keeps the last few kilobytes.
struct CountingReader {
    QTcpSocket socket;
    qint64 bytes = 0;
    int events = 0;
    int ids = 0;
    int completes = 0;
    QByteArray tail;
    QByteArray carryEvent, carryId, carryComplete; // the pattern's length less one: a match split between reads is counted once
    bool paused = false;

    void get(quint16 port, const QByteArray &target, const QByteArray &token)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] { read(); });
        socket.connectToHost(QHostAddress::LocalHost, port);
        socket.write("GET " + target + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n");
    }
    // A paused reader takes nothing: the kernel's buffers fill, then the server's.
    void pause()
    {
        paused = true;
        socket.setReadBufferSize(4096);
    }
    void resume()
    {
        paused = false;
        socket.setReadBufferSize(0);
        read();
    }
    void read()
    {
        if (paused)
            return;
        const QByteArray data = socket.readAll();
        bytes += data.size();
        events += count(carryEvent, data, "\nevent: ");
        ids += count(carryId, data, "\nid: ");
        completes += count(carryComplete, data, "event: stream_complete\n");
        tail = (tail + data).right(4096);
    }
    static int count(QByteArray &carry, const QByteArray &data, const QByteArray &pattern)
    {
        const QByteArray seen = carry + data;
        carry = seen.right(pattern.size() - 1);
        return int(seen.count(pattern));
    }
    bool ended() const { return tail.endsWith("\r\n0\r\n\r\n"); }
};

} // namespace

class TestStreamLimits : public QObject {
    Q_OBJECT

    std::unique_ptr<Fixture> f;

    void setUp(const std::function<void(Config &)> &adjust)
    {
        f = std::make_unique<Fixture>();
        const QString e = f->setUp(adjust);
        QVERIFY2(e.isEmpty(), qPrintable(e));
    }
    Generation *start(const QString &chat, const QString &text = QStringLiteral("q"))
    {
        auto g = f->gens().sendMessage(f->user, chat, text, MessageParent::activeLeaf(),
                                       {QStringLiteral("openai"), QStringLiteral("gpt-4o-mini")});
        return g ? g.value() : nullptr;
    }
    HttpTestResponse postStream(const QString &chat)
    {
        return f->server->client().request(
            "POST", QStringLiteral("/chats/%1/stream").arg(chat),
            R"({"content":"q","provider":"openai","model":"gpt-4o-mini"})",
            {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + f->token}});
    }

private Q_SLOTS:
    void init() { setUp({}); }
    void cleanup() { f.reset(); }

    void replayingALongReplyHoldsAWindowNotTheReply_data()
    {
        QTest::addColumn<bool>("compact");
        QTest::newRow("compact") << true;
        QTest::newRow("cumulative content") << false;
    }
    void replayingALongReplyHoldsAWindowNotTheReply()
    {
        QFETCH(bool, compact);
        const int kTokens = 20000;
        f->fake.enqueue(reply(QStringLiteral("openai"), QStringList(kTokens, QStringLiteral("x"))));
        Generation *g = start(f->newChat());
        QVERIFY(g);
        QVERIFY(QTest::qWaitFor([&] { return g->isFinished(); }, 60000));
        QCOMPARE(g->text().size(), kTokens);

        SseSink::resetPeakHeldBytes();
        const qint64 largestEvent = 4 * kTokens + 1024;
        const qint64 rebuiltBefore = g->contentsRebuilt();
        CountingReader reader;
        if (!compact)
            reader.pause(); // 200 MB will not fit in the kernel's buffers: the server must wait
        reader.get(f->port(), "/stream/" + g->messageId().toLatin1() + "/events" + (compact ? "?compact=1" : ""), f->token);
        if (!compact) {
            // The replay stops at its window while the client reads nothing, and the client stays connected.
            QVERIFY(QTest::qWaitFor([&] { return SseSink::peakHeldBytes() >= SseSink::kReplayWindow; }, 30000));
            for (int i = 0; i < 200; ++i)
                QCoreApplication::processEvents();
            QVERIFY(g->contentsRebuilt() - rebuiltBefore < kTokens); // it waits, mid-reply
            QCOMPARE(reader.socket.state(), QAbstractSocket::ConnectedState); // paced, not dropped
            reader.resume();
        }
        QVERIFY(QTest::qWaitFor([&] { return reader.ended(); }, 120000));
        QCOMPARE(reader.events, kTokens + 2); // stream_start, the tokens, stream_complete
        QCOMPARE(reader.ids, reader.events);
        QCOMPARE(reader.completes, 1);
        // Cumulative contents add up to kTokens²/2 characters on the wire; the
        // server held one window and one event of it at a time.
        qInfo("replay of %d tokens (%s): %lld bytes sent, at most %lld held at once", kTokens,
              compact ? "compact" : "cumulative", reader.bytes, SseSink::peakHeldBytes());
        QVERIFY2(SseSink::peakHeldBytes() <= SseSink::kReplayWindow + largestEvent,
                 qPrintable(QString::number(SseSink::peakHeldBytes())));
        // A compact client costs no cumulative content at all; the others one per token, one at a time.
        QCOMPARE(g->contentsRebuilt() - rebuiltBefore, compact ? 0 : kTokens);
        if (!compact)
            QVERIFY(reader.bytes > 100 * (SseSink::kReplayWindow + largestEvent));
    }

    void anSseClientThatStopsReadingIsDroppedAndTheReplyIsSaved()
    {
        // 400 tokens of a kilobyte: 400 KB of text, ~80 MB of cumulative
        // content on the wire, far past the 16 MiB a client may leave unread.
        const QStringList pieces(400, QString(1000, u'y'));
        f->fake.enqueue(reply(QStringLiteral("openai"), pieces));
        const QString chat = f->newChat();
        QTcpSocket client;
        client.setReadBufferSize(4096); // reads nothing more: the kernel's buffers fill, then the server's
        client.connectToHost(QHostAddress::LocalHost, f->port());
        const QByteArray body = R"({"content":"q","provider":"openai","model":"gpt-4o-mini"})";
        client.write("POST /chats/" + chat.toLatin1() + "/stream HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + f->token
                     + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                     + "\r\n\r\n" + body);
        QString id;
        QVERIFY(QTest::qWaitFor([&] {
            if (Generation *g = f->gens().activeInChat(chat))
                id = g->messageId();
            return !id.isEmpty();
        }, 10000));
        QVERIFY(QTest::qWaitFor([&] { return f->stored(id).status == MessageStatus::Complete; }, 60000));
        QCOMPARE(f->stored(id).text(), pieces.join(QString()));
        // Now the client reads what it was sent: the server cut it off before the end.
        client.setReadBufferSize(0);
        QByteArray received;
        QVERIFY(QTest::qWaitFor([&] {
            received += client.readAll().right(4096);
            return client.state() == QAbstractSocket::UnconnectedState;
        }, 30000));
        received += client.readAll();
        QVERIFY(!received.contains("stream_complete"));
        QCOMPARE(f->server->client().get(QStringLiteral("/health")).status, 200);
    }

    void repliesRunningAtOnceAreCappedPerUser()
    {
        setUp([](Config &c) { c.maxGenerationsPerUser = 2; });
        QList<Generation *> running;
        for (int i = 0; i < 2; ++i) {
            f->fake.enqueue(FakeResponse::sse().send(wire::openAiRoleChunk()).hang());
            running.append(start(f->newChat()));
            QVERIFY(running.last());
        }
        const QString third = f->newChat();
        const auto r = postStream(third);
        QCOMPARE(r.status, 429);
        QVERIFY2(r.detail().contains(QStringLiteral("MAX_GENERATIONS_PER_USER")), qPrintable(r.detail()));
        QCOMPARE(f->chats().messages(f->user, third)->size(), 0); // nothing written
        // Over the socket: an error event, and the socket stays.
        WsClient ws;
        QVERIFY(ws.open(WsClient::url(f->port(), third, f->token)));
        ws.send({{"type", "stream_message"}, {"content", "q"}, {"provider", "openai"}, {"model", "gpt-4o-mini"}});
        QVERIFY(ws.waitFor(QStringLiteral("error")));
        QVERIFY(ws.last(QStringLiteral("error")).value("message").toString().contains(QStringLiteral("MAX_GENERATIONS_PER_USER")));
        QVERIFY(!ws.closed);
        // Another user is not held back; and once one reply ends, this one may start another.
        const auto other = f->newAccount();
        f->fake.enqueue(reply(QStringLiteral("openai"), {QStringLiteral("ok")}));
        auto theirs = f->gens().sendMessage(other.first, f->chats().createChat(other.first, QStringLiteral("t"))->id,
                                            QStringLiteral("q"), MessageParent::activeLeaf(), {QStringLiteral("openai"), {}});
        QVERIFY2(theirs, theirs ? "" : qPrintable(theirs.error().message));
        QVERIFY(f->gens().abort(f->user, running.first()->messageId()));
        QCOMPARE(f->gens().runningFor(f->user), 1);
        f->fake.enqueue(reply(QStringLiteral("openai"), {QStringLiteral("fine")}));
        QCOMPARE(postStream(third).status, 200);
    }

    void aReplyPastMaxReplyBytesEndsWithItsTextKept()
    {
        setUp([](Config &c) { c.maxReplyBytes = 1024; });
        // 100 pieces of 100 bytes: the 11th crosses the limit.
        f->fake.enqueue(reply(QStringLiteral("openai"), QStringList(100, QString(100, u'z')), 5));
        int disconnects = 0;
        connect(&f->fake, &FakeProviderServer::clientDisconnected, this, [&] { ++disconnects; });
        Generation *g = start(f->newChat());
        QVERIFY(g);
        Recorder rec;
        rec.attachStoring(g, f->backend().database());
        QVERIFY(rec.waitFinished());
        QCOMPARE(rec.last().type, GenerationEvent::Type::Failed);
        QCOMPARE(rec.last().finishReason, QStringLiteral("length"));
        QVERIFY(rec.last().error.contains(QStringLiteral("MAX_REPLY_BYTES")));
        QCOMPARE(rec.last().content, QString(1024, u'z'));
        QCOMPARE(rec.tokens(), QString(1024, u'z'));
        // The upstream request was closed when the limit was reached, not read to its end.
        QVERIFY(withinTurns([&] { return disconnects > 0; }));
        const MessageRecord m = f->stored(g->messageId());
        QCOMPARE(m.text(), QString(1024, u'z'));
        QCOMPARE(m.status, MessageStatus::Error);
        QVERIFY(m.isPartial);
        QCOMPARE(m.finishReason, QStringLiteral("length"));
    }

    void aMultiByteCharacterIsNeverCutInTwo()
    {
        setUp([](Config &c) { c.maxReplyBytes = 1024; });
        // "é" is two bytes, "🙂" four (a surrogate pair): 1024 is reached mid-character.
        f->fake.enqueue(reply(QStringLiteral("openai"), QStringList(300, QStringLiteral("é🙂"))));
        Generation *g = start(f->newChat());
        QVERIFY(g);
        Recorder rec;
        rec.attach(g);
        QVERIFY(rec.waitFinished());
        const QString text = rec.last().content;
        QVERIFY(text.toUtf8().size() <= 1024);
        QVERIFY(text.toUtf8().size() > 1024 - 4);
        QCOMPARE(QString::fromUtf8(text.toUtf8()), text); // no lone surrogate
        QVERIFY(!text.back().isHighSurrogate());
    }
};

QTEST_GUILESS_MAIN(TestStreamLimits)
#include "tst_streamlimits.moc"
