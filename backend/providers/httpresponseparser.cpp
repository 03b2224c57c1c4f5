#include "providers/httpresponseparser.h"

#include <utility>

namespace teehee {

namespace {

// A chunk-size line is a few hex digits plus extensions nobody sends at length.
constexpr qsizetype kMaxChunkLine = 4096;

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

bool isTokenChar(char c)
{
    return c > 0x20 && c < 0x7f && c != ':';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

QByteArray HttpResponseParser::header(QByteArrayView name) const
{
    for (const auto &[k, v] : m_headers) {
        if (QByteArrayView(k).compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

HttpResponseParser::Result HttpResponseParser::fail(const QString &message)
{
    m_phase = Phase::Error;
    m_error = message;
    return Result::Failed;
}

bool HttpResponseParser::takeLine(QByteArrayView bytes, qsizetype &pos, QByteArrayView &line, qsizetype cap)
{
    const qsizetype nl = bytes.indexOf('\n', pos);
    if (nl < 0) {
        if (m_line.size() + (bytes.size() - pos) > cap) {
            fail(QStringLiteral("a header or chunk line is longer than %1 bytes").arg(cap));
            return false;
        }
        m_line.append(bytes.sliced(pos));
        pos = bytes.size();
        return false;
    }
    QByteArrayView piece = bytes.sliced(pos, nl - pos);
    pos = nl + 1;
    if (m_line.size() + piece.size() > cap) {
        fail(QStringLiteral("a header or chunk line is longer than %1 bytes").arg(cap));
        return false;
    }
    if (m_line.isEmpty()) {
        line = piece; // the common case: the whole line sits in this read
    } else {
        m_line.append(piece);
        m_assembled = std::exchange(m_line, QByteArray());
        line = m_assembled; // valid until the next assembled line
    }
    if (line.endsWith('\r'))
        line.chop(1);
    return true;
}

bool HttpResponseParser::parseStatusLine(QByteArrayView line)
{
    // "HTTP/1.1 200 OK"; the reason phrase may be empty or missing.
    if (line.size() < 12 || !line.startsWith("HTTP/1.") || line[8] != ' ')
        return false;
    int status = 0;
    for (int i = 9; i < 12; ++i) {
        if (line[i] < '0' || line[i] > '9')
            return false;
        status = status * 10 + (line[i] - '0');
    }
    if (line.size() > 12 && line[12] != ' ')
        return false;
    m_status = status;
    m_http11 = line[7] != '0';
    return status >= 100;
}

bool HttpResponseParser::connectionReusable() const
{
    if (!isComplete() || m_surplus || !m_http11 || m_framing == Framing::UntilClose)
        return false;
    for (const QByteArray &token : header("connection").split(','))
        if (token.trimmed().compare("close", Qt::CaseInsensitive) == 0)
            return false;
    return true;
}

bool HttpResponseParser::parseHeaderLine(QByteArrayView line)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return false;
    const QByteArrayView name = line.first(colon);
    for (char c : name) {
        if (!isTokenChar(c))
            return false;
    }
    m_headers.append({name.toByteArray(), trimmed(line.sliced(colon + 1)).toByteArray()});
    return true;
}

bool HttpResponseParser::chooseFraming()
{
    const QByteArray encoding = header("Content-Encoding").trimmed().toLower();
    if (!encoding.isEmpty() && encoding != "identity") {
        m_error = QStringLiteral("the body is compressed (Content-Encoding: %1) although only identity was accepted")
                      .arg(QString::fromLatin1(encoding));
        return false;
    }
    if (m_status == 204 || m_status == 304) {
        m_framing = Framing::None;
        return true;
    }
    QByteArray codings;
    bool hasLength = false;
    qint64 length = -1;
    for (const auto &[k, v] : m_headers) {
        if (k.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            codings += codings.isEmpty() ? v : ',' + v;
        } else if (k.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const QByteArray digits = v.trimmed();
            const qint64 n = digits.toLongLong(&ok);
            if (!ok || n < 0 || digits.startsWith('+') || (hasLength && n != length)) {
                m_error = QStringLiteral("invalid Content-Length");
                return false;
            }
            hasLength = true;
            length = n;
        }
    }
    if (!codings.isEmpty()) {
        const QList<QByteArray> list = codings.split(',');
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QByteArray c = list[i].trimmed().toLower();
            const bool last = i == list.size() - 1;
            if (c == "chunked" && last) {
                m_framing = Framing::Chunked; // Content-Length is ignored then (RFC 9112 6.3)
                return true;
            }
            if (c != "identity" && !c.isEmpty()) {
                m_error = QStringLiteral("unsupported Transfer-Encoding: %1").arg(QString::fromLatin1(codings));
                return false;
            }
        }
    }
    if (hasLength) {
        if (length > m_limits.maxBodyBytes) {
            m_error = QStringLiteral("the body (%1 bytes) is larger than the %2-byte limit").arg(length).arg(m_limits.maxBodyBytes);
            return false;
        }
        m_remaining = length;
        m_framing = length == 0 ? Framing::None : Framing::ContentLength;
        return true;
    }
    m_framing = Framing::UntilClose;
    return true;
}

bool HttpResponseParser::parseChunkSize(QByteArrayView line)
{
    // "1a3f", "1a3f;name=value" (extensions are ignored), optional whitespace before ';'.
    const qsizetype semi = line.indexOf(';');
    const QByteArrayView digits = trimmed(semi < 0 ? line : line.first(semi));
    if (digits.isEmpty() || digits.size() > 15)
        return false;
    qint64 size = 0;
    for (char c : digits) {
        const int h = hexValue(c);
        if (h < 0)
            return false;
        size = size * 16 + h;
    }
    m_remaining = size;
    return true;
}

HttpResponseParser::Result HttpResponseParser::deliver(QByteArrayView bytes, Sink &sink)
{
    m_bodyBytes += bytes.size();
    if (m_bodyBytes > m_limits.maxBodyBytes)
        return fail(QStringLiteral("the body is larger than the %1-byte limit").arg(m_limits.maxBodyBytes));
    return sink.responseBody(bytes) ? Result::NeedMore : Result::Stopped;
}

HttpResponseParser::Result HttpResponseParser::feed(QByteArrayView bytes, Sink &sink)
{
    qsizetype pos = 0;
    QByteArrayView line;
    while (true) {
        switch (m_phase) {
        case Phase::Done:
            m_surplus = m_surplus || pos < bytes.size();
            return Result::Complete;
        case Phase::Error:
            return Result::Failed;
        default:
            break;
        }
        if (pos >= bytes.size())
            return Result::NeedMore;
        line = {};

        switch (m_phase) {
        case Phase::StatusLine:
        case Phase::Headers: {
            if (!takeLine(bytes, pos, line, m_limits.maxHeaderBytes)) {
                if (m_phase == Phase::Error)
                    return Result::Failed;
                if (m_headerBytes + m_line.size() > m_limits.maxHeaderBytes)
                    return fail(QStringLiteral("the response headers are larger than %1 bytes").arg(m_limits.maxHeaderBytes));
                continue;
            }
            m_headerBytes += line.size() + 2;
            if (m_headerBytes > m_limits.maxHeaderBytes)
                return fail(QStringLiteral("the response headers are larger than %1 bytes").arg(m_limits.maxHeaderBytes));
            if (m_phase == Phase::StatusLine) {
                if (!parseStatusLine(line))
                    return fail(QStringLiteral("the answer is not an HTTP/1.x response"));
                m_phase = Phase::Headers;
                continue;
            }
            if (!line.isEmpty()) {
                if (!parseHeaderLine(line))
                    return fail(QStringLiteral("malformed header line"));
                continue;
            }
            if (m_status < 200) {
                if (m_status == 101)
                    return fail(QStringLiteral("the server switched protocols"));
                // 100 Continue, 103 Early Hints: the real answer follows.
                m_headers.clear();
                m_headerBytes = 0;
                m_phase = Phase::StatusLine;
                continue;
            }
            if (!chooseFraming())
                return fail(m_error);
            switch (m_framing) {
            case Framing::None:
                m_phase = Phase::Done;
                break;
            case Framing::Chunked:
                m_phase = Phase::ChunkSize;
                break;
            default:
                m_phase = Phase::Body;
                break;
            }
            if (!sink.responseHeaders())
                return Result::Stopped;
            continue;
        }
        case Phase::Body: {
            QByteArrayView piece = bytes.sliced(pos);
            if (m_framing == Framing::ContentLength && piece.size() >= m_remaining) {
                piece = piece.first(m_remaining);
                m_phase = Phase::Done;
            }
            m_remaining -= piece.size();
            pos += piece.size();
            if (const Result r = deliver(piece, sink); r != Result::NeedMore)
                return r;
            continue;
        }
        case Phase::ChunkSize:
            if (!takeLine(bytes, pos, line, kMaxChunkLine))
                continue; // incomplete, or failed (checked at the top)
            if (!parseChunkSize(line))
                return fail(QStringLiteral("malformed chunk size \"%1\"")
                                .arg(QString::fromLatin1(line.first(qMin<qsizetype>(line.size(), 40)))));
            if (m_remaining == 0) {
                m_headerBytes = 0;
                m_phase = Phase::Trailers;
            } else {
                if (m_bodyBytes + m_remaining > m_limits.maxBodyBytes)
                    return fail(QStringLiteral("the body is larger than the %1-byte limit").arg(m_limits.maxBodyBytes));
                m_phase = Phase::ChunkData;
            }
            continue;
        case Phase::ChunkData: {
            const qsizetype n = qsizetype(qMin<qint64>(m_remaining, bytes.size() - pos));
            const QByteArrayView piece = bytes.sliced(pos, n);
            pos += n;
            m_remaining -= n;
            if (m_remaining == 0)
                m_phase = Phase::ChunkDataEnd;
            if (const Result r = deliver(piece, sink); r != Result::NeedMore)
                return r;
            continue;
        }
        case Phase::ChunkDataEnd:
            if (!takeLine(bytes, pos, line, kMaxChunkLine))
                continue;
            if (!line.isEmpty())
                return fail(QStringLiteral("a chunk is longer than its announced size"));
            m_phase = Phase::ChunkSize;
            continue;
        case Phase::Trailers:
            // Trailer fields carry nothing a stream needs; they are bounded like headers and skipped.
            if (!takeLine(bytes, pos, line, m_limits.maxHeaderBytes))
                continue;
            m_headerBytes += line.size() + 2;
            if (m_headerBytes > m_limits.maxHeaderBytes)
                return fail(QStringLiteral("the trailers are larger than %1 bytes").arg(m_limits.maxHeaderBytes));
            if (line.isEmpty())
                m_phase = Phase::Done;
            continue;
        default:
            return Result::Failed;
        }
    }
}

HttpResponseParser::Result HttpResponseParser::finishAtEof()
{
    switch (m_phase) {
    case Phase::Done:
        return Result::Complete;
    case Phase::Error:
        return Result::Failed;
    case Phase::Body:
        if (m_framing == Framing::UntilClose) {
            m_phase = Phase::Done;
            return Result::Complete;
        }
        return fail(QStringLiteral("the connection closed after %1 of %2 body bytes")
                        .arg(m_bodyBytes).arg(m_bodyBytes + m_remaining));
    case Phase::StatusLine:
        if (m_line.isEmpty() && m_status == 0)
            return fail(QStringLiteral("the connection closed without an answer"));
        [[fallthrough]];
    case Phase::Headers:
        return fail(QStringLiteral("the connection closed inside the response headers"));
    default:
        return fail(QStringLiteral("the connection closed inside the chunked body"));
    }
}

} // namespace teehee
