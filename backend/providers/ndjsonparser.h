#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace teehee {

// Splits a newline-delimited JSON stream (Ollama's native /api/chat, some
// self-hosted servers) into whole lines, whatever the read boundaries.
// Lines end with LF or CRLF; blank lines are skipped. JSON decoding is the
// caller's business, so a malformed line is reported where it is used.
class NdjsonParser {
public:
    void feed(QByteArrayView chunk, QList<QByteArray> &lines);
    QList<QByteArray> feed(QByteArrayView chunk);

    // End of stream: returns the last line if it had no line end (NDJSON
    // writers often omit the final newline), and resets the parser.
    QByteArray finish();

private:
    QByteArray m_partial;
};

} // namespace teehee
