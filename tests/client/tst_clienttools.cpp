// Tools through both clients: a desktop adds the fake MCP server (a real
// child process over stdio) and sees its tools; a reply with tools on makes
// the fake provider call one; the call waits for approval on the desktop and
// on a paired second desktop (RemoteChatClient over /events), the second one
// answers, the first one's late answer is a Conflict, and the saved reply
// keeps the call with its result. "Always allow" becomes a standing approval,
// which can be revoked; a server can be disabled and removed.
#include "desktoptestenv.h"
#include "../qml/fakeprovidercontrol.h"
#include "localchatclient.h"
#include "remotechatclient.h"
#include "remotesignin.h"
#include "sharingclient.h"
#include "sharingdesk.h"

#include <QCoreApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace teehee::client;
using teehee::test::waitDone;
using teehee::test::waitReply;

class TestClientTools : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    FakeProviderControl m_fake;
    std::unique_ptr<LocalChatClient> m_desk;
    std::unique_ptr<RemoteChatClient> m_remote;
    QString m_serverId;
    QString m_chatId;
    QList<TurnEvent> m_deskEvents;

    // The server as `client` lists it, once it runs with its tools (empty id: not seen).
    ToolServerInfo runningServer(ChatClient *client)
    {
        ToolServerInfo found;
        (void)QTest::qWaitFor([&] { // the caller checks what was found
            const auto list = waitReply<QList<ToolServerInfo>>([&](auto r) { client->listToolServers(this, r); });
            for (const ToolServerInfo &s : list.value)
                if (s.id == m_serverId && s.status == u"running" && !s.tools.isEmpty())
                    found = s;
            return !found.id.isEmpty();
        }, 20000);
        return found;
    }

    bool ended(const QString &messageId)
    {
        return QTest::qWaitFor([&] {
            for (const TurnEvent &e : std::as_const(m_deskEvents))
                if (e.messageId == messageId && e.isTerminal())
                    return true;
            return false;
        }, 20000);
    }

    // Starts a turn with tools on, the fake provider calling fake/echo first.
    QString startToolTurn(const QString &text)
    {
        m_fake.callToolNext(QStringLiteral("fake_echo"), QStringLiteral("{\"text\":\"%1\"}").arg(text));
        m_fake.reply(QStringLiteral("Done."), 0);
        TurnRequest request{TurnRequest::Kind::Send, m_chatId, text};
        request.tools = true;
        const auto started = waitReply<QString>([&](auto r) { m_desk->startTurn(this, request, r); });
        if (!started.ok())
            qWarning() << "turn refused:" << started.error.detail;
        return started.value;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(m_fake.listen());
        teehee::test::useDesktopTestEnvironment(m_home, QStringLiteral("TeeheeToolsTest"));
        qputenv("OPENAI_BASE_URL", m_fake.baseUrl().toUtf8());
        qputenv("OPENAI_API_KEY", "sk-test-tools-0123456789");
        qputenv("AUTO_TITLES", "false");

        m_desk = std::make_unique<LocalChatClient>(QString());
        connect(m_desk.get(), &ChatClient::turnEvent, this, [this](const TurnEvent &e) { m_deskEvents << e; });
        const QString notSharing = teehee::test::startSharing(*m_desk);
        QVERIFY2(notSharing.isEmpty(), qPrintable(notSharing));
        SharingClient *sharing = m_desk->sharing();

        // A second desktop of the same person, paired over loopback.
        QUrl url(sharing->pairingUrl());
        url.setHost(QStringLiteral("127.0.0.1"));
        RemoteSignIn signIn;
        signIn.check(url.toString());
        QTRY_VERIFY_WITH_TIMEOUT(signIn.step() == RemoteSignIn::Step::Reachable, 15000);
        signIn.pair(signIn.codeFromUrl(), QStringLiteral("Second desktop"));
        QTRY_VERIFY_WITH_TIMEOUT(!sharing->pendingRequests().isEmpty(), 15000);
        const auto request = sharing->pendingRequests().constFirst();
        QVERIFY(waitDone([&](auto d) { sharing->approve(this, request.pairingId, d); }).ok());
        QTRY_VERIFY_WITH_TIMEOUT(signIn.step() == RemoteSignIn::Step::Done, 15000);
        m_remote = std::make_unique<RemoteChatClient>(signIn.account());
        m_remote->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_remote->state() != ChatClient::State::Starting, 15000);
        QVERIFY2(m_remote->state() == ChatClient::State::Ready, qPrintable(m_remote->statusText()));

        const auto chat = waitReply<ChatInfo>([&](auto r) { m_desk->freshChat(this, r); });
        QVERIFY2(chat.ok(), qPrintable(chat.error.detail));
        m_chatId = chat.value.id;
        QVERIFY(waitDone([&](auto d) {
            m_desk->setChatModel(this, m_chatId, QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"), d);
        }).ok());
    }

    void theDesktopAddsAStdioServerAndBothSeeItsTools()
    {
        QSignalSpy changed(m_desk.get(), &ChatClient::toolServersChanged);
        ToolServerChanges server;
        server.name = QStringLiteral("fake");
        server.transport = QStringLiteral("stdio");
        server.command = QStringLiteral(FAKE_MCP_SERVER);
        server.env = QMap<QString, QString>{{QStringLiteral("FAKE_SECRET"), QStringLiteral("s3cret")}};
        const auto added = waitReply<ToolServerInfo>([&](auto r) { m_desk->addToolServer(this, server, r); });
        QVERIFY2(added.ok(), qPrintable(added.error.detail));
        QCOMPARE(added.value.name, QStringLiteral("fake"));
        QCOMPARE(added.value.envNames, QStringList{QStringLiteral("FAKE_SECRET")});
        m_serverId = added.value.id;

        for (ChatClient *client : {static_cast<ChatClient *>(m_desk.get()), static_cast<ChatClient *>(m_remote.get())}) {
            const ToolServerInfo running = runningServer(client);
            QVERIFY2(!running.id.isEmpty(), "the server never ran with its tools");
            QStringList names;
            for (const ToolInfo &t : running.tools)
                names << t.name;
            QVERIFY2(names.contains(QStringLiteral("echo")), qPrintable(names.join(u',')));
            QCOMPARE(running.command, QStringLiteral(FAKE_MCP_SERVER));
        }
        QVERIFY(changed.count() > 0); // the settings page hears of it without asking
    }

    void aCallWaitsOnBothAndTheFirstAnswerWins()
    {
        QVERIFY(!m_serverId.isEmpty());
        QSignalSpy deskAsked(m_desk.get(), &ChatClient::toolCallRequested);
        QSignalSpy remoteAsked(m_remote.get(), &ChatClient::toolCallRequested);
        QSignalSpy deskAnswered(m_desk.get(), &ChatClient::toolCallAnswered);
        QSignalSpy remoteAnswered(m_remote.get(), &ChatClient::toolCallAnswered);
        const QString reply = startToolTurn(QStringLiteral("hello tools"));
        QVERIFY(!reply.isEmpty());

        QTRY_COMPARE_WITH_TIMEOUT(deskAsked.count(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(remoteAsked.count(), 1, 20000);
        const auto asked = deskAsked.at(0).at(0).value<ToolCallRequest>();
        QCOMPARE(asked.tool, QStringLiteral("echo"));
        QCOMPARE(asked.serverName, QStringLiteral("fake"));
        QCOMPARE(asked.chatId, m_chatId);
        QCOMPARE(asked.arguments.value(QStringLiteral("text")).toString(), QStringLiteral("hello tools"));
        QCOMPARE(remoteAsked.at(0).at(0).value<ToolCallRequest>().callId, asked.callId);

        // A device that looks late sees it waiting.
        const auto pending = waitReply<QList<ToolCallRequest>>([&](auto r) { m_remote->pendingToolCalls(this, r); });
        QVERIFY(pending.ok());
        QCOMPARE(pending.value.size(), 1);
        QCOMPARE(pending.value.first().callId, asked.callId);
        QCOMPARE(pending.value.first().arguments, asked.arguments);

        QVERIFY(waitDone([&](auto d) { m_remote->answerToolCall(this, asked.callId, ToolDecision::AllowOnce, d); }).ok());
        const ClientError late = waitDone([&](auto d) { m_desk->answerToolCall(this, asked.callId, ToolDecision::Deny, d); });
        QCOMPARE(late.reason, Failure::Conflict);
        QTRY_COMPARE_WITH_TIMEOUT(deskAnswered.count(), 1, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(remoteAnswered.count(), 1, 15000);
        QCOMPARE(deskAnswered.at(0).at(1).toString(), QStringLiteral("allow_once"));
        QCOMPARE(remoteAnswered.at(0).at(0).toString(), asked.callId);

        QVERIFY(ended(reply));
        // The live events and the saved reply tell the same call.
        QStringList statuses;
        for (const TurnEvent &e : std::as_const(m_deskEvents))
            if (e.messageId == reply && (e.type == TurnEvent::Type::ToolCall || e.type == TurnEvent::Type::ToolResult))
                statuses << e.toolStatus;
        QCOMPARE(statuses, (QStringList{QStringLiteral("awaiting_approval"), QStringLiteral("running"), QStringLiteral("ok")}));
        for (ChatClient *client : {static_cast<ChatClient *>(m_desk.get()), static_cast<ChatClient *>(m_remote.get())}) {
            const auto page = waitReply<ChatPage>([&](auto r) { client->chatPage(this, m_chatId, 0, r); });
            QVERIFY(page.ok() && !page.value.path.isEmpty());
            const MessageInfo saved = page.value.path.last();
            QCOMPARE(saved.id, reply);
            QCOMPARE(saved.toolCalls.size(), 1);
            QCOMPARE(saved.toolCalls.first().callId, asked.callId);
            QCOMPARE(saved.toolCalls.first().tool, QStringLiteral("echo"));
            QCOMPARE(saved.toolCalls.first().server, QStringLiteral("fake"));
            QCOMPARE(saved.toolCalls.first().status, QStringLiteral("ok"));
            QCOMPARE(saved.toolCalls.first().content, QStringLiteral("hello tools"));
        }
        const auto none = waitReply<QList<ToolCallRequest>>([&](auto r) { m_desk->pendingToolCalls(this, r); });
        QVERIFY(none.ok() && none.value.isEmpty());
    }

    void alwaysAllowIsKeptAndCanBeRevoked()
    {
        QSignalSpy asked(m_desk.get(), &ChatClient::toolCallRequested);
        const QString reply = startToolTurn(QStringLiteral("again"));
        QTRY_COMPARE_WITH_TIMEOUT(asked.count(), 1, 20000);
        const auto call = asked.at(0).at(0).value<ToolCallRequest>();
        QVERIFY(waitDone([&](auto d) { m_desk->answerToolCall(this, call.callId, ToolDecision::AllowAlways, d); }).ok());
        QVERIFY(ended(reply));

        const auto approvals = waitReply<QList<ToolApprovalInfo>>([&](auto r) { m_remote->listToolApprovals(this, r); });
        QVERIFY2(approvals.ok(), qPrintable(approvals.error.detail));
        QCOMPARE(approvals.value.size(), 1);
        QCOMPARE(approvals.value.first().serverId, m_serverId);
        QCOMPARE(approvals.value.first().serverName, QStringLiteral("fake"));
        QCOMPARE(approvals.value.first().tool, QStringLiteral("echo"));

        // Covered now: the next call runs without asking.
        const QString third = startToolTurn(QStringLiteral("unasked"));
        QVERIFY(ended(third));
        QCOMPARE(asked.count(), 1);

        QVERIFY(waitDone([&](auto d) { m_remote->revokeToolApproval(this, m_serverId, QStringLiteral("echo"), d); }).ok());
        const auto after = waitReply<QList<ToolApprovalInfo>>([&](auto r) { m_desk->listToolApprovals(this, r); });
        QVERIFY(after.ok());
        QVERIFY(after.value.isEmpty());
        const ClientError unknown = waitDone([&](auto d) {
            m_desk->answerToolCall(this, QStringLiteral("00000000-0000-4000-8000-000000000000"), ToolDecision::Deny, d);
        });
        QCOMPARE(unknown.reason, Failure::NotFound);
    }

    void aServerIsDisabledThenRemoved()
    {
        ToolServerChanges off;
        off.enabled = false;
        const auto updated = waitReply<ToolServerInfo>([&](auto r) { m_remote->updateToolServer(this, m_serverId, off, r); });
        QVERIFY2(updated.ok(), qPrintable(updated.error.detail));
        QCOMPARE(updated.value.enabled, false);
        QCOMPARE(updated.value.status, QStringLiteral("stopped"));
        QVERIFY(waitDone([&](auto d) { m_remote->removeToolServer(this, m_serverId, d); }).ok());
        const auto list = waitReply<QList<ToolServerInfo>>([&](auto r) { m_desk->listToolServers(this, r); });
        QVERIFY(list.ok());
        QVERIFY(list.value.isEmpty());
    }

    void cleanupTestCase()
    {
        m_remote.reset();
        m_desk.reset();
    }
};

QTEST_MAIN(TestClientTools)
#include "tst_clienttools.moc"
