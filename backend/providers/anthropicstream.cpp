#include "providers/anthropicstream.h"

#include "providers/attachmentparts.h"

#include "core/logging.h"
#include "providers/openaistream.h"
#include "providers/toolwire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace teehee {

AnthropicStream::AnthropicStream(ChatRequest request, QString providerDisplayName, QObject *parent)
    : HttpProviderStream(std::move(request), std::move(providerDisplayName), parent)
{
}

bool AnthropicStream::supportsPrefill(const QString &model)
{
    // New names: claude-opus-4-6, claude-sonnet-4-6-20260101, claude-opus-5; a date is no minor version.
    static const QRegularExpression re(QStringLiteral("^claude-(?:opus|sonnet|haiku)-(\\d+)(?:-(\\d{1,2}))?(?:-|$)"));
    const auto m = re.match(model);
    if (!m.hasMatch())
        return true; // claude-3-7-sonnet-..., claude-3-5-haiku-..., unknown: assume the classic API
    const int major = m.captured(1).toInt();
    const int minor = m.captured(2).isEmpty() ? 0 : m.captured(2).toInt();
    return major < 4 || (major == 4 && minor < 6);
}

bool AnthropicStream::usesPrefill(const ChatRequest &request)
{
    return thinkingBudget(request) <= 0 && supportsPrefill(request.model);
}

int AnthropicStream::thinkingBudget(const ChatRequest &request)
{
    // An assistant turn that goes on after tool results must start with the thinking block
    // (signature included) that preceded its tool_use blocks. Thinking blocks are not kept
    // with a message, so a request that carries tool turns goes without thinking.
    if (request.hasToolTurns())
        return 0;
    if (request.thinkingBudgetTokens > 0)
        return request.thinkingBudgetTokens;
    if (!request.thinking)
        return 0;
    if (request.reasoningEffort == u"low")
        return 2048;
    if (request.reasoningEffort == u"high")
        return 24576;
    return 8192;
}

namespace {

// One turn of the alternating conversation: neighbours of the same role merged.
struct Turn {
    QString role;
    QList<ChatMessage> parts;
};

QJsonValue turnContent(const Turn &turn)
{
    const bool tools = std::any_of(turn.parts.cbegin(), turn.parts.cend(), [](const ChatMessage &m) {
        return !m.toolCalls.isEmpty() || !m.toolResults.isEmpty();
    });
    if (!tools) {
        ChatMessage merged = turn.parts.first();
        for (qsizetype i = 1; i < turn.parts.size(); ++i) {
            merged.text += QStringLiteral("\n\n") + turn.parts[i].text;
            merged.attachments += turn.parts[i].attachments;
        }
        return attachmentparts::anthropicContent(merged);
    }
    QJsonArray blocks;
    for (const ChatMessage &m : turn.parts) // tool_result blocks lead their user turn
        for (const QJsonValue &b : toolwire::anthropicToolResultBlocks(m))
            blocks.append(b);
    for (const ChatMessage &m : turn.parts) {
        if (m.role == QLatin1String("tool"))
            continue;
        const QJsonValue content = attachmentparts::anthropicContent(m);
        if (content.isArray()) {
            for (const QJsonValue &b : content.toArray())
                blocks.append(b);
        } else if (!content.toString().trimmed().isEmpty()) { // text blocks must not be empty (400)
            blocks.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), content}});
        }
        for (const QJsonValue &b : toolwire::anthropicToolUseBlocks(m))
            blocks.append(b);
    }
    return blocks;
}

} // namespace

QJsonObject AnthropicStream::buildBody(const ChatRequest &request)
{
    // Anthropic wants alternating user/assistant turns and no system role:
    // system messages join the system field, same-role neighbours are merged,
    // tool results go in a user turn.
    QStringList system;
    if (!request.systemPrompt.isEmpty())
        system << request.systemPrompt;
    QList<Turn> turns;
    for (const ChatMessage &m : request.messages) {
        if (m.role == QLatin1String("system")) {
            system << m.text;
            continue;
        }
        if (m.role == QLatin1String("tool") && m.toolResults.isEmpty())
            continue; // nothing to say, and an empty turn would be refused
        const QString role = m.role == QLatin1String("tool") ? QStringLiteral("user") : m.role;
        if (!turns.isEmpty() && turns.last().role == role)
            turns.last().parts.append(m);
        else
            turns.append({role, {m}});
    }

    const QString partial = request.partialText();
    if (request.continuePartial && !turns.isEmpty() && turns.last().role == QLatin1String("assistant")) {
        if (partial.trimmed().isEmpty()) {
            turns.last().parts.removeLast(); // nothing to continue: a fresh reply
            if (turns.last().parts.isEmpty())
                turns.removeLast();
        } else if (usesPrefill(request)) {
            // Prefill: the reply continues this text. It must not end in whitespace (400);
            // ContinuationJoiner restores the seam.
            QString &prefix = turns.last().parts.last().text;
            while (!prefix.isEmpty() && prefix.back().isSpace())
                prefix.chop(1);
        } else {
            turns.append({QStringLiteral("user"), {ChatMessage{QStringLiteral("user"), continueInstruction()}}});
        }
    }

    QJsonArray messages;
    for (const Turn &t : turns)
        messages.append(QJsonObject{{QStringLiteral("role"), t.role}, {QStringLiteral("content"), turnContent(t)}});

    int maxTokens = request.maxTokens;
    QJsonObject body{{QStringLiteral("model"), request.model}, {QStringLiteral("stream"), true},
                     {QStringLiteral("messages"), messages}};
    if (!system.isEmpty())
        body.insert(QStringLiteral("system"), system.join(QStringLiteral("\n\n")));
    if (!request.tools.isEmpty())
        body.insert(QStringLiteral("tools"), toolwire::anthropicTools(request.tools));
    if (const int budget = thinkingBudget(request); budget > 0) {
        // budget_tokens must be below max_tokens; temperature must stay at its default.
        maxTokens = qMax(maxTokens, budget + 1024);
        body.insert(QStringLiteral("thinking"), QJsonObject{{QStringLiteral("type"), QStringLiteral("enabled")},
                                                            {QStringLiteral("budget_tokens"), budget}});
    } else if (request.temperature) {
        body.insert(QStringLiteral("temperature"), qBound(0.0, *request.temperature, 1.0));
    }
    body.insert(QStringLiteral("max_tokens"), maxTokens); // required by the Messages API
    return body;
}

QUrl AnthropicStream::endpoint() const
{
    const QString base = request().baseUrl;
    const bool hasV1 = base.endsWith(QLatin1String("/v1")) || base.endsWith(QLatin1String("/v1/"));
    return joinUrl(base, hasV1 ? QStringLiteral("/messages") : QStringLiteral("/v1/messages"));
}

RawHeaders AnthropicStream::requestHeaders() const
{
    RawHeaders headers;
    if (!request().apiKey.isEmpty())
        headers.append(qMakePair(QByteArray("x-api-key"), request().apiKey.toUtf8()));
    headers.append(qMakePair(QByteArray("anthropic-version"), QByteArray(kApiVersion)));
    return headers;
}

QByteArray AnthropicStream::requestBody() const
{
    return QJsonDocument(buildBody(request())).toJson(QJsonDocument::Compact);
}

ContinuationJoiner::Options AnthropicStream::continuationOptions() const
{
    if (usesPrefill(request()))
        return {.mayEcho = false, .mayRepeatTail = false}; // the reply does not repeat the prefix
    return {.mayEcho = false, .mayRepeatTail = true};
}

void AnthropicStream::handleEvent(const SseEvent &event)
{
    const QJsonDocument doc = QJsonDocument::fromJson(event.data.toUtf8());
    if (!doc.isObject()) {
        qCDebug(lcProviders) << "Anthropic: ignored a non-JSON event of type" << event.type;
        return;
    }
    const QJsonObject obj = doc.object();
    QString type = obj.value(QLatin1String("type")).toString();
    if (type.isEmpty())
        type = event.type;

    if (type == QLatin1String("content_block_delta")) {
        const QJsonObject delta = obj.value(QLatin1String("delta")).toObject();
        const QString deltaType = delta.value(QLatin1String("type")).toString();
        if (deltaType == QLatin1String("text_delta"))
            deliverText(delta.value(QLatin1String("text")).toString());
        else if (deltaType == QLatin1String("thinking_delta"))
            deliverReasoning(delta.value(QLatin1String("thinking")).toString());
        else if (deltaType == QLatin1String("input_json_delta"))
            toolCallAssembler().appendArguments(obj.value(QLatin1String("index")).toInt(),
                                                delta.value(QLatin1String("partial_json")).toString());
        // signature_delta, citations_delta: not shown as text.
    } else if (type == QLatin1String("content_block_start")) {
        const QJsonObject block = obj.value(QLatin1String("content_block")).toObject();
        const QString blockType = block.value(QLatin1String("type")).toString();
        if (blockType == QLatin1String("text")) {
            deliverText(block.value(QLatin1String("text")).toString());
        } else if (blockType == QLatin1String("thinking")) {
            deliverReasoning(block.value(QLatin1String("thinking")).toString());
        } else if (blockType == QLatin1String("tool_use")) {
            const int index = obj.value(QLatin1String("index")).toInt();
            toolCallAssembler().begin(index, block.value(QLatin1String("id")).toString(),
                                      block.value(QLatin1String("name")).toString());
            // The input comes as input_json_delta pieces; the start's own `{}` is a placeholder.
            const QJsonObject input = block.value(QLatin1String("input")).toObject();
            if (!input.isEmpty())
                toolCallAssembler().setArgumentsObject(index, input);
        }
    } else if (type == QLatin1String("message_start")) {
        const QJsonObject u = obj.value(QLatin1String("message")).toObject().value(QLatin1String("usage")).toObject();
        m_inputTokens = u.value(QLatin1String("input_tokens")).toInt()
            + u.value(QLatin1String("cache_creation_input_tokens")).toInt()
            + u.value(QLatin1String("cache_read_input_tokens")).toInt();
        m_cacheReadTokens = u.value(QLatin1String("cache_read_input_tokens")).toInt(-1);
        // output_tokens here is a placeholder; the real count comes with message_delta.
    } else if (type == QLatin1String("message_delta")) {
        const QString stop = obj.value(QLatin1String("delta")).toObject().value(QLatin1String("stop_reason")).toString();
        if (!stop.isEmpty())
            setFinishReason(normalizedFinishReason(stop));
        const QJsonObject u = obj.value(QLatin1String("usage")).toObject();
        if (u.contains(QLatin1String("input_tokens"))) // newer API repeats it: cumulative, not additive
            m_inputTokens = u.value(QLatin1String("input_tokens")).toInt()
                + u.value(QLatin1String("cache_creation_input_tokens")).toInt()
                + u.value(QLatin1String("cache_read_input_tokens")).toInt();
        if (u.contains(QLatin1String("cache_read_input_tokens")))
            m_cacheReadTokens = u.value(QLatin1String("cache_read_input_tokens")).toInt();
        if (u.contains(QLatin1String("output_tokens")))
            emitUsage(m_inputTokens, u.value(QLatin1String("output_tokens")).toInt(), m_cacheReadTokens);
    } else if (type == QLatin1String("message_stop")) {
        completeStream();
    } else if (type == QLatin1String("error") || event.type == QLatin1String("error")) {
        failStream(errorFromStreamPayload(errorContext(), obj));
    }
    // ping, content_block_stop and unknown event types are ignored.
}

} // namespace teehee
