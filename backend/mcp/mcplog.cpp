#include "mcp/mcplog.h"

#include "core/logging.h"
#include "mcp/mcpcontent.h"

#include <algorithm>

namespace teehee {

namespace {

const QByteArray kRedacted = QByteArrayLiteral("[redacted]");

} // namespace

void McpLog::setSecrets(const QStringList &secrets)
{
    m_secrets.clear();
    for (const QString &s : secrets) {
        // Longer ones could not wait whole at a piece's end (see appendOutput).
        if (s.size() < kMinSecretChars || s.toUtf8().size() >= kMaxLineBytes)
            continue;
        m_secrets << s.toUtf8();
        // "Bearer abc…": the token alone may be printed too.
        const qsizetype space = s.lastIndexOf(QLatin1Char(' '));
        if (space >= 0 && s.size() - space - 1 >= kMinSecretChars)
            m_secrets << s.mid(space + 1).toUtf8();
    }
    // Longest first: a secret that contains another is replaced whole.
    std::sort(m_secrets.begin(), m_secrets.end(), [](const QByteArray &a, const QByteArray &b) { return a.size() > b.size(); });
}

void McpLog::appendOutput(QByteArrayView bytes)
{
    while (!bytes.isEmpty()) {
        const qsizetype nl = bytes.indexOf('\n');
        const qsizetype take = nl < 0 ? bytes.size() : nl;
        const qsizetype room = kMaxLineBytes - m_pending.size();
        if (take > room) {
            // No newline in sight: keep a piece. Its end may begin a secret
            // that the next piece finishes; that end waits for the next piece.
            m_pending.append(bytes.first(room));
            bytes = bytes.sliced(room);
            const qsizetype carry = secretPrefixAtEnd(m_pending);
            keep(QString::fromUtf8(redacted(m_pending.first(m_pending.size() - carry))));
            m_pending = m_pending.right(carry);
            continue;
        }
        m_pending.append(bytes.first(take));
        if (nl < 0)
            return;
        bytes = bytes.sliced(nl + 1);
        keepLine(std::exchange(m_pending, {}));
    }
}

void McpLog::flush()
{
    if (!m_pending.isEmpty())
        keepLine(std::exchange(m_pending, {}));
}

void McpLog::keepLine(const QByteArray &raw)
{
    QByteArray line = raw;
    if (line.endsWith('\r'))
        line.chop(1);
    keep(QString::fromUtf8(redacted(line)));
}

QByteArray McpLog::redacted(QByteArray line) const
{
    for (const QByteArray &secret : m_secrets)
        line.replace(secret, kRedacted);
    return line;
}

qsizetype McpLog::secretPrefixAtEnd(const QByteArray &piece) const
{
    qsizetype longest = 0;
    for (const QByteArray &secret : m_secrets) {
        for (qsizetype k = qMin(secret.size() - 1, piece.size()); k > longest; --k) {
            if (piece.endsWith(QByteArrayView(secret).first(k))) {
                longest = k;
                break;
            }
        }
    }
    return longest;
}

void McpLog::appendNote(const QString &line)
{
    // A server's log notification may be long; one line must not push out all the others.
    keep(cutToUtf8Bytes(QString::fromUtf8(redacted(line.toUtf8())), kMaxLineBytes));
}

void McpLog::keep(const QString &line)
{
    const QString safe = logSafe(line);
    m_lines << safe;
    m_bytes += safe.toUtf8().size() + 1;
    while (m_bytes > kMaxBytes && !m_lines.isEmpty())
        m_bytes -= m_lines.takeFirst().toUtf8().size() + 1;
}

void McpLog::clear()
{
    m_pending.clear();
    m_lines.clear();
    m_bytes = 0;
}

} // namespace teehee
