#include "api/httprequestparser.h"

#include "api/httpsyntax.h"

namespace teehee {

namespace {
constexpr qsizetype kMaxChunkLine = 4096;
constexpr int kMaxBlankLines = 8;
} // namespace

using namespace httpsyntax;


HttpRequestParser::HttpRequestParser(HttpParserLimits limits) : m_limits(std::move(limits)), m_bodyLimit(m_limits.maxBodyBytes) {}

HttpRequestParser::Step HttpRequestParser::fail(int status, const QString &detail)
{
    m_state = State::Failed;
    m_error = {status, detail};
    m_buffer.clear();
    m_body.clear();
    return Step::Failed;
}

HttpRequestParser::Step HttpRequestParser::feed(QByteArrayView data, qsizetype &consumed)
{
    consumed = 0;
    if (m_state == State::Done) {
        m_state = State::Start;
        m_head = {};
        m_blankLines = 0;
    }
    qsizetype pos = 0;
    while (true) {
        switch (m_state) {
        case State::Failed:
            return Step::Failed;
        case State::Start: {
            // Blank lines before a request are tolerated (RFC 9112 §2.2), as CRLF pairs only.
            while (pos < data.size() && (data[pos] == '\r' || data[pos] == '\n')) {
                const bool expectLf = !m_buffer.isEmpty();
                if ((data[pos] == '\n') != expectLf)
                    return fail(400, QStringLiteral("Bare CR or LF in the request"));
                m_buffer = expectLf ? QByteArray() : QByteArray("\r");
                if (!expectLf && ++m_blankLines > kMaxBlankLines)
                    return fail(400, QStringLiteral("Too many blank lines before the request"));
                ++pos;
            }
            consumed = pos;
            if (pos == data.size())
                return Step::NeedMore;
            if (!m_buffer.isEmpty())
                return fail(400, QStringLiteral("Bare CR or LF in the request"));
            m_state = State::Head;
            m_scanned = 0;
            break;
        }
        case State::Head: {
            const qsizetype room = m_limits.maxHeaderBytes + 4 - m_buffer.size();
            const qsizetype take = qMin<qsizetype>(data.size() - pos, qMax<qsizetype>(room, 0));
            const qsizetype before = m_buffer.size();
            m_buffer.append(data.sliced(pos, take));
            qsizetype end = -1;
            for (qsizetype i = qMax<qsizetype>(m_scanned, 1); i < m_buffer.size(); ++i) {
                const char c = m_buffer[i];
                if (m_buffer[i - 1] == '\r' && c != '\n')
                    return fail(400, QStringLiteral("Bare CR in the request head"));
                if (c == '\n') {
                    if (m_buffer[i - 1] != '\r')
                        return fail(400, QStringLiteral("Bare LF in the request head"));
                    if (i >= 3 && m_buffer[i - 2] == '\n') {
                        end = i + 1;
                        break;
                    }
                }
            }
            if (!m_buffer.isEmpty() && m_buffer[0] == '\n')
                return fail(400, QStringLiteral("Bare LF in the request head"));
            if (end < 0) {
                m_scanned = m_buffer.size();
                pos += take;
                consumed = pos;
                if (m_buffer.size() >= m_limits.maxHeaderBytes + 4)
                    return fail(431, QStringLiteral("Request headers are too large"));
                return Step::NeedMore;
            }
            pos += end - before;
            consumed = pos;
            if (end > m_limits.maxHeaderBytes + 4)
                return fail(431, QStringLiteral("Request headers are too large"));
            const QByteArray block = m_buffer.left(end - 4);
            m_buffer.clear();
            if (!parseHead(block) || !applyFraming())
                return Step::Failed;
            m_state = State::HeadDone;
            return Step::HeadReady;
        }
        case State::HeadDone:
            if (Step s = afterHead(); s != Step::NeedMore)
                return s;
            break;
        case State::Body:
            if (!takeBodyBytes(data, pos, consumed))
                return Step::NeedMore;
            m_state = State::Done;
            return Step::MessageReady;
        case State::ChunkSize: {
            bool failed = false;
            if (!takeLine(data, pos, kMaxChunkLine, 400, failed)) {
                consumed = pos;
                return failed ? Step::Failed : Step::NeedMore;
            }
            consumed = pos;
            const qsizetype semicolon = m_line.indexOf(';');
            const QByteArrayView size = QByteArrayView(m_line).first(semicolon < 0 ? m_line.size() : semicolon);
            if (size.isEmpty() || size.size() > 15)
                return fail(400, QStringLiteral("Invalid chunk size"));
            qint64 n = 0;
            for (char c : size) {
                const int digit = (c >= '0' && c <= '9') ? c - '0'
                                : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                                : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
                if (digit < 0)
                    return fail(400, QStringLiteral("Invalid chunk size"));
                n = n * 16 + digit;
            }
            if (semicolon >= 0 && hasControl(QByteArrayView(m_line).sliced(semicolon)))
                return fail(400, QStringLiteral("Invalid chunk extension"));
            if (n == 0) {
                m_state = State::Trailers;
                m_trailerBytes = 0;
                break;
            }
            if (m_body.size() + n > m_bodyLimit)
                return fail(413, QStringLiteral("Request body is larger than %1 bytes").arg(m_bodyLimit));
            m_remaining = n;
            m_state = State::ChunkData;
            break;
        }
        case State::ChunkData:
            if (!takeBodyBytes(data, pos, consumed))
                return Step::NeedMore;
            m_state = State::ChunkDataEnd;
            break;
        case State::ChunkDataEnd: {
            bool failed = false;
            if (!takeLine(data, pos, 2, 400, failed)) {
                consumed = pos;
                return failed ? Step::Failed : Step::NeedMore;
            }
            consumed = pos;
            if (!m_line.isEmpty())
                return fail(400, QStringLiteral("Chunk data longer than its size"));
            m_state = State::ChunkSize;
            break;
        }
        case State::Trailers: {
            bool failed = false;
            const bool complete = takeLine(data, pos, m_limits.maxHeaderBytes - m_trailerBytes, 431, failed);
            consumed = pos;
            if (failed)
                return Step::Failed;
            if (!complete)
                return Step::NeedMore;
            if (m_line.isEmpty()) {
                m_state = State::Done;
                return Step::MessageReady;
            }
            m_trailerBytes += m_line.size() + 2;
            QByteArray name, value; // trailers are checked like fields, then dropped
            if (!parseField(m_line, name, value))
                return Step::Failed;
            break;
        }
        case State::Done:
            return Step::MessageReady;
        }
    }
}

bool HttpRequestParser::takeBodyBytes(QByteArrayView data, qsizetype &pos, qsizetype &consumed)
{
    const qsizetype take = qsizetype(qMin<qint64>(m_remaining, data.size() - pos));
    m_body.append(data.sliced(pos, take));
    pos += take;
    consumed = pos;
    m_remaining -= take;
    return m_remaining == 0;
}

bool HttpRequestParser::takeLine(QByteArrayView data, qsizetype &pos, qsizetype limit, int tooLongStatus, bool &failed)
{
    while (pos < data.size()) {
        const char c = data[pos++];
        if (c == '\n') {
            if (!m_buffer.endsWith('\r')) {
                fail(400, QStringLiteral("Bare LF in the request body framing"));
                failed = true;
                return false;
            }
            m_buffer.chop(1);
            m_line = std::exchange(m_buffer, {});
            return true;
        }
        if (m_buffer.endsWith('\r')) {
            fail(400, QStringLiteral("Bare CR in the request body framing"));
            failed = true;
            return false;
        }
        m_buffer.append(c);
        if (m_buffer.size() > limit + 1) {
            fail(tooLongStatus, tooLongStatus == 431 ? QStringLiteral("Request trailers are too large")
                                                     : QStringLiteral("A chunk line is too long"));
            failed = true;
            return false;
        }
    }
    return false;
}

bool HttpRequestParser::parseRequestLine(QByteArrayView line)
{
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0) {
        fail(400, QStringLiteral("Malformed request line"));
        return false;
    }
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    if (!isToken(method)) {
        fail(400, QStringLiteral("Malformed request method"));
        return false;
    }
    for (char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f) {
            fail(400, QStringLiteral("Malformed request target"));
            return false;
        }
    }
    if (!(target.startsWith('/') || (target == "*" && method == "OPTIONS"))) {
        fail(400, QStringLiteral("The request target must be a path"));
        return false;
    }
    if (version.size() != 8 || !version.startsWith("HTTP/") || !isAllDigits(version.sliced(5, 1)) || version[6] != '.'
        || !isAllDigits(version.sliced(7, 1))) {
        fail(400, QStringLiteral("Malformed HTTP version"));
        return false;
    }
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        fail(505, QStringLiteral("Only HTTP/1.1 and HTTP/1.0 are supported"));
        return false;
    }
    m_head.method = method.toByteArray();
    m_head.target = target.toByteArray();
    m_head.http10 = version == "HTTP/1.0";
    return true;
}

bool HttpRequestParser::parseField(QByteArrayView line, QByteArray &name, QByteArray &value)
{
    if (line.startsWith(' ') || line.startsWith('\t')) {
        fail(400, QStringLiteral("Folded header lines are not accepted"));
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.first(colon))) {
        fail(400, QStringLiteral("Malformed header field"));
        return false;
    }
    const QByteArrayView v = trimmedOws(line.sliced(colon + 1));
    if (hasControl(v)) {
        fail(400, QStringLiteral("Control characters in a header value"));
        return false;
    }
    name = line.first(colon).toByteArray().toLower();
    value = v.toByteArray();
    return true;
}

bool HttpRequestParser::parseHead(QByteArrayView block)
{
    qsizetype lineEnd = block.indexOf("\r\n");
    if (!parseRequestLine(lineEnd < 0 ? block : block.first(lineEnd)))
        return false;
    while (lineEnd >= 0) {
        const qsizetype start = lineEnd + 2;
        lineEnd = block.indexOf("\r\n", start);
        const QByteArrayView line = block.sliced(start, (lineEnd < 0 ? block.size() : lineEnd) - start);
        if (m_head.headers.size() >= m_limits.maxHeaderCount) {
            fail(431, QStringLiteral("Too many request headers"));
            return false;
        }
        QByteArray name, value;
        if (!parseField(line, name, value))
            return false;
        m_head.headers.append({std::move(name), std::move(value)});
    }
    return true;
}

bool HttpRequestParser::applyFraming()
{
    m_bodyLimit = bodyLimit();
    int lengths = 0, encodings = 0, hosts = 0;
    QByteArray length, encoding;
    for (const auto &[name, value] : std::as_const(m_head.headers)) {
        if (name == "content-length") {
            ++lengths;
            length = value;
        } else if (name == "transfer-encoding") {
            ++encodings;
            encoding = value;
        } else if (name == "host") {
            ++hosts;
        }
    }
    if (lengths > 1) {
        fail(400, QStringLiteral("Several Content-Length headers"));
        return false;
    }
    if (encodings > 1 || (encodings == 1 && encoding.toLower() != "chunked") || (encodings == 1 && m_head.http10)) {
        fail(400, QStringLiteral("Transfer-Encoding must be exactly \"chunked\""));
        return false;
    }
    if (lengths && encodings) {
        fail(400, QStringLiteral("Both Content-Length and Transfer-Encoding"));
        return false;
    }
    if (hosts > 1 || (hosts == 0 && !m_head.http10)) {
        fail(400, QStringLiteral("An HTTP/1.1 request needs exactly one Host header"));
        return false;
    }
    if (lengths) {
        if (!isAllDigits(length) || length.size() > 18) {
            fail(400, QStringLiteral("Invalid Content-Length"));
            return false;
        }
        m_head.contentLength = length.toLongLong();
        if (m_head.contentLength > m_bodyLimit) {
            fail(413, QStringLiteral("Request body is larger than %1 bytes").arg(m_bodyLimit));
            return false;
        }
    }
    m_head.chunked = encodings == 1;
    const QByteArray expect = m_head.header("expect");
    if (!expect.isEmpty()) {
        if (expect.toLower() != "100-continue") {
            fail(417, QStringLiteral("Only \"Expect: 100-continue\" is supported"));
            return false;
        }
        m_head.expectContinue = true;
    }
    m_head.keepAlive = m_head.http10 ? m_head.headerHasToken("connection", "keep-alive")
                                     : !m_head.headerHasToken("connection", "close");
    return true;
}

HttpRequestParser::Step HttpRequestParser::afterHead()
{
    m_body.clear();
    if (m_head.chunked) {
        m_state = State::ChunkSize;
        return Step::NeedMore; // the caller's loop goes on with the bytes it has
    }
    if (m_head.contentLength > 0) {
        m_remaining = m_head.contentLength;
        m_state = State::Body;
        return Step::NeedMore;
    }
    m_state = State::Done;
    return Step::MessageReady;
}

qint64 HttpRequestParser::bodyLimit() const
{
    const qsizetype query = m_head.target.indexOf('?');
    QByteArrayView path = QByteArrayView(m_head.target).first(query < 0 ? m_head.target.size() : query);
    if (path.size() > 1 && path.endsWith('/'))
        path.chop(1);
    for (const HttpRouteBodyLimit &l : m_limits.routeBodyLimits)
        if (l.method == m_head.method && l.path == path)
            return l.maxBodyBytes;
    return m_limits.maxBodyBytes;
}

} // namespace teehee
