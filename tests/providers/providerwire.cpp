#include "providerwire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace teehee::test {

namespace wire {

namespace {
QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
const char *kOpenAiPrefix = R"({"id":"chatcmpl-X","object":"chat.completion.chunk","created":1730000000,"model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_x",)";
} // namespace

QByteArray sseData(const QByteArray &json)
{
    return "data: " + json + "\n\n";
}

QByteArray sseEvent(const QByteArray &event, const QByteArray &json)
{
    return "event: " + event + "\ndata: " + json + "\n\n";
}

QByteArray openAiRoleChunk()
{
    return sseData(QByteArray(kOpenAiPrefix)
                   + R"("choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"aB3"})");
}

QByteArray openAiChunk(const QString &content, const QByteArray &finishReason)
{
    QJsonObject delta;
    if (!content.isNull())
        delta.insert(QStringLiteral("content"), content);
    const QByteArray finish = finishReason.isEmpty() ? QByteArray("null") : "\"" + finishReason + "\"";
    return sseData(QByteArray(kOpenAiPrefix) + R"("choices":[{"index":0,"delta":)" + compact(delta)
                   + R"(,"logprobs":null,"finish_reason":)" + finish + R"(}],"usage":null,"obfuscation":"q"})");
}

QByteArray openAiUsageChunk(int promptTokens, int completionTokens)
{
    return sseData(QByteArray(kOpenAiPrefix)
                   + QStringLiteral(R"("choices":[],"usage":{"prompt_tokens":%1,"completion_tokens":%2,"total_tokens":%3,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}})")
                         .arg(promptTokens).arg(completionTokens).arg(promptTokens + completionTokens).toUtf8());
}

QByteArray openAiDone()
{
    return "data: [DONE]\n\n";
}

QByteArray openAiStream(const QStringList &pieces, int promptTokens, int completionTokens)
{
    QByteArray out = openAiRoleChunk();
    for (const QString &p : pieces)
        out += openAiChunk(p);
    out += openAiChunk(QString(), "stop");
    out += openAiUsageChunk(promptTokens, completionTokens);
    out += openAiDone();
    return out;
}

QByteArray mistralChunk(const QString &content, const QByteArray &finishReason)
{
    const QByteArray finish = finishReason.isEmpty() ? QByteArray("null") : "\"" + finishReason + "\"";
    return sseData(R"({"id":"0123456789abcdef0123456789abcdef","object":"chat.completion.chunk","created":1730000000,"model":"mistral-small-latest","choices":[{"index":0,"delta":{"content":)"
                   + compact(QJsonObject{{QStringLiteral("c"), content}}).mid(5).chopped(1) + R"(},"finish_reason":)"
                   + finish + "}]}");
}

QByteArray mistralStream(const QStringList &pieces, int promptTokens, int completionTokens)
{
    QByteArray out = sseData(R"({"id":"0123456789abcdef0123456789abcdef","object":"chat.completion.chunk","created":1730000000,"model":"mistral-small-latest","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]})");
    for (const QString &p : pieces)
        out += mistralChunk(p);
    out += sseData(QStringLiteral(R"({"id":"0123456789abcdef0123456789abcdef","object":"chat.completion.chunk","created":1730000000,"model":"mistral-small-latest","choices":[{"index":0,"delta":{"content":""},"finish_reason":"stop"}],"usage":{"prompt_tokens":%1,"total_tokens":%3,"completion_tokens":%2}})")
                       .arg(promptTokens).arg(completionTokens).arg(promptTokens + completionTokens).toUtf8());
    out += openAiDone();
    return out;
}

QByteArray anthropicMessageStart(int inputTokens)
{
    return sseEvent("message_start",
                    QStringLiteral(R"({"type":"message_start","message":{"id":"msg_01","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5-20250929","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":%1,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}})")
                        .arg(inputTokens).toUtf8());
}

QByteArray anthropicTextDelta(const QString &text, int index)
{
    return sseEvent("content_block_delta",
                    compact(QJsonObject{{QStringLiteral("type"), QStringLiteral("content_block_delta")},
                                        {QStringLiteral("index"), index},
                                        {QStringLiteral("delta"), QJsonObject{{QStringLiteral("type"), QStringLiteral("text_delta")},
                                                                              {QStringLiteral("text"), text}}}}));
}

QByteArray anthropicThinkingDelta(const QString &thinking, int index)
{
    return sseEvent("content_block_delta",
                    compact(QJsonObject{{QStringLiteral("type"), QStringLiteral("content_block_delta")},
                                        {QStringLiteral("index"), index},
                                        {QStringLiteral("delta"), QJsonObject{{QStringLiteral("type"), QStringLiteral("thinking_delta")},
                                                                              {QStringLiteral("thinking"), thinking}}}}));
}

QByteArray anthropicMessageDelta(const QByteArray &stopReason, int outputTokens)
{
    return sseEvent("message_delta", R"({"type":"message_delta","delta":{"stop_reason":")" + stopReason
                                         + R"(","stop_sequence":null},"usage":{"output_tokens":)"
                                         + QByteArray::number(outputTokens) + "}}");
}

QByteArray anthropicMessageStop()
{
    return sseEvent("message_stop", R"({"type":"message_stop"})");
}

QByteArray anthropicPing()
{
    return sseEvent("ping", R"({"type": "ping"})");
}

QByteArray anthropicError(const QByteArray &type, const QByteArray &message)
{
    return sseEvent("error", R"({"type":"error","error":{"type":")" + type + R"(","message":")" + message + "\"}}");
}

QByteArray anthropicStream(const QStringList &pieces, int inputTokens, int outputTokens)
{
    QByteArray out = anthropicMessageStart(inputTokens);
    out += sseEvent("content_block_start",
                    R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})");
    out += anthropicPing();
    for (const QString &p : pieces)
        out += anthropicTextDelta(p);
    out += sseEvent("content_block_stop", R"({"type":"content_block_stop","index":0})");
    out += anthropicMessageDelta("end_turn", outputTokens);
    out += anthropicMessageStop();
    return out;
}

QByteArray openAiReasoningChunk(const QString &reasoning, const QByteArray &field)
{
    const QJsonObject delta{{QString::fromLatin1(field), reasoning}, {QStringLiteral("content"), QJsonValue::Null}};
    return sseData(QByteArray(kOpenAiPrefix) + R"("choices":[{"index":0,"delta":)" + compact(delta)
                   + R"(,"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"r"})");
}

QByteArray mistralThinkingChunk(const QString &thinking)
{
    const QJsonArray content{QJsonObject{{QStringLiteral("type"), QStringLiteral("thinking")},
                                         {QStringLiteral("thinking"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                                                                             {QStringLiteral("text"), thinking}}}}}};
    return sseData(R"({"id":"0123456789abcdef0123456789abcdef","object":"chat.completion.chunk","created":1730000000,"model":"magistral-medium-latest","choices":[{"index":0,"delta":{"content":)"
                   + QJsonDocument(content).toJson(QJsonDocument::Compact) + R"(},"finish_reason":null}]})");
}

QByteArray anthropicBlockStart(int index, const QByteArray &type)
{
    const QByteArray block = type == "thinking" ? QByteArray(R"({"type":"thinking","thinking":"","signature":""})")
                                                : R"({"type":")" + type + R"(","text":""})";
    return sseEvent("content_block_start", R"({"type":"content_block_start","index":)" + QByteArray::number(index)
                                               + R"(,"content_block":)" + block + "}");
}

QByteArray anthropicBlockStop(int index)
{
    return sseEvent("content_block_stop", R"({"type":"content_block_stop","index":)" + QByteArray::number(index) + "}");
}

QByteArray anthropicSignatureDelta(const QByteArray &signature, int index)
{
    return sseEvent("content_block_delta", R"({"type":"content_block_delta","index":)" + QByteArray::number(index)
                                               + R"(,"delta":{"type":"signature_delta","signature":")" + signature + "\"}}");
}

QByteArray anthropicRedactedThinking(int index)
{
    return sseEvent("content_block_start",
                    R"({"type":"content_block_start","index":)" + QByteArray::number(index)
                        + R"(,"content_block":{"type":"redacted_thinking","data":"EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpPkNRj2YfWXGmKDxH4mPnZ5sQ7vB5URj2pXmN3w"}})")
        + anthropicBlockStop(index);
}

QByteArray anthropicThinkingStream(const QStringList &thinking, const QStringList &pieces, int inputTokens, int outputTokens)
{
    QByteArray out = anthropicMessageStart(inputTokens) + anthropicBlockStart(0, "thinking");
    for (const QString &t : thinking)
        out += anthropicThinkingDelta(t, 0);
    out += anthropicSignatureDelta("EqQBCgIYAhIMsig0", 0) + anthropicBlockStop(0) + anthropicBlockStart(1, "text");
    for (const QString &p : pieces)
        out += anthropicTextDelta(p, 1);
    out += anthropicBlockStop(1) + anthropicMessageDelta("end_turn", outputTokens) + anthropicMessageStop();
    return out;
}

QStringList pieces(const QString &text, int chars)
{
    // Never between the two halves of a surrogate pair: a provider sends valid JSON strings.
    QStringList out;
    for (qsizetype i = 0; i < text.size();) {
        qsizetype n = qMin<qsizetype>(qMax(1, chars), text.size() - i);
        if (i + n < text.size() && text.at(i + n - 1).isHighSurrogate())
            ++n;
        out << text.mid(i, n);
        i += n;
    }
    return out;
}

namespace {
QByteArray openAiToolCallChunk(const QJsonObject &entry)
{
    const QJsonObject delta{{QStringLiteral("tool_calls"), QJsonArray{entry}}};
    return sseData(QByteArray(kOpenAiPrefix) + R"("choices":[{"index":0,"delta":)" + compact(delta)
                   + R"(,"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"t"})");
}
const char *kMistralPrefix = R"({"id":"0123456789abcdef0123456789abcdef","object":"chat.completion.chunk","created":1730000000,"model":"mistral-small-latest",)";
} // namespace

QByteArray openAiToolCallStart(int index, const QString &id, const QString &name)
{
    return openAiToolCallChunk(QJsonObject{{QStringLiteral("index"), index},
                                           {QStringLiteral("id"), id},
                                           {QStringLiteral("type"), QStringLiteral("function")},
                                           {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), name},
                                                                                    {QStringLiteral("arguments"), QString()}}}});
}

QByteArray openAiToolCallArguments(int index, const QString &fragment)
{
    return openAiToolCallChunk(QJsonObject{{QStringLiteral("index"), index},
                                           {QStringLiteral("function"), QJsonObject{{QStringLiteral("arguments"), fragment}}}});
}

QByteArray openAiToolCallStream(const QList<WireToolCall> &calls, int fragmentChars, bool interleave, const QString &textBefore)
{
    QByteArray out = openAiRoleChunk();
    if (!textBefore.isEmpty())
        out += openAiChunk(textBefore);
    QList<QStringList> fragments;
    for (const WireToolCall &c : calls)
        fragments << pieces(c.arguments, fragmentChars);
    if (interleave) {
        for (int i = 0; i < calls.size(); ++i)
            out += openAiToolCallStart(i, calls[i].id, calls[i].name);
        for (int round = 0;; ++round) {
            bool any = false;
            for (int i = 0; i < calls.size(); ++i) {
                if (round < fragments[i].size()) {
                    out += openAiToolCallArguments(i, fragments[i][round]);
                    any = true;
                }
            }
            if (!any)
                break;
        }
    } else {
        for (int i = 0; i < calls.size(); ++i) {
            out += openAiToolCallStart(i, calls[i].id, calls[i].name);
            for (const QString &f : fragments[i])
                out += openAiToolCallArguments(i, f);
        }
    }
    out += openAiChunk(QString(), "tool_calls");
    out += openAiUsageChunk(30, 18);
    out += openAiDone();
    return out;
}

QByteArray mistralToolCallChunk(int index, const WireToolCall &call)
{
    const QJsonObject entry{{QStringLiteral("id"), call.id},
                            {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), call.name},
                                                                     {QStringLiteral("arguments"), call.arguments}}},
                            {QStringLiteral("index"), index}};
    const QJsonObject delta{{QStringLiteral("tool_calls"), QJsonArray{entry}}};
    return sseData(QByteArray(kMistralPrefix) + R"("choices":[{"index":0,"delta":)" + compact(delta)
                   + R"(,"finish_reason":null}]})");
}

QByteArray mistralToolCallStream(const QList<WireToolCall> &calls, const QString &textBefore)
{
    QByteArray out = sseData(QByteArray(kMistralPrefix) + R"("choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]})");
    if (!textBefore.isEmpty())
        out += mistralChunk(textBefore);
    for (int i = 0; i < calls.size(); ++i)
        out += mistralToolCallChunk(i, calls[i]);
    out += sseData(QByteArray(kMistralPrefix)
                   + R"("choices":[{"index":0,"delta":{"content":""},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":40,"total_tokens":60,"completion_tokens":20}})");
    out += openAiDone();
    return out;
}

QByteArray anthropicToolUseStart(int index, const QString &id, const QString &name)
{
    const QJsonObject block{{QStringLiteral("type"), QStringLiteral("tool_use")},
                            {QStringLiteral("id"), id},
                            {QStringLiteral("name"), name},
                            {QStringLiteral("input"), QJsonObject()}};
    return sseEvent("content_block_start", compact(QJsonObject{{QStringLiteral("type"), QStringLiteral("content_block_start")},
                                                               {QStringLiteral("index"), index},
                                                               {QStringLiteral("content_block"), block}}));
}

QByteArray anthropicInputJsonDelta(const QString &partialJson, int index)
{
    return sseEvent("content_block_delta",
                    compact(QJsonObject{{QStringLiteral("type"), QStringLiteral("content_block_delta")},
                                        {QStringLiteral("index"), index},
                                        {QStringLiteral("delta"), QJsonObject{{QStringLiteral("type"), QStringLiteral("input_json_delta")},
                                                                              {QStringLiteral("partial_json"), partialJson}}}}));
}

QByteArray anthropicToolUseStream(const QList<WireToolCall> &calls, int fragmentChars, const QString &textBefore,
                                  const QByteArray &stopReason)
{
    QByteArray out = anthropicMessageStart(40);
    int index = 0;
    if (!textBefore.isEmpty()) {
        out += anthropicBlockStart(index, "text") + anthropicTextDelta(textBefore, index) + anthropicBlockStop(index);
        ++index;
    }
    for (const WireToolCall &c : calls) {
        out += anthropicToolUseStart(index, c.id, c.name) + anthropicInputJsonDelta(QString(), index);
        for (const QString &f : pieces(c.arguments, fragmentChars))
            out += anthropicInputJsonDelta(f, index);
        out += anthropicBlockStop(index);
        ++index;
    }
    out += anthropicMessageDelta(stopReason, 25) + anthropicMessageStop();
    return out;
}

QByteArray openAiErrorBody(const QByteArray &message, const QByteArray &type, const QByteArray &code)
{
    // OpenAI pretty-prints its error bodies with 4-space indent.
    return "{\n    \"error\": {\n        \"message\": \"" + message + "\",\n        \"type\": \"" + type
        + "\",\n        \"param\": null,\n        \"code\": " + (code.isEmpty() ? QByteArray("null") : "\"" + code + "\"")
        + "\n    }\n}\n";
}

QByteArray anthropicErrorBody(const QByteArray &type, const QByteArray &message)
{
    return R"({"type":"error","error":{"type":")" + type + R"(","message":")" + message
        + R"("},"request_id":"req_011CTest"})";
}

} // namespace wire

} // namespace teehee::test
