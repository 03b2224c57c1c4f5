#include "providers/ndjsonparser.h"

namespace teehee {

namespace {

void appendLine(QByteArrayView line, QList<QByteArray> &lines)
{
    if (line.endsWith('\r'))
        line.chop(1);
    if (!line.trimmed().isEmpty())
        lines.append(line.toByteArray());
}

} // namespace

QList<QByteArray> NdjsonParser::feed(QByteArrayView chunk)
{
    QList<QByteArray> lines;
    feed(chunk, lines);
    return lines;
}

void NdjsonParser::feed(QByteArrayView chunk, QList<QByteArray> &lines)
{
    while (!chunk.isEmpty()) {
        const qsizetype nl = chunk.indexOf('\n');
        if (nl < 0) {
            m_partial.append(chunk.data(), chunk.size());
            return;
        }
        if (m_partial.isEmpty()) {
            appendLine(chunk.first(nl), lines);
        } else {
            m_partial.append(chunk.data(), nl);
            appendLine(m_partial, lines);
            m_partial.clear();
        }
        chunk = chunk.sliced(nl + 1);
    }
}

QByteArray NdjsonParser::finish()
{
    QByteArray last = m_partial.trimmed();
    m_partial.clear();
    return last;
}

} // namespace teehee
