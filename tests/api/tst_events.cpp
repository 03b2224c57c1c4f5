// WebSocket /events?token=… (spec/api.md "Live events for the whole account")
// over real sockets: every device of an account hears what another did —
// chats created, renamed, deleted over REST, replies started and ended —
// other accounts hear nothing, a chat's own sockets hear its updates, and
// the socket follows the chat socket's rules (4001, ping, early messages).
#include "generation/generationfixture.h"
#include "generation/wsclient.h"

#include "api/websockethub.h"
#include "core/fairworkqueue.h"

#include <QJsonDocument>
#include <QThread>

using namespace genfixture;

class TestEvents : public QObject {
    Q_OBJECT

    std::unique_ptr<Fixture> f;

    QUrl eventsUrl(const QByteArray &token) const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/events?token=%2").arg(f->port()).arg(QString::fromLatin1(token)));
    }
    HttpTestResponse call(const QByteArray &method, const QString &path, const QJsonObject &body = {},
                          const QByteArray &token = {})
    {
        return f->server->client().request(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                                           {{"Content-Type", "application/json"},
                                            {"Authorization", "Bearer " + (token.isEmpty() ? f->token : token)}});
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<Fixture>();
        GEN_SETUP(*f);
    }
    void cleanup() { f.reset(); }

    void everyDeviceOfTheAccountHearsChatChangesMadeOverRest()
    {
        WsClient phone, laptop;
        QVERIFY(phone.open(eventsUrl(f->token)));
        QVERIFY(laptop.open(eventsUrl(f->token)));

        const auto created = call("POST", QStringLiteral("/chats"), {{"name", "Plans"}});
        QCOMPARE(created.status, 201);
        const QString id = created.object().value("id").toString();
        QCOMPARE(call("PATCH", QStringLiteral("/chats/%1").arg(id), {{"name", "Trips"}}).status, 200);
        QCOMPARE(call("PATCH", QStringLiteral("/chats/%1").arg(id), {{"system_prompt", "Be brief."}}).status, 200);
        QCOMPARE(call("DELETE", QStringLiteral("/chats/%1").arg(id)).status, 200);

        for (WsClient *device : {&phone, &laptop}) {
            QVERIFY(device->waitFor(QStringLiteral("chat_deleted")));
            QCOMPARE(device->types(), (QStringList{"chat_created", "chat_updated", "chat_updated", "chat_deleted"}));
            const QJsonObject chat = device->got[0].value("chat").toObject();
            QCOMPARE(chat.value("id").toString(), id);
            QCOMPARE(chat.value("name").toString(), QStringLiteral("Plans"));
            QCOMPARE(chat.value("user_id").toString(), f->user);
            QCOMPARE(device->got[1].value("chat").toObject().value("name").toString(), QStringLiteral("Trips"));
            QCOMPARE(device->got[2].value("chat").toObject().value("system_prompt").toString(), QStringLiteral("Be brief."));
            QCOMPARE(device->got[3].value("chat_id").toString(), id);
        }
    }

    void anotherAccountHearsNothing()
    {
        const auto other = f->newAccount();
        WsClient mine, theirs;
        QVERIFY(mine.open(eventsUrl(f->token)));
        QVERIFY(theirs.open(eventsUrl(other.second)));

        const QString id = call("POST", QStringLiteral("/chats"), {{"name", "Secret"}}).object().value("id").toString();
        QCOMPARE(call("PATCH", QStringLiteral("/chats/%1").arg(id), {{"name", "Still secret"}}).status, 200);
        f->fake.enqueue(reply(QStringLiteral("openai"), {QStringLiteral("hush")}));
        QVERIFY(f->send(id, QStringLiteral("psst")));
        QVERIFY(mine.waitFor(QStringLiteral("stream_ended")));
        QCOMPARE(call("DELETE", QStringLiteral("/chats/%1").arg(id)).status, 200);
        QVERIFY(mine.waitFor(QStringLiteral("chat_deleted")));

        // Their own change comes after ours on the same socket: once it is
        // there, anything of ours would have been there before it.
        const QString ownChat = call("POST", QStringLiteral("/chats"), {{"name", "Own"}}, other.second).object().value("id").toString();
        QVERIFY(theirs.waitFor(QStringLiteral("chat_created")));
        QCOMPARE(theirs.types(), QStringList{QStringLiteral("chat_created")});
        QCOMPARE(theirs.got[0].value("chat").toObject().value("id").toString(), ownChat);
        QCOMPARE(mine.ofType(QStringLiteral("chat_created")).size(), 1); // and not theirs
    }

    void repliesStartAndEndOnEveryDevice_data()
    {
        QTest::addColumn<bool>("fails");
        QTest::newRow("complete") << false;
        QTest::newRow("error") << true;
    }
    void repliesStartAndEndOnEveryDevice()
    {
        QFETCH(bool, fails);
        const QString chat = f->newChat();
        WsClient device;
        QVERIFY(device.open(eventsUrl(f->token)));
        if (fails)
            f->fake.enqueue(FakeResponse::json(500, wire::openAiErrorBody("The server had an error", "server_error", "")));
        else
            f->fake.enqueue(reply(QStringLiteral("openai"), {QStringLiteral("one "), QStringLiteral("two")}, 5));
        // Started on the chat's own socket: a different front end than the one listening.
        WsClient chatSocket;
        QVERIFY(chatSocket.open(WsClient::url(f->port(), chat, f->token)));
        chatSocket.send({{"type", "stream_message"}, {"content", "count"}, {"provider", "openai"}, {"model", "gpt-4o-mini"}});
        QVERIFY(device.waitFor(QStringLiteral("stream_ended")));

        const QStringList order = device.types();
        QVERIFY2(order.indexOf(QStringLiteral("stream_started")) >= 0, qPrintable(order.join(u',')));
        QVERIFY(order.indexOf(QStringLiteral("stream_started")) < order.indexOf(QStringLiteral("stream_ended")));
        QVERIFY(!order.contains(QStringLiteral("token"))); // tokens stay on the chat's sockets
        const QJsonObject started = device.last(QStringLiteral("stream_started"));
        const QJsonObject ended = device.last(QStringLiteral("stream_ended"));
        QCOMPARE(started.value("chat_id").toString(), chat);
        QCOMPARE(ended.value("chat_id").toString(), chat);
        QVERIFY(!started.value("message_id").toString().isEmpty());
        QCOMPARE(ended.value("message_id").toString(), started.value("message_id").toString());
        QCOMPARE(ended.value("status").toString(), fails ? QStringLiteral("error") : QStringLiteral("complete"));
        QCOMPARE(f->stored(started.value("message_id").toString()).status, ended.value("status").toString());
        // The new message moved the chat up the list: its updated_at is the stored one.
        const QJsonObject updated = device.last(QStringLiteral("chat_updated")).value("chat").toObject();
        QCOMPARE(updated.value("id").toString(), chat);
        QCOMPARE(updated.value("updated_at").toString(), f->server->client().get(QStringLiteral("/chats/%1").arg(chat), f->token)
                                                              .object().value("updated_at").toString());
    }

    void anAbortedReplyEndsAborted()
    {
        const QString chat = f->newChat();
        WsClient device;
        QVERIFY(device.open(eventsUrl(f->token)));
        f->fake.enqueue(FakeResponse::sse().send(wire::openAiRoleChunk()).send(wire::openAiChunk("so far")).hang());
        Generation *g = f->send(chat, QStringLiteral("go on"));
        QVERIFY(g);
        QVERIFY(device.waitFor(QStringLiteral("stream_started")));
        QCOMPARE(call("POST", QStringLiteral("/stream/%1/abort").arg(g->messageId())).status, 200);
        QVERIFY(device.waitFor(QStringLiteral("stream_ended")));
        QCOMPARE(device.last(QStringLiteral("stream_ended")).value("status").toString(), QStringLiteral("aborted"));
    }

    void aChatsOwnSocketHearsItsUpdates()
    {
        const QString chat = f->newChat();
        const QString elsewhere = f->newChat();
        WsClient here, there;
        QVERIFY(here.open(WsClient::url(f->port(), chat, f->token)));
        QVERIFY(there.open(WsClient::url(f->port(), elsewhere, f->token)));
        QCOMPARE(call("PATCH", QStringLiteral("/chats/%1").arg(chat), {{"name", "Renamed"}}).status, 200);
        QVERIFY(here.waitFor(QStringLiteral("chat_updated")));
        const QJsonObject updated = here.last(QStringLiteral("chat_updated")).value("chat").toObject();
        QCOMPARE(updated.value("id").toString(), chat);
        QCOMPARE(updated.value("name").toString(), QStringLiteral("Renamed"));
        // The other chat's socket hears of its own rename only.
        QCOMPARE(call("PATCH", QStringLiteral("/chats/%1").arg(elsewhere), {{"name", "Other"}}).status, 200);
        QVERIFY(there.waitFor(QStringLiteral("chat_updated")));
        QCOMPARE(there.ofType(QStringLiteral("chat_updated")).size(), 1);
        QCOMPARE(there.last(QStringLiteral("chat_updated")).value("chat").toObject().value("name").toString(), QStringLiteral("Other"));
    }

    void aBadOrMissingTokenClosesWith4001()
    {
        for (const QByteArray &token : {QByteArray("not-a-jwt"), QByteArray(), f->token.left(f->token.size() - 2) + "xx"}) {
            WsClient c;
            c.open(eventsUrl(token));
            QVERIFY(c.waitClosed());
            QCOMPARE(c.closeCode, 4001);
        }
    }

    void logoutClosesTheSocketWith4001()
    {
        WsClient c;
        QVERIFY(c.open(eventsUrl(f->token)));
        QCOMPARE(call("POST", QStringLiteral("/auth/logout")).status, 200);
        QVERIFY(c.waitClosed());
        QCOMPARE(c.closeCode, 4001);
    }

    void pingIsAnsweredAndAnythingElseIsAnErrorOnAnOpenSocket()
    {
        WsClient c;
        QVERIFY(c.open(eventsUrl(f->token)));
        c.send({{"type", "ping"}});
        QVERIFY(c.waitFor(QStringLiteral("pong")));
        c.ws.sendTextMessage(QStringLiteral("{nope"));
        c.send({{"type", "stream_message"}, {"content", "hi"}});
        QVERIFY(c.waitFor(QStringLiteral("error"), 2));
        c.send({{"type", "ping"}});
        QVERIFY(c.waitFor(QStringLiteral("pong"), 2));
        QVERIFY(!c.closed);
        QCOMPARE(f->gens().active().size(), 0);
    }

    void whatAClientSendsBeforeAcceptanceIsKeptWithinTheSameLimit()
    {
        FairWorkQueue &work = f->busyWorkQueue();
        WsClient patient;
        QVERIFY(patient.open(eventsUrl(f->token)));
        const bool acceptedAlready = work.pending() == 0;
        patient.send({{"type", "ping"}});
        QVERIFY(!acceptedAlready);
        QVERIFY(patient.waitFor(QStringLiteral("pong")));

        f->busyWorkQueue();
        WsClient flood;
        QVERIFY(flood.open(eventsUrl(f->token)));
        for (int i = 0; i <= WebSocketHub::kMaxEarlyMessages; ++i)
            flood.send({{"type", "ping"}});
        QVERIFY(flood.waitClosed(10000));
        QCOMPARE(flood.closeCode, 1008);
        QVERIFY(flood.ofType(QStringLiteral("pong")).isEmpty());
    }

    void aPlainRequestIsToldToUpgrade()
    {
        const auto r = f->server->client().get(QStringLiteral("/events"), f->token);
        QCOMPARE(r.status, 426);
        QVERIFY(r.detail().contains(QStringLiteral("WebSocket")));
    }
};

QTEST_GUILESS_MAIN(TestEvents)
#include "tst_events.moc"
