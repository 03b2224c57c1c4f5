#include "generation/generationsaver.h"

#include "core/jsonescape.h"
#include "core/logging.h"
#include "db/messagerepository.h"
#include "generation/savebatcher.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace teehee {

namespace {

// Escapes what `text` gained since `escapedChars`; a high surrogate at the
// very end waits for its pair: escaped alone it would turn into a replacement character.
void escapeNew(QByteArray &escaped, qsizetype &escapedChars, const QString &text)
{
    qsizetype upTo = text.size();
    if (upTo > escapedChars && text.at(upTo - 1).isHighSurrogate())
        --upTo;
    appendJsonEscaped(escaped, QStringView(text).sliced(escapedChars, upTo - escapedChars));
    escapedChars = upTo;
}

qint64 utf8Length(const QString &s)
{
    qint64 n = 0;
    for (const QChar c : s) {
        const ushort u = c.unicode();
        n += u < 0x80 ? 1 : u < 0x800 ? 2 : QChar::isSurrogate(u) ? 2 : 3; // a surrogate pair is 4
    }
    return n;
}

} // namespace

GenerationSaver::GenerationSaver(const Database &db, MessageRecord message, SaveBatcher &batcher, QObject *parent)
    : QObject(parent), m_db(db), m_record(std::move(message)), m_text(m_record.text()),
      m_reasoning(m_record.content.value(QStringLiteral("reasoning")).toString()), m_batcher(batcher)
{
    rebuildJsonHead();
}

void GenerationSaver::rebuildJsonHead()
{
    QJsonObject others = m_record.content;
    others.remove(QStringLiteral("text"));
    others.remove(QStringLiteral("reasoning"));
    m_jsonHead = QJsonDocument(others).toJson(QJsonDocument::Compact);
    m_jsonHead.chop(1); // the closing brace
    if (!others.isEmpty())
        m_jsonHead.append(',');
    m_jsonHead.append("\"text\":\"");
}

GenerationSaver::~GenerationSaver()
{
    if (m_streaming)
        m_batcher.streamEnded();
    m_batcher.forget(this);
}

Status GenerationSaver::begin()
{
    if (!m_streaming) {
        m_streaming = true;
        m_batcher.streamBegan();
    }
    m_batcher.countCommit();
    // A reply inserted just now for this stream already says all this.
    if (m_record.status == MessageStatus::Streaming && m_record.isPartial
        && !m_record.content.contains(QStringLiteral("error")))
        return success();
    m_record.status = MessageStatus::Streaming;
    m_record.isPartial = true;
    m_record.content.remove(QStringLiteral("error"));
    m_record.content.remove(QStringLiteral("error_reason"));
    rebuildJsonHead();
    return write();
}

void GenerationSaver::append(const QString &delta)
{
    if (m_finished || delta.isEmpty())
        return;
    m_text += delta;
    addPending(delta);
}

void GenerationSaver::appendReasoning(const QString &delta)
{
    if (m_finished || delta.isEmpty())
        return;
    m_reasoning += delta;
    addPending(delta);
}

Status GenerationSaver::setToolCalls(const QJsonArray &calls)
{
    if (m_finished)
        return success();
    m_record.content.insert(QStringLiteral("tool_calls"), calls);
    rebuildJsonHead();
    return write();
}

void GenerationSaver::addPending(const QString &delta)
{
    m_pendingBytes += utf8Length(delta);
    if (m_pendingBytes >= kMaxPendingBytes)
        m_batcher.saveSoon(this);
    else
        m_batcher.markDirty(this);
}

QByteArray GenerationSaver::takePendingJson()
{
    if (m_finished || m_pendingBytes == 0)
        return {};
    // begin() wrote every other field; only the text and reasoning have moved since.
    escapeNew(m_escapedText, m_escapedChars, m_text);
    escapeNew(m_escapedReasoning, m_escapedReasoningChars, m_reasoning);
    QByteArray json;
    json.reserve(m_jsonHead.size() + m_escapedText.size() + m_escapedReasoning.size() + 20);
    json.append(m_jsonHead).append(m_escapedText).append('"');
    if (!m_reasoning.isEmpty())
        json.append(",\"reasoning\":\"").append(m_escapedReasoning).append('"');
    json.append('}');
    ++m_commits;
    m_pendingBytes = 0;
    return json;
}

void GenerationSaver::markUnsaved()
{
    if (m_finished)
        return;
    m_pendingBytes = qMax<qint64>(m_pendingBytes, 1);
    m_batcher.markDirty(this);
}

void GenerationSaver::end(const Ending &ending)
{
    m_finished = true;
    if (m_streaming) {
        m_streaming = false;
        m_batcher.streamEnded();
    }
    m_record.status = ending.status;
    m_record.isPartial = ending.isPartial;
    m_record.finishReason = ending.finishReason;
    if (ending.inputTokens >= 0)
        m_record.tokensIn = ending.inputTokens;
    if (ending.outputTokens >= 0)
        m_record.tokensOut = ending.outputTokens;
    if (ending.inputTokens >= 0 || ending.outputTokens >= 0) {
        const int in = qMax(ending.inputTokens, 0), out = qMax(ending.outputTokens, 0);
        QJsonObject usage{{QStringLiteral("input_tokens"), in},
                          {QStringLiteral("output_tokens"), out},
                          {QStringLiteral("total_tokens"), in + out}};
        if (ending.cachedTokens >= 0)
            usage.insert(QStringLiteral("cached_tokens"), ending.cachedTokens);
        if (ending.costUsd >= 0)
            usage.insert(QStringLiteral("cost_usd"), ending.costUsd);
        m_record.content.insert(QStringLiteral("usage"), usage);
    }
    if (!ending.error.isEmpty())
        m_record.content.insert(QStringLiteral("error"), ending.error);
    if (!ending.errorReason.isEmpty())
        m_record.content.insert(QStringLiteral("error_reason"), ending.errorReason);
}

Status GenerationSaver::finish(const Ending &ending)
{
    m_batcher.forget(this);
    end(ending);
    m_batcher.countCommit();
    return write();
}

void GenerationSaver::finishBatched(const Ending &ending)
{
    if (m_batcher.streaming() <= (m_streaming ? 1 : 0)) {
        reportEnding(finish(ending));
        return;
    }
    end(ending);
    putTexts();
    m_record.updatedAt = {}; // the time of the write
    m_pendingBytes = 0;
    ++m_commits;
    m_batcher.saveEnding(this, m_record);
}

void GenerationSaver::reportEnding(const Status &saved)
{
    Q_EMIT endingSaved(bool(saved), saved ? QString() : saved.error().message);
}

void GenerationSaver::putTexts()
{
    m_record.content.insert(QStringLiteral("text"), m_text);
    if (!m_reasoning.isEmpty())
        m_record.content.insert(QStringLiteral("reasoning"), m_reasoning);
}

Status GenerationSaver::write()
{
    putTexts();
    m_record.updatedAt = {};
    ++m_commits;
    auto st = MessageRepository(m_db).update(m_record);
    if (st)
        m_pendingBytes = 0;
    return st;
}

} // namespace teehee
