// Tool calls waiting for approval: any device of the account answers, the
// first answer wins, silence is a denial, and "always" is remembered.
#include "backend.h"
#include "db/userrepository.h"
#include "keys/keyservice.h"
#include "support/httptestclient.h"
#include "support/testenv.h"
#include "tools/approvalbroker.h"
#include "tools/toolserverservice.h"

#include <QSignalSpy>
#include <QTest>

using namespace teehee;

class TstApprovalBroker : public QObject {
    Q_OBJECT

    std::unique_ptr<TestApiServer> s;
    std::unique_ptr<ToolServerService> tools;
    QString alice, bob, serverId;

    QString newUser(const QString &email)
    {
        UserRecord u;
        u.email = email;
        auto created = UserRepository(s->backend().database()).create(u);
        return created ? created->id : QString();
    }

    ApprovalRequest call(const QString &id, const QString &tool = QStringLiteral("read"))
    {
        ApprovalRequest r;
        r.callId = id;
        r.userId = alice;
        r.chatId = QStringLiteral("chat");
        r.messageId = QStringLiteral("message");
        r.serverId = serverId;
        r.serverName = QStringLiteral("files");
        r.tool = tool;
        r.arguments = QJsonObject{{QStringLiteral("path"), QStringLiteral("/etc/hosts")}};
        return r;
    }

private Q_SLOTS:
    void init()
    {
        s = std::make_unique<TestApiServer>();
        QVERIFY2(s->isValid(), qPrintable(s->error()));
        tools = std::make_unique<ToolServerService>(s->backend().config(), s->backend().database(), s->backend().keys());
        alice = newUser(QStringLiteral("alice@example.com"));
        bob = newUser(QStringLiteral("bob@example.com"));
        s->backend().keys().trustWithPrivateEndpoints(alice);
        ToolServerInput in;
        in.name = QStringLiteral("files");
        in.transport = QStringLiteral("stdio");
        in.command = QStringLiteral("/usr/bin/mcp-files");
        serverId = tools->add(alice, in).value().id;
    }
    void cleanup()
    {
        tools.reset();
        s.reset();
    }

    void theFirstAnswerWinsAndALaterOneIsAConflict()
    {
        ApprovalBroker broker(*tools, 60'000);
        QSignalSpy requested(&broker, &ApprovalBroker::requested);
        QList<ApprovalDecision> heard;
        broker.request(call(QStringLiteral("c1")), [&](ApprovalDecision d) { heard << d; });
        QCOMPARE(requested.size(), 1);
        QCOMPARE(broker.pending(alice).size(), 1);
        QVERIFY(heard.isEmpty());
        QVERIFY(broker.answer(alice, QStringLiteral("c1"), ApprovalDecision::AllowOnce));
        QCOMPARE(heard, QList<ApprovalDecision>{ApprovalDecision::AllowOnce});
        const Status second = broker.answer(alice, QStringLiteral("c1"), ApprovalDecision::Deny);
        QCOMPARE(second.error().code, ErrorCode::Conflict);
        QCOMPARE(heard.size(), 1);
        QVERIFY(broker.pending(alice).isEmpty());
        // Allowed once is not allowed always.
        QVERIFY(!tools->isApproved(alice, serverId, QStringLiteral("read")).value());
    }

    void onlyADeviceOfTheAccountMayAnswer()
    {
        ApprovalBroker broker(*tools, 60'000);
        QList<ApprovalDecision> heard;
        broker.request(call(QStringLiteral("c1")), [&](ApprovalDecision d) { heard << d; });
        QCOMPARE(broker.answer(bob, QStringLiteral("c1"), ApprovalDecision::AllowOnce).error().code, ErrorCode::NotFound);
        QCOMPARE(broker.answer(alice, QStringLiteral("nope"), ApprovalDecision::AllowOnce).error().code, ErrorCode::NotFound);
        QVERIFY(broker.pending(bob).isEmpty());
        QVERIFY(heard.isEmpty());
        QVERIFY(broker.answer(alice, QStringLiteral("c1"), ApprovalDecision::Deny));
        QCOMPARE(heard, QList<ApprovalDecision>{ApprovalDecision::Deny});
        // Still not bob's to know about: unknown, not "answered".
        QCOMPARE(broker.answer(bob, QStringLiteral("c1"), ApprovalDecision::AllowOnce).error().code, ErrorCode::NotFound);
    }

    void noAnswerInTimeIsADenial()
    {
        ApprovalBroker broker(*tools, 50);
        QList<ApprovalDecision> heard;
        broker.request(call(QStringLiteral("c1")), [&](ApprovalDecision d) { heard << d; });
        QTRY_COMPARE(heard, QList<ApprovalDecision>{ApprovalDecision::Deny});
        QCOMPARE(broker.answer(alice, QStringLiteral("c1"), ApprovalDecision::AllowOnce).error().code, ErrorCode::Conflict);
    }

    void alwaysAllowIsRememberedAndThenNobodyIsAsked()
    {
        ApprovalBroker broker(*tools, 60'000);
        QSignalSpy requested(&broker, &ApprovalBroker::requested);
        QList<ApprovalDecision> heard;
        broker.request(call(QStringLiteral("c1")), [&](ApprovalDecision d) { heard << d; });
        QVERIFY(broker.answer(alice, QStringLiteral("c1"), ApprovalDecision::AllowAlways));
        QVERIFY(tools->isApproved(alice, serverId, QStringLiteral("read")).value());
        broker.request(call(QStringLiteral("c2")), [&](ApprovalDecision d) { heard << d; });
        QCOMPARE(requested.size(), 1); // the second call asked nobody
        QCOMPARE(heard, (QList<ApprovalDecision>{ApprovalDecision::AllowAlways, ApprovalDecision::AllowAlways}));
        // Another tool of the same server still asks.
        broker.request(call(QStringLiteral("c3"), QStringLiteral("write")), [&](ApprovalDecision d) { heard << d; });
        QCOMPARE(requested.size(), 2);
    }

    void aWithdrawnCallIsDeniedAndNoLongerPending()
    {
        ApprovalBroker broker(*tools, 60'000);
        QSignalSpy answered(&broker, &ApprovalBroker::answered);
        QList<ApprovalDecision> heard;
        broker.request(call(QStringLiteral("c1")), [&](ApprovalDecision d) { heard << d; });
        broker.withdraw(QStringLiteral("c1"));
        QCOMPARE(heard, QList<ApprovalDecision>{ApprovalDecision::Deny});
        QCOMPARE(answered.size(), 1);
        QVERIFY(broker.pending(alice).isEmpty());
    }

    void decisionsHaveTheirWireNames()
    {
        for (auto d : {ApprovalDecision::AllowOnce, ApprovalDecision::AllowAlways, ApprovalDecision::Deny})
            QCOMPARE(approvalDecisionFromName(approvalDecisionName(d)), std::optional<ApprovalDecision>(d));
        QVERIFY(!approvalDecisionFromName(QStringLiteral("yes")));
    }
};

QTEST_GUILESS_MAIN(TstApprovalBroker)
#include "tst_approvalbroker.moc"
