#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringList>

namespace teehee {

// A server's stderr (and its client's notes about it) as lines a person may
// read: at most kMaxBytes of the newest lines, control characters escaped,
// and every configured secret replaced by "[redacted]" before anything is
// kept, so a token printed by the server never reaches the log.
class McpLog {
public:
    static constexpr qsizetype kMaxBytes = 64 * 1024;
    // A "line" that goes on without a newline is kept in pieces of this size.
    static constexpr qsizetype kMaxLineBytes = 8 * 1024;
    static constexpr qsizetype kMinSecretChars = 3; // shorter values would redact ordinary text

    void setSecrets(const QStringList &secrets);
    // Bytes as they came off the pipe; whole lines are kept as they end.
    void appendOutput(QByteArrayView bytes);
    // The output ended: a last line without its newline is kept too.
    void flush();
    void appendNote(const QString &line);
    void clear();

    QStringList lines() const { return m_lines; }

private:
    void keepLine(const QByteArray &raw);
    void keep(const QString &line);
    QByteArray redacted(QByteArray line) const;
    qsizetype secretPrefixAtEnd(const QByteArray &piece) const; // bytes that may begin a secret

    QList<QByteArray> m_secrets; // UTF-8, longest first
    QByteArray m_pending;        // the current line, until its newline
    QStringList m_lines;
    qsizetype m_bytes = 0;
};

} // namespace teehee
