// The MCP servers users configure: who may add which kind, what is checked,
// what is sealed at rest, and the standing approvals of their tools.
// SQLite and PostgreSQL.
#include "backend.h"
#include "db/sqlquery.h"
#include "db/userrepository.h"
#include "keys/keyservice.h"
#include "support/httptestclient.h"
#include "support/testenv.h"
#include "tools/toolserverservice.h"

#include <QSignalSpy>
#include <QTest>

using namespace teehee;

namespace {

const QString kToken = QStringLiteral("ghp_THISISASECRETTOKEN0123456789");

QString newUser(Backend &b, const QString &email)
{
    UserRecord u;
    u.email = email;
    auto created = UserRepository(b.database()).create(u);
    return created ? created->id : QString();
}

ToolServerInput stdio(const QString &name)
{
    ToolServerInput in;
    in.name = name;
    in.transport = QStringLiteral("stdio");
    in.command = QStringLiteral("/usr/bin/mcp-files");
    in.args = QStringList{QStringLiteral("--root"), QStringLiteral("/home/me")};
    in.env = QMap<QString, QString>{{QStringLiteral("GITHUB_TOKEN"), kToken}};
    return in;
}

ToolServerInput http(const QString &name, const QString &url)
{
    ToolServerInput in;
    in.name = name;
    in.transport = QStringLiteral("http");
    in.url = url;
    in.headers = QMap<QString, QString>{{QStringLiteral("Authorization"), QStringLiteral("Bearer ") + kToken}};
    return in;
}

} // namespace

class TstToolServers : public QObject {
    Q_OBJECT

    std::unique_ptr<TestApiServer> s;
    std::unique_ptr<ToolServerService> tools;
    Config config;
    QString owner, guest;

    QString storedColumn(const QString &column, const QString &id)
    {
        auto db = s->backend().database().connection();
        SqlQuery q(db.value(), QStringLiteral("SELECT %1 FROM tool_servers WHERE id = :id").arg(column));
        q.bind(QStringLiteral(":id"), id);
        if (!q.exec() || !q.next())
            return {};
        return q.value(0).toString();
    }

private Q_SLOTS:
    void init()
    {
        s = std::make_unique<TestApiServer>();
        QVERIFY2(s->isValid(), qPrintable(s->error()));
        config = s->backend().config();
        tools = std::make_unique<ToolServerService>(config, s->backend().database(), s->backend().keys());
        owner = newUser(s->backend(), QStringLiteral("owner@example.com"));
        guest = newUser(s->backend(), QStringLiteral("guest@example.com"));
        QVERIFY(!owner.isEmpty() && !guest.isEmpty());
        // What the desktop's composition does for its own account.
        s->backend().keys().trustWithPrivateEndpoints(owner);
    }
    void cleanup()
    {
        tools.reset();
        s.reset();
    }

    void theMachinesOwnerAddsAStdioServerAndItsSecretsAreSealed()
    {
        QSignalSpy changed(tools.get(), &ToolServerService::serverChanged);
        auto added = tools->add(owner, stdio(QStringLiteral("files")));
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
        QCOMPARE(changed.size(), 1);
        QVERIFY(!storedColumn(QStringLiteral("secrets"), added->id).contains(kToken));
        QVERIFY(!storedColumn(QStringLiteral("config"), added->id).contains(kToken));
        const auto listed = tools->list(owner).value();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().env.value(QStringLiteral("GITHUB_TOKEN")), kToken);
        QCOMPARE(listed.first().args, (QStringList{QStringLiteral("--root"), QStringLiteral("/home/me")}));
    }

    void anyOtherAccountMayNotAddAStdioServer()
    {
        auto refused = tools->add(guest, stdio(QStringLiteral("files")));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Forbidden);
        QVERIFY(tools->list(guest).value().isEmpty());
    }

    void theOperatorMayAllowStdioServersToEveryAccount()
    {
        config.allowStdioTools = true;
        QVERIFY(tools->add(guest, stdio(QStringLiteral("files"))));
    }

    void anHttpServerOnThePrivateNetworkIsTheOwnersAlone()
    {
        auto refused = tools->add(guest, http(QStringLiteral("local"), QStringLiteral("http://127.0.0.1:9000/mcp")));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Forbidden);
        QVERIFY(tools->add(owner, http(QStringLiteral("local"), QStringLiteral("http://127.0.0.1:9000/mcp"))));
        QVERIFY(tools->add(guest, http(QStringLiteral("public"), QStringLiteral("https://mcp.example.com/mcp"))));
    }

    void malformedServersAreRefusedAsInvalid_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("no name") << "name" << "";
        QTest::newRow("control in name") << "name" << "a\nb";
        QTest::newRow("no command") << "command" << "";
        QTest::newRow("control in command") << "command" << "/bin/x\ty";
        QTest::newRow("bad transport") << "transport" << "carrier-pigeon";
        QTest::newRow("bad env name") << "env" << "1BAD";
    }
    void malformedServersAreRefusedAsInvalid()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        ToolServerInput in = stdio(QStringLiteral("files"));
        if (field == u"name")
            in.name = value;
        else if (field == u"command")
            in.command = value;
        else if (field == u"transport")
            in.transport = value;
        else
            in.env = QMap<QString, QString>{{value, QStringLiteral("x")}};
        auto r = tools->add(owner, in);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        QVERIFY(tools->list(owner).value().isEmpty());
    }

    void aHeaderWithALineBreakIsRefused()
    {
        ToolServerInput in = http(QStringLiteral("x"), QStringLiteral("https://mcp.example.com/"));
        in.headers = QMap<QString, QString>{{QStringLiteral("X-A"), QStringLiteral("v\r\nX-Injected: 1")}};
        auto r = tools->add(owner, in);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
    }

    void namesAreUniquePerAccountAndServersPrivateToIt()
    {
        config.allowStdioTools = true;
        const auto mine = tools->add(owner, stdio(QStringLiteral("files"))).value();
        auto twice = tools->add(owner, stdio(QStringLiteral("files")));
        QVERIFY(!twice);
        QCOMPARE(twice.error().code, ErrorCode::Conflict);
        QVERIFY(tools->add(guest, stdio(QStringLiteral("files")))); // another account's name space
        QCOMPARE(tools->find(guest, mine.id).error().code, ErrorCode::NotFound);
        QCOMPARE(tools->remove(guest, mine.id).error().code, ErrorCode::NotFound);
        ToolServerInput rename;
        rename.name = QStringLiteral("mine now");
        QCOMPARE(tools->update(guest, mine.id, rename).error().code, ErrorCode::NotFound);
        QCOMPARE(tools->find(owner, mine.id).value().name, QStringLiteral("files"));
    }

    void anUpdateKeepsWhatItDoesNotName()
    {
        const auto made = tools->add(owner, stdio(QStringLiteral("files"))).value();
        ToolServerInput off;
        off.enabled = false;
        const auto updated = tools->update(owner, made.id, off).value();
        QCOMPARE(updated.enabled, false);
        QCOMPARE(updated.env, made.env);
        QCOMPARE(tools->find(owner, made.id).value().command, made.command);
        QVERIFY(tools->enabledServers().value().isEmpty());
        ToolServerInput change;
        change.transport = QStringLiteral("http");
        QCOMPARE(tools->update(owner, made.id, change).error().code, ErrorCode::InvalidInput);
    }

    void standingApprovalsAreKeptListedAndRevoked()
    {
        const auto server = tools->add(owner, stdio(QStringLiteral("files"))).value();
        QVERIFY(!tools->isApproved(owner, server.id, QStringLiteral("read")).value());
        QVERIFY(tools->approveAlways(owner, server.id, QStringLiteral("read")));
        QVERIFY(tools->approveAlways(owner, server.id, QStringLiteral("read"))); // twice is fine
        QVERIFY(tools->isApproved(owner, server.id, QStringLiteral("read")).value());
        QVERIFY(!tools->isApproved(owner, server.id, QStringLiteral("write")).value());
        // Nobody approves on another account's server.
        QVERIFY(tools->approveAlways(guest, server.id, QStringLiteral("read")));
        QVERIFY(!tools->isApproved(guest, server.id, QStringLiteral("read")).value());
        QCOMPARE(tools->approvals(owner).value().size(), 1);
        QCOMPARE(tools->revokeApproval(guest, server.id, QStringLiteral("read")).error().code, ErrorCode::NotFound);
        QVERIFY(tools->revokeApproval(owner, server.id, QStringLiteral("read")));
        QVERIFY(!tools->isApproved(owner, server.id, QStringLiteral("read")).value());
        // Removing the server removes what was approved of it.
        QVERIFY(tools->approveAlways(owner, server.id, QStringLiteral("read")));
        QVERIFY(tools->remove(owner, server.id));
        QVERIFY(tools->approvals(owner).value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstToolServers)
#include "tst_toolservers.moc"
