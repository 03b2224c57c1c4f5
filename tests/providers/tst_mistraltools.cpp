// Tool calling with Mistral: whole calls in one chunk, 9-character call ids.
#include "fakeproviderserver.h"
#include "streamrecorder.h"
#include "toolhistory.h"

#include "providers/openaistream.h"
#include "providers/provider.h"
#include "providers/toolwire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QRegularExpression>
#include <QTest>

using namespace teehee;
using namespace teehee::test;

namespace {

class Fixture {
public:
    Fixture()
    {
        ok = server.listen();
        provider = std::make_unique<MistralProvider>(server.baseUrl(QStringLiteral("/v1")), QStringLiteral("mistral-key-1"));
        request.model = QStringLiteral("mistral-small-latest");
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
    QJsonArray sentMessages() const { return server.requests().first().json().value(QLatin1String("messages")).toArray(); }

    bool ok = false;
    FakeProviderServer server;
    std::unique_ptr<MistralProvider> provider;
    ChatRequest request;
    std::unique_ptr<ProviderStream> stream;
};

// The history as Mistral must get it, with `A`, `B`, `C` standing for the mapped ids.
const char *kExpectedMessages =
    "[{'role':'user','content':'Weather in Paris and Rome?'},"
    " {'role':'assistant','content':'Let me check.','tool_calls':["
    "   {'id':'A','type':'function','function':{'name':'get_weather','arguments':'{`city`:`Paris`}'}},"
    "   {'id':'B','type':'function','function':{'name':'get_weather','arguments':'{`city`:`Rome`}'}}]},"
    " {'role':'tool','tool_call_id':'A','name':'get_weather','content':'18 C'},"
    " {'role':'tool','tool_call_id':'B','name':'get_weather','content':'Error: unreachable'},"
    " {'role':'assistant','content':null,'tool_calls':["
    "   {'id':'C','type':'function','function':{'name':'get_time','arguments':'{}'}}]},"
    " {'role':'tool','tool_call_id':'C','name':'get_time','content':'12:00'}]";

QJsonArray expectedMessages(const QString &a, const QString &b, const QString &c)
{
    QJsonArray out = jsonOf(kExpectedMessages).toArray();
    const auto mapped = [&](const QString &id) { return id == u"A" ? a : id == u"B" ? b : c; };
    for (qsizetype i = 0; i < out.size(); ++i) {
        QJsonObject m = out[i].toObject();
        if (m.contains(QLatin1String("tool_call_id")))
            m.insert(QStringLiteral("tool_call_id"), mapped(m.value(QLatin1String("tool_call_id")).toString()));
        if (m.contains(QLatin1String("tool_calls"))) {
            QJsonArray calls = m.value(QLatin1String("tool_calls")).toArray();
            for (qsizetype j = 0; j < calls.size(); ++j) {
                QJsonObject call = calls[j].toObject();
                call.insert(QStringLiteral("id"), mapped(call.value(QLatin1String("id")).toString()));
                calls.replace(j, call);
            }
            m.insert(QStringLiteral("tool_calls"), calls);
        }
        out.replace(i, m);
    }
    return out;
}

// A later fragment of call 0: only its index and a piece of the arguments.
QByteArray argumentsChunk(const QString &piece)
{
    const QJsonObject entry{{QStringLiteral("index"), 0},
                            {QStringLiteral("function"), QJsonObject{{QStringLiteral("arguments"), piece}}}};
    const QJsonObject choice{{QStringLiteral("index"), 0},
                             {QStringLiteral("delta"), QJsonObject{{QStringLiteral("tool_calls"), QJsonArray{entry}}}},
                             {QStringLiteral("finish_reason"), QJsonValue::Null}};
    const QJsonObject chunk{{QStringLiteral("id"), QStringLiteral("0123456789abcdef0123456789abcdef")},
                            {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                            {QStringLiteral("created"), 1730000000},
                            {QStringLiteral("model"), QStringLiteral("mistral-small-latest")},
                            {QStringLiteral("choices"), QJsonArray{choice}}};
    return wire::sseData(QJsonDocument(chunk).toJson(QJsonDocument::Compact));
}

} // namespace

class TestMistralTools : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wholeCallInOneChunk()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(wire::mistralToolCallStream(
            {{QStringLiteral("D681PevKs"), QStringLiteral("get_weather"), QStringLiteral("{\"city\": \"Paris\"}")}},
            QStringLiteral("Un instant."))));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(rec->text(), QStringLiteral("Un instant."));
        QCOMPARE(f.stream->finishReason(), QStringLiteral("tool_calls"));
        QCOMPARE(rec->inputTokens, 40);
        QVERIFY(rec->toolCallsBeforeEnd);
        QCOMPARE(rec->toolCalls.size(), 1);
        QCOMPARE(rec->toolCalls[0].id, QStringLiteral("D681PevKs"));
        QCOMPARE(rec->toolCalls[0].name, QStringLiteral("get_weather"));
        QCOMPARE(rec->toolCalls[0].arguments, jsonOf("{'city':'Paris'}").toObject());
    }

    void oneCallInManyFragments()
    {
        Fixture f;
        QVERIFY(f.ok);
        QByteArray body = wire::mistralChunk(QString());
        body += wire::mistralToolCallChunk(0, {QStringLiteral("Xy12345ab"), QStringLiteral("get_weather"), QString()});
        for (const QString &piece : wire::pieces(QStringLiteral("{\"city\":\"Rome\",\"days\":2}"), 3))
            body += argumentsChunk(piece);
        body += wire::mistralChunk(QString(), "tool_calls") + wire::openAiDone();
        f.server.enqueue(FakeResponse::sse().send(body));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(rec->toolCalls.size(), 1);
        QCOMPARE(rec->toolCalls[0].id, QStringLiteral("Xy12345ab"));
        QCOMPARE(rec->toolCalls[0].arguments, jsonOf("{'city':'Rome','days':2}").toObject());
    }

    void parallelCallsEachInItsChunk()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(wire::mistralToolCallStream(
            {{QStringLiteral("aaaaaaaa1"), QStringLiteral("get_weather"), QStringLiteral("{\"city\":\"Paris\"}")},
             {QStringLiteral("bbbbbbbb2"), QStringLiteral("get_weather"), QStringLiteral("{\"city\":\"Rome\"}")}})));
        auto rec = f.run();
        QCOMPARE(rec->toolCalls.size(), 2);
        QCOMPARE(rec->toolCalls[0].id, QStringLiteral("aaaaaaaa1"));
        QCOMPARE(rec->toolCalls[0].arguments, jsonOf("{'city':'Paris'}").toObject());
        QCOMPARE(rec->toolCalls[1].id, QStringLiteral("bbbbbbbb2"));
        QCOMPARE(rec->toolCalls[1].arguments, jsonOf("{'city':'Rome'}").toObject());
    }

    void callsSentWholeAtTheSameIndexStayApart()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(
            wire::mistralToolCallChunk(0, {QStringLiteral("aaaaaaaa1"), QStringLiteral("get_time"), QStringLiteral("{}")})
            + wire::mistralToolCallChunk(0, {QStringLiteral("bbbbbbbb2"), QStringLiteral("get_weather"), QStringLiteral("{\"city\":\"Oslo\"}")})
            + wire::mistralChunk(QString(), "tool_calls") + wire::openAiDone()));
        auto rec = f.run();
        QCOMPARE(rec->toolCalls.size(), 2);
        QCOMPARE(rec->toolCalls[0].name, QStringLiteral("get_time"));
        QCOMPARE(rec->toolCalls[1].arguments, jsonOf("{'city':'Oslo'}").toObject());
    }

    void malformedArgumentsBecomeAnArgumentsError()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.server.enqueue(FakeResponse::sse().send(wire::mistralToolCallStream(
            {{QStringLiteral("aaaaaaaa1"), QStringLiteral("get_weather"), QStringLiteral("{city: Paris}")}})));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(rec->toolCalls.size(), 1);
        QVERIFY(rec->toolCalls[0].argumentsError.contains(QStringLiteral("not valid JSON")));
        QCOMPARE(rec->toolCalls[0].rawArguments, QStringLiteral("{city: Paris}"));
    }

    void callIdsAreMappedToNineCharacters()
    {
        QCOMPARE(toolwire::mistralCallId(QStringLiteral("D681PevKs")), QStringLiteral("D681PevKs"));
        static const QRegularExpression nine(QStringLiteral("^[a-zA-Z0-9]{9}$"));
        const QStringList foreign{QStringLiteral("call_A1"), QStringLiteral("toolu_01A09q90qw90lq917835lq9"),
                                  QStringLiteral("D681PevK"), QStringLiteral("D681PevKs0"), QStringLiteral("")};
        QSet<QString> seen;
        for (const QString &id : foreign) {
            const QString mapped = toolwire::mistralCallId(id);
            QVERIFY2(nine.match(mapped).hasMatch(), qPrintable(mapped));
            QCOMPARE(toolwire::mistralCallId(id), mapped); // deterministic
            seen.insert(mapped);
        }
        QCOMPARE(seen.size(), foreign.size());
    }

    void requestBodyMapsIdsConsistently()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.tools = sampleTools();
        f.request.messages = toolHistory();
        f.server.enqueue(FakeResponse::sse().send(wire::mistralStream({QStringLiteral("Fait.")})));
        f.run();
        const QJsonObject body = f.server.requests().first().json();
        const QString a = toolwire::mistralCallId(QStringLiteral("call_A1"));
        const QString b = toolwire::mistralCallId(QStringLiteral("call_B2"));
        const QString c = toolwire::mistralCallId(QStringLiteral("call_C3"));
        QCOMPARE(a.size(), 9);
        QVERIFY(a != b && b != c && a != c);
        QCOMPARE(body.value(QLatin1String("messages")).toArray(), expectedMessages(a, b, c));
        QCOMPARE(body.value(QLatin1String("tools")).toArray().size(), 2);
        QCOMPARE(body.value(QLatin1String("tools")).toArray().at(0).toObject().value(QLatin1String("function")).toObject()
                     .value(QLatin1String("name")).toString(), QStringLiteral("get_weather"));
    }

    void continueAfterToolTurnsUsesPrefix()
    {
        Fixture f;
        QVERIFY(f.ok);
        const QString partial = QStringLiteral("À Paris il fait");
        f.request.messages = toolHistory();
        f.request.messages << ChatMessage{QStringLiteral("assistant"), partial};
        f.request.continuePartial = true;
        f.server.enqueue(FakeResponse::sse().send(wire::mistralStream({partial, QStringLiteral(" 18 C.")})));
        auto rec = f.run();
        QCOMPARE(rec->end, ProviderStream::End::Completed);
        QCOMPARE(partial + rec->text(), QStringLiteral("À Paris il fait 18 C."));
        const QJsonArray messages = f.sentMessages();
        QCOMPARE(messages.size(), 7);
        QCOMPARE(messages.last().toObject(), (QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                                          {QStringLiteral("content"), partial},
                                                          {QStringLiteral("prefix"), true}}));
        QCOMPARE(messages.at(5).toObject().value(QLatin1String("role")).toString(), QStringLiteral("tool"));
    }

    // A reply stopped after its tool results, then a new question: Mistral
    // takes no user message right after tool results, so an assistant turn
    // saying the answer stopped goes between them. OpenAI gets the history as it is.
    void userMessageAfterToolResultsGetsAnAssistantTurnFirst()
    {
        Fixture f;
        QVERIFY(f.ok);
        f.request.messages = toolHistory();
        f.request.messages << ChatMessage{QStringLiteral("user"), QStringLiteral("Never mind, and Oslo?")};
        f.server.enqueue(FakeResponse::sse().send(wire::mistralStream({QStringLiteral("Oslo: 9 C.")})));
        QCOMPARE(f.run()->end, ProviderStream::End::Completed);
        QStringList roles;
        const QJsonArray messages = f.sentMessages();
        for (const QJsonValue &m : messages)
            roles << m.toObject().value(QLatin1String("role")).toString();
        QCOMPARE(roles, (QStringList{"user", "assistant", "tool", "tool", "assistant", "tool", "assistant", "user"}));
        QCOMPARE(messages.at(6).toObject().value(QLatin1String("content")).toString(), stoppedAfterToolsNote());
        QCOMPARE(messages.last().toObject().value(QLatin1String("content")).toString(), QStringLiteral("Never mind, and Oslo?"));

        // Elsewhere the turn is not needed, and not added.
        const QJsonArray openAi = OpenAiStream::buildBody(OpenAiStream::Dialect::OpenAi, f.request)
                                      .value(QLatin1String("messages")).toArray();
        QCOMPARE(openAi.size(), messages.size() - 1);
        QCOMPARE(openAi.at(5).toObject().value(QLatin1String("role")).toString(), QStringLiteral("tool"));
        QCOMPARE(openAi.at(6).toObject().value(QLatin1String("role")).toString(), QStringLiteral("user"));
    }
};

QTEST_GUILESS_MAIN(TestMistralTools)
#include "tst_mistraltools.moc"
