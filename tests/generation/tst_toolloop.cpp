// The tool loop (spec/api.md "Tools (MCP) and approvals"): a model that calls
// a tool, in each provider's streaming format, waits for a device's approval,
// the call runs on a real MCP server (the fake, as a child process), and the
// reply goes on with the result in the provider's own form — all within one
// assistant message, which keeps its calls. Denials, silence, parallel calls,
// aborts during a slow tool, continue after tool turns, standing approvals
// and the round limit.
#include "toolloopfixture.h"

#include <QProcess>

using namespace toolloop;

class TstToolLoop : public ToolLoopTest {
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { f.reset(); }

    void aRoundTripInEachProvidersFormat_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::newRow("openai") << "openai";
        QTest::newRow("anthropic") << "anthropic";
        QTest::newRow("mistral") << "mistral";
    }
    void aRoundTripInEachProvidersFormat()
    {
        QFETCH(QString, provider);
        QVERIFY(startTools());
        f->fake.enqueue(callReply(provider, {{callId(provider, 1), QStringLiteral("fake_echo"),
                                              QStringLiteral("{\"text\":\"über ✓\"}")}}, QStringLiteral("Let me check. ")));
        f->fake.enqueue(textReply(provider, {QStringLiteral("It said "), QStringLiteral("über ✓.")}));
        const QString chat = f->newChat();
        Generation *g = sendWithTools(chat, provider);
        QVERIFY(g);
        Recorder rec;
        rec.attach(g);
        // Offered in the provider's own tool format.
        QVERIFY(f->waitForRequests(1));
        const QJsonArray tools = f->fake.requests().first().json().value(u"tools").toArray();
        QVERIFY(!tools.isEmpty());
        QVERIFY(QJsonDocument(tools).toJson().contains("fake_echo"));

        answer(0, ApprovalDecision::AllowOnce);
        QCOMPARE(asked.first().tool, QStringLiteral("echo"));
        QCOMPARE(asked.first().serverName, QStringLiteral("fake"));
        QCOMPARE(asked.first().arguments.value(u"text").toString(), QStringLiteral("über ✓"));
        QVERIFY(rec.waitFinished());
        QCOMPARE(rec.last().type, GenerationEvent::Type::Completed);
        QCOMPARE(rec.last().content, QStringLiteral("Let me check. It said über ✓."));
        // The second request carries the call's result, in the provider's form.
        QCOMPARE(f->fake.requests().size(), 2);
        QCOMPARE(resultsIn(provider, f->fake.requests().at(1).json()), QStringList{QStringLiteral("über ✓")});

        const auto calls = ofType(rec, GenerationEvent::Type::ToolCall);
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls.at(0).toolStatus, QStringLiteral("awaiting_approval"));
        QCOMPARE(calls.at(1).toolStatus, QStringLiteral("running"));
        const auto results = ofType(rec, GenerationEvent::Type::ToolResult);
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().toolStatus, QStringLiteral("ok"));
        QCOMPARE(results.first().toolContent, QStringLiteral("über ✓"));
        QCOMPARE(results.first().callId, asked.first().callId);

        // One assistant message keeps the call and its result.
        const MessageRecord saved = f->stored(g->messageId());
        QCOMPARE(saved.status, MessageStatus::Complete);
        const QJsonArray kept = saved.content.value(u"tool_calls").toArray();
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.first().toObject().value(u"status").toString(), QStringLiteral("ok"));
        QCOMPARE(kept.first().toObject().value(u"content").toString(), QStringLiteral("über ✓"));
        QCOMPARE(kept.first().toObject().value(u"text_offset").toInt(), QStringLiteral("Let me check. ").size());
    }

    void parallelCallsAreAllAnsweredBeforeTheModelGoesOn()
    {
        QVERIFY(startTools());
        f->fake.enqueue(callReply(QStringLiteral("openai"),
                                  {{QStringLiteral("call_a"), QStringLiteral("fake_echo"), QStringLiteral("{\"text\":\"one\"}")},
                                   {QStringLiteral("call_b"), QStringLiteral("fake_echo"), QStringLiteral("{\"text\":\"two\"}")}},
                                  {}, true));
        f->fake.enqueue(textReply(QStringLiteral("openai"), {QStringLiteral("Both done.")}));
        Generation *g = sendWithTools(f->newChat(), QStringLiteral("openai"));
        QVERIFY(g);
        Recorder rec;
        rec.attach(g);
        answer(0, ApprovalDecision::AllowOnce);
        answer(1, ApprovalDecision::AllowOnce);
        QVERIFY(rec.waitFinished());
        QCOMPARE(rec.last().type, GenerationEvent::Type::Completed);
        QCOMPARE(resultsIn(QStringLiteral("openai"), f->fake.requests().at(1).json()),
                 (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
        QCOMPARE(f->stored(g->messageId()).content.value(u"tool_calls").toArray().size(), 2);
    }

    void aDeniedCallIsNotRunAndTheModelIsToldSo()
    {
        QVERIFY(startTools());
        f->fake.enqueue(callReply(QStringLiteral("openai"), {{QStringLiteral("call_1"), QStringLiteral("fake_getenv"),
                                                              QStringLiteral("{\"name\":\"HOME\"}")}}));
        f->fake.enqueue(textReply(QStringLiteral("openai"), {QStringLiteral("Understood.")}));
        Generation *g = sendWithTools(f->newChat(), QStringLiteral("openai"));
        QVERIFY(g);
        Recorder rec;
        rec.attach(g);
        answer(0, ApprovalDecision::Deny);
        QVERIFY(rec.waitFinished());
        const auto results = ofType(rec, GenerationEvent::Type::ToolResult);
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().toolStatus, QStringLiteral("denied"));
        // Never ran: no "running" step.
        for (const auto &e : ofType(rec, GenerationEvent::Type::ToolCall))
            QVERIFY(e.toolStatus != u"running");
        const QStringList told = resultsIn(QStringLiteral("openai"), f->fake.requests().at(1).json());
        QCOMPARE(told.size(), 1);
        QVERIFY(told.first().contains(u"denied"));
    }

    void noAnswerInTimeIsADenial()
    {
        QVERIFY(startTools([](Config &c) { c.toolApprovalTimeoutSeconds = 1; }));
        f->fake.enqueue(callReply(QStringLiteral("openai"), {{QStringLiteral("call_1"), QStringLiteral("fake_echo"),
                                                              QStringLiteral("{\"text\":\"x\"}")}}));
        f->fake.enqueue(textReply(QStringLiteral("openai"), {QStringLiteral("No answer, then.")}));
        Generation *g = sendWithTools(f->newChat(), QStringLiteral("openai"));
        QVERIFY(g);
        Recorder rec;
        rec.attach(g);
        QVERIFY(rec.waitFinished(15000));
        QCOMPARE(ofType(rec, GenerationEvent::Type::ToolResult).first().toolStatus, QStringLiteral("denied"));
        QCOMPARE(rec.last().type, GenerationEvent::Type::Completed);
    }

    void aStandingApprovalAsksNobody()
    {
        QVERIFY(startTools());
        QVERIFY(f->backend().toolServers().approveAlways(f->user, serverId, QStringLiteral("echo")));
        f->fake.enqueue(callReply(QStringLiteral("openai"), {{QStringLiteral("call_1"), QStringLiteral("fake_echo"),
                                                              QStringLiteral("{\"text\":\"auto\"}")}}));
        f->fake.enqueue(textReply(QStringLiteral("openai"), {QStringLiteral("Done.")}));
        Generation *g = sendWithTools(f->newChat(), QStringLiteral("openai"));
        QVERIFY(g);
        Recorder rec;
        rec.attach(g);
        QVERIFY(rec.waitFinished());
        QVERIFY(asked.isEmpty());
        QCOMPARE(ofType(rec, GenerationEvent::Type::ToolResult).first().toolContent, QStringLiteral("auto"));
    }

    void malformedArgumentsAndUnknownToolsAreAnsweredAsErrors()
    {
        QVERIFY(startTools());
        f->fake.enqueue(callReply(QStringLiteral("openai"),
                                  {{QStringLiteral("call_1"), QStringLiteral("fake_echo"), QStringLiteral("{\"text\": \"cut")},
                                   {QStringLiteral("call_2"), QStringLiteral("nobody_home"), QStringLiteral("{}")}}));
        f->fake.enqueue(textReply(QStringLiteral("openai"), {QStringLiteral("Sorry.")}));
        Generation *g = sendWithTools(f->newChat(), QStringLiteral("openai"));
        QVERIFY(g);
        Recorder rec;
        rec.attach(g);
        QVERIFY(rec.waitFinished());
        QVERIFY(asked.isEmpty()); // nothing to approve: nothing could run
        const auto results = ofType(rec, GenerationEvent::Type::ToolResult);
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).toolStatus, QStringLiteral("error"));
        QCOMPARE(results.at(1).toolStatus, QStringLiteral("error"));
        QCOMPARE(rec.last().type, GenerationEvent::Type::Completed);
    }

    void abortDuringASlowToolStopsItAndContinueGoesOnFromTheCalls()
    {
        QVERIFY(startTools());
        QVERIFY(f->backend().toolServers().approveAlways(f->user, serverId, QStringLiteral("slow")));
        f->fake.enqueue(callReply(QStringLiteral("openai"), {{QStringLiteral("call_1"), QStringLiteral("fake_slow"),
                                                              QStringLiteral("{\"ms\":30000}")}}, QStringLiteral("Waiting. ")));
        const QString chat = f->newChat();
        Generation *g = sendWithTools(chat, QStringLiteral("openai"));
        QVERIFY(g);
        Recorder rec;
        rec.attach(g);
        QVERIFY(QTest::qWaitFor([&] {
            const auto calls = ofType(rec, GenerationEvent::Type::ToolCall);
            return !calls.isEmpty() && calls.last().toolStatus == u"running";
        }, 10000));
        QVERIFY(f->gens().abort(f->user, g->messageId()));
        QVERIFY(rec.finished()); // at once: no waiting for the tool
        QCOMPARE(rec.last().type, GenerationEvent::Type::Aborted);
        const MessageRecord saved = f->stored(g->messageId());
        QCOMPARE(saved.status, MessageStatus::Aborted);
        QCOMPARE(saved.text(), QStringLiteral("Waiting. "));
        const QJsonArray kept = saved.content.value(u"tool_calls").toArray();
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.first().toObject().value(u"status").toString(), QStringLiteral("error"));

        // Continue: the provider sees the call and its (stopped) result, then goes on.
        f->fake.enqueue(textReply(QStringLiteral("openai"), {QStringLiteral("Carrying on.")}));
        auto again = f->gens().continueMessage(f->user, g->messageId());
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        Recorder rec2;
        rec2.attach(again.value());
        QVERIFY(rec2.waitFinished());
        QCOMPARE(rec2.last().type, GenerationEvent::Type::Completed);
        const QJsonObject body = f->fake.requests().last().json();
        const QJsonArray messages = body.value(u"messages").toArray();
        bool sawCall = false;
        for (const QJsonValue &m : messages)
            sawCall = sawCall || m.toObject().contains(u"tool_calls");
        QVERIFY(sawCall);
        QCOMPARE(resultsIn(QStringLiteral("openai"), body).size(), 1);
        QCOMPARE(f->stored(g->messageId()).text(), QStringLiteral("Waiting. Carrying on."));
    }

    void aToolServerThatDiesMidCallGivesAnErrorAndComesBack()
    {
        QVERIFY(startTools());
        QVERIFY(f->backend().toolServers().approveAlways(f->user, serverId, QStringLiteral("crash")));
        f->fake.enqueue(callReply(QStringLiteral("openai"), {{QStringLiteral("call_1"), QStringLiteral("fake_crash"),
                                                              QStringLiteral("{}")}}));
        f->fake.enqueue(textReply(QStringLiteral("openai"), {QStringLiteral("It failed.")}));
        Generation *g = sendWithTools(f->newChat(), QStringLiteral("openai"));
        QVERIFY(g);
        Recorder rec;
        rec.attach(g);
        QVERIFY(rec.waitFinished());
        QCOMPARE(ofType(rec, GenerationEvent::Type::ToolResult).first().toolStatus, QStringLiteral("error"));
        QCOMPARE(rec.last().type, GenerationEvent::Type::Completed);
        // Restarted with back-off, and usable again.
        QVERIFY(QTest::qWaitFor([this] { return f->backend().toolRegistry().state(serverId).status == u"running"; }, 15000));
    }

    void afterMaxToolRoundsTheModelIsOfferedNoMoreTools()
    {
        QVERIFY(startTools([](Config &c) { c.maxToolRounds = 2; }));
        QVERIFY(f->backend().toolServers().approveAlways(f->user, serverId, QStringLiteral("echo")));
        for (int i = 0; i < 2; ++i)
            f->fake.enqueue(callReply(QStringLiteral("openai"), {{QStringLiteral("call_%1").arg(i), QStringLiteral("fake_echo"),
                                                                  QStringLiteral("{\"text\":\"again\"}")}}));
        f->fake.enqueue(textReply(QStringLiteral("openai"), {QStringLiteral("Enough.")}));
        Generation *g = sendWithTools(f->newChat(), QStringLiteral("openai"));
        QVERIFY(g);
        Recorder rec;
        rec.attach(g);
        QVERIFY(rec.waitFinished());
        QCOMPARE(rec.last().type, GenerationEvent::Type::Completed);
        QCOMPARE(f->fake.requests().size(), 3);
        QVERIFY(f->fake.requests().at(1).json().contains(u"tools"));
        QVERIFY(!f->fake.requests().at(2).json().contains(u"tools"));
        QCOMPARE(f->stored(g->messageId()).content.value(u"tool_calls").toArray().size(), 2);
    }

    void aToolOnAnHttpServerRunsTheSameWay()
    {
        QVERIFY(startTools());
        // The same fake, serving Streamable HTTP on loopback (the owner may reach it).
        QProcess http;
        http.setProgram(QStringLiteral(FAKE_MCP_SERVER));
        http.setArguments({QStringLiteral("--http"), QStringLiteral("--sse")});
        http.start();
        QVERIFY(QTest::qWaitFor([&] { return http.canReadLine(); }, 10000));
        const QByteArray line = http.readLine().trimmed();
        QVERIFY2(line.startsWith("PORT "), line.constData());
        ToolServerInput in;
        in.name = QStringLiteral("web");
        in.transport = QStringLiteral("http");
        in.url = QStringLiteral("http://127.0.0.1:%1/mcp").arg(QString::fromLatin1(line.mid(5)));
        auto added = f->backend().toolServers().add(f->user, in);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
        QVERIFY(QTest::qWaitFor([&] { return f->backend().toolRegistry().state(added->id).status == u"running"; }, 10000));

        f->fake.enqueue(callReply(QStringLiteral("openai"), {{QStringLiteral("call_1"), QStringLiteral("web_echo"),
                                                              QStringLiteral("{\"text\":\"over http\"}")}}));
        f->fake.enqueue(textReply(QStringLiteral("openai"), {QStringLiteral("Fine.")}));
        Generation *g = sendWithTools(f->newChat(), QStringLiteral("openai"));
        QVERIFY(g);
        Recorder rec;
        rec.attach(g);
        answer(0, ApprovalDecision::AllowOnce);
        QCOMPARE(asked.first().serverName, QStringLiteral("web"));
        QVERIFY(rec.waitFinished());
        QCOMPARE(ofType(rec, GenerationEvent::Type::ToolResult).first().toolContent, QStringLiteral("over http"));
        QCOMPARE(resultsIn(QStringLiteral("openai"), f->fake.requests().at(1).json()), QStringList{QStringLiteral("over http")});
        // Both servers' tools were offered, under names that tell them apart.
        const QByteArray offered = QJsonDocument(f->fake.requests().first().json().value(u"tools").toArray()).toJson();
        QVERIFY(offered.contains("web_echo") && offered.contains("fake_echo"));
        http.kill();
        QVERIFY(QTest::qWaitFor([&] { return http.state() == QProcess::NotRunning; }, 5000));
    }

    void withoutToolsAskedForNoneAreOffered()
    {
        QVERIFY(startTools());
        f->fake.enqueue(textReply(QStringLiteral("openai"), {QStringLiteral("Plain.")}));
        Generation *g = f->send(f->newChat(), QStringLiteral("hi"));
        QVERIFY(g);
        Recorder rec;
        rec.attach(g);
        QVERIFY(rec.waitFinished());
        QVERIFY(!f->fake.requests().first().json().contains(u"tools"));
    }
};

QTEST_GUILESS_MAIN(TstToolLoop)
#include "tst_toolloop.moc"
