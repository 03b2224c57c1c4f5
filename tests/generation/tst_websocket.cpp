// WebSocket /stream/{chat_id}?token=… as spec/api.md states it, over real
// sockets against the fake providers: close codes, every client message,
// every server event in order, resume on connect, several sockets on one
// stream, compact tokens, bad input answered while the socket stays usable.
#include "generationfixture.h"
#include "wsclient.h"

#include "api/websockethub.h"
#include "core/fairworkqueue.h"

#include <QThread>

using namespace genfixture;

class TestWebSocket : public QObject {
    Q_OBJECT

    std::unique_ptr<Fixture> f;

    QUrl url(const QString &chat, const QString &extra = {}) const { return WsClient::url(f->port(), chat, f->token, extra); }


private Q_SLOTS:
    void init()
    {
        f = std::make_unique<Fixture>();
        GEN_SETUP(*f);
    }
    void cleanup() { f.reset(); }

    void aBadOrMissingTokenClosesWith4001()
    {
        const QString chat = f->newChat();
        for (const QByteArray &token : {QByteArray("not-a-jwt"), QByteArray()}) {
            WsClient c;
            c.open(WsClient::url(f->port(), chat, token));
            QVERIFY(c.waitClosed());
            QCOMPARE(c.closeCode, 4001);
        }
    }

    void someoneElsesOrAMissingChatClosesWith4004()
    {
        const auto other = f->newAccount();
        auto theirs = f->chats().createChat(other.first, QStringLiteral("theirs"));
        QVERIFY(theirs);
        for (const QString &chat : {theirs->id, QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("nope")}) {
            WsClient c;
            c.open(url(chat));
            QVERIFY(c.waitClosed());
            QCOMPARE(c.closeCode, 4004);
        }
    }

    void aPlainRequestOnTheSocketPathIsToldToUpgrade()
    {
        const auto r = f->server->client().get(QStringLiteral("/stream/%1").arg(f->newChat()), f->token);
        QCOMPARE(r.status, 426);
        QVERIFY(r.detail().contains(QStringLiteral("WebSocket")));
    }

    void aMessageStreamsItsReplyForEachProvider_data()
    {
        QTest::addColumn<QString>("provider");
        for (const QString &p : kProviders)
            QTest::newRow(qPrintable(p)) << p;
    }
    void aMessageStreamsItsReplyForEachProvider()
    {
        QFETCH(QString, provider);
        const QStringList pieces{QStringLiteral("Bon"), QStringLiteral("jour "), QStringLiteral("à "), QStringLiteral("tous")};
        f->fake.enqueue(reply(provider, pieces, 5));
        const QString chat = f->newChat();
        WsClient c;
        QVERIFY(c.open(url(chat)));
        c.send(streamMessage(QStringLiteral("Salut"), provider));
        QVERIFY(c.waitFor(QStringLiteral("stream_complete")));

        // The chat moved up the list with the new message: its sockets hear of it too.
        QStringList expected{"message_created", "chat_updated", "stream_start"};
        for (int i = 0; i < pieces.size(); ++i)
            expected.append(QStringLiteral("token"));
        expected.append(QStringLiteral("stream_complete"));
        QCOMPARE(c.types(), expected);
        const QJsonObject created = c.got[0].value("message").toObject();
        QCOMPARE(created.value("role").toString(), QStringLiteral("user"));
        QCOMPARE(created.value("content").toObject().value("text").toString(), QStringLiteral("Salut"));
        QCOMPARE(c.got[1].value("chat").toObject().value("id").toString(), chat);
        const QJsonObject start = c.got[2];
        QCOMPARE(start.value("parent_message_id").toString(), created.value("id").toString());
        QCOMPARE(start.value("status").toString(), QStringLiteral("streaming"));
        const QString id = start.value("message_id").toString();
        const QString full = pieces.join(QString());
        QCOMPARE(c.tokens(), full);
        QCOMPARE(c.last("token").value("content").toString(), full); // cumulative
        const QJsonObject done = c.last("stream_complete");
        QCOMPARE(done.value("message_id").toString(), id);
        QCOMPARE(done.value("status").toString(), QStringLiteral("complete"));
        QCOMPARE(done.value("content").toString(), full);
        QVERIFY(done.value("usage").toObject().value("output_tokens").toInt() > 0);
        QCOMPARE(f->stored(id).text(), full);
        QCOMPARE(f->stored(id).status, MessageStatus::Complete);
    }

    void whatAClientSendsBeforeItsSocketIsAcceptedIsKept()
    {
        f->fake.enqueue(reply(QStringLiteral("openai"), {QStringLiteral("early "), QStringLiteral("bird")}));
        const QString chat = f->newChat();
        // Other clients' stream starts fill the work queue: this socket's
        // acceptance (token, chat) waits its turn behind them.
        FairWorkQueue &work = f->busyWorkQueue();
        WsClient c;
        QVERIFY(c.open(url(chat)));
        const bool acceptedAlready = work.pending() == 0;
        c.send(streamMessage(QStringLiteral("hi")));
        QVERIFY(!acceptedAlready);
        QVERIFY(c.waitFor(QStringLiteral("stream_complete")));
        QCOMPARE(c.types().mid(0, 3), (QStringList{QStringLiteral("message_created"), QStringLiteral("chat_updated"),
                                                   QStringLiteral("stream_start")}));
        QCOMPARE(c.tokens(), QStringLiteral("early bird"));
    }

    // Held for authentication, a few messages at most: more close the socket (1008), and start nothing.
    void aClientThatFloodsBeforeItIsAcceptedIsClosed()
    {
        const QString chat = f->newChat();
        FairWorkQueue &work = f->busyWorkQueue();
        WsClient c;
        QVERIFY(c.open(url(chat)));
        const bool acceptedAlready = work.pending() == 0;
        for (int i = 0; i <= WebSocketHub::kMaxEarlyMessages; ++i)
            c.send(streamMessage(QStringLiteral("flood %1").arg(i)));
        QVERIFY(!acceptedAlready);
        QVERIFY(c.waitClosed(10000));
        QCOMPARE(c.closeCode, 1008);
        QVERIFY(c.ofType(QStringLiteral("message_created")).isEmpty());
        QCOMPARE(f->gens().active().size(), 0);
    }

    void compactTokensCarryNoCumulativeContent()
    {
        f->fake.enqueue(reply(QStringLiteral("openai"), {QStringLiteral("a"), QStringLiteral("b")}));
        const QString chat = f->newChat();
        WsClient c;
        QVERIFY(c.open(url(chat, QStringLiteral("&compact=1"))));
        c.send(streamMessage(QStringLiteral("q")));
        QVERIFY(c.waitFor(QStringLiteral("stream_complete")));
        for (const auto &t : c.ofType(QStringLiteral("token")))
            QVERIFY(!t.contains(QStringLiteral("content")));
        QCOMPARE(c.tokens(), QStringLiteral("ab"));
    }

    void aSocketJoiningMidStreamResumesWithoutGapAndTwoSocketsSeeTheSameStream()
    {
        f->fake.enqueue(reply(QStringLiteral("openai"), words(30), 20));
        const QString chat = f->newChat();
        WsClient a, b;
        QVERIFY(a.open(url(chat)));
        a.send(streamMessage(QStringLiteral("q")));
        QVERIFY(a.waitFor(QStringLiteral("token"), 8));
        QVERIFY(b.open(url(chat)));
        QVERIFY(a.waitFor(QStringLiteral("stream_complete")));
        QVERIFY(b.waitFor(QStringLiteral("stream_complete")));
        QCOMPARE(b.got.first().value("type").toString(), QStringLiteral("stream_resume"));
        const QString soFar = b.got.first().value("content").toString();
        QVERIFY(!soFar.isEmpty());
        const QString full = words(30).join(QString());
        QCOMPARE(soFar + b.tokens(), full);
        QCOMPARE(a.tokens(), full);
        QCOMPARE(a.last("stream_complete").value("content").toString(), full);
        QCOMPARE(b.last("stream_complete").value("content").toString(), full);
        QCOMPARE(b.last("stream_complete").value("message_id"), a.last("stream_complete").value("message_id"));
    }

    void theReplyGoesOnWhenItsClientLeaves()
    {
        f->fake.enqueue(reply(QStringLiteral("openai"), words(10), 30));
        const QString chat = f->newChat();
        QString id;
        {
            WsClient a;
            QVERIFY(a.open(url(chat)));
            a.send(streamMessage(QStringLiteral("q")));
            QVERIFY(a.waitFor(QStringLiteral("token"), 2));
            id = a.last("stream_start").value("message_id").toString();
            a.ws.abort();
        }
        QVERIFY(QTest::qWaitFor([&] { return f->stored(id).status == MessageStatus::Complete; }, 10000));
        QCOMPARE(f->stored(id).text(), words(10).join(QString()));
    }

    void abortOverTheSocketKeepsTheText()
    {
        f->fake.enqueue(reply(QStringLiteral("mistral"), words(50), 40));
        const QString chat = f->newChat();
        WsClient c;
        QVERIFY(c.open(url(chat)));
        c.send(streamMessage(QStringLiteral("q"), QStringLiteral("mistral")));
        QVERIFY(c.waitFor(QStringLiteral("token"), 2));
        c.send({{"type", "abort_stream"}});
        QVERIFY(c.waitFor(QStringLiteral("stream_aborted")));
        const QJsonObject aborted = c.last("stream_aborted");
        QCOMPARE(aborted.value("status").toString(), QStringLiteral("aborted"));
        const QString id = aborted.value("message_id").toString();
        QCOMPARE(aborted.value("content").toString(), c.tokens());
        QCOMPARE(f->stored(id).text(), c.tokens());
        QVERIFY(f->stored(id).isPartial);
        QVERIFY(QTest::qWaitFor([&] { return f->fake.clientDisconnects() > 0; }, 1000));

        // Continue it: stream_continue with the existing text, then the rest.
        f->fake.enqueue(reply(QStringLiteral("mistral"), {QStringLiteral("the end")}));
        c.send({{"type", "continue_stream"}, {"message_id", id}});
        QVERIFY(c.waitFor(QStringLiteral("stream_complete")));
        const QJsonObject cont = c.last("stream_continue");
        QCOMPARE(cont.value("existing_content").toString(), aborted.value("content").toString());
        QCOMPARE(c.last("stream_complete").value("content").toString(), aborted.value("content").toString() + "the end");
        QCOMPARE(f->stored(id).text(), aborted.value("content").toString() + "the end");
    }

    void anErrorMidStreamIsAStreamErrorWithThePartialText()
    {
        f->fake.enqueue(reply(QStringLiteral("anthropic"), {QStringLiteral("so "), QStringLiteral("far")}, 5, true));
        const QString chat = f->newChat();
        WsClient c;
        QVERIFY(c.open(url(chat)));
        c.send(streamMessage(QStringLiteral("q"), QStringLiteral("anthropic")));
        QVERIFY(c.waitFor(QStringLiteral("stream_error")));
        const QJsonObject e = c.last("stream_error");
        QCOMPARE(e.value("status").toString(), QStringLiteral("error"));
        QCOMPARE(e.value("content").toString(), QStringLiteral("so far"));
        QVERIFY(!e.value("error").toString().isEmpty());
        QCOMPARE(c.ofType(QStringLiteral("stream_complete")).size(), 0);
        const MessageRecord m = f->stored(e.value("message_id").toString());
        QCOMPARE(m.status, MessageStatus::Error);
        QCOMPARE(m.text(), QStringLiteral("so far"));
        c.send({{"type", "ping"}});
        QVERIFY(c.waitFor(QStringLiteral("pong")));
    }

    void deletingTheChatAbortsItsStreamAndClosesItsSocketsWith4004()
    {
        f->fake.enqueue(reply(QStringLiteral("openai"), words(50), 40));
        const QString chat = f->newChat();
        WsClient c;
        QVERIFY(c.open(url(chat)));
        c.send(streamMessage(QStringLiteral("q")));
        QVERIFY(c.waitFor(QStringLiteral("token"), 2));
        const auto r = f->server->client().request("DELETE", QStringLiteral("/chats/%1").arg(chat), {},
                                                   {{"Authorization", "Bearer " + f->token}});
        QCOMPARE(r.status, 200);
        QVERIFY(c.waitClosed());
        QCOMPARE(c.closeCode, 4004);
        QCOMPARE(c.ofType(QStringLiteral("stream_aborted")).size(), 1);
        QVERIFY(QTest::qWaitFor([&] { return f->fake.clientDisconnects() > 0; }, 1000));
    }

    void regenerateOverTheSocketMakesASibling()
    {
        f->fake.enqueue(reply(QStringLiteral("anthropic"), {QStringLiteral("first")}));
        f->fake.enqueue(reply(QStringLiteral("anthropic"), {QStringLiteral("second")}));
        const QString chat = f->newChat();
        WsClient c;
        QVERIFY(c.open(url(chat)));
        c.send(streamMessage(QStringLiteral("q"), QStringLiteral("anthropic")));
        QVERIFY(c.waitFor(QStringLiteral("stream_complete")));
        const QJsonObject start = c.last("stream_start");
        c.send({{"type", "regenerate"}, {"message_id", start.value("message_id")}});
        QVERIFY(c.waitFor(QStringLiteral("stream_complete"), 2));
        const QJsonObject again = c.last("stream_start");
        QVERIFY(again.value("message_id") != start.value("message_id"));
        QCOMPARE(again.value("parent_message_id"), start.value("parent_message_id"));
        QCOMPARE(c.last("stream_complete").value("content").toString(), QStringLiteral("second"));
    }

    void badMessagesAreAnsweredAndTheSocketStaysUsable()
    {
        const QString chat = f->newChat();
        WsClient c;
        QVERIFY(c.open(url(chat)));
        c.ws.sendTextMessage(QStringLiteral("{not json"));
        c.send({{"type", "dance"}});
        c.send({{"type", "stream_message"}, {"provider", "openai"}});                    // no content
        c.send(streamMessage(QStringLiteral("q"), QStringLiteral("nosuchprovider")));
        c.send({{"type", "continue_stream"}});                                            // no message_id
        c.send({{"type", "abort_stream"}});                                               // nothing running
        c.ws.sendBinaryMessage("\x01\x02");
        c.send({{"no", "type"}});
        QVERIFY(c.waitFor(QStringLiteral("error"), 8));
        const auto errors = c.ofType(QStringLiteral("error"));
        QVERIFY(errors[0].value("message").toString().contains(QStringLiteral("JSON")));
        QVERIFY(errors[1].value("message").toString().contains(QStringLiteral("dance")));
        QVERIFY(errors[2].value("message").toString().contains(QStringLiteral("content")));
        QVERIFY(errors[3].value("message").toString().contains(QStringLiteral("nosuchprovider")));
        QVERIFY(errors[4].value("message").toString().contains(QStringLiteral("message_id")));
        QVERIFY(errors[5].value("message").toString().contains(QStringLiteral("No active stream")));
        c.send({{"type", "ping"}});
        QVERIFY(c.waitFor(QStringLiteral("pong")));
        QVERIFY(!c.closed);
        QCOMPARE(f->chats().messages(f->user, chat)->size(), 0);
    }

    void aSecondStreamWhileOneRunsIsAnError()
    {
        f->fake.enqueue(reply(QStringLiteral("openai"), words(20), 30));
        const QString chat = f->newChat();
        WsClient c;
        QVERIFY(c.open(url(chat)));
        c.send(streamMessage(QStringLiteral("one")));
        QVERIFY(c.waitFor(QStringLiteral("stream_start")));
        c.send(streamMessage(QStringLiteral("two")));
        QVERIFY(c.waitFor(QStringLiteral("error")));
        QVERIFY(c.last("error").value("message").toString().contains(QStringLiteral("already")));
        QVERIFY(c.waitFor(QStringLiteral("stream_complete")));
        QCOMPARE(c.ofType(QStringLiteral("stream_start")).size(), 1);
    }

    void anOversizedFrameIsRefusedAndTheServerGoesOn()
    {
        const QString chat = f->newChat();
        WsClient c;
        QVERIFY(c.open(url(chat)));
        c.ws.sendTextMessage(QString(int(WebSocketHub::kMaxFrameBytes) + 1024, u'x'));
        QVERIFY(c.waitClosed());
        WsClient d;
        QVERIFY(d.open(url(chat)));
        d.send({{"type", "ping"}});
        QVERIFY(d.waitFor(QStringLiteral("pong")));
    }

    void socketsPerUserAreCapped()
    {
        const QString chat = f->newChat();
        std::vector<std::unique_ptr<WsClient>> open;
        for (int i = 0; i < WebSocketHub::kMaxSocketsPerUser; ++i) {
            open.push_back(std::make_unique<WsClient>());
            QVERIFY(open.back()->open(url(chat)));
        }
        WsClient extra;
        extra.open(url(chat));
        QVERIFY(extra.waitClosed());
        QCOMPARE(extra.closeCode, 1008);
        open.pop_back();
        auto *hub = f->server->server().findChild<WebSocketHub *>();
        QVERIFY(hub);
        QVERIFY(QTest::qWaitFor([&] { return hub->sessionCount() < WebSocketHub::kMaxSocketsPerUser; }, 5000));
        WsClient again;
        QVERIFY(again.open(url(chat)));
        again.send({{"type", "ping"}});
        QVERIFY(again.waitFor(QStringLiteral("pong")));
    }
};

QTEST_GUILESS_MAIN(TestWebSocket)
#include "tst_websocket.moc"
