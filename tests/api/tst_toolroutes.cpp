// Tools over the API (spec/api.md "Tools (MCP) and approvals"), on real
// sockets with the fake MCP server as a real child process: who may add which
// server (403), what a server's listing shows and never shows, and approvals
// from any device — the phone that started a turn waits while the laptop's
// /events socket answers; a second answer is 409.
#include "generation/generationfixture.h"
#include "generation/wsclient.h"

#include "keys/keyservice.h"
#include "tools/toolregistry.h"

using namespace genfixture;

namespace {
const QString kSecret = QStringLiteral("tok_THISISASECRETVALUE123");
}

class TstToolRoutes : public QObject {
    Q_OBJECT

    std::unique_ptr<Fixture> f;

    HttpTestResponse call(const QByteArray &method, const QString &path, const QJsonObject &body = {},
                          const QByteArray &token = {})
    {
        return f->server->client().request(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                                           {{"Content-Type", "application/json"},
                                            {"Authorization", "Bearer " + (token.isEmpty() ? f->token : token)}});
    }
    QUrl eventsUrl(const QByteArray &token) const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/events?token=%2").arg(f->port()).arg(QString::fromLatin1(token)));
    }
    QJsonObject stdioServer(const QString &name) const
    {
        return {{"name", name}, {"transport", "stdio"}, {"command", QStringLiteral(FAKE_MCP_SERVER)},
                {"args", QJsonArray{}}, {"env", QJsonObject{{"FAKE_TOKEN", kSecret}}}};
    }
    QJsonObject waitForServer(const QString &id, const QString &status)
    {
        QJsonObject found;
        (void)QTest::qWaitFor([&] {
            for (const QJsonValue &s : call("GET", QStringLiteral("/tools/servers")).array())
                if (s.toObject().value("id").toString() == id)
                    found = s.toObject();
            return found.value("status").toString() == status;
        }, 10000);
        return found;
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<Fixture>();
        GEN_SETUP(*f);
    }
    void cleanup() { f.reset(); }

    void anAccountOfTheServerMayNotRunProgramsHere()
    {
        const auto r = call("POST", QStringLiteral("/tools/servers"), stdioServer(QStringLiteral("fake")));
        QCOMPARE(r.status, 403);
        QVERIFY(call("GET", QStringLiteral("/tools/servers")).array().isEmpty());
        // Nor reach this machine's network over HTTP.
        const QJsonObject local{{"name", "local"}, {"transport", "http"}, {"url", "http://127.0.0.1:9/mcp"}};
        QCOMPARE(call("POST", QStringLiteral("/tools/servers"), local).status, 403);
        QCOMPARE(call("POST", QStringLiteral("/tools/servers"), {{"name", "x"}, {"transport", "carrier"}}).status, 422);
        QCOMPARE(call("POST", QStringLiteral("/tools/servers"), {{"name", "x"}, {"transport", "stdio"}, {"args", "no"}}).status, 422);
    }

    void theMachinesOwnerAddsAServerAndSeesItsToolsButNeverItsSecrets()
    {
        f->backend().keys().trustWithPrivateEndpoints(f->user);
        const auto added = call("POST", QStringLiteral("/tools/servers"), stdioServer(QStringLiteral("fake")));
        QCOMPARE(added.status, 201);
        QVERIFY(!added.body.contains(kSecret.toUtf8()));
        const QString id = added.object().value("id").toString();
        const QJsonObject running = waitForServer(id, QStringLiteral("running"));
        QCOMPARE(running.value("status").toString(), QStringLiteral("running"));
        QCOMPARE(running.value("env_names").toArray(), QJsonArray{QStringLiteral("FAKE_TOKEN")});
        QStringList tools;
        for (const QJsonValue &t : running.value("tools").toArray())
            tools << t.toObject().value("name").toString();
        QVERIFY(tools.contains(QStringLiteral("echo")));
        QVERIFY(!call("GET", QStringLiteral("/tools/servers")).body.contains(kSecret.toUtf8()));

        // Another account sees none of it.
        const auto other = f->newAccount();
        QVERIFY(call("GET", QStringLiteral("/tools/servers"), {}, other.second).array().isEmpty());
        QCOMPARE(call("PATCH", QStringLiteral("/tools/servers/%1").arg(id), {{"enabled", false}}, other.second).status, 404);

        QCOMPARE(call("PATCH", QStringLiteral("/tools/servers/%1").arg(id), {{"enabled", false}}).status, 200);
        QCOMPARE(waitForServer(id, QStringLiteral("stopped")).value("status").toString(), QStringLiteral("stopped"));
        QCOMPARE(call("DELETE", QStringLiteral("/tools/servers/%1").arg(id)).status, 200);
        QVERIFY(call("GET", QStringLiteral("/tools/servers")).array().isEmpty());
    }

    void anotherDeviceAnswersWhileTheFirstWaitsAndOnlyTheFirstAnswerCounts()
    {
        f->backend().keys().trustWithPrivateEndpoints(f->user);
        const QString id = call("POST", QStringLiteral("/tools/servers"), stdioServer(QStringLiteral("fake"))).object().value("id").toString();
        QCOMPARE(waitForServer(id, QStringLiteral("running")).value("status").toString(), QStringLiteral("running"));

        f->fake.enqueue(FakeResponse::sse().send(wire::openAiToolCallStream(
            {{QStringLiteral("call_1"), QStringLiteral("fake_echo"), QStringLiteral("{\"text\":\"<b>hi</b>\"}")}})));
        f->fake.enqueue(reply(QStringLiteral("openai"), {QStringLiteral("Done.")}));
        const QString chat = call("POST", QStringLiteral("/chats"), {{"name", "Tools"}}).object().value("id").toString();

        WsClient phone, laptop;
        QVERIFY(phone.open(WsClient::url(f->port(), chat, f->token)));
        QVERIFY(laptop.open(eventsUrl(f->token)));
        QJsonObject turn = streamMessage(QStringLiteral("Echo it"), QStringLiteral("openai"));
        turn.insert("tools", true);
        phone.send(turn);

        QVERIFY(laptop.waitFor(QStringLiteral("tool_approval_requested")));
        const QJsonObject asked = laptop.last(QStringLiteral("tool_approval_requested"));
        QCOMPARE(asked.value("chat_id").toString(), chat);
        QCOMPARE(asked.value("server").toString(), QStringLiteral("fake"));
        QCOMPARE(asked.value("tool").toString(), QStringLiteral("echo"));
        QCOMPARE(asked.value("arguments").toObject().value("text").toString(), QStringLiteral("<b>hi</b>"));
        const QString callId = asked.value("call_id").toString();
        // The phone sees the call waiting, and the pending list has it.
        QVERIFY(phone.waitFor(QStringLiteral("tool_call")));
        QCOMPARE(phone.last(QStringLiteral("tool_call")).value("status").toString(), QStringLiteral("awaiting_approval"));
        QCOMPARE(call("GET", QStringLiteral("/tool-calls")).array().size(), 1);

        // Another account cannot answer it; the laptop can.
        const auto other = f->newAccount();
        QCOMPARE(call("POST", QStringLiteral("/tool-calls/%1/approval").arg(callId), {{"decision", "allow_once"}}, other.second).status, 404);
        QCOMPARE(call("POST", QStringLiteral("/tool-calls/%1/approval").arg(callId), {{"decision", "maybe"}}).status, 422);
        laptop.send({{"type", "tool_approval"}, {"call_id", callId}, {"decision", "allow_once"}});
        QVERIFY(laptop.waitFor(QStringLiteral("tool_approval_answered")));
        QCOMPARE(call("POST", QStringLiteral("/tool-calls/%1/approval").arg(callId), {{"decision", "deny"}}).status, 409);

        QVERIFY(phone.waitFor(QStringLiteral("stream_complete")));
        const QJsonObject result = phone.last(QStringLiteral("tool_result"));
        QCOMPARE(result.value("status").toString(), QStringLiteral("ok"));
        QCOMPARE(result.value("content").toString(), QStringLiteral("<b>hi</b>"));
        QVERIFY(call("GET", QStringLiteral("/tool-calls")).array().isEmpty());

        // The saved message keeps the call.
        const QString messageId = phone.last(QStringLiteral("stream_complete")).value("message_id").toString();
        const auto detail = call("GET", QStringLiteral("/chats/%1").arg(chat)).object();
        bool kept = false;
        for (const QJsonValue &m : detail.value("messages").toArray())
            if (m.toObject().value("id").toString() == messageId)
                kept = m.toObject().value("content").toObject().value("tool_calls").toArray().size() == 1;
        QVERIFY(kept);
    }

    void alwaysAllowBecomesAStandingApprovalThatCanBeRevoked()
    {
        f->backend().keys().trustWithPrivateEndpoints(f->user);
        const QString id = call("POST", QStringLiteral("/tools/servers"), stdioServer(QStringLiteral("fake"))).object().value("id").toString();
        QCOMPARE(waitForServer(id, QStringLiteral("running")).value("status").toString(), QStringLiteral("running"));
        f->fake.enqueue(FakeResponse::sse().send(wire::openAiToolCallStream(
            {{QStringLiteral("call_1"), QStringLiteral("fake_echo"), QStringLiteral("{\"text\":\"a\"}")}})));
        f->fake.enqueue(reply(QStringLiteral("openai"), {QStringLiteral("Done.")}));
        const QString chat = call("POST", QStringLiteral("/chats"), {{"name", "Tools"}}).object().value("id").toString();
        WsClient device;
        QVERIFY(device.open(eventsUrl(f->token)));
        QJsonObject turn = streamMessage(QStringLiteral("Echo"), QStringLiteral("openai"));
        turn.insert("tools", true);
        WsClient phone;
        QVERIFY(phone.open(WsClient::url(f->port(), chat, f->token)));
        phone.send(turn);
        QVERIFY(device.waitFor(QStringLiteral("tool_approval_requested")));
        const QString callId = device.last(QStringLiteral("tool_approval_requested")).value("call_id").toString();
        QCOMPARE(call("POST", QStringLiteral("/tool-calls/%1/approval").arg(callId), {{"decision", "allow_always"}}).status, 200);
        QVERIFY(phone.waitFor(QStringLiteral("stream_complete")));

        const QJsonArray approvals = call("GET", QStringLiteral("/tools/approvals")).array();
        QCOMPARE(approvals.size(), 1);
        QCOMPARE(approvals.first().toObject().value("tool").toString(), QStringLiteral("echo"));
        QCOMPARE(approvals.first().toObject().value("scope").toString(), QStringLiteral("always"));
        QCOMPARE(call("DELETE", QStringLiteral("/tools/approvals/%1/echo").arg(id)).status, 200);
        QCOMPARE(call("DELETE", QStringLiteral("/tools/approvals/%1/echo").arg(id)).status, 404);
        QVERIFY(call("GET", QStringLiteral("/tools/approvals")).array().isEmpty());
    }

    void aStreamRequestNamesToolsProperly()
    {
        const QString chat = call("POST", QStringLiteral("/chats"), {{"name", "Tools"}}).object().value("id").toString();
        QJsonObject body{{"content", "hi"}, {"tools", "yes"}};
        QCOMPARE(call("POST", QStringLiteral("/chats/%1/stream").arg(chat), body).status, 422);
        body.insert("tools", QJsonArray{QStringLiteral("no-slash")});
        QCOMPARE(call("POST", QStringLiteral("/chats/%1/stream").arg(chat), body).status, 422);
    }
};

QTEST_GUILESS_MAIN(TstToolRoutes)
#include "tst_toolroutes.moc"
