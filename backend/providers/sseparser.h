#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace teehee {

// One dispatched event of a text/event-stream.
struct SseEvent {
    QString type = QStringLiteral("message"); // the `event:` field, "message" when absent
    QString data;                             // `data:` lines joined with '\n'
    QString lastEventId;                      // last `id:` seen so far (persists across events)

    bool operator==(const SseEvent &) const = default;
};

// Incremental WHATWG event-stream parser. Pure: no I/O, no Qt event loop.
//
// Feed it byte fragments exactly as they come off the network; fragment
// boundaries may fall anywhere (inside a line, between CR and LF, inside a
// multi-byte UTF-8 character). Bytes are decoded as UTF-8 only once a whole
// line is buffered, so a character split across reads arrives intact.
class SseParser {
public:
    // Parses `chunk` and appends every event it completes to `out`.
    void feed(QByteArrayView chunk, QList<SseEvent> &out);
    QList<SseEvent> feed(QByteArrayView chunk);

    // The stream ended. An event without its terminating blank line is
    // discarded, as the spec requires; returns true if something was dropped.
    bool finish();

    // Back to the state of a fresh stream (BOM allowed again, id forgotten).
    void reset();

    // The last `retry:` value in milliseconds, or -1 when none was valid.
    qint64 reconnectionTimeMs() const { return m_retryMs; }
    QString lastEventId() const { return m_lastEventId; }

private:
    void processLine(QByteArrayView line, QList<SseEvent> &out);
    void dispatch(QList<SseEvent> &out);

    QByteArray m_partialLine;   // bytes of a line whose end has not arrived yet
    QByteArray m_data;          // data buffer of the pending event (raw UTF-8)
    QByteArray m_eventType;     // event type buffer of the pending event
    QString m_lastEventId;
    qint64 m_retryMs = -1;
    bool m_skipLeadingLf = false; // the previous fragment ended with CR
    bool m_atStreamStart = true;  // a BOM may still come
    bool m_hasPendingFields = false;
};

} // namespace teehee
