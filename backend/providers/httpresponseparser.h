#pragma once

#include "providers/errormapping.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace teehee {

struct HttpResponseLimits {
    qsizetype maxHeaderBytes = 64 * 1024;      // status line + headers, and again for trailers
    qint64 maxBodyBytes = 256LL * 1024 * 1024; // de-framed body
};

// Incremental HTTP/1.1 response parser. Pure: no I/O, no event loop.
//
// Bytes go in exactly as they come off the socket, split anywhere; the status
// line and headers are buffered until complete, then the body is de-framed
// (Content-Length, chunked with extensions and trailers, or until the
// connection closes) and handed to the sink as views into the caller's bytes,
// so a token costs no copy here. Interim 1xx answers are skipped.
class HttpResponseParser {
public:
    using Limits = HttpResponseLimits;

    class Sink {
    public:
        virtual ~Sink() = default;
        // Status and headers are known. Return false to stop parsing.
        virtual bool responseHeaders() = 0;
        // Body bytes, valid only during the call. Return false to stop parsing.
        virtual bool responseBody(QByteArrayView bytes) = 0;
    };

    enum class Result {
        NeedMore, // everything was consumed; the response goes on
        Complete, // the response ended (bytes after it are ignored)
        Stopped,  // the sink asked to stop
        Failed,   // malformed or too large: see errorString()
    };

    enum class Framing { Unknown, None, ContentLength, Chunked, UntilClose };

    explicit HttpResponseParser(Limits limits = {}) : m_limits(limits) {}

    Result feed(QByteArrayView bytes, Sink &sink);
    // The connection closed: Complete when the framing allows it to end here.
    Result finishAtEof();

    bool headersComplete() const { return m_phase > Phase::Headers; }
    bool isComplete() const { return m_phase == Phase::Done; }
    int status() const { return m_status; }
    const RawHeaders &headers() const { return m_headers; }
    QByteArray header(QByteArrayView name) const; // first value, case-insensitive; empty when absent
    Framing framing() const { return m_framing; }
    qint64 bodyBytes() const { return m_bodyBytes; }
    // Complete, HTTP/1.1, framed, no "Connection: close" and nothing after it:
    // the connection may carry the next request.
    bool connectionReusable() const;
    QString errorString() const { return m_error; }

private:
    enum class Phase { StatusLine, Headers, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Done, Error };

    Result fail(const QString &message);
    // Takes one line (without CRLF / LF) out of `bytes` at `pos`; false when it is still incomplete.
    bool takeLine(QByteArrayView bytes, qsizetype &pos, QByteArrayView &line, qsizetype cap);
    bool parseStatusLine(QByteArrayView line);
    bool parseHeaderLine(QByteArrayView line);
    bool chooseFraming();
    bool parseChunkSize(QByteArrayView line);
    Result deliver(QByteArrayView bytes, Sink &sink);

    Limits m_limits;
    Phase m_phase = Phase::StatusLine;
    Framing m_framing = Framing::Unknown;
    QByteArray m_line;        // a line whose end has not arrived yet
    QByteArray m_assembled;   // the last line that spanned reads, while it is parsed
    qsizetype m_headerBytes = 0;
    int m_status = 0;
    bool m_http11 = false;
    bool m_surplus = false;   // bytes arrived after the response ended
    RawHeaders m_headers;
    qint64 m_remaining = 0;   // body bytes left (Content-Length) or left in this chunk
    qint64 m_bodyBytes = 0;
    QString m_error;
};

} // namespace teehee
