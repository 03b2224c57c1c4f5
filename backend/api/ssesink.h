#pragma once

#include "api/responder.h"
#include "api/json/streamevents.h"

#include <QObject>

namespace teehee {

class AuthService;
struct AuthUser;
class Generation;
struct GenerationEvent;
class TokenWatch;

// One Server-Sent Events answer following one generation: replays the events
// after a given sequence number (Last-Event-ID), then the live ones, and ends
// the stream after the terminal event. Each event is `event: <type>`,
// `id: <seq>`, `data: <the WebSocket JSON>` (streamevents: the same bytes). A client that leaves only
// detaches the sink; the generation goes on.
//
// Memory stays bounded by what the client reads: a replay takes the events
// from the generation's log one at a time while less than kReplayWindow
// waits in the socket, and writes more as the socket drains; a live client
// whose backlog passes kMaxBufferedBytes (it stopped reading) is dropped.
// The stream also ends when the token it was opened with is revoked or expires.
class SseSink : public QObject {
    Q_OBJECT
public:
    // The same cap as WebSocketSession::kMaxBufferedBytes.
    static constexpr qint64 kMaxBufferedBytes = 16 * 1024 * 1024;
    static constexpr qint64 kReplayWindow = 256 * 1024;

    // Lives as long as the generation at most (its child); deletes itself when done.
    // `compact`: token events without the cumulative content (?compact=1, as on the WebSocket).
    SseSink(Responder responder, Generation *generation, AuthService &auth, const AuthUser &user, bool compact = false);

    // Sends the headers; false when the client is already gone (the sink is then deleted).
    bool begin();
    // An event outside the generation's log (message_created), with its own id.
    void writeEvent(const streamevents::Encoded &event, qint64 id);
    // Replays the events after `afterSeq`, then follows live until the terminal event.
    void follow(qint64 afterSeq);

    // A finished stream answered from the stored message alone (no generation in memory).
    static void writeFinished(Responder responder, const streamevents::Encoded &event, qint64 id);

    // The most bytes any sink has held at once (its socket's backlog plus the
    // event being written) since the last reset: the replay's memory, for tests.
    static qint64 peakHeldBytes();
    static void resetPeakHeldBytes();

private:
    void pump();
    void onEvent(const GenerationEvent &event);
    qint64 writeLogged(const GenerationEvent &event); // the frame's size
    bool write(const QByteArray &frame);
    void finish();

    Responder m_responder;
    Generation *m_generation;
    TokenWatch *m_token; // child
    bool m_compact;
    bool m_done = false;
    bool m_following = false;
    bool m_pumping = false;
    bool m_pumpQueued = false;
    qsizetype m_next = 0; // the next log index to write
};

} // namespace teehee
