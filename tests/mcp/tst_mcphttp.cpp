#include "mcptesthelpers.h"

#include <QProcess>
#include <QTemporaryDir>

using namespace teehee;
using namespace mcptest;

// The fake MCP server in its HTTP mode, a real child process on a loopback port.
class FakeHttpProcess {
public:
    explicit FakeHttpProcess(const QStringList &args)
    {
        m_process.setProgram(QStringLiteral(FAKE_MCP_SERVER));
        m_process.setArguments(QStringList{"--http"} + args);
        m_process.start();
    }
    ~FakeHttpProcess()
    {
        m_process.kill();
        (void)QTest::qWaitFor([this] { return m_process.state() == QProcess::NotRunning; }, 5'000);
    }

    // The port it printed, 0 when it did not come up.
    int port()
    {
        (void)QTest::qWaitFor([this] { // port() is 0 when nothing came
            m_out += m_process.readAllStandardOutput();
            return m_out.contains('\n');
        }, 20'000);
        return m_out.startsWith("PORT ") ? m_out.mid(5).trimmed().toInt() : 0;
    }

private:
    QProcess m_process;
    QByteArray m_out;
};

class TestMcpHttp : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    static McpServerConfig config(int port)
    {
        McpServerConfig c;
        c.id = QStringLiteral("h1");
        c.name = QStringLiteral("remote");
        c.transport = McpServerConfig::Transport::Http;
        c.url = QStringLiteral("http://127.0.0.1:%1/mcp").arg(port);
        c.headers.insert(QStringLiteral("Authorization"), QStringLiteral("Bearer http-secret-token-123"));
        return c;
    }

    static std::unique_ptr<McpServer> startServer(const McpServerConfig &c)
    {
        auto server = std::make_unique<McpServer>(c);
        server->setTimings(fastTimings());
        server->start();
        return server;
    }

private Q_SLOTS:
    void roundTrips_data()
    {
        QTest::addColumn<bool>("sse");
        QTest::addColumn<bool>("pooled");
        QTest::newRow("json") << false << false;
        QTest::newRow("sse") << true << false;
        QTest::newRow("json, pooled") << false << true;
    }

    void roundTrips()
    {
        QFETCH(bool, sse);
        QFETCH(bool, pooled);
        HttpConnectionPool pool;
        FakeHttpProcess fake(sse ? QStringList{"--sse", "--page-size", "4"} : QStringList{"--page-size", "4"});
        const int port = fake.port();
        QVERIFY(port > 0);
        auto server = std::make_unique<McpServer>(config(port));
        server->setTimings(fastTimings());
        if (pooled)
            server->setConnectionPool(&pool);
        server->start();
        QVERIFY(waitForStatus(*server, McpServer::Status::Running));
        // Every request after initialize carried the session id and protocol
        // version: the fake refuses any that does not (400/404).
        QCOMPARE(server->tools().size(), 10);
        CallOutcome out = callAndWait(*server, "echo", {{"text", "über HTTP"}});
        QCOMPARE(out.finishedCount, 1);
        QCOMPARE(out.result.status, McpCallResult::Status::Ok);
        QCOMPARE(out.result.content, QStringLiteral("über HTTP"));
        out = callAndWait(*server, "fail", {});
        QCOMPARE(out.result.status, McpCallResult::Status::Ok);
        QVERIFY(out.result.isError);
        out = callAndWait(*server, "big", {{"bytes", 100 * 1024}, {"char", "é"}});
        QVERIFY(out.result.truncated);
        QVERIFY(out.result.content.toUtf8().size() <= 16 * 1024);
        QVERIFY(!out.result.content.contains(QChar::ReplacementCharacter));
        QVERIFY(!server->log().join('\n').contains(QStringLiteral("http-secret-token-123")));
    }

    void listChangedInsideAnSseAnswer()
    {
        FakeHttpProcess fake({"--sse"});
        const int port = fake.port();
        QVERIFY(port > 0);
        auto server = startServer(config(port));
        QVERIFY(waitForStatus(*server, McpServer::Status::Running));
        QCOMPARE(server->tools().size(), 10);
        QCOMPARE(callAndWait(*server, "change_tools", {}).result.content, QStringLiteral("changed"));
        QVERIFY(QTest::qWaitFor([&] { return server->tools().size() == 11; }, 10'000));
    }

    void timeoutSendsCancellation()
    {
        const QString record = m_dir.filePath("http-timeout.jsonl");
        FakeHttpProcess fake({"--sse", "--record", record});
        const int port = fake.port();
        QVERIFY(port > 0);
        auto server = startServer(config(port));
        QVERIFY(waitForStatus(*server, McpServer::Status::Running));
        const CallOutcome out = callAndWait(*server, "slow", {{"ms", 30'000}}, 300);
        QCOMPARE(out.finishedCount, 1);
        QCOMPARE(out.result.status, McpCallResult::Status::TimedOut);
        QVERIFY(QTest::qWaitFor([&] { return readFile(record).contains("notifications/cancelled"); }, 10'000));
        QCOMPARE(callAndWait(*server, "echo", {{"text", "still"}}).result.content, QStringLiteral("still"));
    }

    void sessionForgottenStartsANewOne()
    {
        FakeHttpProcess fake({});
        const int port = fake.port();
        QVERIFY(port > 0);
        auto first = startServer(config(port));
        QVERIFY(waitForStatus(*first, McpServer::Status::Running));
        // A second client initializes: the fake keeps only the newest session.
        auto second = startServer(config(port));
        QVERIFY(waitForStatus(*second, McpServer::Status::Running));
        const CallOutcome out = callAndWait(*first, "echo", {{"text", "x"}});
        QCOMPARE(out.result.status, McpCallResult::Status::Unavailable);
        QVERIFY(waitForStatus(*first, McpServer::Status::Running));
        QCOMPARE(callAndWait(*first, "echo", {{"text", "again"}}).result.content, QStringLiteral("again"));
    }

    void oversizedAnswerRestartsTheConnection_data()
    {
        QTest::addColumn<bool>("sse");
        QTest::newRow("json") << false;
        QTest::newRow("sse") << true;
    }

    void oversizedAnswerRestartsTheConnection()
    {
        QFETCH(bool, sse);
        FakeHttpProcess fake(sse ? QStringList{"--sse"} : QStringList{});
        const int port = fake.port();
        QVERIFY(port > 0);
        auto server = startServer(config(port));
        QVERIFY(waitForStatus(*server, McpServer::Status::Running));
        const CallOutcome out = callAndWait(*server, "big", {{"bytes", 5 * 1024 * 1024}});
        QCOMPARE(out.result.status, McpCallResult::Status::Unavailable);
        QVERIFY(out.result.content.contains(QStringLiteral("over 4 MiB")));
        QVERIFY(waitForStatus(*server, McpServer::Status::Running));
        QCOMPARE(callAndWait(*server, "echo", {{"text", "fine"}}).result.content, QStringLiteral("fine"));
    }

    void unreachableServerIsAnError()
    {
        FakeHttpProcess fake({});
        const int port = fake.port();
        QVERIFY(port > 0);
        McpServerConfig c = config(port);
        c.url = QStringLiteral("http://127.0.0.1:1/mcp");
        auto server = startServer(c);
        QVERIFY(waitForStatus(*server, McpServer::Status::Error));
        QVERIFY(server->errorText().contains(QStringLiteral("could not be reached")));
    }
};

QTEST_GUILESS_MAIN(TestMcpHttp)
#include "tst_mcphttp.moc"
