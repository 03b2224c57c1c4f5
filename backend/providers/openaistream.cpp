#include "providers/openaistream.h"

#include "core/logging.h"
#include "providers/attachmentparts.h"
#include "providers/toolwire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace teehee {

QString continueInstruction()
{
    return QStringLiteral(
        "Your previous answer was cut off. Continue it exactly where it stopped, starting with the very "
        "next characters. Do not repeat any text you already wrote and do not add any preamble.");
}

QString stoppedAfterToolsNote()
{
    return QStringLiteral("(The answer stopped here, before the tool results were read.)");
}

QString normalizedFinishReason(const QString &raw)
{
    if (raw == QLatin1String("end_turn") || raw == QLatin1String("stop_sequence") || raw == QLatin1String("STOP"))
        return QStringLiteral("stop");
    if (raw == QLatin1String("max_tokens") || raw == QLatin1String("MAX_TOKENS")
        || raw == QLatin1String("model_context_window_exceeded"))
        return QStringLiteral("length");
    if (raw == QLatin1String("tool_use") || raw == QLatin1String("function_call"))
        return QStringLiteral("tool_calls");
    if (raw == QLatin1String("refusal") || raw == QLatin1String("SAFETY"))
        return QStringLiteral("content_filter");
    return raw;
}

OpenAiStream::OpenAiStream(Dialect dialect, ChatRequest request, QString providerDisplayName, QObject *parent)
    : HttpProviderStream(std::move(request), std::move(providerDisplayName), parent)
    , m_dialect(dialect)
{
}

bool OpenAiStream::isOpenAiReasoningModel(const QString &model)
{
    static const QRegularExpression re(QStringLiteral("^(o\\d|gpt-5)"));
    return re.match(model).hasMatch();
}

QJsonObject OpenAiStream::buildBody(Dialect dialect, const ChatRequest &request)
{
    QJsonArray messages;
    const auto add = [&messages](const QString &role, const QString &text) {
        messages.append(QJsonObject{{QStringLiteral("role"), role}, {QStringLiteral("content"), text}});
    };
    if (!request.systemPrompt.isEmpty())
        add(QStringLiteral("system"), request.systemPrompt);
    const auto form = dialect == Dialect::Mistral ? attachmentparts::ImageForm::Mistral : attachmentparts::ImageForm::OpenAi;
    const auto ids = dialect == Dialect::Mistral ? toolwire::IdForm::Mistral : toolwire::IdForm::AsGiven;
    QString previousRole;
    for (const ChatMessage &m : request.messages) {
        if (m.role == QLatin1String("tool")) { // one message per result
            for (const QJsonValue &result : toolwire::chatCompletionsToolMessages(m, ids))
                messages.append(result);
            previousRole = m.role;
            continue;
        }
        // Mistral refuses a user message right after tool results (a reply
        // stopped before it answered them): the assistant's turn says so.
        if (dialect == Dialect::Mistral && previousRole == QLatin1String("tool") && m.role == QLatin1String("user"))
            add(QStringLiteral("assistant"), stoppedAfterToolsNote());
        previousRole = m.role;
        QJsonObject message{{QStringLiteral("role"), m.role},
                            {QStringLiteral("content"), attachmentparts::chatCompletionsContent(m, form)}};
        toolwire::addChatCompletionsToolCalls(message, m, ids);
        messages.append(message);
    }

    QJsonObject body{{QStringLiteral("model"), request.model}, {QStringLiteral("stream"), true}};
    const QString partial = request.partialText();
    if (!partial.isEmpty()) {
        switch (dialect) {
        case Dialect::OpenAi:
            // No native prefill: the partial answer stays as the assistant turn and a user
            // turn asks for the rest; ContinuationJoiner trims any repeated words.
            add(QStringLiteral("user"), continueInstruction());
            break;
        case Dialect::Mistral: {
            QJsonObject last = messages.last().toObject();
            last.insert(QStringLiteral("prefix"), true);
            messages.replace(messages.size() - 1, last);
            break;
        }
        case Dialect::Compatible:
            // A trailing assistant message is continued by Ollama and llama.cpp; vLLM,
            // SGLang and TGI need these two flags, which the others ignore.
            body.insert(QStringLiteral("continue_final_message"), true);
            body.insert(QStringLiteral("add_generation_prompt"), false);
            break;
        }
    } else if (request.continuePartial && !messages.isEmpty()
               && messages.last().toObject().value(QLatin1String("role")).toString() == QLatin1String("assistant")) {
        messages.removeLast(); // an empty partial: just a fresh reply
    }
    body.insert(QStringLiteral("messages"), messages);
    if (!request.tools.isEmpty())
        body.insert(QStringLiteral("tools"), toolwire::chatCompletionsTools(request.tools));

    if (dialect == Dialect::OpenAi) {
        body.insert(QStringLiteral("max_completion_tokens"), request.maxTokens);
        // Reasoning models refuse temperature, and the others reasoning_effort.
        if (request.temperature && !isOpenAiReasoningModel(request.model))
            body.insert(QStringLiteral("temperature"), *request.temperature);
        if (!request.reasoningEffort.isEmpty() && isOpenAiReasoningModel(request.model))
            body.insert(QStringLiteral("reasoning_effort"), request.reasoningEffort);
    } else {
        // Mistral and the compatible servers take reasoning_effort as OpenAI writes it (and ignore it where they cannot).
        if (!request.reasoningEffort.isEmpty())
            body.insert(QStringLiteral("reasoning_effort"), request.reasoningEffort);
        body.insert(QStringLiteral("max_tokens"), request.maxTokens);
        if (request.temperature)
            body.insert(QStringLiteral("temperature"), dialect == Dialect::Mistral ? qBound(0.0, *request.temperature, 1.5)
                                                                                   : *request.temperature);
    }
    // Mistral rejects this OpenAI-only field with 422; it always sends usage anyway.
    if (dialect != Dialect::Mistral)
        body.insert(QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}});
    return body;
}

QUrl OpenAiStream::endpoint() const
{
    return joinUrl(request().baseUrl, QStringLiteral("/chat/completions"));
}

RawHeaders OpenAiStream::requestHeaders() const
{
    RawHeaders headers;
    if (!request().apiKey.isEmpty())
        headers.append(qMakePair(QByteArray("Authorization"), "Bearer " + request().apiKey.toUtf8()));
    return headers;
}

QByteArray OpenAiStream::requestBody() const
{
    return QJsonDocument(buildBody(m_dialect, request())).toJson(QJsonDocument::Compact);
}

ContinuationJoiner::Options OpenAiStream::continuationOptions() const
{
    switch (m_dialect) {
    case Dialect::OpenAi:
        return {.mayEcho = false, .mayRepeatTail = true};
    case Dialect::Mistral:
        return {.mayEcho = true, .mayRepeatTail = false}; // the reply starts with the prefix
    case Dialect::Compatible:
        break;
    }
    return {.mayEcho = true, .mayRepeatTail = true}; // vLLM echo, or a server that restarts
}

bool OpenAiStream::acceptsEndWithoutMarker() const
{
    // Some self-hosted servers end with finish_reason and close, without [DONE].
    return m_dialect == Dialect::Compatible && m_sawFinishReason;
}

void OpenAiStream::handleEvent(const SseEvent &event)
{
    const QString data = event.data.trimmed();
    if (data.startsWith(QLatin1String("[DONE]"))) {
        completeStream();
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data.toUtf8(), &parseError);
    if (!doc.isObject()) {
        qCDebug(lcProviders) << providerDisplayName() << "ignored a non-JSON event:" << parseError.errorString();
        return;
    }
    const QJsonObject chunk = doc.object();
    if (chunk.contains(QLatin1String("error"))) {
        failStream(errorFromStreamPayload(errorContext(), chunk));
        return;
    }
    handleChunk(chunk);
}

void OpenAiStream::handleChunk(const QJsonObject &chunk)
{
    const QJsonArray choices = chunk.value(QLatin1String("choices")).toArray();
    // The include_usage chunk has `choices: []`: never index it blindly.
    if (!choices.isEmpty()) {
        const QJsonObject choice = choices.first().toObject();
        const QJsonObject delta = choice.value(QLatin1String("delta")).toObject();
        // DeepSeek/vLLM say reasoning_content, OpenRouter/Ollama/newer vLLM reasoning; proxies
        // that translate may send both with the same text: one of them, never both.
        const QString reasoningContent = delta.value(QLatin1String("reasoning_content")).toString();
        deliverReasoning(!reasoningContent.isEmpty() ? reasoningContent : delta.value(QLatin1String("reasoning")).toString());
        const QJsonValue content = delta.value(QLatin1String("content"));
        if (content.isString()) {
            deliverText(content.toString());
        } else if (content.isArray()) { // Mistral reasoning models: typed chunks
            for (const QJsonValue &part : content.toArray()) {
                const QJsonObject p = part.toObject();
                const QString type = p.value(QLatin1String("type")).toString();
                if (type == QLatin1String("text")) {
                    deliverText(p.value(QLatin1String("text")).toString());
                } else if (type == QLatin1String("thinking")) {
                    for (const QJsonValue &t : p.value(QLatin1String("thinking")).toArray())
                        deliverReasoning(t.toObject().value(QLatin1String("text")).toString());
                }
                if (isFinished())
                    return;
            }
        }
        if (isFinished())
            return;
        const QJsonArray toolCalls = delta.value(QLatin1String("tool_calls")).toArray();
        for (qsizetype i = 0; i < toolCalls.size(); ++i)
            toolCallAssembler().addChatCompletionsFragment(toolCalls.at(i).toObject(), int(i));
        const QString finish = choice.value(QLatin1String("finish_reason")).toString(); // null and "" alike
        if (!finish.isEmpty()) {
            m_sawFinishReason = true;
            setFinishReason(normalizedFinishReason(finish));
        }
    }
    const QJsonObject usageObj = chunk.value(QLatin1String("usage")).toObject();
    if (!usageObj.isEmpty())
        emitUsage(usageObj.value(QLatin1String("prompt_tokens")).toInt(),
                  usageObj.value(QLatin1String("completion_tokens")).toInt(),
                  usageObj.value(QLatin1String("prompt_tokens_details")).toObject()
                      .value(QLatin1String("cached_tokens")).toInt(-1));
}

} // namespace teehee
