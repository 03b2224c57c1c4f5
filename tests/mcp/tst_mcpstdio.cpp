#include "mcptesthelpers.h"

#include "mcp/mcpstdiotransport.h"

#include <QTemporaryDir>

using namespace teehee;
using namespace mcptest;

class TestMcpStdio : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    McpServerConfig config(const QStringList &args = {}, const QMap<QString, QString> &env = {})
    {
        McpServerConfig c;
        c.id = QStringLiteral("s1");
        c.name = QStringLiteral("fake");
        c.transport = McpServerConfig::Transport::Stdio;
        c.command = QStringLiteral(FAKE_MCP_SERVER);
        c.args = args;
        c.env = env;
        return c;
    }

    std::unique_ptr<McpServer> startServer(const McpServerConfig &c)
    {
        auto server = std::make_unique<McpServer>(c);
        server->setTimings(fastTimings());
        server->start();
        return server;
    }

    static qint64 childPid(const McpServer &server)
    {
        for (const QString &line : server.log()) {
            if (line.startsWith(QStringLiteral("pid ")))
                return line.mid(4).toLongLong();
        }
        return -1;
    }

private Q_SLOTS:
    void initializeAndListAllPages()
    {
        auto server = startServer(config({QStringLiteral("--page-size"), QStringLiteral("2")}));
        QSignalSpy tools(server.get(), &McpServer::toolsChanged);
        QVERIFY(waitForStatus(*server, McpServer::Status::Running));
        QCOMPARE(tools.size(), 1);
        QStringList names;
        for (const McpTool &t : server->tools())
            names << t.name;
        QCOMPARE(names, QStringList({"echo", "slow", "fail", "big", "crash", "getenv", "flood", "mixed", "change_tools", "ping_me"}));
        QCOMPARE(server->tools().first().description, QStringLiteral("the echo tool"));
        QCOMPARE(server->tools().first().inputSchema.value("type").toString(), QStringLiteral("object"));
        QVERIFY(server->errorText().isEmpty());
    }

    void echoRoundTrip()
    {
        auto server = startServer(config());
        QVERIFY(waitForStatus(*server, McpServer::Status::Running));
        const CallOutcome out = callAndWait(*server, "echo", {{"text", "hello €"}});
        QCOMPARE(out.finishedCount, 1);
        QCOMPARE(out.result.status, McpCallResult::Status::Ok);
        QCOMPARE(out.result.content, QStringLiteral("hello €"));
        QVERIFY(!out.result.isError);
        QVERIFY(!out.result.truncated);
    }

    void toolErrorAndUnknownTool()
    {
        auto server = startServer(config());
        QVERIFY(waitForStatus(*server, McpServer::Status::Running));
        CallOutcome out = callAndWait(*server, "fail", {});
        QCOMPARE(out.result.status, McpCallResult::Status::Ok);
        QVERIFY(out.result.isError);
        QCOMPARE(out.result.content, QStringLiteral("it went wrong"));
        out = callAndWait(*server, "nosuch", {});
        QCOMPARE(out.result.status, McpCallResult::Status::Error);
        QVERIFY(out.result.content.contains(QStringLiteral("Unknown tool")));
        out = callAndWait(*server, "mixed", {});
        QCOMPARE(out.result.content, QStringLiteral("a chart\n[image: image/png]"));
    }

    void bigResultIsCutAtCharacterBoundary()
    {
        auto server = startServer(config());
        QVERIFY(waitForStatus(*server, McpServer::Status::Running));
        const CallOutcome out = callAndWait(*server, "big", {{"bytes", 100 * 1024}, {"char", "€"}});
        QCOMPARE(out.result.status, McpCallResult::Status::Ok);
        QVERIFY(out.result.truncated);
        const QByteArray utf8 = out.result.content.toUtf8();
        QVERIFY(utf8.size() <= 16 * 1024);
        QVERIFY(!out.result.content.contains(QChar::ReplacementCharacter));
        const qsizetype marker = out.result.content.indexOf(QStringLiteral("\n[output cut:"));
        QVERIFY(marker > 5000);
        QCOMPARE(out.result.content.left(marker), QStringLiteral("€").repeated(marker));
    }

    void timeoutSendsCancellation()
    {
        const QString record = m_dir.filePath("timeout.jsonl");
        auto server = startServer(config({"--record", record}));
        QVERIFY(waitForStatus(*server, McpServer::Status::Running));
        const CallOutcome out = callAndWait(*server, "slow", {{"ms", 30'000}}, 300);
        QCOMPARE(out.finishedCount, 1);
        QCOMPARE(out.result.status, McpCallResult::Status::TimedOut);
        QVERIFY(QTest::qWaitFor([&] { return readFile(record).contains("notifications/cancelled"); }, 10'000));
        QVERIFY(QTest::qWaitFor([&] { return server->log().join('\n').contains("cancelled request"); }, 10'000));
        // The server stays usable.
        QCOMPARE(callAndWait(*server, "echo", {{"text", "after"}}).result.content, QStringLiteral("after"));
    }

    void cancelDuringSlowCall()
    {
        const QString record = m_dir.filePath("cancel.jsonl");
        auto server = startServer(config({"--record", record}));
        QVERIFY(waitForStatus(*server, McpServer::Status::Running));
        std::unique_ptr<McpToolCall> call(server->callTool("slow", {{"ms", 30'000}}, 60'000));
        QSignalSpy finished(call.get(), &McpToolCall::finished);
        QVERIFY(QTest::qWaitFor([&] { return server->log().join('\n').contains("calling slow"); }, 10'000));
        call->cancel();
        QCOMPARE(finished.size(), 1); // at once
        QCOMPARE(finished.first().first().value<McpCallResult>().status, McpCallResult::Status::Cancelled);
        call->cancel();
        QVERIFY(QTest::qWaitFor([&] { return readFile(record).contains("notifications/cancelled"); }, 10'000));
        QVERIFY(readFile(record).contains("\"reason\""));
        QTest::qWait(100);
        QCOMPARE(finished.size(), 1);
    }

    void deathMidCallThenRestart()
    {
        auto server = std::make_unique<McpServer>(config());
        McpTimings t = fastTimings();
        t.restartFirstMs = t.restartMaxMs = 3'000; // time enough to look at it while it is down
        server->setTimings(t);
        server->start();
        QVERIFY(waitForStatus(*server, McpServer::Status::Running));
        const CallOutcome out = callAndWait(*server, "crash", {});
        QCOMPARE(out.finishedCount, 1);
        QCOMPARE(out.result.status, McpCallResult::Status::Unavailable);
        QCOMPARE(server->status(), McpServer::Status::Error);
        QVERIFY(server->errorText().contains(QStringLiteral("exited with code 3")));
        QVERIFY(server->log().join('\n').contains("crashing now"));
        // While it is down, a call is refused rather than queued.
        QCOMPARE(callAndWait(*server, "echo", {}).result.status, McpCallResult::Status::Unavailable);
        QVERIFY(waitForStatus(*server, McpServer::Status::Running));
        QCOMPARE(callAndWait(*server, "echo", {{"text", "back"}}).result.content, QStringLiteral("back"));
    }

    void backoffGrowsWhileTheServerKeepsFailing()
    {
        // A program that exits at once, again and again.
        McpServerConfig c = config();
        c.command = QStringLiteral("/bin/false");
        auto server = startServer(c);
        QStringList delays;
        QVERIFY(QTest::qWaitFor([&] {
            delays.clear();
            for (const QString &line : server->log()) {
                const qsizetype at = line.indexOf(QStringLiteral("starting again in "));
                if (at >= 0)
                    delays << line.mid(at + 18);
            }
            return delays.size() >= 4;
        }, 20'000));
        QCOMPARE(delays.mid(0, 4), QStringList({"200 ms", "400 ms", "800 ms", "1600 ms"}));
        QCOMPARE(server->status(), McpServer::Status::Error);
        QVERIFY(server->errorText().contains(QStringLiteral("exited with code 1")));
    }

    void uptimeForgetsEarlierFailures_data()
    {
        QTest::addColumn<int>("stableUptimeMs");
        QTest::addColumn<QString>("secondDelay");
        QTest::newRow("short-lived") << 60'000 << QStringLiteral("400 ms");
        QTest::newRow("ran long enough") << 0 << QStringLiteral("200 ms");
    }

    void uptimeForgetsEarlierFailures()
    {
        QFETCH(int, stableUptimeMs);
        QFETCH(QString, secondDelay);
        auto server = std::make_unique<McpServer>(config());
        McpTimings t = fastTimings();
        t.stableUptimeMs = stableUptimeMs;
        server->setTimings(t);
        server->start();
        QStringList delays;
        for (int crash = 0; crash < 2; ++crash) {
            QVERIFY(waitForStatus(*server, McpServer::Status::Running));
            QCOMPARE(callAndWait(*server, "crash", {}).result.status, McpCallResult::Status::Unavailable);
        }
        for (const QString &line : server->log()) {
            const qsizetype at = line.indexOf(QStringLiteral("starting again in "));
            if (at >= 0)
                delays << line.mid(at + 18);
        }
        QCOMPARE(delays, QStringList({"200 ms", secondDelay}));
    }

    void noAnswerToInitializeIsAnError()
    {
        McpServerConfig c = config();
        c.command = QStringLiteral("/bin/sleep");
        c.args = QStringList{"100"};
        auto server = std::make_unique<McpServer>(c);
        McpTimings t = fastTimings();
        t.startupMs = 300;
        server->setTimings(t);
        server->start();
        QVERIFY(waitForStatus(*server, McpServer::Status::Error));
        QVERIFY(server->errorText().contains(QStringLiteral("did not get ready")));
        server->stop();
    }

    void serverPingIsAnswered()
    {
        auto server = startServer(config());
        QVERIFY(waitForStatus(*server, McpServer::Status::Running));
        QCOMPARE(callAndWait(*server, "ping_me", {}).result.content, QStringLiteral("pong received"));
    }

    void missingProgramIsAnError()
    {
        McpServerConfig c = config();
        c.command = m_dir.filePath("does-not-exist");
        auto server = startServer(c);
        QVERIFY(waitForStatus(*server, McpServer::Status::Error));
        QVERIFY(server->errorText().contains(QStringLiteral("could not start")));
        server->stop();
        QCOMPARE(server->status(), McpServer::Status::Stopped);
    }

    void listChangedRefreshesTools()
    {
        auto server = startServer(config());
        QVERIFY(waitForStatus(*server, McpServer::Status::Running));
        QSignalSpy tools(server.get(), &McpServer::toolsChanged);
        QCOMPARE(callAndWait(*server, "change_tools", {}).result.content, QStringLiteral("changed"));
        QVERIFY(QTest::qWaitFor([&] { return server->tools().size() == 11; }, 10'000));
        QCOMPARE(tools.size(), 1);
        QCOMPARE(server->tools().last().name, QStringLiteral("extra"));
    }

    void environmentIsMinimalAndSecretsAreRedacted()
    {
        qputenv("TEEHEE_MCP_PARENT_SECRET", "parent-only-value");
        const QString secret = QStringLiteral("sk-given-9f8e7d6c5b4a");
        auto server = startServer(config({"--print-env", "API_TOKEN"}, {{"API_TOKEN", secret}}));
        QVERIFY(waitForStatus(*server, McpServer::Status::Running));
        QCOMPARE(callAndWait(*server, "getenv", {{"name", "TEEHEE_MCP_PARENT_SECRET"}}).result.content, QStringLiteral("<unset>"));
        QCOMPARE(callAndWait(*server, "getenv", {{"name", "API_TOKEN"}}).result.content, secret);
        QCOMPARE(callAndWait(*server, "getenv", {{"name", "PATH"}}).result.content, qEnvironmentVariable("PATH"));
        const QString log = server->log().join('\n');
        QVERIFY2(log.contains(QStringLiteral("API_TOKEN=[redacted]")), qPrintable(log));
        QVERIFY(!log.contains(secret));
        QVERIFY(log.contains(QStringLiteral("\\x1b[31mcoloured"))); // escaped, not raw
        QVERIFY(!log.contains(QChar(0x1b)));
        const QProcessEnvironment env = McpStdioTransport::childEnvironment({{"A", "b"}});
        QVERIFY(!env.contains("TEEHEE_MCP_PARENT_SECRET"));
        QVERIFY(env.keys().size() <= 4);
    }

    void oversizedLineRestartsTheConnection()
    {
        auto server = startServer(config());
        QVERIFY(waitForStatus(*server, McpServer::Status::Running));
        QSignalSpy status(server.get(), &McpServer::statusChanged);
        const CallOutcome out = callAndWait(*server, "flood", {{"bytes", 5 * 1024 * 1024}});
        QCOMPARE(out.result.status, McpCallResult::Status::Unavailable);
        QVERIFY(out.result.content.contains(QStringLiteral("over 4 MiB")));
        QVERIFY(waitForStatus(*server, McpServer::Status::Running));
        QVERIFY(status.size() >= 2);
        QCOMPARE(callAndWait(*server, "echo", {{"text", "ok"}}).result.content, QStringLiteral("ok"));
    }

    void stopEndsTheChildAndRefusesCalls()
    {
        auto server = startServer(config());
        QVERIFY(waitForStatus(*server, McpServer::Status::Running));
        const qint64 pid = childPid(*server);
        QVERIFY(pid > 0);
        QVERIFY(QFile::exists(QStringLiteral("/proc/%1").arg(pid)));
        std::unique_ptr<McpToolCall> call(server->callTool("slow", {{"ms", 30'000}}, 60'000));
        QSignalSpy finished(call.get(), &McpToolCall::finished);
        server->stop();
        QCOMPARE(server->status(), McpServer::Status::Stopped);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().value<McpCallResult>().status, McpCallResult::Status::Unavailable);
        QVERIFY(QTest::qWaitFor([&] { return !QFile::exists(QStringLiteral("/proc/%1").arg(pid)); }, 10'000));
        QCOMPARE(callAndWait(*server, "echo", {}).result.status, McpCallResult::Status::Unavailable);
        server->start();
        QVERIFY(waitForStatus(*server, McpServer::Status::Running));
    }

    void stopTerminatesAChildThatIgnoresClosedStdin()
    {
        auto server = std::make_unique<McpServer>(config({"--ignore-eof"}));
        McpTimings t = fastTimings();
        t.stopGraceMs = 1'500; // long enough to see the child outlive its closed stdin
        server->setTimings(t);
        server->start();
        QVERIFY(waitForStatus(*server, McpServer::Status::Running));
        const qint64 pid = childPid(*server);
        QVERIFY(pid > 0);
        server->stop();
        QTest::qWait(100);
        QVERIFY(QFile::exists(QStringLiteral("/proc/%1").arg(pid))); // still within the grace period
        QVERIFY(QTest::qWaitFor([&] { return !QFile::exists(QStringLiteral("/proc/%1").arg(pid)); }, 10'000));
    }
};

QTEST_GUILESS_MAIN(TestMcpStdio)
#include "tst_mcpstdio.moc"
