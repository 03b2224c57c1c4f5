#pragma once

#include "generation/generationevent.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace teehee {

class Generation;

// The contract's JSON for stream events (spec/api.md "Streaming over
// WebSocket"), shared by WebSocket sessions and SSE sinks so that both say
// exactly the same thing.
namespace streamevents {

// "stream_start", "stream_continue", "token", "reasoning", "stream_complete", "stream_aborted", "stream_error".
QString typeName(const GenerationEvent &event);
// `compact`: token and reasoning events without the cumulative `content`.
QJsonObject toJson(const GenerationEvent &event, bool compact = false);
// {"type":"stream_resume","message_id","content"} for a client joining mid-stream,
// with `reasoning` so far when there is some.
QJsonObject resume(const Generation &generation);
QJsonObject error(const QString &message);
QByteArray compactText(const QJsonObject &object);
// compactText(toJson(event, compact)), byte for byte; token events, most of
// the traffic, are written straight to UTF-8 without a QJsonObject.
QByteArray eventText(const GenerationEvent &event, bool compact = false);

} // namespace streamevents
} // namespace teehee
