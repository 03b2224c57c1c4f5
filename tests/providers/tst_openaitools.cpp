// Tool calling over Chat Completions: OpenAI itself and the compatible servers.
#include "fakeproviderserver.h"
#include "streamrecorder.h"
#include "toolhistory.h"

#include "core/config.h"
#include "providers/openaistream.h"
#include "providers/provider.h"
#include "providers/providerregistry.h"

#include <QJsonArray>
#include <QTest>

using namespace teehee;
using namespace teehee::test;

namespace {

Config loopbackAllowed()
{
    Config c;
    c.allowedEndpointHosts = {QStringLiteral("127.0.0.1")};
    return c;
}

class Fixture {
public:
    explicit Fixture(bool compatible = false)
        : registry(loopbackAllowed())
        , compatible(compatible)
    {
        ok = server.listen();
        provider = std::make_unique<OpenAiProvider>(server.baseUrl(QStringLiteral("/v1")), QStringLiteral("sk-test-KEY0123456789"));
        request.model = compatible ? QStringLiteral("llama3.1") : QStringLiteral("gpt-4o-mini");
        if (compatible) {
            request.provider = QStringLiteral("my-ollama");
            request.baseUrl = server.baseUrl(QStringLiteral("/v1"));
        }
        request.messages = {{QStringLiteral("user"), QStringLiteral("Weather in Paris?")}};
        request.timeouts = {2000, 2000, 10000};
        request.retry.maxAttempts = 1;
    }
    std::unique_ptr<StreamRecorder> run()
    {
        if (compatible)
            stream.reset(*registry.createStream(request));
        else
            stream.reset(provider->createStream(request));
        auto rec = std::make_unique<StreamRecorder>(stream.get());
        stream->start();
        rec->waitForEnd();
        return rec;
    }
    QJsonObject sentBody() const { return server.requests().first().json(); }

    bool ok = false;
    FakeProviderServer server;
    ProviderRegistry registry;
    bool compatible;
    std::unique_ptr<OpenAiProvider> provider;
    ChatRequest request;
    std::unique_ptr<ProviderStream> stream;
};

const char *kExpectedMessages =
    "[{'role':'user','content':'Weather in Paris and Rome?'},"
    " {'role':'assistant','content':'Let me check.','tool_calls':["
    "   {'id':'call_A1','type':'function','function':{'name':'get_weather','arguments':'{`city`:`Paris`}'}},"
    "   {'id':'call_B2','type':'function','function':{'name':'get_weather','arguments':'{`city`:`Rome`}'}}]},"
    " {'role':'tool','tool_call_id':'call_A1','content':'18 C'},"
    " {'role':'tool','tool_call_id':'call_B2','content':'Error: unreachable'},"
    " {'role':'assistant','content':null,'tool_calls':["
    "   {'id':'call_C3','type':'function','function':{'name':'get_time','arguments':'{}'}}]},"
    " {'role':'tool','tool_call_id':'call_C3','content':'12:00'}]";

const char *kExpectedTools =
    "[{'type':'function','function':{'name':'get_weather','description':'Current weather',"
    "   'parameters':{'type':'object','properties':{'city':{'type':'string'}},'required':['city']}}},"
    " {'type':'function','function':{'name':'get_time','parameters':{'type':'object','properties':{}}}}]";

} // namespace

class TestOpenAiTools : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneCallInManyFragmentsAfterText()
    {
        Fixture f;
        QVERIFY(f.ok);
        const QString args = QStringLiteral("{\"city\":\"Paris\",\"units\":\"metric\",\"note\":\"Grüße 😀\"}");
        // Three characters per fragment, and the body cut into 5-byte writes on top.
        f.server.enqueue(FakeResponse::sse().sendFragmented(
            wire::openAiToolCallStream({{QStringLiteral("call_abc123"), QStringLiteral("get_weather"), args}}, 3, false,
                                       QStringLiteral("Checking.")),
            5));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(rec->text(), QStringLiteral("Checking."));
        QCOMPARE(f.stream->finishReason(), QStringLiteral("tool_calls"));
        QCOMPARE(rec->toolCallsReadyCount, 1);
        QVERIFY(rec->toolCallsBeforeEnd);
        QCOMPARE(rec->toolCalls.size(), 1);
        const ToolCall c = rec->toolCalls.first();
        QCOMPARE(c.id, QStringLiteral("call_abc123"));
        QCOMPARE(c.name, QStringLiteral("get_weather"));
        QCOMPARE(c.arguments, jsonOf("{'city':'Paris','units':'metric','note':'Grüße 😀'}").toObject());
        QCOMPARE(c.argumentsError, QString());
        QCOMPARE(c.rawArguments, args);
        QCOMPARE(f.stream->toolCalls(), rec->toolCalls);
    }

    void parallelCallsInterleavedByIndex()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(wire::openAiToolCallStream(
            {{QStringLiteral("call_1"), QStringLiteral("get_weather"), QStringLiteral("{\"city\":\"Paris\"}")},
             {QStringLiteral("call_2"), QStringLiteral("get_weather"), QStringLiteral("{\"city\":\"Rome\",\"days\":3}")},
             {QStringLiteral("call_3"), QStringLiteral("get_time"), QStringLiteral("{}")}},
            2, true)));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(rec->text(), QString());
        QCOMPARE(rec->toolCalls.size(), 3);
        QCOMPARE(rec->toolCalls[0].id, QStringLiteral("call_1"));
        QCOMPARE(rec->toolCalls[0].arguments, jsonOf("{'city':'Paris'}").toObject());
        QCOMPARE(rec->toolCalls[1].id, QStringLiteral("call_2"));
        QCOMPARE(rec->toolCalls[1].arguments, jsonOf("{'city':'Rome','days':3}").toObject());
        QCOMPARE(rec->toolCalls[2].name, QStringLiteral("get_time"));
        QCOMPARE(rec->toolCalls[2].arguments, QJsonObject());
        for (const ToolCall &c : rec->toolCalls)
            QCOMPARE(c.argumentsError, QString());
    }

    void malformedArgumentsBecomeAnArgumentsError_data()
    {
        QTest::addColumn<QString>("arguments");
        QTest::addColumn<QString>("error");
        QTest::newRow("invalid JSON") << QStringLiteral("{\"city\": \"Par") << QStringLiteral("not valid JSON");
        QTest::newRow("not an object") << QStringLiteral("[\"Paris\"]") << QStringLiteral("not a JSON object");
        QTest::newRow("trailing garbage") << QStringLiteral("{\"city\":\"Paris\"}}") << QStringLiteral("not valid JSON");
    }
    void malformedArgumentsBecomeAnArgumentsError()
    {
        QFETCH(QString, arguments);
        QFETCH(QString, error);
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(
            wire::openAiToolCallStream({{QStringLiteral("call_bad"), QStringLiteral("get_weather"), arguments},
                                        {QStringLiteral("call_good"), QStringLiteral("get_time"), QStringLiteral("{}")}}, 4)));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(rec->toolCalls.size(), 2);
        QVERIFY2(rec->toolCalls[0].argumentsError.contains(error), qPrintable(rec->toolCalls[0].argumentsError));
        QCOMPARE(rec->toolCalls[0].rawArguments, arguments);
        QCOMPARE(rec->toolCalls[0].arguments, QJsonObject());
        QCOMPARE(rec->toolCalls[1].argumentsError, QString());
    }

    void argumentsCutOffAtTheTokenLimitSaySo()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(
            wire::openAiRoleChunk() + wire::openAiToolCallStart(0, QStringLiteral("call_cut"), QStringLiteral("get_weather"))
            + wire::openAiToolCallArguments(0, QStringLiteral("{\"city\":")) + wire::openAiToolCallArguments(0, QStringLiteral("\"Pa"))
            + wire::openAiChunk(QString(), "length") + wire::openAiUsageChunk(9, 4096) + wire::openAiDone()));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(f.stream->finishReason(), QStringLiteral("length"));
        QCOMPARE(rec->toolCalls.size(), 1);
        QVERIFY2(rec->toolCalls[0].argumentsError.contains(QStringLiteral("cut off")), qPrintable(rec->toolCalls[0].argumentsError));
        QCOMPARE(rec->toolCalls[0].rawArguments, QStringLiteral("{\"city\":\"Pa"));
    }

    void aReplyCutBeforeItsEndHasNoCalls()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse()
                             .withFraming(FakeResponse::Framing::CloseDelimited)
                             .send(wire::openAiRoleChunk() + wire::openAiChunk(QStringLiteral("Checking."))
                                   + wire::openAiToolCallStart(0, QStringLiteral("call_1"), QStringLiteral("get_time"))
                                   + wire::openAiToolCallArguments(0, QStringLiteral("{}"))));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Failed);
        QCOMPARE(rec->error.kind, ProviderError::UpstreamClosed);
        QCOMPARE(rec->toolCallsReadyCount, 0);
        QVERIFY(f.stream->toolCalls().isEmpty());
    }

    void aRetriedAttemptStartsItsCallsAfresh()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.retry.maxAttempts = 2;
        f.request.retry.baseDelayMs = 10;
        // Calls but no text before the connection drops: nothing was shown, so it is tried again.
        f.server.enqueue(FakeResponse::sse()
                             .withFraming(FakeResponse::Framing::CloseDelimited)
                             .send(wire::openAiRoleChunk() + wire::openAiToolCallStart(0, QStringLiteral("call_old"), QStringLiteral("get_time"))
                                   + wire::openAiToolCallArguments(0, QStringLiteral("{\"a\""))));
        f.server.enqueue(FakeResponse::sse().send(wire::openAiToolCallStream(
            {{QStringLiteral("call_new"), QStringLiteral("get_weather"), QStringLiteral("{\"city\":\"Lima\"}")}}, 4)));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(f.server.requests().size(), 2);
        QCOMPARE(rec->toolCalls.size(), 1);
        QCOMPARE(rec->toolCalls[0].id, QStringLiteral("call_new"));
        QCOMPARE(rec->toolCalls[0].arguments, jsonOf("{'city':'Lima'}").toObject());
    }

    void aReplyWithoutCallsEmitsNoToolCalls()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(wire::openAiStream({QStringLiteral("Hi")})));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(rec->toolCallsReadyCount, 0);
        QVERIFY(f.stream->toolCalls().isEmpty());
        QCOMPARE(f.stream->finishReason(), QStringLiteral("stop"));
        QVERIFY(!f.sentBody().contains(QLatin1String("tools")));
    }

    void requestBodyCarriesToolsCallsAndResults()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.tools = sampleTools();
        f.request.messages = toolHistory();
        f.server.enqueue(FakeResponse::sse().send(wire::openAiStream({QStringLiteral("Done.")})));
        f.run();
        const QJsonObject body = f.sentBody();
        QCOMPARE(body.value(QLatin1String("messages")), jsonOf(kExpectedMessages));
        QCOMPARE(body.value(QLatin1String("tools")), jsonOf(kExpectedTools));
    }

    void continueAfterToolTurns()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.tools = sampleTools();
        f.request.messages = toolHistory();
        f.request.messages << ChatMessage{QStringLiteral("assistant"), QStringLiteral("Paris has 18 C and")};
        f.request.continuePartial = true;
        f.server.enqueue(FakeResponse::sse().send(wire::openAiStream({QStringLiteral("and Rome"), QStringLiteral(" is unknown.")})));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(QStringLiteral("Paris has 18 C and") + rec->text(), QStringLiteral("Paris has 18 C and Rome is unknown."));
        QJsonArray expected = jsonOf(kExpectedMessages).toArray();
        expected.append(jsonOf("{'role':'assistant','content':'Paris has 18 C and'}"));
        expected.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), continueInstruction()}});
        QCOMPARE(f.sentBody().value(QLatin1String("messages")).toArray(), expected);
    }

    void compatibleServersMaySendArgumentsAsAnObject()
    {
        Fixture f(true);
        QVERIFY(f.ok);
        // Ollama: the whole call in one chunk, arguments as an object, finish_reason "stop".
        f.server.enqueue(FakeResponse::sse().send(
            wire::sseData("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"llama3.1\","
                          "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":["
                          "{\"id\":\"call_x1\",\"index\":0,\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                          "\"arguments\":{\"city\":\"Paris\"}}}]},\"finish_reason\":\"stop\"}]}")
            + wire::openAiDone()));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(f.stream->finishReason(), QStringLiteral("tool_calls"));
        QCOMPARE(rec->toolCalls.size(), 1);
        QCOMPARE(rec->toolCalls[0].id, QStringLiteral("call_x1"));
        QCOMPARE(rec->toolCalls[0].arguments, jsonOf("{'city':'Paris'}").toObject());
        QCOMPARE(rec->toolCalls[0].argumentsError, QString());
    }

    void compatibleServersStreamFragmentsAndGetTheOpenAiBody()
    {
        Fixture f(true);
        QVERIFY(f.ok);
        f.request.tools = sampleTools();
        f.request.messages = toolHistory();
        f.request.messages << ChatMessage{QStringLiteral("assistant"), QStringLiteral("So far")};
        f.request.continuePartial = true;
        f.server.enqueue(FakeResponse::sse().send(wire::openAiToolCallStream(
            {{QStringLiteral("call_9"), QStringLiteral("get_time"), QStringLiteral("{\"zone\":\"CET\"}")}}, 1)));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(rec->toolCalls.size(), 1);
        QCOMPARE(rec->toolCalls[0].arguments, jsonOf("{'zone':'CET'}").toObject());
        const QJsonObject body = f.sentBody();
        QJsonArray expected = jsonOf(kExpectedMessages).toArray();
        expected.append(jsonOf("{'role':'assistant','content':'So far'}"));
        QCOMPARE(body.value(QLatin1String("messages")).toArray(), expected);
        QCOMPARE(body.value(QLatin1String("tools")), jsonOf(kExpectedTools));
        QCOMPARE(body.value(QLatin1String("continue_final_message")).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestOpenAiTools)
#include "tst_openaitools.moc"
