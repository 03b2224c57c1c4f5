// Several custom OpenAI-compatible endpoints side by side (say Ollama and LM
// Studio): each stored endpoint is its own provider choice, "custom:<key id or
// label>", and a reply goes to that endpoint's base URL with its key; continue
// and regenerate go back to it. A provider's 429 reaches the clients with its
// Retry-After. On a server that does not allow private endpoints, an endpoint
// whose name resolves to loopback is refused before any connection, for the
// reply and for the model list, unless its user is the machine's owner.
// Against two fake servers; SQLite and PostgreSQL.
#include "generationfixture.h"

#include "api/json/streamevents.h"
#include "keys/keyservice.h"

#include <QJsonDocument>

using namespace genfixture;

class TestCustomEndpoints : public QObject {
    Q_OBJECT

    std::unique_ptr<Fixture> f;
    std::unique_ptr<FakeProviderServer> second; // the other local server
    QString ollamaId;
    QString studioId;

    QString addEndpoint(const QString &label, const QString &baseUrl, const QString &key)
    {
        auto added = f->backend().keys().add(f->user, QStringLiteral("custom"), key, baseUrl, label);
        if (!added)
            qWarning() << added.error().message;
        return added ? added->id : QString();
    }

    // Sends, waits for the end and returns the finished reply's id.
    QString chatWith(const QString &chat, const GenerationOptions &options, FakeProviderServer &server,
                     const QString &text)
    {
        server.enqueue(reply(QStringLiteral("openai"), {text}));
        auto g = f->gens().sendMessage(f->user, chat, QStringLiteral("q"), MessageParent::activeLeaf(), options);
        if (!g) {
            qWarning() << g.error().message;
            return {};
        }
        Recorder rec;
        rec.attach(g.value());
        if (!rec.waitFinished() || rec.last().type != GenerationEvent::Type::Completed)
            return {};
        return g.value()->messageId();
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<Fixture>();
        // The fake servers are on loopback: users' endpoints reach it only where the operator allows.
        f->adjustConfig = [](Config &c) { c.allowedEndpointHosts = {QStringLiteral("127.0.0.1")}; };
        GEN_SETUP(*f);
        second = std::make_unique<FakeProviderServer>();
        QVERIFY(second->listen());
        ollamaId = addEndpoint(QStringLiteral("Ollama"), f->fake.baseUrl(QStringLiteral("/v1")), QStringLiteral("ollama-key-0001"));
        QTest::qWait(5); // "newest" goes by creation time, kept in milliseconds
        studioId = addEndpoint(QStringLiteral("LM Studio"), second->baseUrl(QStringLiteral("/v1")), QStringLiteral("studio-key-0002"));
        QVERIFY(!ollamaId.isEmpty() && !studioId.isEmpty());
    }
    void cleanup()
    {
        f.reset();
        second.reset();
    }

    void eachEndpointResolvesToItsOwnUrlAndKey()
    {
        KeyService &keys = f->backend().keys();
        auto byId = keys.resolve(f->user, KeyService::customChoice(studioId));
        QVERIFY(byId);
        QCOMPARE(byId->baseUrl, second->baseUrl(QStringLiteral("/v1")));
        QCOMPARE(byId->apiKey, QStringLiteral("studio-key-0002"));
        QCOMPARE(byId->label, QStringLiteral("LM Studio"));
        auto byLabel = keys.resolve(f->user, QStringLiteral("custom:Ollama"));
        QVERIFY(byLabel);
        QCOMPARE(byLabel->keyId, ollamaId);
        QCOMPARE(byLabel->apiKey, QStringLiteral("ollama-key-0001"));
        auto missing = keys.resolve(f->user, QStringLiteral("custom:nope"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        // Another user cannot reach them, by id or by label.
        const QString other = f->newAccount().first;
        QVERIFY(!keys.resolve(other, KeyService::customChoice(ollamaId)));
        QVERIFY(!keys.resolve(other, QStringLiteral("custom:Ollama")));
    }

    void bothServersAnswerInTheSameChat()
    {
        const QString chat = f->newChat();
        const QString a = chatWith(chat, {KeyService::customChoice(ollamaId), QStringLiteral("llama3.2")}, f->fake,
                                   QStringLiteral("from ollama"));
        QVERIFY(!a.isEmpty());
        const QString b = chatWith(chat, {QStringLiteral("custom:LM Studio"), QStringLiteral("qwen2.5")}, *second,
                                   QStringLiteral("from studio"));
        QVERIFY(!b.isEmpty());

        QCOMPARE(f->fake.requests().size(), 1);
        QCOMPARE(second->requests().size(), 1);
        QCOMPARE(f->fake.requests().first().header("authorization"), QByteArray("Bearer ollama-key-0001"));
        QCOMPARE(second->requests().first().header("authorization"), QByteArray("Bearer studio-key-0002"));
        QCOMPARE(second->requests().first().json().value(QStringLiteral("model")).toString(), QStringLiteral("qwen2.5"));
        // The reply names the endpoint by key id (stable), whichever selector was used.
        QCOMPARE(f->stored(a).provider, KeyService::customChoice(ollamaId));
        QCOMPARE(f->stored(b).provider, KeyService::customChoice(studioId));
        QCOMPARE(f->stored(b).text(), QStringLiteral("from studio"));
    }

    void regenerateGoesBackToTheSameEndpoint()
    {
        const QString chat = f->newChat();
        const QString a = chatWith(chat, {KeyService::customChoice(ollamaId), QStringLiteral("llama3.2")}, f->fake,
                                   QStringLiteral("first"));
        QVERIFY(!a.isEmpty());
        f->fake.enqueue(reply(QStringLiteral("openai"), {QStringLiteral("second")}));
        auto g = f->gens().regenerate(f->user, a);
        QVERIFY(g);
        Recorder rec;
        rec.attach(g.value());
        QVERIFY(rec.waitFinished());
        QCOMPARE(rec.last().type, GenerationEvent::Type::Completed);
        QCOMPARE(f->fake.requests().size(), 2);
        QCOMPARE(second->requests().size(), 0);
        QCOMPARE(f->stored(g.value()->messageId()).model, QStringLiteral("llama3.2"));
    }

    void aKeyIdSelectsTheEndpointAndPlainCustomMeansTheNewest()
    {
        const QString chat = f->newChat();
        GenerationOptions byKey{QStringLiteral("custom"), QStringLiteral("m"), ollamaId};
        QVERIFY(!chatWith(chat, byKey, f->fake, QStringLiteral("by key id")).isEmpty());
        QVERIFY(!chatWith(chat, {QStringLiteral("custom"), QStringLiteral("m")}, *second, QStringLiteral("newest")).isEmpty());
        QCOMPARE(f->fake.requests().size(), 1);
        QCOMPARE(second->requests().size(), 1);
    }

    void anUnknownEndpointIsRefusedBeforeAnythingIsWritten()
    {
        const QString chat = f->newChat();
        auto g = f->gens().sendMessage(f->user, chat, QStringLiteral("q"), MessageParent::activeLeaf(),
                                       {QStringLiteral("custom:Nowhere"), QStringLiteral("m")});
        QVERIFY(!g);
        QCOMPARE(g.error().code, ErrorCode::InvalidInput);
        QVERIFY2(g.error().message.contains(QStringLiteral("Nowhere")), qPrintable(g.error().message));
        QCOMPARE(f->chats().messages(f->user, chat).value().size(), 0);
    }

    void liveModelsAreListedPerEndpoint()
    {
        second->enqueue(FakeResponse::json(200, R"({"object":"list","data":[{"id":"qwen2.5"},{"id":"phi4"}]})"));
        const auto r = HttpTestClient(f->port()).get(QStringLiteral("/providers/custom:") + studioId + QStringLiteral("/models"), f->token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.array().size(), 2);
        QCOMPARE(r.array().at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("qwen2.5"));
        QCOMPARE(second->requests().first().header("authorization"), QByteArray("Bearer studio-key-0002"));
        QCOMPARE(HttpTestClient(f->port()).get(QStringLiteral("/providers/custom:nope/models"), f->token).status, 404);
    }

    void aRateLimitCarriesRetryAfterToTheClients()
    {
        f->fake.enqueue(FakeResponse::json(429, wire::openAiErrorBody("Rate limit reached for requests", "requests", "rate_limit_exceeded"))
                            .header("Retry-After", "42"));
        const QString chat = f->newChat();
        auto g = f->gens().sendMessage(f->user, chat, QStringLiteral("q"), MessageParent::activeLeaf(),
                                       {QStringLiteral("openai"), QStringLiteral("gpt-4o-mini")});
        QVERIFY(g);
        Recorder rec;
        rec.attach(g.value());
        QVERIFY(rec.waitFinished());
        QCOMPARE(rec.last().type, GenerationEvent::Type::Failed);
        QVERIFY(rec.last().rateLimited);
        QCOMPARE(rec.last().retryAfterSeconds, 42);
        const QJsonObject wire = QJsonDocument::fromJson(streamevents::encode(rec.last()).json).object();
        QCOMPARE(wire.value(QStringLiteral("type")).toString(), QStringLiteral("stream_error"));
        QCOMPARE(wire.value(QStringLiteral("retry_after")).toInt(), 42);
    }

    void loopbackIsRefusedWhenStoredExceptForTheMachinesOwner()
    {
        Fixture strict; // nothing private allowed
        GEN_SETUP(strict);
        FakeProviderServer local;
        QVERIFY(local.listen());
        local.setHandler([](const RecordedRequest &) { return reply(QStringLiteral("openai"), {QStringLiteral("hi")}); });
        const QString url = QStringLiteral("http://localhost:%1/v1").arg(local.port());
        // A literal loopback address, and "localhost" (loopback by definition), are refused
        // when stored. Other names that resolve there are refused when a reply connects
        // (tst_endpointpolicy: loopbackTargetsAreRefusedBeforeAnyConnection).
        for (const QString &refused : {local.baseUrl(QStringLiteral("/v1")), url}) {
            const auto added = strict.backend().keys().add(strict.user, QStringLiteral("custom"), QStringLiteral("k-0001"),
                                                           refused, QStringLiteral("Sneaky"));
            QVERIFY2(!added, qPrintable(refused));
            QCOMPARE(added.error().code, ErrorCode::InvalidInput);
            QVERIFY(added.error().message.contains(QStringLiteral("private networks")));
        }
        QCOMPARE(strict.backend().keys().list(strict.user).value().size(), 0);
        QCOMPARE(local.peakOpenConnections(), 0);

        // The desktop's own user is the machine's owner: the same endpoint is theirs to use.
        strict.backend().keys().trustWithPrivateEndpoints(strict.user);
        QVERIFY(strict.backend().keys().add(strict.user, QStringLiteral("custom"), QStringLiteral("k-0001"), url,
                                            QStringLiteral("Sneaky")));
        const QString chat = strict.newChat();
        auto again = strict.gens().sendMessage(strict.user, chat, QStringLiteral("q"), MessageParent::activeLeaf(),
                                               {QStringLiteral("custom:Sneaky"), QStringLiteral("m")});
        QVERIFY(again);
        Recorder ok;
        ok.attach(again.value());
        QVERIFY(ok.waitFinished());
        QCOMPARE(ok.last().type, GenerationEvent::Type::Completed);
        QCOMPARE(local.requests().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCustomEndpoints)
#include "tst_customendpoints.moc"
