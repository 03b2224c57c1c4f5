// Tool calling with Anthropic Messages: tool_use blocks, input_json_delta, tool_result turns.
#include "fakeproviderserver.h"
#include "streamrecorder.h"
#include "toolhistory.h"

#include "providers/anthropicstream.h"
#include "providers/openaistream.h"
#include "providers/provider.h"

#include <QJsonArray>
#include <QTest>

using namespace teehee;
using namespace teehee::test;

namespace {

class Fixture {
public:
    Fixture()
    {
        ok = server.listen();
        provider = std::make_unique<AnthropicProvider>(server.baseUrl(), QStringLiteral("sk-ant-api03-KEY42"));
        request.model = QStringLiteral("claude-sonnet-4-5-20250929");
        request.messages = {{QStringLiteral("user"), QStringLiteral("Weather in Paris?")}};
        request.timeouts = {2000, 2000, 10000};
        request.retry.maxAttempts = 1;
    }
    std::unique_ptr<StreamRecorder> run()
    {
        stream.reset(provider->createStream(request));
        auto rec = std::make_unique<StreamRecorder>(stream.get());
        stream->start();
        rec->waitForEnd();
        return rec;
    }
    QJsonObject sentBody() const { return server.requests().first().json(); }

    bool ok = false;
    FakeProviderServer server;
    std::unique_ptr<AnthropicProvider> provider;
    ChatRequest request;
    std::unique_ptr<ProviderStream> stream;
};

const char *kExpectedTurns =
    "[{'role':'user','content':'Weather in Paris and Rome?'},"
    " {'role':'assistant','content':[{'type':'text','text':'Let me check.'},"
    "   {'type':'tool_use','id':'call_A1','name':'get_weather','input':{'city':'Paris'}},"
    "   {'type':'tool_use','id':'call_B2','name':'get_weather','input':{'city':'Rome'}}]},"
    " {'role':'user','content':[{'type':'tool_result','tool_use_id':'call_A1','content':'18 C','is_error':false},"
    "   {'type':'tool_result','tool_use_id':'call_B2','content':'unreachable','is_error':true}]},"
    " {'role':'assistant','content':[{'type':'tool_use','id':'call_C3','name':'get_time','input':{}}]},"
    " {'role':'user','content':[{'type':'tool_result','tool_use_id':'call_C3','content':'12:00','is_error':false}]}]";

const char *kExpectedTools =
    "[{'name':'get_weather','description':'Current weather',"
    "   'input_schema':{'type':'object','properties':{'city':{'type':'string'}},'required':['city']}},"
    " {'name':'get_time','input_schema':{'type':'object','properties':{}}}]";

} // namespace

class TestAnthropicTools : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneCallInManyFragmentsAfterText()
    {
        Fixture f;
        QVERIFY(f.ok);
        const QString args = QStringLiteral("{\"city\": \"Paris\", \"units\": \"metric\", \"note\": \"Grüße 😀\"}");
        f.server.enqueue(FakeResponse::sse().sendFragmented(
            wire::anthropicToolUseStream({{QStringLiteral("toolu_01A09q90qw90lq917835lq9"), QStringLiteral("get_weather"), args}}, 3,
                                         QStringLiteral("Let me look.")),
            7));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(rec->text(), QStringLiteral("Let me look."));
        QCOMPARE(f.stream->finishReason(), QStringLiteral("tool_calls"));
        QCOMPARE(rec->toolCallsReadyCount, 1);
        QVERIFY(rec->toolCallsBeforeEnd);
        QCOMPARE(rec->toolCalls.size(), 1);
        QCOMPARE(rec->toolCalls[0].id, QStringLiteral("toolu_01A09q90qw90lq917835lq9"));
        QCOMPARE(rec->toolCalls[0].name, QStringLiteral("get_weather"));
        QCOMPARE(rec->toolCalls[0].arguments, jsonOf("{'city':'Paris','units':'metric','note':'Grüße 😀'}").toObject());
        QCOMPARE(rec->toolCalls[0].rawArguments, args);
        QCOMPARE(rec->toolCalls[0].argumentsError, QString());
    }

    void parallelToolUseBlocks()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(wire::anthropicToolUseStream(
            {{QStringLiteral("toolu_1"), QStringLiteral("get_weather"), QStringLiteral("{\"city\":\"Paris\"}")},
             {QStringLiteral("toolu_2"), QStringLiteral("get_weather"), QStringLiteral("{\"city\":\"Rome\"}")},
             {QStringLiteral("toolu_3"), QStringLiteral("get_time"), QString()}},
            5)));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(rec->toolCalls.size(), 3);
        QCOMPARE(rec->toolCalls[0].id, QStringLiteral("toolu_1"));
        QCOMPARE(rec->toolCalls[0].arguments, jsonOf("{'city':'Paris'}").toObject());
        QCOMPARE(rec->toolCalls[1].id, QStringLiteral("toolu_2"));
        QCOMPARE(rec->toolCalls[1].arguments, jsonOf("{'city':'Rome'}").toObject());
        QCOMPARE(rec->toolCalls[2].name, QStringLiteral("get_time"));
        QCOMPARE(rec->toolCalls[2].arguments, QJsonObject()); // no input_json_delta but the empty one
        QCOMPARE(rec->toolCalls[2].argumentsError, QString());
    }

    void thinkingThenToolUse()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.thinking = true;
        f.server.enqueue(FakeResponse::sse().send(
            wire::anthropicMessageStart() + wire::anthropicBlockStart(0, "thinking")
            + wire::anthropicThinkingDelta(QStringLiteral("Need the weather."), 0) + wire::anthropicSignatureDelta("EqQBCg", 0)
            + wire::anthropicBlockStop(0) + wire::anthropicToolUseStart(1, QStringLiteral("toolu_9"), QStringLiteral("get_weather"))
            + wire::anthropicInputJsonDelta(QStringLiteral("{\"city\""), 1) + wire::anthropicInputJsonDelta(QStringLiteral(":\"Oslo\"}"), 1)
            + wire::anthropicBlockStop(1) + wire::anthropicMessageDelta("tool_use", 30) + wire::anthropicMessageStop()));
        auto rec = f.run();
        QCOMPARE(rec->reasoning, QStringLiteral("Need the weather."));
        QCOMPARE(rec->text(), QString());
        QCOMPARE(rec->toolCalls.size(), 1);
        QCOMPARE(rec->toolCalls[0].arguments, jsonOf("{'city':'Oslo'}").toObject());
        QVERIFY(f.sentBody().contains(QLatin1String("thinking"))); // no tool turns yet: thinking stays on
    }

    void malformedArgumentsBecomeAnArgumentsError()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(wire::anthropicToolUseStream(
            {{QStringLiteral("toolu_bad"), QStringLiteral("get_weather"), QStringLiteral("{\"city\": }")},
             {QStringLiteral("toolu_list"), QStringLiteral("get_weather"), QStringLiteral("[1,2]")}},
            2)));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(rec->toolCalls.size(), 2);
        QVERIFY(rec->toolCalls[0].argumentsError.contains(QStringLiteral("not valid JSON")));
        QCOMPARE(rec->toolCalls[0].rawArguments, QStringLiteral("{\"city\": }"));
        QVERIFY(rec->toolCalls[1].argumentsError.contains(QStringLiteral("not a JSON object")));
    }

    void argumentsCutOffByMaxTokens()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(wire::anthropicToolUseStream(
            {{QStringLiteral("toolu_cut"), QStringLiteral("get_weather"), QStringLiteral("{\"city\": \"Par")}}, 4, QString(),
            "max_tokens")));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(f.stream->finishReason(), QStringLiteral("length"));
        QCOMPARE(rec->toolCalls.size(), 1);
        QVERIFY(rec->toolCalls[0].argumentsError.contains(QStringLiteral("cut off")));
    }

    void requestBodyHasToolUseAndToolResultTurns()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.tools = sampleTools();
        f.request.messages = toolHistory();
        f.request.thinking = true; // refused with tool turns: their thinking blocks are not kept
        f.server.enqueue(FakeResponse::sse().send(wire::anthropicStream({QStringLiteral("Done.")})));
        f.run();
        const QJsonObject body = f.sentBody();
        QCOMPARE(body.value(QLatin1String("messages")), jsonOf(kExpectedTurns));
        QCOMPARE(body.value(QLatin1String("tools")), jsonOf(kExpectedTools));
        QVERIFY(!body.contains(QLatin1String("thinking")));
        QCOMPARE(body.value(QLatin1String("max_tokens")).toInt(), 4096);
    }

    void aUserMessageAfterResultsJoinsTheirTurn()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.messages = toolHistory();
        f.request.messages << ChatMessage{QStringLiteral("user"), QStringLiteral("Thanks. And Berlin?")};
        f.server.enqueue(FakeResponse::sse().send(wire::anthropicStream({QStringLiteral("Sure.")})));
        f.run();
        QJsonArray expected = jsonOf(kExpectedTurns).toArray();
        expected.replace(4, jsonOf("{'role':'user','content':[{'type':'tool_result','tool_use_id':'call_C3','content':'12:00','is_error':false},"
                                   "{'type':'text','text':'Thanks. And Berlin?'}]}"));
        QCOMPARE(f.sentBody().value(QLatin1String("messages")).toArray(), expected);
        QVERIFY(!f.sentBody().contains(QLatin1String("tools")));
    }

    void continueAfterToolTurnsWithPrefill()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.messages = toolHistory();
        f.request.messages << ChatMessage{QStringLiteral("assistant"), QStringLiteral("Paris has 18 C ")};
        f.request.continuePartial = true;
        f.request.thinking = true;
        f.server.enqueue(FakeResponse::sse().send(wire::anthropicStream({QStringLiteral(" and Rome"), QStringLiteral(" is unknown.")})));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(QStringLiteral("Paris has 18 C ") + rec->text(), QStringLiteral("Paris has 18 C and Rome is unknown."));
        QJsonArray expected = jsonOf(kExpectedTurns).toArray();
        expected.append(jsonOf("{'role':'assistant','content':'Paris has 18 C'}"));
        QCOMPARE(f.sentBody().value(QLatin1String("messages")).toArray(), expected);
        QVERIFY(!f.sentBody().contains(QLatin1String("thinking")));
    }

    void continueAfterToolTurnsWithoutPrefill()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.model = QStringLiteral("claude-opus-4-6");
        f.request.messages = toolHistory();
        f.request.messages << ChatMessage{QStringLiteral("assistant"), QStringLiteral("Paris has 18 C and")};
        f.request.continuePartial = true;
        f.server.enqueue(FakeResponse::sse().send(wire::anthropicStream({QStringLiteral("and Rome"), QStringLiteral(" is unknown.")})));
        auto rec = f.run();
        QCOMPARE(QStringLiteral("Paris has 18 C and") + rec->text(), QStringLiteral("Paris has 18 C and Rome is unknown."));
        QJsonArray expected = jsonOf(kExpectedTurns).toArray();
        expected.append(jsonOf("{'role':'assistant','content':'Paris has 18 C and'}"));
        expected.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), continueInstruction()}});
        QCOMPARE(f.sentBody().value(QLatin1String("messages")).toArray(), expected);
    }
};

QTEST_GUILESS_MAIN(TestAnthropicTools)
#include "tst_anthropictools.moc"
