// User-given endpoints may not reach the server's own network: the address
// judged is the one connected to, after DNS, and a refused one is never
// connected to (so nothing tells whether a port there is open). Redirects are
// never followed. Against fake servers on loopback, which must see nothing in
// the refused cases; the same endpoints work once the operator allows them.
// Both for the chat stream and for the model list.
#include "fakeproviderserver.h"
#include "streamrecorder.h"

#include "core/config.h"
#include "providers/endpointpolicy.h"
#include "providers/modellistfetcher.h"
#include "providers/providerregistry.h"

#include <QHostInfo>
#include <QSignalSpy>
#include <QTest>

using namespace teehee;
using namespace teehee::test;

namespace {

using Policy = std::shared_ptr<const EndpointPolicy>;

// The outcome of a chat stream and of a model list against one base URL.
struct Outcome {
    ProviderError stream;
    ProviderError models;
    QString text;
};

Outcome callBoth(const QString &baseUrl, const Policy &policy, const QString &key = QStringLiteral("sk-test-key-0001"))
{
    Outcome out;
    auto provider = ProviderRegistry::compatible(baseUrl, QStringLiteral("custom:mine"), QStringLiteral("Mine"), policy);
    ChatRequest request;
    request.provider = QStringLiteral("custom:mine");
    request.baseUrl = baseUrl;
    request.apiKey = key;
    request.model = QStringLiteral("llama3.2");
    request.messages = {{QStringLiteral("user"), QStringLiteral("Hi")}};
    request.timeouts = {3000, 3000, 10000, 3000};
    request.retry.maxAttempts = 1;
    std::unique_ptr<ProviderStream> stream(provider->createStream(request));
    StreamRecorder rec(stream.get());
    stream->start();
    if (!rec.waitForEnd())
        qWarning() << "the stream did not end";
    out.stream = rec.error;
    out.text = rec.text();

    ModelListFetcher fetcher(provider);
    QSignalSpy failed(&fetcher, &ModelListFetcher::failed);
    QSignalSpy ok(&fetcher, &ModelListFetcher::succeeded);
    fetcher.fetch(key);
    if (failed.isEmpty() && ok.isEmpty() && !QTest::qWaitFor([&] { return !failed.isEmpty() || !ok.isEmpty(); }, 5000))
        qWarning() << "the model list did not end";
    if (!failed.isEmpty())
        out.models = failed.first().first().value<ProviderError>();
    return out;
}

void serveChatAndModels(FakeProviderServer &server)
{
    server.setHandler([](const RecordedRequest &r) {
        if (r.path.endsWith("/models"))
            return FakeResponse::json(200, R"({"object":"list","data":[{"id":"llama3.2"}]})");
        return FakeResponse::sse().send(wire::openAiStream({QStringLiteral("Hel"), QStringLiteral("lo")}));
    });
}

} // namespace

class TestEndpointPolicy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nonGlobalAddresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("global");
        for (const char *a : {"127.0.0.1", "127.255.0.9", "0.0.0.0", "10.1.2.3", "172.31.255.255", "192.168.0.1",
                              "100.64.0.1", "100.127.255.254", "169.254.169.254", "224.0.0.251", "239.1.1.1",
                              "255.255.255.255", "240.0.0.1", "192.0.2.1", "198.18.0.1", "::", "::1", "fc00::1",
                              "fd12:3456::1", "fe80::1", "febf::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
                              "::ffff:169.254.169.254", "64:ff9b::7f00:1", "::127.0.0.1", "2001:db8::1", "2002:7f00:1::1",
                              "2001::1"})
            QTest::newRow(a) << QString::fromLatin1(a) << false;
        for (const char *a : {"8.8.8.8", "1.1.1.1", "100.128.0.1", "172.32.0.1", "192.169.0.1", "2606:4700::1111",
                              "2a00:1450:4001::200e", "::ffff:8.8.8.8", "64:ff9b::808:808"})
            QTest::newRow(a) << QString::fromLatin1(a) << true;
    }
    void nonGlobalAddresses()
    {
        QFETCH(QString, address);
        QFETCH(bool, global);
        const QHostAddress a(address);
        QVERIFY(!a.isNull());
        QCOMPARE(EndpointPolicy::isGlobal(a), global);
        QCOMPARE(EndpointPolicy::publicOnly()->allowsAddress(QStringLiteral("h"), a), global);
        QVERIFY(EndpointPolicy::anyAddress()->allowsAddress(QStringLiteral("h"), a));
    }

    void allowListNamesHostsAndSubnets()
    {
        const EndpointPolicy p(false, {QStringLiteral("10.0.5.0/24"), QStringLiteral("Ollama.LAN."), QStringLiteral("::1")});
        QVERIFY(p.allowsAddress(QStringLiteral("x"), QHostAddress(QStringLiteral("10.0.5.9"))));
        QVERIFY(p.allowsAddress(QStringLiteral("x"), QHostAddress(QStringLiteral("::ffff:10.0.5.9"))));
        QVERIFY(!p.allowsAddress(QStringLiteral("x"), QHostAddress(QStringLiteral("10.0.6.9"))));
        QVERIFY(p.allowsAddress(QStringLiteral("ollama.lan"), QHostAddress(QStringLiteral("192.168.1.4"))));
        QVERIFY(!p.allowsAddress(QStringLiteral("other.lan"), QHostAddress(QStringLiteral("192.168.1.4"))));
        QVERIFY(p.allowsAddress(QStringLiteral("x"), QHostAddress(QStringLiteral("::1"))));
        QVERIFY(!p.allowsAddress(QStringLiteral("x"), QHostAddress(QStringLiteral("127.0.0.1"))));
        QVERIFY(p.tag() != EndpointPolicy::publicOnly()->tag());
    }

    void loopbackNamesAreRefusedWhenSaved()
    {
        // Loopback by definition: refused as the base URL is stored, like 127.0.0.1.
        for (const QString &url : {QStringLiteral("http://127.0.0.1:11434/v1"), QStringLiteral("http://localhost:11434/v1"),
                                   QStringLiteral("http://LocalHost.:1234/v1"), QStringLiteral("http://ollama.localhost/v1"),
                                   QStringLiteral("http://[::1]:8080/v1")}) {
            const Status st = EndpointPolicy::publicOnly()->checkBaseUrl(url);
            QVERIFY2(!st, qPrintable(url));
            QVERIFY(st.error().message.startsWith(QStringLiteral("base_url:")));
            QVERIFY2(EndpointPolicy::anyAddress()->checkBaseUrl(url), qPrintable(url));
        }
        // Allowed by name or range, it is kept; a public name is never judged before it resolves.
        QVERIFY(EndpointPolicy::make(false, {QStringLiteral("localhost")})->checkBaseUrl(QStringLiteral("http://localhost:1/v1")));
        QVERIFY(EndpointPolicy::make(false, {QStringLiteral("127.0.0.0/8")})->checkBaseUrl(QStringLiteral("http://localhost:1/v1")));
        QVERIFY(EndpointPolicy::publicOnly()->checkBaseUrl(QStringLiteral("https://api.example.com/v1")));
        QVERIFY(EndpointPolicy::publicOnly()->checkBaseUrl(QStringLiteral("https://notlocalhost.example/v1")));
    }

    void loopbackTargetsAreRefusedBeforeAnyConnection_data()
    {
        QTest::addColumn<QString>("host"); // %1 is the fake server's port
        QTest::newRow("literal") << QStringLiteral("http://127.0.0.1:%1/v1");
        QTest::newRow("localhost") << QStringLiteral("http://localhost:%1/v1");
        QTest::newRow("localhost.") << QStringLiteral("http://localhost.:%1/v1");
        QTest::newRow("LOCALHOST") << QStringLiteral("http://LOCALHOST:%1/v1");
        QTest::newRow("decimal") << QStringLiteral("http://2130706433:%1/v1");
        QTest::newRow("hex") << QStringLiteral("http://0x7f000001:%1/v1");
        QTest::newRow("short") << QStringLiteral("http://127.1:%1/v1");
        QTest::newRow("unspecified") << QStringLiteral("http://0.0.0.0:%1/v1");
        QTest::newRow("mapped") << QStringLiteral("http://[::ffff:127.0.0.1]:%1/v1");
        QTest::newRow("https") << QStringLiteral("https://localhost:%1/v1");
    }
    void loopbackTargetsAreRefusedBeforeAnyConnection()
    {
        QFETCH(QString, host);
        FakeProviderServer server;
        QVERIFY(server.listen(QHostAddress(QHostAddress::AnyIPv4)));
        serveChatAndModels(server);
        const QString url = host.arg(server.port());
        const Outcome refused = callBoth(url, EndpointPolicy::publicOnly());
        QVERIFY(refused.stream.isError() && refused.models.isError());
        // A name this machine cannot resolve ("localhost." on some) reaches nothing either.
        if (!QHostInfo::fromName(QUrl(url).host()).addresses().isEmpty()) {
            QCOMPARE(ProviderError::kindName(refused.stream.kind), QStringLiteral("EndpointRefused"));
            QCOMPARE(ProviderError::kindName(refused.models.kind), QStringLiteral("EndpointRefused"));
            QVERIFY(refused.stream.message.contains(QStringLiteral("does not allow endpoints on private networks")));
        }
        QVERIFY(refused.text.isEmpty());
        QCOMPARE(server.requests().size(), 0);
        QCOMPARE(server.peakOpenConnections(), 0);
    }

    void refusalIsTheSameWhetherAPortIsOpenOrNot()
    {
        FakeProviderServer open;
        QVERIFY(open.listen());
        quint16 closedPort = 0;
        {
            FakeProviderServer gone;
            QVERIFY(gone.listen());
            closedPort = gone.port();
        }
        const Outcome a = callBoth(open.baseUrl(QStringLiteral("/v1")), EndpointPolicy::publicOnly());
        const Outcome b = callBoth(QStringLiteral("http://127.0.0.1:%1/v1").arg(closedPort), EndpointPolicy::publicOnly());
        QCOMPARE(a.stream.kind, b.stream.kind);
        QCOMPARE(a.stream.message, b.stream.message);
        QCOMPARE(a.models.message, b.models.message);
        QCOMPARE(open.peakOpenConnections(), 0);
    }

    void ipv6LoopbackIsRefused()
    {
        FakeProviderServer server;
        QVERIFY2(server.listen(QHostAddress(QHostAddress::LocalHostIPv6)), "the IPv6 loopback address ::1 is needed");
        serveChatAndModels(server);
        const Outcome refused = callBoth(server.baseUrl(QStringLiteral("/v1")), EndpointPolicy::publicOnly());
        QCOMPARE(ProviderError::kindName(refused.stream.kind), QStringLiteral("EndpointRefused"));
        QCOMPARE(ProviderError::kindName(refused.models.kind), QStringLiteral("EndpointRefused"));
        QCOMPARE(server.peakOpenConnections(), 0);
        // Allowed by name in the list, it works.
        const Outcome allowed = callBoth(server.baseUrl(QStringLiteral("/v1")), EndpointPolicy::make(false, {QStringLiteral("::1")}));
        QVERIFY2(!allowed.stream.isError(), qPrintable(allowed.stream.message));
        QCOMPARE(allowed.text, QStringLiteral("Hello"));
        QVERIFY(!allowed.models.isError());
    }

    void theSameEndpointsWorkOnceAllowed_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QStringList>("allowed");
        QTest::addColumn<bool>("allowAll");
        QTest::newRow("flag, literal") << QStringLiteral("http://127.0.0.1:%1/v1") << QStringList() << true;
        QTest::newRow("flag, localhost") << QStringLiteral("http://localhost:%1/v1") << QStringList() << true;
        QTest::newRow("cidr, localhost") << QStringLiteral("http://localhost:%1/v1") << QStringList{QStringLiteral("127.0.0.0/8")} << false;
        QTest::newRow("host name") << QStringLiteral("http://localhost:%1/v1") << QStringList{QStringLiteral("localhost")} << false;
    }
    void theSameEndpointsWorkOnceAllowed()
    {
        QFETCH(QString, host);
        QFETCH(QStringList, allowed);
        QFETCH(bool, allowAll);
        FakeProviderServer server;
        QVERIFY(server.listen(QHostAddress(QHostAddress::AnyIPv4)));
        serveChatAndModels(server);
        const Outcome ok = callBoth(host.arg(server.port()), EndpointPolicy::make(allowAll, allowed));
        QVERIFY2(!ok.stream.isError(), qPrintable(ok.stream.message));
        QCOMPARE(ok.text, QStringLiteral("Hello"));
        QVERIFY2(!ok.models.isError(), qPrintable(ok.models.message));
        QCOMPARE(server.requests().size(), 2);
    }

    void aRedirectIsNeverFollowed()
    {
        FakeProviderServer target; // where the redirect points: must see nothing
        QVERIFY(target.listen());
        serveChatAndModels(target);
        FakeProviderServer endpoint;
        QVERIFY(endpoint.listen());
        const QByteArray location = target.baseUrl(QStringLiteral("/v1/chat/completions")).toLatin1();
        endpoint.setHandler([location](const RecordedRequest &) {
            return FakeResponse::json(302, "").header("Location", location);
        });
        // Both addresses allowed: the only thing between the two is not following.
        const Outcome out = callBoth(endpoint.baseUrl(QStringLiteral("/v1")),
                                     EndpointPolicy::make(false, {QStringLiteral("127.0.0.1")}));
        QCOMPARE(out.stream.kind, ProviderError::Protocol);
        QVERIFY(out.stream.message.contains(QStringLiteral("redirects are not followed")));
        QVERIFY(!out.stream.message.contains(QString::fromLatin1(location)));
        QCOMPARE(out.models.kind, ProviderError::Protocol);
        QVERIFY(out.models.message.contains(QStringLiteral("redirects are not followed")));
        QCOMPARE(endpoint.requests().size(), 2);
        QCOMPARE(target.requests().size(), 0);
        QCOMPARE(target.peakOpenConnections(), 0);
    }

    void aKeyWithALineBreakNeverLeaves()
    {
        FakeProviderServer server;
        QVERIFY(server.listen());
        serveChatAndModels(server);
        const Outcome out = callBoth(server.baseUrl(QStringLiteral("/v1")), EndpointPolicy::anyAddress(),
                                     QStringLiteral("sk-abc\r\nX-Injected: yes"));
        QVERIFY(out.stream.isError());
        QVERIFY(out.models.isError());
        for (const RecordedRequest &r : server.requests())
            QVERIFY(r.header("x-injected").isEmpty());
        QCOMPARE(server.requests().size(), 0);
    }

    void theOperatorsProvidersAreNotRestricted()
    {
        FakeProviderServer server;
        QVERIFY(server.listen());
        serveChatAndModels(server);
        Config config;
        config.openaiBaseUrl = server.baseUrl(QStringLiteral("/v1"));
        config.openaiApiKey = QStringLiteral("sk-operator-0001");
        const ProviderRegistry registry(config);
        ModelListFetcher fetcher(registry.provider(QStringLiteral("openai")));
        QSignalSpy ok(&fetcher, &ModelListFetcher::succeeded);
        fetcher.fetch();
        QVERIFY(ok.wait());
        QCOMPARE(server.requests().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestEndpointPolicy)
#include "tst_endpointpolicy.moc"
