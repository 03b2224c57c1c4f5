// The real teehee-server through a whole session over loopback — sign-up,
// sign-in, provider keys (built-in and a custom endpoint on a fake provider),
// replies that succeed, fail at the provider and fail on a bad key, over
// WebSocket and SSE, model lists, logout and bad requests — with DEBUG off.
// Then every byte it wrote to stdout and stderr, and every answer it gave, is
// searched for every secret it was given: API keys, passwords, SECRET_KEY,
// ENCRYPTION_KEY and the tokens it issued. None may appear (a token only in
// the answer that issued it).
#include "fakeproviderserver.h"
#include "generation/wsclient.h"
#include "support/httptestclient.h"

#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace teehee::test;

namespace {

QByteArray randomSecret(const QByteArray &prefix)
{
    QByteArray raw(24, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
    return prefix + raw.toHex();
}

// A JSON object of string fields, as a request body.
QByteArray body(std::initializer_list<QPair<const char *, QByteArray>> fields)
{
    QJsonObject o;
    for (const auto &[name, value] : fields)
        o.insert(QLatin1String(name), QString::fromUtf8(value));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestSecretLeaks : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    FakeProviderServer m_fake;
    QProcess m_server;
    quint16 m_port = 0;

    // What the client saw: every answer, head and body, and every socket message.
    QByteArray m_seen;
    // Tokens, each with the one answer allowed to carry it.
    QList<QPair<QByteArray, QByteArray>> m_issued;

    // The secrets this session hands out.
    const QByteArray m_secretKey = randomSecret("sk-signing-");
    const QByteArray m_encryptionKey = randomSecret("enc-");
    const QByteArray m_password = randomSecret("pw-");
    const QByteArray m_otherPassword = randomSecret("pw2-");
    const QByteArray m_wrongPassword = randomSecret("wrong-");
    const QByteArray m_openAiKey = randomSecret("sk-openai-");
    const QByteArray m_anthropicKey = randomSecret("sk-ant-");
    const QByteArray m_customKey = randomSecret("sk-custom-");
    const QByteArray m_badKey = randomSecret("sk-bad-");
    const QByteArray m_serverWideKey = randomSecret("sk-server-");

    QList<QPair<QString, QByteArray>> givenSecrets() const
    {
        return {{QStringLiteral("SECRET_KEY"), m_secretKey}, {QStringLiteral("ENCRYPTION_KEY"), m_encryptionKey},
                {QStringLiteral("a password"), m_password}, {QStringLiteral("the other password"), m_otherPassword},
                {QStringLiteral("a wrong password"), m_wrongPassword}, {QStringLiteral("the OpenAI key"), m_openAiKey},
                {QStringLiteral("the Anthropic key"), m_anthropicKey}, {QStringLiteral("the custom endpoint's key"), m_customKey},
                {QStringLiteral("a bad key"), m_badKey}, {QStringLiteral("MISTRAL_API_KEY"), m_serverWideKey}};
    }

    HttpTestResponse call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                          const QByteArray &token = {}, QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        if (!body.isEmpty())
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        if (!token.isEmpty())
            headers.append(qMakePair(QByteArray("Authorization"), "Bearer " + token));
        const HttpTestResponse r = HttpTestClient(m_port).request(method, path, body, headers, 30000);
        QByteArray seen = QByteArray::number(r.status) + '\n';
        for (auto it = r.headers.cbegin(); it != r.headers.cend(); ++it)
            seen += it.key() + ": " + it.value() + '\n';
        m_seen += seen + r.body + "\n\n";
        return r;
    }

    QByteArray issued(const HttpTestResponse &r)
    {
        const QByteArray token = r.object().value(QStringLiteral("access_token")).toString().toUtf8();
        if (!token.isEmpty())
            m_issued.append({token, r.body});
        return token;
    }

    // The fake provider: answers by the key it was given, like the real ones.
    FakeResponse answer(const RecordedRequest &req) const
    {
        const QByteArray auth = req.header("authorization");
        const QByteArray xKey = req.header("x-api-key");
        if (req.path.endsWith("/models"))
            return FakeResponse::json(200, R"({"object":"list","data":[{"id":"gpt-4o-mini","object":"model"}]})");
        if (auth == "Bearer " + m_badKey)
            return FakeResponse::json(401, wire::openAiErrorBody("Incorrect API key provided: sk-bad-****. You can find your API key at https://platform.openai.com/account/api-keys.",
                                                                 "invalid_request_error", "invalid_api_key"));
        if (req.path.endsWith("/messages") && xKey == m_anthropicKey)
            return FakeResponse::sse().send(wire::anthropicStream({QStringLiteral("Bonjour"), QStringLiteral("!")}));
        const bool known = auth == "Bearer " + m_openAiKey || auth == "Bearer " + m_customKey;
        if (!known)
            return FakeResponse::json(401, wire::openAiErrorBody("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"));
        const QJsonArray messages = req.json().value(QStringLiteral("messages")).toArray();
        if (messages.last().toObject().value(QStringLiteral("content")).toString().contains(QStringLiteral("please fail")))
            return FakeResponse::json(500, wire::openAiErrorBody("The server had an error while processing your request.", "server_error", "server_error"));
        return FakeResponse::sse().send(wire::openAiStream({QStringLiteral("Hello"), QStringLiteral(" there")}));
    }

    // A reply over the chat's WebSocket; returns the last event's type.
    QString streamOverWebSocket(const QString &chatId, const QByteArray &token, const QString &provider, const QString &content)
    {
        WsClient ws;
        if (!ws.open(WsClient::url(m_port, chatId, token)))
            return QStringLiteral("no socket");
        ws.send({{"type", "stream_message"}, {"content", content}, {"provider", provider}, {"model", "gpt-4o-mini"}});
        (void)QTest::qWaitFor([&] {
            return !ws.ofType(QStringLiteral("stream_complete")).isEmpty() || !ws.ofType(QStringLiteral("stream_error")).isEmpty()
                || !ws.ofType(QStringLiteral("error")).isEmpty();
        }, 20000);
        ws.send({{"type", "ping"}});
        (void)ws.waitFor(QStringLiteral("pong"));
        for (const QJsonObject &o : std::as_const(ws.got))
            m_seen += QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
        ws.ws.close();
        return ws.got.isEmpty() ? QString() : ws.types().filter(QRegularExpression(QStringLiteral("^(stream_complete|stream_error|error)$"))).value(0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_fake.listen());
        m_fake.setHandler([this](const RecordedRequest &req) { return answer(req); });

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &name : env.keys())
            if (!name.startsWith(QLatin1String("ASAN")) && !name.startsWith(QLatin1String("UBSAN")) && name != u"PATH"
                && name != u"HOME" && name != u"LANG" && !name.startsWith(QLatin1String("LC_")) && name != u"TMPDIR" && name != u"LD_LIBRARY_PATH")
                env.remove(name);
        env.insert(QStringLiteral("TEEHEE_DATA_DIR"), m_dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent"));
        env.insert(QStringLiteral("DEBUG"), QStringLiteral("false"));
        env.insert(QStringLiteral("SECRET_KEY"), QString::fromLatin1(m_secretKey));
        env.insert(QStringLiteral("ENCRYPTION_KEY"), QString::fromLatin1(m_encryptionKey));
        env.insert(QStringLiteral("OPENAI_BASE_URL"), m_fake.baseUrl(QStringLiteral("/v1")));
        env.insert(QStringLiteral("ANTHROPIC_BASE_URL"), m_fake.baseUrl());
        env.insert(QStringLiteral("MISTRAL_BASE_URL"), m_fake.baseUrl(QStringLiteral("/v1")));
        env.insert(QStringLiteral("MISTRAL_API_KEY"), QString::fromLatin1(m_serverWideKey));
        env.insert(QStringLiteral("ALLOW_PRIVATE_ENDPOINTS"), QStringLiteral("true")); // the custom endpoint is on loopback
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("teehee.*.debug=true")); // the chattiest the server gets
        m_server.setProcessEnvironment(env);
        m_server.setWorkingDirectory(m_dir.path());
        m_server.start(QStringLiteral(TEEHEE_SERVER_BINARY), {QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(m_server.waitForStarted());
        const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
        QString out;
        QVERIFY(QTest::qWaitFor([&] {
            out += QString::fromUtf8(m_server.readAllStandardOutput());
            return listening.match(out).hasMatch() || m_server.state() == QProcess::NotRunning;
        }, 30000));
        QVERIFY2(listening.match(out).hasMatch(), qPrintable(out + QString::fromUtf8(m_server.readAllStandardError())));
        m_port = quint16(listening.match(out).captured(1).toInt());
        m_seen += out.toUtf8(); // stdout is scanned with the rest below
    }

    void aWholeSessionLeaksNoSecret()
    {
        // Accounts.
        const auto signup = call("POST", QStringLiteral("/auth/signup"),
                                 body({{"email", "leaks@example.com"}, {"password", m_password}}));
        QCOMPARE(signup.status, 201);
        const QByteArray first = issued(signup);
        const auto other = call("POST", QStringLiteral("/auth/signup"),
                                body({{"email", "other@example.com"}, {"password", m_otherPassword}}));
        QCOMPARE(other.status, 201);
        const QByteArray otherToken = issued(other);
        QCOMPARE(call("POST", QStringLiteral("/auth/signup"), body({{"email", "leaks@example.com"}, {"password", m_password}})).status, 409);
        QCOMPARE(call("POST", QStringLiteral("/auth/signin"),
                      body({{"email", "leaks@example.com"}, {"password", m_wrongPassword}})).status, 401);
        const auto signin = call("POST", QStringLiteral("/auth/signin"),
                                 body({{"email", "leaks@example.com"}, {"password", m_password}}));
        QCOMPARE(signin.status, 200);
        const QByteArray token = issued(signin);
        QCOMPARE(call("GET", QStringLiteral("/auth/session"), {}, token).status, 200);

        // Keys: built-in providers, a custom endpoint, one with a line break, one twice.
        QCOMPARE(call("POST", QStringLiteral("/user/keys"), body({{"provider_name", "openai"}, {"api_key", m_openAiKey}}), token).status, 201);
        QCOMPARE(call("POST", QStringLiteral("/user/keys"), body({{"provider_name", "openai"}, {"api_key", m_openAiKey}}), token).status, 409);
        QCOMPARE(call("POST", QStringLiteral("/user/keys"), body({{"provider_name", "anthropic"}, {"api_key", m_anthropicKey}}), token).status, 201);
        const auto custom = call("POST", QStringLiteral("/user/keys"),
                                 body({{"provider_name", "custom"}, {"label", "local"},
                                       {"base_url", m_fake.baseUrl(QStringLiteral("/v1")).toUtf8()}, {"api_key", m_customKey}}), token);
        QVERIFY2(custom.status == 201, custom.body.constData());
        const QString customChoice = QStringLiteral("custom:") + custom.object().value(QStringLiteral("id")).toString();
        call("POST", QStringLiteral("/user/keys"), body({{"provider_name", "mistral"}, {"api_key", m_badKey + "\r\nX-Injected: 1"}}), token);
        QCOMPARE(call("POST", QStringLiteral("/user/keys"), body({{"provider_name", "nope"}, {"api_key", m_badKey}}), token).status, 422);
        QCOMPARE(call("POST", QStringLiteral("/user/keys"), body({{"provider_name", "mistral"}, {"api_key", m_badKey}}), otherToken).status, 201);
        const auto keys = call("GET", QStringLiteral("/user/keys"), {}, token);
        QCOMPARE(keys.status, 200);
        QVERIFY(keys.array().size() >= 3);
        QCOMPARE(call("GET", QStringLiteral("/providers/openai/models"), {}, token).status, 200);
        call("GET", QStringLiteral("/providers/%1/models").arg(customChoice), {}, token);
        call("GET", QStringLiteral("/providers/mistral/models"), {}, otherToken);

        // Replies over WebSocket: one that works on each kind of key, one the provider fails, one on a bad key.
        const auto chat = call("POST", QStringLiteral("/chats"), "{}", token);
        QCOMPARE(chat.status, 201);
        const QString chatId = chat.object().value(QStringLiteral("id")).toString();
        QCOMPARE(streamOverWebSocket(chatId, token, QStringLiteral("openai"), QStringLiteral("hello")), QStringLiteral("stream_complete"));
        QCOMPARE(streamOverWebSocket(chatId, token, QStringLiteral("anthropic"), QStringLiteral("bonjour")), QStringLiteral("stream_complete"));
        QCOMPARE(streamOverWebSocket(chatId, token, customChoice, QStringLiteral("hello custom")), QStringLiteral("stream_complete"));
        QCOMPARE(streamOverWebSocket(chatId, token, QStringLiteral("openai"), QStringLiteral("please fail")), QStringLiteral("stream_error"));
        const auto otherChat = call("POST", QStringLiteral("/chats"), "{}", otherToken);
        const QString otherChatId = otherChat.object().value(QStringLiteral("id")).toString();
        QCOMPARE(streamOverWebSocket(otherChatId, otherToken, QStringLiteral("mistral"), QStringLiteral("bad key")), QStringLiteral("stream_error"));
        QCOMPARE(streamOverWebSocket(chatId, token + "x", QStringLiteral("openai"), QStringLiteral("bad token")), QStringLiteral("no socket"));

        // Replies over SSE, then a replay of one.
        const QList<QPair<QByteArray, QByteArray>> sse{{"Accept", "text/event-stream"}};
        const auto streamed = call("POST", QStringLiteral("/chats/%1/stream").arg(chatId),
                                   body({{"content", "over sse"}, {"provider", customChoice.toUtf8()}, {"model", "gpt-4o-mini"}}), token, sse);
        QCOMPARE(streamed.status, 200);
        QVERIFY2(streamed.body.contains("stream_complete"), streamed.body.constData());
        call("POST", QStringLiteral("/chats/%1/stream").arg(otherChatId),
             body({{"content", "bad key over sse"}, {"provider", "mistral"}, {"model", "mistral-small-latest"}}), otherToken, sse);
        const auto messages = call("GET", QStringLiteral("/chats/%1/messages").arg(chatId), {}, token);
        QCOMPARE(messages.status, 200);
        const QString lastId = messages.array().last().toObject().value(QStringLiteral("id")).toString();
        call("GET", QStringLiteral("/stream/%1/events").arg(lastId), {}, token, sse);

        // Bad requests.
        call("POST", QStringLiteral("/chats"), "{not json", token);
        call("GET", QStringLiteral("/chats"), {}, token.left(token.size() - 3) + "abc");
        call("GET", QStringLiteral("/chats"), {}, m_secretKey);
        call("GET", QStringLiteral("/chats/not-a-uuid"), {}, token);
        call("GET", QStringLiteral("/nowhere"), {}, token);
        call("GET", QStringLiteral("/chats?token=") + QString::fromLatin1(token));
        call("DELETE", QStringLiteral("/user/keys/6f1c2a4e-1d2b-4c3d-8e9f-0a1b2c3d4e5f"), {}, token);

        // Logout: the token is refused afterwards.
        QCOMPARE(call("POST", QStringLiteral("/auth/logout"), {}, token).status, 200);
        QCOMPARE(call("GET", QStringLiteral("/auth/session"), {}, token).status, 401);
        QCOMPARE(streamOverWebSocket(chatId, token, QStringLiteral("openai"), QStringLiteral("after logout")), QStringLiteral("no socket"));
        QCOMPARE(call("POST", QStringLiteral("/auth/logout"), {}, first).status, 200);

        // The provider got the keys: the fake was really used with them.
        bool sawOpenAi = false, sawCustom = false;
        for (const RecordedRequest &r : m_fake.requests()) {
            sawOpenAi |= r.header("authorization") == "Bearer " + m_openAiKey;
            sawCustom |= r.header("authorization") == "Bearer " + m_customKey;
        }
        QVERIFY(sawOpenAi);
        QVERIFY(sawCustom);

        // Stop the server and take everything it wrote.
        m_server.terminate();
        QVERIFY(m_server.waitForFinished(20000));
        const QByteArray out = m_server.readAllStandardOutput();
        const QByteArray err = m_server.readAllStandardError();
        QVERIFY2(err.contains("teehee.http"), "the access log was not written: the scan would prove nothing");
        const QByteArray written = out + '\n' + err;

        QStringList leaks;
        auto scan = [&](const QByteArray &where, const QByteArray &text, const QByteArray &secret, const QString &what) {
            // The whole secret, and a long piece from its middle (a truncated echo).
            const QByteArray piece = secret.mid(secret.size() / 2 - 8, 16);
            if (text.contains(secret) || text.contains(piece))
                leaks << QStringLiteral("%1 in %2").arg(what, QString::fromLatin1(where));
        };
        for (const auto &[what, secret] : givenSecrets()) {
            scan("server output", written, secret, what);
            scan("answers", m_seen, secret, what);
        }
        for (const auto &[jwt, issuingAnswer] : std::as_const(m_issued)) {
            const QByteArray signature = jwt.mid(jwt.lastIndexOf('.') + 1);
            scan("server output", written, jwt, QStringLiteral("a token"));
            scan("server output", written, signature, QStringLiteral("a token's signature"));
            QByteArray answers = m_seen;
            answers.replace(issuingAnswer, QByteArray());
            scan("answers", answers, signature, QStringLiteral("a token"));
        }
        qInfo("scanned %lld bytes of server output and %lld bytes of answers for %lld secrets and %lld tokens",
              qint64(written.size()), qint64(m_seen.size()), qint64(givenSecrets().size()), qint64(m_issued.size()));
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QStringLiteral("; "))));
    }

    void cleanupTestCase()
    {
        if (m_server.state() != QProcess::NotRunning) {
            m_server.kill();
            m_server.waitForFinished();
        }
    }
};

QTEST_GUILESS_MAIN(TestSecretLeaks)
#include "tst_secretleaks.moc"
