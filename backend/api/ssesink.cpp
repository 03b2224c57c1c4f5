#include "api/ssesink.h"

#include "api/json/streamevents.h"
#include "api/tokenwatch.h"
#include "api/websocketsession.h"
#include "core/logging.h"
#include "generation/generation.h"

#include <QTimer>

namespace teehee {

namespace {

static_assert(SseSink::kMaxBufferedBytes == WebSocketSession::kMaxBufferedBytes,
              "an SSE client and a WebSocket client may leave as much unread");

const HttpHeaders kStreamHeaders{{"X-Accel-Buffering", "no"}};

// How much one turn of the event loop replays when the kernel takes it all.
constexpr qint64 kReplayPerTurn = 1024 * 1024;

qint64 g_peakHeld = 0; // backend thread only

} // namespace

SseSink::SseSink(Responder responder, Generation *generation, AuthService &auth, const AuthUser &user, bool compact)
    : QObject(generation), m_responder(std::move(responder)), m_generation(generation),
      m_token(new TokenWatch(auth, user, this)), m_compact(compact)
{
    m_responder.onDisconnected(this, [this] { finish(); });
    connect(m_token, &TokenWatch::ended, this, [this](const QString &reason) {
        qCInfo(lcHttp).noquote() << "SSE stream of reply" << m_generation->messageId() << "ends:" << reason;
        finish();
    });
}

bool SseSink::begin()
{
    if (!m_responder.beginStream(200, kStreamHeaders)) {
        finish();
        return false;
    }
    return true;
}

bool SseSink::write(const QByteArray &bytes)
{
    if (m_done)
        return false;
    const qint64 backlog = m_responder.bytesToWrite();
    g_peakHeld = qMax(g_peakHeld, backlog + bytes.size());
    if (backlog > kMaxBufferedBytes) {
        qCWarning(lcHttp).noquote() << "SSE client of reply" << m_generation->messageId()
                                    << "does not read its events; dropping it (the reply goes on)";
        m_responder.abortConnection();
        finish();
        return false;
    }
    if (!m_responder.writeChunk(bytes)) {
        finish();
        return false;
    }
    return true;
}

void SseSink::writeEvent(const streamevents::Encoded &event, qint64 id)
{
    write(streamevents::sseFrame(event, id));
}

qint64 SseSink::writeLogged(const GenerationEvent &event)
{
    const QByteArray bytes = streamevents::sseFrame(streamevents::encode(event, m_compact), event.seq);
    write(bytes);
    if (event.isTerminal())
        finish();
    return bytes.size();
}

void SseSink::follow(qint64 afterSeq)
{
    // Position and subscription are taken in one go on the generation's
    // thread: every later event is either in the log past m_next or comes live.
    m_next = m_generation->indexAfter(afterSeq);
    m_following = true;
    connect(m_generation, &Generation::event, this, &SseSink::onEvent);
    m_responder.onBytesWritten(this, [this] { pump(); });
    pump();
    if (!m_done && m_next >= m_generation->eventCount() && m_generation->isFinished())
        finish(); // the client had every event already
}

void SseSink::onEvent(const GenerationEvent &event)
{
    if (m_done)
        return;
    // Caught up: the live event is the next one, written as it comes (a
    // client that stops reading then fills its backlog and is dropped).
    if (m_next == m_generation->eventCount() - 1) {
        ++m_next;
        writeLogged(event);
        return;
    }
    pump(); // still replaying: the log has it, in its turn
}

void SseSink::pump()
{
    if (m_done || !m_following || m_pumping)
        return;
    m_pumping = true;
    qint64 written = 0;
    while (!m_done && m_next < m_generation->eventCount() && m_responder.bytesToWrite() < kReplayWindow) {
        if (written >= kReplayPerTurn) {
            // The kernel took it all so far: go on next turn, let other sockets through.
            if (!m_pumpQueued) {
                m_pumpQueued = true;
                QTimer::singleShot(0, this, [this] {
                    m_pumpQueued = false;
                    pump();
                });
            }
            break;
        }
        // Only this event's cumulative content exists now, and only for a non-compact client.
        const GenerationEvent e = m_generation->eventAt(m_next++, !m_compact);
        written += writeLogged(e);
    }
    m_pumping = false;
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

void SseSink::writeFinished(Responder responder, const streamevents::Encoded &event, qint64 id)
{
    if (!responder.beginStream(200, kStreamHeaders))
        return;
    responder.writeChunk(streamevents::sseFrame(event, id));
    responder.endStream();
}

qint64 SseSink::peakHeldBytes()
{
    return g_peakHeld;
}

void SseSink::resetPeakHeldBytes()
{
    g_peakHeld = 0;
}

} // namespace teehee
