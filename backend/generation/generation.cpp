#include "generation/generation.h"

#include "providers/pricetable.h"

#include "core/logging.h"
#include "generation/generationsaver.h"

#include <utility>

namespace teehee {

namespace {

// How many UTF-16 units of `text` fit in `budget` UTF-8 bytes (a surrogate
// pair is never split); `bytes` receives their UTF-8 size.
qsizetype utf8Fit(QStringView text, qint64 budget, qint64 *bytes)
{
    qint64 used = 0;
    qsizetype i = 0;
    while (i < text.size()) {
        const char16_t c = text[i].unicode();
        const bool pair = QChar::isHighSurrogate(c) && i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode());
        const int n = pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        if (used + n > budget)
            break;
        used += n;
        i += pair ? 2 : 1;
    }
    *bytes = used;
    return i;
}

} // namespace

QString GenerationEvent::status() const
{
    switch (type) {
    case Type::Completed: return MessageStatus::Complete;
    case Type::Aborted: return MessageStatus::Aborted;
    case Type::Failed: return MessageStatus::Error;
    default: return MessageStatus::Streaming;
    }
}

Generation::Generation(const Database &db, SaveBatcher &batcher, QString userId, MessageRecord assistant, bool continued,
                       ProviderStream *stream, std::function<qint64()> nextSeq, QObject *parent)
    : QObject(parent), m_userId(std::move(userId)), m_chatId(assistant.chatId), m_messageId(assistant.id),
      m_parentId(assistant.parentId), m_provider(assistant.provider), m_model(assistant.model),
      m_continued(continued), m_stream(stream), m_nextSeq(std::move(nextSeq))
{
    // A continued reply keeps the tool rounds it made before.
    m_toolEntries = assistant.content.value(QLatin1String("tool_calls")).toArray();
    for (const QJsonValue &entry : std::as_const(m_toolEntries))
        m_rounds = qMax(m_rounds, entry.toObject().value(QLatin1String("round")).toInt() + 1);
    m_saver = new GenerationSaver(db, std::move(assistant), batcher, this);
    m_roundTextStart = m_saver->text().size();
    connect(m_saver, &GenerationSaver::endingSaved, this, &Generation::onEndingSaved);
    follow(stream);
}

void Generation::follow(ProviderStream *stream)
{
    stream->setParent(this);
    connect(stream, &ProviderStream::textDelta, this, &Generation::onDelta);
    connect(stream, &ProviderStream::reasoningDelta, this, &Generation::onReasoning);
    connect(stream, &ProviderStream::toolCallsReady, this, [this](const QList<ToolCall> &calls) { m_pendingCalls = calls; });
    connect(stream, &ProviderStream::ended, this, &Generation::onEnded);
    connect(stream, &ProviderStream::retrying, this, [this](int attempt, int delayMs, const ProviderError &cause) {
        qCInfo(lcGeneration).noquote() << "reply" << m_messageId << "retrying, attempt" << attempt << "in" << delayMs
                                       << "ms:" << cause.message;
    });
}

void Generation::enableTools(ToolSetup setup, ChatRequest request, StreamFactory makeStream)
{
    m_toolSetup = std::move(setup);
    m_request = std::move(request);
    m_makeStream = std::move(makeStream);
}

Generation::~Generation()
{
    // Destroying a running generation (shutdown) must still leave the truth in
    // the row. An ending one has handed its row over already.
    if (isRunning() && m_stream) {
        disconnect(); // subscribers may be half-destroyed already
        m_stream->abort();
    }
}

QString Generation::text() const
{
    return m_saver->text();
}

QString Generation::reasoning() const
{
    return m_saver->reasoning();
}

int Generation::commits() const
{
    return m_saver->commits();
}

Status Generation::start()
{
    if (auto st = m_saver->begin(); !st)
        return st;
    GenerationEvent e = make(GenerationEvent::Type::Started);
    e.continued = m_continued;
    e.content = m_saver->text();
    publish(std::move(e));
    m_stream->start();
    return success();
}

void Generation::abort()
{
    if (!isRunning())
        return;
    if (m_stream) {
        m_stream->abort(); // emits ended(Aborted) before returning
        return;
    }
    if (ToolRound *round = std::exchange(m_round, nullptr)) {
        // Between two streams: the tools are stopped, their calls kept.
        round->disconnect(this);
        round->cancel();
        for (const QJsonValue &entry : round->entries())
            m_toolEntries.append(entry);
        saveToolEntries();
        round->deleteLater();
        endWith(ProviderStream::End::Aborted, {}, nullptr);
    }
}

void Generation::addUsage(const ProviderStream *stream)
{
    const auto add = [](int &sum, int n) {
        if (n >= 0)
            sum = qMax(sum, 0) + n;
    };
    add(m_usedIn, stream->inputTokens());
    add(m_usedOut, stream->outputTokens());
    add(m_usedCached, stream->cachedTokens());
}

void Generation::saveToolEntries()
{
    QJsonArray all = m_toolEntries;
    if (m_round)
        for (const QJsonValue &entry : m_round->entries())
            all.append(entry);
    if (auto st = m_saver->setToolCalls(all); !st)
        qCWarning(lcGeneration).noquote() << "reply" << m_messageId << "tool calls not saved:" << st.error().message;
}

void Generation::beginToolRound(ProviderStream *stream)
{
    addUsage(stream);
    const QList<ToolCall> calls = std::exchange(m_pendingCalls, {});
    m_stream = nullptr;
    stream->disconnect(this);
    stream->deleteLater();
    ToolRound::Context context{m_userId, m_chatId, m_messageId, m_rounds, int(m_saver->text().size())};
    m_round = new ToolRound(*m_toolSetup, context, calls, [this](const GenerationEvent &step) {
        GenerationEvent e = make(step.type);
        e.callId = step.callId;
        e.toolServer = step.toolServer;
        e.toolName = step.toolName;
        e.toolArguments = step.toolArguments;
        e.toolStatus = step.toolStatus;
        e.toolContent = step.toolContent;
        publish(std::move(e));
    }, this);
    connect(m_round, &ToolRound::changed, this, &Generation::saveToolEntries);
    connect(m_round, &ToolRound::done, this, &Generation::onToolRoundDone);
    m_round->start();
}

void Generation::onToolRoundDone()
{
    ToolRound *round = std::exchange(m_round, nullptr);
    if (!round || !isRunning())
        return;
    for (const QJsonValue &entry : round->entries())
        m_toolEntries.append(entry);
    saveToolEntries();
    // The next request: what the model said and called this round, then the results.
    ChatRequest next = m_request;
    QString roundText = m_saver->text().mid(m_roundTextStart);
    if (next.continuePartial && !next.messages.isEmpty() && next.messages.last().role == u"assistant") {
        roundText.prepend(next.messages.takeLast().text);
        next.continuePartial = false;
    }
    ChatMessage said{QStringLiteral("assistant"), roundText};
    said.toolCalls = round->calls();
    ChatMessage results{QStringLiteral("tool"), {}};
    results.toolResults = round->results();
    next.messages << said << results;
    round->deleteLater();
    m_roundTextStart = m_saver->text().size();
    if (++m_rounds >= m_toolSetup->maxRounds)
        next.tools.clear(); // MAX_TOOL_ROUNDS: the model answers in words now
    m_request = next;
    auto stream = m_makeStream(next);
    if (!stream) {
        ProviderError cause;
        cause.message = stream.error().message;
        endWith(ProviderStream::End::Failed, cause, nullptr);
        return;
    }
    m_stream = stream.value();
    follow(m_stream);
    m_stream->start();
}

QString Generation::withinLimit(const QString &delta)
{
    QString piece = delta;
    if (m_maxReplyBytes > 0) {
        qint64 bytes = 0;
        const qsizetype fits = utf8Fit(delta, m_maxReplyBytes - m_replyBytes, &bytes);
        m_replyBytes += bytes;
        if (fits < delta.size()) {
            m_overLimit = true;
            piece.truncate(fits);
        }
    }
    return piece;
}

void Generation::onDelta(const QString &delta)
{
    if (!isRunning() || delta.isEmpty())
        return;
    const QString piece = withinLimit(delta);
    if (!piece.isEmpty()) {
        m_saver->append(piece);
        GenerationEvent e = make(GenerationEvent::Type::Token);
        e.token = piece;
        e.content = m_saver->text();
        publish(std::move(e));
    }
    closeIfOverLimit();
}

void Generation::onReasoning(const QString &delta)
{
    if (!isRunning() || delta.isEmpty())
        return;
    const QString piece = withinLimit(delta);
    if (!piece.isEmpty()) {
        m_saver->appendReasoning(piece);
        GenerationEvent e = make(GenerationEvent::Type::Reasoning);
        e.token = piece;
        e.content = m_saver->reasoning();
        publish(std::move(e));
    }
    closeIfOverLimit();
}

void Generation::closeIfOverLimit()
{
    if (m_overLimit && m_stream) {
        qCInfo(lcGeneration).noquote() << "reply" << m_messageId << "reached" << m_maxReplyBytes
                                       << "bytes (MAX_REPLY_BYTES); closing the upstream request";
        m_stream->abort(); // ends it here, through onEnded
    }
}

void Generation::onEnded(ProviderStream::End end, const ProviderError &error)
{
    if (!isRunning())
        return;
    auto *stream = m_stream.data();
    if (end == ProviderStream::End::Completed && !m_overLimit && m_toolSetup && !m_pendingCalls.isEmpty()) {
        beginToolRound(stream);
        return;
    }
    endWith(end, error, stream);
}

void Generation::endWith(ProviderStream::End end, const ProviderError &error, ProviderStream *stream)
{
    GenerationEvent e;
    GenerationSaver::Ending ending;
    if (stream) {
        ending.finishReason = stream->finishReason();
        addUsage(stream);
    }
    ending.inputTokens = m_usedIn;
    ending.outputTokens = m_usedOut;
    ending.cachedTokens = m_usedCached;
    if (m_prices) {
        const MessageRecord &reply = m_saver->record();
        if (auto cost = m_prices->costUsd(reply.provider, reply.model, ending.inputTokens, ending.outputTokens,
                                          ending.cachedTokens))
            ending.costUsd = *cost;
    }
    if (m_overLimit) {
        // Our own cut, not the client's abort: an error the client can read, the text kept.
        end = ProviderStream::End::Failed;
        ending.finishReason = QStringLiteral("length");
    }
    switch (end) {
    case ProviderStream::End::Completed:
        e = make(GenerationEvent::Type::Completed);
        e.finishReason = ending.finishReason;
        e.inputTokens = ending.inputTokens;
        e.outputTokens = ending.outputTokens;
        e.cachedTokens = ending.cachedTokens;
        e.costUsd = ending.costUsd;
        ending.status = MessageStatus::Complete;
        ending.isPartial = false;
        break;
    case ProviderStream::End::Failed:
        e = make(GenerationEvent::Type::Failed);
        e.finishReason = ending.finishReason;
        e.error = m_overLimit ? QStringLiteral("The reply reached the server's limit of %1 bytes (MAX_REPLY_BYTES); "
                                               "the text so far is kept").arg(m_maxReplyBytes)
                : error.message.isEmpty() ? QStringLiteral("The provider failed without saying why") : error.message;
        e.rateLimited = error.kind == ProviderError::RateLimited;
        if (error.kind == ProviderError::Authentication || error.kind == ProviderError::PermissionDenied)
            e.errorReason = errorReasonName(ErrorReason::KeyRejected);
        else if (e.rateLimited)
            e.errorReason = errorReasonName(ErrorReason::ProviderBusy);
        else if (error.kind == ProviderError::NoVision)
            e.errorReason = errorReasonName(ErrorReason::NoVision);
        if (e.rateLimited && error.retryAfterMs >= 0)
            e.retryAfterSeconds = int((error.retryAfterMs + 999) / 1000);
        ending.status = MessageStatus::Error;
        ending.error = e.error;
        ending.errorReason = e.errorReason;
        break;
    default:
        e = make(GenerationEvent::Type::Aborted);
        ending.status = MessageStatus::Aborted;
        break;
    }
    if (stream)
        stream->deleteLater();
    if (e.type == GenerationEvent::Type::Aborted) {
        const Status saved = m_saver->finish(ending);
        conclude(std::move(e), bool(saved), saved ? QString() : saved.error().message);
        return;
    }
    // Written off this thread with the other replies ending meanwhile: at a
    // thousand streams, a write here waited for the database's lock while
    // every running stream's tokens waited for this thread.
    m_ending = std::move(e);
    m_saver->finishBatched(ending);
}

void Generation::onEndingSaved(bool saved, const QString &error)
{
    if (m_ending)
        conclude(*std::exchange(m_ending, std::nullopt), saved, error);
}

void Generation::conclude(GenerationEvent e, bool saved, const QString &saveError)
{
    if (!saved)
        qCWarning(lcGeneration).noquote() << "reply" << m_messageId << "could not be saved:" << saveError;
    e.content = m_saver->text();
    m_terminal = e;
    publish(std::move(e));
    Q_EMIT finished();
}

GenerationEvent Generation::make(GenerationEvent::Type type)
{
    GenerationEvent e;
    e.type = type;
    e.seq = m_nextSeq();
    e.chatId = m_chatId;
    e.messageId = m_messageId;
    e.parentMessageId = m_parentId;
    return e;
}

} // namespace teehee
