// What POST /user/keys refuses before anything is stored: a base URL that is
// not a base (query, fragment, user info, other schemes, whitespace), control
// characters in the key, label or URL (a key goes into a request header), and
// a literal private address unless the server allows it. Over real HTTP.
#include "backend.h"
#include "keys/keyservice.h"
#include "support/httptestclient.h"

#include <QTest>

using namespace teehee;

namespace {

QByteArray signUp(const HttpTestClient &c, const QString &email)
{
    return c.post(QStringLiteral("/auth/signup"), {{QStringLiteral("email"), email}, {QStringLiteral("password"), QStringLiteral("password1")}})
        .object().value(QStringLiteral("access_token")).toString().toLatin1();
}

QJsonObject custom(const QString &baseUrl, const QString &key = QStringLiteral("local-key-1234567890"),
                   const QString &label = QStringLiteral("mine"))
{
    return {{QStringLiteral("provider_name"), QStringLiteral("custom")}, {QStringLiteral("api_key"), key},
            {QStringLiteral("base_url"), baseUrl}, {QStringLiteral("label"), label}};
}

int keyCount(const HttpTestClient &c, const QByteArray &token)
{
    return int(c.get(QStringLiteral("/user/keys"), token).array().size());
}

} // namespace

class TstKeyInput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aBaseUrlIsABase_data()
    {
        QTest::addColumn<QString>("baseUrl");
        QTest::newRow("query") << QStringLiteral("https://llm.example.com/v1?x=1");
        QTest::newRow("empty query") << QStringLiteral("https://llm.example.com/v1?");
        QTest::newRow("fragment") << QStringLiteral("https://llm.example.com/v1#frag");
        QTest::newRow("userinfo") << QStringLiteral("https://user:pass@llm.example.com/v1");
        QTest::newRow("user only") << QStringLiteral("https://user@llm.example.com/v1");
        QTest::newRow("empty userinfo") << QStringLiteral("https://@llm.example.com/v1");
        QTest::newRow("ftp") << QStringLiteral("ftp://llm.example.com/v1");
        QTest::newRow("file") << QStringLiteral("file:///etc/passwd");
        QTest::newRow("gopher") << QStringLiteral("gopher://llm.example.com:11211/_stats");
        QTest::newRow("no host") << QStringLiteral("http:///v1");
        QTest::newRow("CRLF") << QStringLiteral("https://llm.example.com/v1\r\nX-Injected: yes");
        QTest::newRow("LF") << QStringLiteral("https://llm.example.com/v1\n");
        QTest::newRow("NUL") << QStringLiteral("https://llm.example.com/v1") + QChar(0) + QStringLiteral("x");
        QTest::newRow("tab") << QStringLiteral("https://llm.example.com/\tv1");
        QTest::newRow("space") << QStringLiteral("https://llm.example.com/v 1");
        QTest::newRow("leading space") << QStringLiteral(" https://llm.example.com/v1");
    }
    void aBaseUrlIsABase()
    {
        QFETCH(QString, baseUrl);
        // Even where every address is allowed: the shape is not a matter of policy.
        TestApiServer s([](Config &c) { c.allowPrivateEndpoints = true; });
        TEEHEE_REQUIRE_SERVER(s);
        const QByteArray token = signUp(s.client(), QStringLiteral("u@example.com"));
        const auto r = s.client().post(QStringLiteral("/user/keys"), custom(baseUrl), token);
        QCOMPARE(r.status, 422);
        QVERIFY(r.detail().contains(QStringLiteral("base_url")));
        QCOMPARE(keyCount(s.client(), token), 0);
        // The same endpoint as a base is fine.
        QCOMPARE(s.client().post(QStringLiteral("/user/keys"), custom(QStringLiteral("https://llm.example.com/v1")), token).status, 201);
    }

    void controlCharactersInKeyOrLabelAreRefused_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("field");
        const QString ok = QStringLiteral("sk-proj-abcdefgh12345678");
        QTest::newRow("key CRLF header") << "openai" << QStringLiteral("sk-abc\r\nX-Injected: yes") << QString() << "api_key";
        QTest::newRow("key LF") << "anthropic" << QStringLiteral("sk-ant-abc\nmore") << QString() << "api_key";
        QTest::newRow("key CR") << "mistral" << QStringLiteral("abc\rdef12345678") << QString() << "api_key";
        QTest::newRow("key NUL") << "openai" << QStringLiteral("sk-abc") + QChar(0) + QStringLiteral("def12345") << QString() << "api_key";
        QTest::newRow("key ESC") << "openai" << QStringLiteral("sk-abc\x1b[2Jdef12345") << QString() << "api_key";
        QTest::newRow("key DEL") << "openai" << QStringLiteral("sk-abc\x7f" "def12345") << QString() << "api_key";
        QTest::newRow("custom key CRLF") << "custom" << QStringLiteral("k\r\nX-Injected: yes") << QStringLiteral("l") << "api_key";
        QTest::newRow("label CRLF") << "custom" << ok << QStringLiteral("mine\r\nX-Injected: yes") << "label";
        QTest::newRow("label NUL") << "custom" << ok << QStringLiteral("mi") + QChar(0) + QStringLiteral("ne") << "label";
    }
    void controlCharactersInKeyOrLabelAreRefused()
    {
        QFETCH(QString, provider);
        QFETCH(QString, key);
        QFETCH(QString, label);
        QFETCH(QString, field);
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const QByteArray token = signUp(s.client(), QStringLiteral("u@example.com"));
        QJsonObject body{{QStringLiteral("provider_name"), provider}, {QStringLiteral("api_key"), key}};
        if (provider == u"custom") {
            body.insert(QStringLiteral("base_url"), QStringLiteral("https://llm.example.com/v1"));
            body.insert(QStringLiteral("label"), label);
        }
        const auto r = s.client().post(QStringLiteral("/user/keys"), body, token);
        QCOMPARE(r.status, 422);
        QVERIFY(r.detail().contains(field));
        QVERIFY(!r.detail().contains(QStringLiteral("X-Injected")));
        QCOMPARE(keyCount(s.client(), token), 0);
    }

    void privateLiteralAddressesAreRefusedUnlessAllowed_data()
    {
        QTest::addColumn<QString>("baseUrl");
        QTest::newRow("loopback") << QStringLiteral("http://127.0.0.1:11434/v1");
        QTest::newRow("loopback elsewhere") << QStringLiteral("http://127.1.2.3/v1");
        QTest::newRow("unspecified") << QStringLiteral("http://0.0.0.0:8000/v1");
        QTest::newRow("rfc1918 10") << QStringLiteral("http://10.0.0.5/v1");
        QTest::newRow("rfc1918 172") << QStringLiteral("http://172.16.3.4/v1");
        QTest::newRow("rfc1918 192") << QStringLiteral("https://192.168.1.10/v1");
        QTest::newRow("cgnat") << QStringLiteral("http://100.64.0.1/v1");
        QTest::newRow("metadata") << QStringLiteral("http://169.254.169.254/latest");
        QTest::newRow("multicast") << QStringLiteral("http://224.0.0.1/v1");
        QTest::newRow("ipv6 loopback") << QStringLiteral("http://[::1]:11434/v1");
        QTest::newRow("ipv6 unspecified") << QStringLiteral("http://[::]:11434/v1");
        QTest::newRow("ipv6 ula") << QStringLiteral("http://[fd00::1]/v1");
        QTest::newRow("ipv6 link-local") << QStringLiteral("http://[fe80::1]/v1");
        QTest::newRow("ipv4-mapped loopback") << QStringLiteral("http://[::ffff:127.0.0.1]/v1");
        QTest::newRow("ipv4-mapped private") << QStringLiteral("http://[::ffff:10.1.2.3]/v1");
    }
    void privateLiteralAddressesAreRefusedUnlessAllowed()
    {
        QFETCH(QString, baseUrl);
        {
            TestApiServer s;
            TEEHEE_REQUIRE_SERVER(s);
            const QByteArray token = signUp(s.client(), QStringLiteral("u@example.com"));
            const auto r = s.client().post(QStringLiteral("/user/keys"), custom(baseUrl), token);
            QCOMPARE(r.status, 422);
            QVERIFY(r.detail().contains(QStringLiteral("private network")));
            QCOMPARE(keyCount(s.client(), token), 0);
        }
        {
            TestApiServer s([](Config &c) { c.allowPrivateEndpoints = true; });
            TEEHEE_REQUIRE_SERVER(s);
            const QByteArray token = signUp(s.client(), QStringLiteral("u@example.com"));
            QCOMPARE(s.client().post(QStringLiteral("/user/keys"), custom(baseUrl), token).status, 201);
        }
    }

    void theAllowListAllowsOnlyWhatItNames()
    {
        TestApiServer s([](Config &c) {
            c.allowedEndpointHosts = {QStringLiteral("10.0.5.0/24"), QStringLiteral("::1"), QStringLiteral("ollama.lan")};
        });
        TEEHEE_REQUIRE_SERVER(s);
        const QByteArray token = signUp(s.client(), QStringLiteral("u@example.com"));
        const auto post = [&](const QString &url, const QString &label) {
            return s.client().post(QStringLiteral("/user/keys"), custom(url, QStringLiteral("k-1234567890"), label), token).status;
        };
        QCOMPARE(post(QStringLiteral("http://10.0.5.17:8000/v1"), QStringLiteral("a")), 201);
        QCOMPARE(post(QStringLiteral("http://[::1]:11434/v1"), QStringLiteral("b")), 201);
        QCOMPARE(post(QStringLiteral("http://10.0.6.1:8000/v1"), QStringLiteral("c")), 422);
        QCOMPARE(post(QStringLiteral("http://127.0.0.1:11434/v1"), QStringLiteral("d")), 422);
        QCOMPARE(post(QStringLiteral("https://llm.example.com/v1"), QStringLiteral("e")), 201);
    }

    void theMachinesOwnerMayUseLocalServers()
    {
        TestApiServer s;
        TEEHEE_REQUIRE_SERVER(s);
        const QByteArray owner = signUp(s.client(), QStringLiteral("owner@example.com"));
        const QByteArray guest = signUp(s.client(), QStringLiteral("guest@example.com"));
        const QString ownerId = s.client().get(QStringLiteral("/auth/session"), owner).object().value(QStringLiteral("id")).toString();
        s.backend().keys().trustWithPrivateEndpoints(ownerId);
        const QString local = QStringLiteral("http://127.0.0.1:11434/v1");
        QCOMPARE(s.client().post(QStringLiteral("/user/keys"), custom(local), owner).status, 201);
        QCOMPARE(s.client().post(QStringLiteral("/user/keys"), custom(local), guest).status, 422);
    }
};

QTEST_GUILESS_MAIN(TstKeyInput)
#include "tst_keyinput.moc"
