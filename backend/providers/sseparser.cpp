#include "providers/sseparser.h"

#include <cstring>

namespace teehee {

namespace {

const char *findLineEnd(const char *begin, const char *end)
{
    for (const char *p = begin; p != end; ++p) {
        if (*p == '\n' || *p == '\r')
            return p;
    }
    return end;
}

bool isAsciiDigits(QByteArrayView v)
{
    if (v.isEmpty())
        return false;
    for (char c : v) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

} // namespace

QList<SseEvent> SseParser::feed(QByteArrayView chunk)
{
    QList<SseEvent> out;
    feed(chunk, out);
    return out;
}

void SseParser::feed(QByteArrayView chunk, QList<SseEvent> &out)
{
    const char *p = chunk.data();
    const char *end = p + chunk.size();
    if (p == end)
        return;

    if (m_skipLeadingLf) {
        m_skipLeadingLf = false;
        if (*p == '\n')
            ++p;
    }

    while (p != end) {
        const char *eol = findLineEnd(p, end);
        if (eol == end) {
            m_partialLine.append(p, end - p);
            return;
        }
        // A complete line: avoid a copy when nothing was buffered before.
        if (m_partialLine.isEmpty()) {
            processLine(QByteArrayView(p, eol - p), out);
        } else {
            m_partialLine.append(p, eol - p);
            processLine(m_partialLine, out);
            m_partialLine.clear();
        }
        p = eol + 1;
        if (*eol == '\r') {
            if (p == end)
                m_skipLeadingLf = true; // CR now, maybe LF in the next read: one line end
            else if (*p == '\n')
                ++p;
        }
    }
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent> &out)
{
    if (m_atStreamStart) {
        m_atStreamStart = false;
        if (line.startsWith("\xEF\xBB\xBF"))
            line = line.sliced(3);
    }

    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (line.front() == ':')
        return; // comment (keep-alives such as ": OPENROUTER PROCESSING")

    QByteArrayView field = line;
    QByteArrayView value;
    const qsizetype colon = line.indexOf(':');
    if (colon >= 0) {
        field = line.first(colon);
        value = line.sliced(colon + 1);
        if (value.startsWith(' '))
            value = value.sliced(1);
    }

    if (field == "data") {
        m_data.append(value.data(), value.size());
        m_data.append('\n');
        m_hasPendingFields = true;
    } else if (field == "event") {
        m_eventType = value.toByteArray();
        m_hasPendingFields = true;
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = QString::fromUtf8(value);
    } else if (field == "retry") {
        if (isAsciiDigits(value)) {
            bool ok = false;
            const qint64 ms = value.toLongLong(&ok);
            if (ok)
                m_retryMs = ms;
        }
    }
    // Any other field name is ignored.
}

void SseParser::dispatch(QList<SseEvent> &out)
{
    m_hasPendingFields = false;
    if (m_data.isEmpty()) {
        m_eventType.clear();
        return;
    }
    m_data.chop(1); // the '\n' appended after the last data line
    SseEvent ev;
    if (!m_eventType.isEmpty())
        ev.type = QString::fromUtf8(m_eventType);
    ev.data = QString::fromUtf8(m_data);
    ev.lastEventId = m_lastEventId;
    out.append(std::move(ev));
    m_data.clear();
    m_eventType.clear();
}

bool SseParser::finish()
{
    const bool dropped = m_hasPendingFields || !m_partialLine.isEmpty();
    m_partialLine.clear();
    m_data.clear();
    m_eventType.clear();
    m_hasPendingFields = false;
    m_skipLeadingLf = false;
    return dropped;
}

void SseParser::reset()
{
    finish();
    m_lastEventId.clear();
    m_retryMs = -1;
    m_atStreamStart = true;
}

} // namespace teehee
