#include "generation/generation.h"

#include "core/logging.h"
#include "generation/generationsaver.h"

#include <utility>

namespace teehee {

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
    m_saver = new GenerationSaver(db, std::move(assistant), batcher, this);
    connect(m_saver, &GenerationSaver::endingSaved, this, &Generation::onEndingSaved);
    stream->setParent(this);
    connect(stream, &ProviderStream::textDelta, this, &Generation::onDelta);
    connect(stream, &ProviderStream::ended, this, &Generation::onEnded);
    connect(stream, &ProviderStream::retrying, this, [this](int attempt, int delayMs, const ProviderError &cause) {
        qCInfo(lcGeneration).noquote() << "reply" << m_messageId << "retrying, attempt" << attempt << "in" << delayMs
                                       << "ms:" << cause.message;
    });
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
    if (isRunning() && m_stream)
        m_stream->abort(); // emits ended(Aborted) before returning
}

void Generation::onDelta(const QString &delta)
{
    if (!isRunning() || delta.isEmpty())
        return;
    m_saver->append(delta);
    GenerationEvent e = make(GenerationEvent::Type::Token);
    e.token = delta;
    e.content = m_saver->text();
    publish(std::move(e));
}

void Generation::onEnded(ProviderStream::End end, const ProviderError &error)
{
    if (!isRunning())
        return;
    auto *stream = m_stream.data();
    GenerationEvent e;
    GenerationSaver::Ending ending;
    ending.finishReason = stream->finishReason();
    ending.inputTokens = stream->inputTokens();
    ending.outputTokens = stream->outputTokens();
    switch (end) {
    case ProviderStream::End::Completed:
        e = make(GenerationEvent::Type::Completed);
        e.finishReason = ending.finishReason;
        e.inputTokens = ending.inputTokens;
        e.outputTokens = ending.outputTokens;
        ending.status = MessageStatus::Complete;
        ending.isPartial = false;
        break;
    case ProviderStream::End::Failed:
        e = make(GenerationEvent::Type::Failed);
        e.error = error.message.isEmpty() ? QStringLiteral("The provider failed without saying why") : error.message;
        e.rateLimited = error.kind == ProviderError::RateLimited;
        if (e.rateLimited && error.retryAfterMs >= 0)
            e.retryAfterSeconds = int((error.retryAfterMs + 999) / 1000);
        ending.status = MessageStatus::Error;
        ending.error = e.error;
        break;
    default:
        e = make(GenerationEvent::Type::Aborted);
        ending.status = MessageStatus::Aborted;
        break;
    }
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

void Generation::publish(GenerationEvent e)
{
    Logged logged{e, m_saver->text().size()};
    if (e.type == GenerationEvent::Type::Token)
        logged.event.content.clear();
    m_log.append(std::move(logged));
    Q_EMIT event(e);
}

QList<GenerationEvent> Generation::eventsAfter(qint64 afterSeq) const
{
    QList<GenerationEvent> out;
    auto it = std::upper_bound(m_log.cbegin(), m_log.cend(), afterSeq,
                               [](qint64 seq, const Logged &l) { return seq < l.event.seq; });
    for (; it != m_log.cend(); ++it) {
        GenerationEvent e = it->event;
        if (e.type == GenerationEvent::Type::Token)
            e.content = m_saver->text().left(it->textEnd);
        out.append(std::move(e));
    }
    return out;
}

} // namespace teehee
