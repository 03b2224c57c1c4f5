#pragma once

#include "api/responder.h"

#include <QJsonObject>
#include <QObject>

namespace teehee {

class Generation;
struct GenerationEvent;

// One Server-Sent Events answer following one generation: replays the events
// after a given sequence number (Last-Event-ID), then the live ones, and ends
// the stream after the terminal event. Each event is `event: <type>`,
// `id: <seq>`, `data: <the WebSocket JSON>`. A client that leaves only
// detaches the sink; the generation goes on.
class SseSink : public QObject {
    Q_OBJECT
public:
    // Lives as long as the generation at most (its child); deletes itself when done.
    // `compact`: token events without the cumulative content (?compact=1, as on the WebSocket).
    SseSink(Responder responder, Generation *generation, bool compact = false);

    // Sends the headers; false when the client is already gone (the sink is then deleted).
    bool begin();
    // An event outside the generation's numbering (message_created): no id.
    void writeEvent(const QString &type, const QJsonObject &data, qint64 id = 0);
    // Replays the events after `afterSeq`, then follows live until the terminal event.
    void follow(qint64 afterSeq);

    // A finished stream answered from the stored message alone (no generation in memory).
    static void writeFinished(Responder responder, const QString &type, const QJsonObject &data);

private:
    void onEvent(const GenerationEvent &event);
    void finish();

    Responder m_responder;
    Generation *m_generation;
    bool m_compact;
    bool m_done = false;
};

} // namespace teehee
