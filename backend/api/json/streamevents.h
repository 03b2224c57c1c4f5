#pragma once

#include "generation/generationevent.h"

#include <QByteArray>
#include <QString>

namespace teehee {

struct AccountEvent;
class Generation;
struct PlacedMessage;

// The contract's JSON for every event a client is sent (spec/api.md
// "Streaming over WebSocket", "Live events for the whole account"): the one
// encoder behind WebSocket messages and SSE `data:` lines, so both transports
// carry the same bytes for the same event. Written straight to UTF-8, without
// QJsonObject: token events are most of the traffic.
namespace streamevents {

// One event as it goes out: its type (the SSE `event:` name) and its compact JSON text.
struct Encoded {
    QByteArray type;
    QByteArray json;
};

// `compact`: token events without the cumulative `content` (?compact=1).
Encoded encode(const GenerationEvent &event, bool compact = false);
Encoded encode(const AccountEvent &event);
// {"type":"stream_resume",…} for a client joining mid-stream, with the text so far.
Encoded resume(const Generation &generation);
// The same for a reply another server streams, from what was sent on so far.
Encoded resume(const QString &messageId, const QString &parentMessageId, const QString &text, const QString &reasoning);
Encoded messageCreated(const PlacedMessage &message);
// {"type":"error","message"}: a bad request on a socket, which stays open.
Encoded error(const QString &message);
Encoded pong();

// The event as one SSE frame: `event: <type>`, `id: <id>` (when positive), `data: <json>`.
QByteArray sseFrame(const Encoded &event, qint64 id);

} // namespace streamevents
} // namespace teehee
