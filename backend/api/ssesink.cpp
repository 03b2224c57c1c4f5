#include "api/ssesink.h"

#include "api/streamevents.h"
#include "generation/generation.h"

namespace teehee {

namespace {

QByteArray frame(const QString &type, const QJsonObject &data, qint64 id)
{
    QByteArray out = "event: " + type.toUtf8() + '\n';
    if (id > 0)
        out += "id: " + QByteArray::number(id) + '\n';
    out += "data: " + streamevents::compactText(data) + "\n\n";
    return out;
}

const HttpHeaders kStreamHeaders{{"X-Accel-Buffering", "no"}};

} // namespace

SseSink::SseSink(Responder responder, Generation *generation, bool compact)
    : QObject(generation), m_responder(std::move(responder)), m_generation(generation), m_compact(compact)
{
    m_responder.onDisconnected(this, [this] { finish(); });
}

bool SseSink::begin()
{
    if (!m_responder.beginStream(200, kStreamHeaders)) {
        finish();
        return false;
    }
    return true;
}

void SseSink::writeEvent(const QString &type, const QJsonObject &data, qint64 id)
{
    if (m_done)
        return;
    if (!m_responder.writeChunk(frame(type, data, id)))
        finish();
}

void SseSink::follow(qint64 afterSeq)
{
    // Replay and subscription happen in one go on the generation's thread: nothing in between.
    const auto past = m_generation->eventsAfter(afterSeq);
    for (const GenerationEvent &e : past) {
        onEvent(e);
        if (m_done)
            return;
    }
    if (m_generation->isFinished()) {
        finish();
        return;
    }
    connect(m_generation, &Generation::event, this, &SseSink::onEvent);
}

void SseSink::onEvent(const GenerationEvent &event)
{
    writeEvent(streamevents::typeName(event), streamevents::toJson(event, m_compact), event.seq);
    if (event.isTerminal())
        finish();
}

void SseSink::finish()
{
    if (m_done)
        return;
    m_done = true;
    disconnect(m_generation, nullptr, this, nullptr);
    m_responder.endStream();
    deleteLater();
}

void SseSink::writeFinished(Responder responder, const QString &type, const QJsonObject &data)
{
    if (!responder.beginStream(200, kStreamHeaders))
        return;
    responder.writeChunk(frame(type, data, 0));
    responder.endStream();
}

} // namespace teehee
