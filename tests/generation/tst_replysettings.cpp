// What a reply is asked with, end to end over real sockets: the chat's
// provider, model and options (spec/api.md, "Chat settings that every device
// shares") as the fake providers receive them in their own wire formats; a
// request's provider/model becoming the chat's, its options applying to that
// reply only; bad options refused (422 over HTTP, `error` on the WebSocket);
// and the one meaning of parent_message_id and content on every transport.
#include "generationfixture.h"
#include "wsclient.h"

#include <QJsonDocument>

using namespace genfixture;

class TestReplySettings : public QObject {
    Q_OBJECT

    std::unique_ptr<Fixture> f;

    QUrl url(const QString &chat) const { return WsClient::url(f->port(), chat, f->token); }
    QList<QPair<QByteArray, QByteArray>> headers(bool sse = false) const
    {
        QList<QPair<QByteArray, QByteArray>> h{{"Content-Type", "application/json"}, {"Authorization", "Bearer " + f->token}};
        if (sse)
            h.append(qMakePair(QByteArray("Accept"), QByteArray("text/event-stream")));
        return h;
    }
    HttpTestResponse http(const QByteArray &method, const QString &path, const QJsonObject &body = {}, bool sse = false)
    {
        return f->server->client().request(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers(sse));
    }
    QJsonObject chatJson(const QString &chat) { return http("GET", QStringLiteral("/chats/%1").arg(chat)).object(); }
    void setChat(const QString &chat, const QJsonObject &settings)
    {
        const auto r = http("PATCH", QStringLiteral("/chats/%1").arg(chat), settings);
        QCOMPARE(r.status, 200);
    }
    // One reply over the WebSocket; the provider's request as it arrived.
    RecordedRequest replyOverSocket(const QString &chat, const QJsonObject &message, const QString &provider)
    {
        f->fake.enqueue(reply(provider, {QStringLiteral("ok")}));
        const qsizetype before = f->fake.requests().size();
        WsClient c;
        if (!c.open(url(chat)))
            return {};
        c.send(message);
        if (!c.waitFor(QStringLiteral("stream_complete")) || f->fake.requests().size() != before + 1)
            return {};
        return f->fake.requests().constLast();
    }
    QJsonObject sendOnly(const QString &content) { return {{"type", "stream_message"}, {"content", content}}; }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<Fixture>();
        GEN_SETUP(*f);
    }
    void cleanup() { f.reset(); }

    void aMessageWithoutProviderOrModelUsesTheChats()
    {
        const QString chat = f->newChat();
        setChat(chat, {{"provider", "anthropic"}, {"model", "claude-haiku-4-5"}});
        const RecordedRequest sent = replyOverSocket(chat, sendOnly(QStringLiteral("hi")), QStringLiteral("anthropic"));
        QCOMPARE(sent.path, QByteArray("/v1/messages"));
        QCOMPARE(sent.json().value("model").toString(), QStringLiteral("claude-haiku-4-5"));
    }

    void aMessageWithProviderAndModelMakesThemTheChats()
    {
        const QString chat = f->newChat();
        setChat(chat, {{"provider", "openai"}, {"model", "gpt-4o-mini"}});
        QJsonObject m = sendOnly(QStringLiteral("hi"));
        m.insert("provider", "mistral");
        m.insert("model", "mistral-large-latest");
        const RecordedRequest sent = replyOverSocket(chat, m, QStringLiteral("mistral"));
        QCOMPARE(sent.json().value("model").toString(), QStringLiteral("mistral-large-latest"));
        const QJsonObject after = chatJson(chat);
        QCOMPARE(after.value("provider").toString(), QStringLiteral("mistral"));
        QCOMPARE(after.value("model").toString(), QStringLiteral("mistral-large-latest"));
        // A provider alone: its default model, and both saved.
        m = sendOnly(QStringLiteral("again"));
        m.insert("provider", "anthropic");
        QVERIFY(!replyOverSocket(chat, m, QStringLiteral("anthropic")).path.isEmpty());
        QCOMPARE(chatJson(chat).value("provider").toString(), QStringLiteral("anthropic"));
        QVERIFY(!chatJson(chat).value("model").toString().isEmpty());
    }

    // The chat's choice wins over the message's own: another device changed it meanwhile.
    void regenerateAndContinueWithoutProviderUseTheChatsNow()
    {
        const QString chat = f->newChat();
        QJsonObject m = sendOnly(QStringLiteral("hi"));
        m.insert("provider", "openai");
        m.insert("model", "gpt-4o-mini");
        QVERIFY(!replyOverSocket(chat, m, QStringLiteral("openai")).path.isEmpty());
        const QString answer = chatJson(chat).value("current_path").toArray().last().toString();
        setChat(chat, {{"provider", "anthropic"}, {"model", "claude-haiku-4-5"}});
        const RecordedRequest again = replyOverSocket(chat, {{"type", "regenerate"}, {"message_id", answer}}, QStringLiteral("anthropic"));
        QCOMPARE(again.path, QByteArray("/v1/messages"));
        QCOMPARE(again.json().value("model").toString(), QStringLiteral("claude-haiku-4-5"));

        // Continue over HTTP: an empty assistant message, answered with the chat's choice.
        auto added = http("POST", QStringLiteral("/chats/%1/messages").arg(chat), {{"role", "assistant"}, {"content", ""}});
        QCOMPARE(added.status, 201);
        f->fake.enqueue(reply(QStringLiteral("anthropic"), {QStringLiteral("more")}));
        const auto r = http("POST", QStringLiteral("/stream/%1/continue").arg(added.object().value("id").toString()));
        QCOMPARE(r.status, 200);
        QCOMPARE(f->fake.requests().constLast().json().value("model").toString(), QStringLiteral("claude-haiku-4-5"));
    }

    void theChatsOptionsReachEachProviderInItsOwnFormat_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QByteArray>("maxTokensField");
        QTest::newRow("openai") << "openai" << QByteArray("\"max_completion_tokens\":321");
        QTest::newRow("mistral") << "mistral" << QByteArray("\"max_tokens\":321");
        QTest::newRow("anthropic") << "anthropic" << QByteArray("\"max_tokens\":321");
    }
    void theChatsOptionsReachEachProviderInItsOwnFormat()
    {
        QFETCH(QString, provider);
        QFETCH(QByteArray, maxTokensField);
        const QString chat = f->newChat();
        setChat(chat, {{"provider", provider}, {"model", modelFor(provider)}, {"options", QJsonObject{{"temperature", 0.75}, {"max_tokens", 321}}}});
        const RecordedRequest sent = replyOverSocket(chat, sendOnly(QStringLiteral("hi")), provider);
        QVERIFY2(sent.body.contains("\"temperature\":0.75"), sent.body.constData());
        QVERIFY2(sent.body.contains(maxTokensField), sent.body.constData());
        QVERIFY(!sent.json().contains("reasoning_effort"));
        QVERIFY(!sent.json().contains("thinking"));
    }

    void thinkingGivesAnthropicABudgetBelowMaxTokens()
    {
        const QString chat = f->newChat();
        setChat(chat, {{"provider", "anthropic"}, {"model", "claude-sonnet-4-5"},
                       {"options", QJsonObject{{"thinking", true}, {"reasoning_effort", "low"}, {"temperature", 0.3}, {"max_tokens", 1000}}}});
        const RecordedRequest sent = replyOverSocket(chat, sendOnly(QStringLiteral("think")), QStringLiteral("anthropic"));
        QVERIFY2(sent.body.contains("\"thinking\":{\"budget_tokens\":2048,\"type\":\"enabled\"}"), sent.body.constData());
        const QJsonObject body = sent.json();
        QVERIFY(body.value("max_tokens").toInt() > 2048);
        QVERIFY(!body.contains("temperature")); // thinking keeps the default temperature
    }

    void reasoningEffortGoesOnlyToOpenAiReasoningModels()
    {
        const QString chat = f->newChat();
        setChat(chat, {{"provider", "openai"}, {"model", "o4-mini"}, {"options", QJsonObject{{"reasoning_effort", "high"}, {"temperature", 1}}}});
        RecordedRequest sent = replyOverSocket(chat, sendOnly(QStringLiteral("a")), QStringLiteral("openai"));
        QVERIFY2(sent.body.contains("\"reasoning_effort\":\"high\""), sent.body.constData());
        QVERIFY(!sent.json().contains("temperature"));
        setChat(chat, {{"model", "gpt-4o-mini"}});
        sent = replyOverSocket(chat, sendOnly(QStringLiteral("b")), QStringLiteral("openai"));
        QVERIFY(!sent.json().contains("reasoning_effort"));
        QVERIFY(sent.body.contains("\"temperature\":1"));
        // Mistral takes it as OpenAI writes it.
        setChat(chat, {{"provider", "mistral"}, {"model", "magistral-medium-latest"}});
        sent = replyOverSocket(chat, sendOnly(QStringLiteral("c")), QStringLiteral("mistral"));
        QVERIFY2(sent.body.contains("\"reasoning_effort\":\"high\""), sent.body.constData());
    }

    void aRequestsOptionsApplyToThatReplyOnly()
    {
        const QString chat = f->newChat();
        const QJsonObject chatOptions{{"temperature", 0.2}, {"max_tokens", 100}};
        setChat(chat, {{"provider", "openai"}, {"model", "gpt-4o-mini"}, {"options", chatOptions}});
        f->fake.enqueue(reply(QStringLiteral("openai"), {QStringLiteral("x")}));
        const auto r = http("POST", QStringLiteral("/chats/%1/stream").arg(chat),
                            {{"content", "hi"}, {"options", QJsonObject{{"temperature", 1.5}}}}, true);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("stream_complete"));
        const RecordedRequest sent = f->fake.requests().constLast();
        QVERIFY2(sent.body.contains("\"temperature\":1.5"), sent.body.constData());
        QVERIFY(sent.body.contains("\"max_completion_tokens\":100"));
        QCOMPARE(chatJson(chat).value("options").toObject(), chatOptions);
        // The next reply is back to the chat's.
        const RecordedRequest next = replyOverSocket(chat, sendOnly(QStringLiteral("again")), QStringLiteral("openai"));
        QVERIFY(next.body.contains("\"temperature\":0.2"));
    }

    void badOptionsOverHttpAre422AndNothingIsWritten()
    {
        const QString chat = f->newChat();
        auto r = http("POST", QStringLiteral("/chats/%1/stream").arg(chat),
                      {{"content", "hi"}, {"provider", "openai"}, {"options", QJsonObject{{"max_tokens", 0}}}}, true);
        QCOMPARE(r.status, 422);
        QVERIFY(r.detail().contains(QStringLiteral("options.max_tokens")));
        const QString empty = f->addMessage(chat, QStringLiteral("assistant"), QString());
        r = http("POST", QStringLiteral("/stream/%1/continue").arg(empty), {{"options", QJsonObject{{"nucleus", 1}}}});
        QCOMPARE(r.status, 422);
        QVERIFY(r.detail().contains(QStringLiteral("nucleus")));
        QCOMPARE(f->fake.requests().size(), 0);
        QCOMPARE(chatJson(chat).value("messages").toArray().size(), 1);
    }

    void badOptionsOnTheSocketAreAnErrorAndTheSocketStays_data()
    {
        QTest::addColumn<QString>("type");
        QTest::newRow("stream_message") << "stream_message";
        QTest::newRow("continue_stream") << "continue_stream";
        QTest::newRow("regenerate") << "regenerate";
    }
    void badOptionsOnTheSocketAreAnErrorAndTheSocketStays()
    {
        QFETCH(QString, type);
        const QString chat = f->newChat();
        const QString question = f->addMessage(chat, QStringLiteral("user"), QStringLiteral("q"));
        const QString answer = f->addMessage(chat, QStringLiteral("assistant"), QString(), question);
        WsClient c;
        QVERIFY(c.open(url(chat)));
        c.send({{"type", type}, {"content", "hi"}, {"message_id", answer}, {"provider", "openai"},
                {"options", QJsonObject{{"temperature", 2.5}}}});
        QVERIFY(c.waitFor(QStringLiteral("error")));
        QVERIFY2(c.last("error").value("message").toString().contains(QStringLiteral("options.temperature")),
                 qPrintable(c.last("error").value("message").toString()));
        c.send({{"type", "ping"}});
        QVERIFY(c.waitFor(QStringLiteral("pong")));
        QCOMPARE(c.types(), (QStringList{"error", "pong"}));
        QCOMPARE(f->fake.requests().size(), 0);
        QCOMPARE(chatJson(chat).value("messages").toArray().size(), 2);
    }

    // Explicit null: a new root, on the SSE route and the WebSocket as on POST /chats/{id}/messages.
    void aNullParentStartsANewRootOnEveryTransport()
    {
        const QString chat = f->newChat();
        const QString first = f->addMessage(chat, QStringLiteral("user"), QStringLiteral("first root"));
        f->fake.enqueue(reply(QStringLiteral("openai"), {QStringLiteral("x")}));
        const auto r = http("POST", QStringLiteral("/chats/%1/stream").arg(chat),
                            {{"content", "second root"}, {"provider", "openai"}, {"parent_message_id", QJsonValue::Null}}, true);
        QCOMPARE(r.status, 200);

        WsClient c;
        QVERIFY(c.open(url(chat)));
        f->fake.enqueue(reply(QStringLiteral("openai"), {QStringLiteral("y")}));
        c.send({{"type", "stream_message"}, {"content", QJsonObject{{"text", "third root"}}}, {"parent_message_id", QJsonValue::Null}});
        QVERIFY(c.waitFor(QStringLiteral("stream_complete")));
        QCOMPARE(c.last("message_created").value("message").toObject().value("content").toObject().value("text").toString(),
                 QStringLiteral("third root"));

        int roots = 0;
        for (const auto &v : chatJson(chat).value("messages").toArray())
            if (v.toObject().value("parent_message_id").isNull())
                ++roots;
        QCOMPARE(roots, 3);
        QVERIFY(!first.isEmpty());
    }

    void anInvalidParentIsRefusedOnEveryTransport()
    {
        const QString chat = f->newChat();
        const auto r = http("POST", QStringLiteral("/chats/%1/stream").arg(chat),
                            {{"content", "x"}, {"provider", "openai"}, {"parent_message_id", "not-a-uuid"}}, true);
        QCOMPARE(r.status, 422);
        QVERIFY(r.detail().contains(QStringLiteral("parent_message_id")));
        WsClient c;
        QVERIFY(c.open(url(chat)));
        c.send({{"type", "stream_message"}, {"content", "x"}, {"provider", "openai"}, {"parent_message_id", 12}});
        QVERIFY(c.waitFor(QStringLiteral("error")));
        QVERIFY(c.last("error").value("message").toString().contains(QStringLiteral("parent_message_id")));
        QCOMPARE(f->fake.requests().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReplySettings)
#include "tst_replysettings.moc"
