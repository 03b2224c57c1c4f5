#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

namespace teehee {

// What a request's head says, after the parser has checked it.
struct HttpRequestHead {
    QByteArray method;                            // "GET", "POST", ... (case kept: methods are case-sensitive)
    QByteArray target;                            // origin-form "/path?query", or "*"
    bool http10 = false;                          // HTTP/1.0 (else HTTP/1.1)
    QList<QPair<QByteArray, QByteArray>> headers; // in order; names lower-case, values trimmed
    qint64 contentLength = 0;
    bool chunked = false;
    bool keepAlive = true;                        // false: close after the answer
    bool expectContinue = false;

    // The first value of `name` (lower-case), empty when absent.
    QByteArray header(QByteArrayView name) const;
    // Whether the comma-separated list in header `name` holds `token` (case-insensitive).
    bool headerHasToken(QByteArrayView name, QByteArrayView token) const;
    // A complete WebSocket opening handshake (RFC 6455 §4.2.1): GET, no body,
    // `Upgrade: websocket`, `Connection: upgrade`, a 16-byte key, version 13.
    // Anything less is an ordinary request, limits and all.
    bool isWebSocketHandshake() const;
};

// Why a request was refused; the connection answers `status` and closes.
struct HttpParseError {
    int status = 400;
    QString detail;
};

struct HttpParserLimits {
    qint64 maxHeaderBytes = 32 * 1024;  // request line + headers (and a chunked body's trailers)
    qint64 maxBodyBytes = 1024 * 1024;  // the decoded body
    int maxHeaderCount = 100;
    // Paths whose bodies have a limit of their own (POST /attachments: the
    // file's), matched without the query and a trailing slash.
    QList<QPair<QByteArray, qint64>> bodyBytesByPath;

    qint64 bodyLimitFor(QByteArrayView target) const;
};

// The one authority on where an HTTP/1.1 request starts and ends (RFC 9112).
// Strict on purpose: whatever two parsers could read differently is refused
// before a byte of the body is read — bare LF or CR, obs-fold, control
// characters in a field, several or malformed Content-Length, any
// Transfer-Encoding other than exactly `chunked`, both framing headers,
// a missing or repeated Host. Fed bytes as they arrive, in pieces of any size;
// pure (no sockets), so that it can be fuzzed.
class HttpRequestParser {
public:
    enum class Step {
        NeedMore,     // every byte given was taken; send more
        HeadReady,    // head() is complete; call feed() again for the body
        MessageReady, // takeBody() holds the whole body; the next request follows
        Failed,       // error() says why; the connection must close
    };

    explicit HttpRequestParser(HttpParserLimits limits = {});

    // Takes bytes from `data` until something happens; `consumed` is how many
    // it took (the rest belongs to what comes next). Feeding an empty view
    // after HeadReady moves on to the body (or straight to MessageReady).
    Step feed(QByteArrayView data, qsizetype &consumed);

    const HttpRequestHead &head() const { return m_head; }
    QByteArray takeBody() { return std::exchange(m_body, {}); }
    const HttpParseError &error() const { return m_error; }
    // Nothing of a request seen yet (only the blank lines allowed between requests).
    bool isIdle() const { return m_state == State::Start; }
    // Whether the head is complete and the body not yet.
    bool inBody() const { return m_state == State::Body || m_state == State::ChunkSize || m_state == State::ChunkData
                                 || m_state == State::ChunkDataEnd || m_state == State::Trailers; }

private:
    enum class State { Start, Head, HeadDone, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Done, Failed };

    Step fail(int status, const QString &detail);
    bool parseHead(QByteArrayView block);
    bool parseRequestLine(QByteArrayView line);
    bool parseField(QByteArrayView line, QByteArray &name, QByteArray &value);
    bool applyFraming();
    // Takes one CRLF-terminated line into m_line; false while it is incomplete.
    // Moves what is left of the body (or chunk) from `data` into it; true once all of it came.
    bool takeBodyBytes(QByteArrayView data, qsizetype &pos, qsizetype &consumed);
    // A line over `limit` bytes fails with `tooLongStatus`.
    bool takeLine(QByteArrayView data, qsizetype &pos, qsizetype limit, int tooLongStatus, bool &failed);
    Step afterHead();

    HttpParserLimits m_limits;
    qint64 m_bodyLimit = 0;   // this request's, from its path
    State m_state = State::Start;
    HttpRequestHead m_head;
    QByteArray m_buffer;      // the head (or a chunk line, or the trailers) so far
    qsizetype m_scanned = 0;  // how far m_buffer was searched for the head's end
    QByteArray m_line;
    QByteArray m_body;
    qint64 m_remaining = 0;   // bytes left of the body or of the current chunk
    qint64 m_trailerBytes = 0;
    int m_blankLines = 0;
    HttpParseError m_error;
};

} // namespace teehee
