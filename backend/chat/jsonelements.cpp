#include "chat/jsonelements.h"

namespace teehee::jsonelements {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

qsizetype skipSpace(QByteArrayView t, qsizetype i)
{
    while (i < t.size() && isSpace(t[i]))
        ++i;
    return i;
}

// The end (one past) of the string starting at the quote at `i`, or -1.
qsizetype stringEnd(QByteArrayView t, qsizetype i)
{
    for (++i; i < t.size(); ++i) {
        if (t[i] == '\\')
            ++i;
        else if (t[i] == '"')
            return i + 1;
    }
    return -1;
}

// The end (one past) of the value starting at `i`, or -1.
qsizetype valueEnd(QByteArrayView t, qsizetype i)
{
    if (i >= t.size())
        return -1;
    if (t[i] == '"')
        return stringEnd(t, i);
    if (t[i] != '{' && t[i] != '[') {
        // A number, true, false or null: up to the next delimiter.
        const qsizetype start = i;
        while (i < t.size() && !isSpace(t[i]) && t[i] != ',' && t[i] != ']' && t[i] != '}')
            ++i;
        return i > start ? i : -1;
    }
    int depth = 0;
    for (; i < t.size(); ++i) {
        const char c = t[i];
        if (c == '"') {
            i = stringEnd(t, i);
            if (i < 0)
                return -1;
            --i;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0)
                return i + 1;
        }
    }
    return -1;
}

QString where(qsizetype at) { return QStringLiteral("not valid JSON at byte %1").arg(at); }

} // namespace

std::optional<QList<QByteArrayView>> arrayElements(QByteArrayView t, qsizetype i, QString *error)
{
    QList<QByteArrayView> out;
    if (i >= t.size() || t[i] != '[')
        return *error = where(i), std::nullopt;
    i = skipSpace(t, i + 1);
    if (i < t.size() && t[i] == ']')
        return out;
    for (;;) {
        const qsizetype end = valueEnd(t, i);
        if (end < 0)
            return *error = where(i), std::nullopt;
        out << t.sliced(i, end - i);
        i = skipSpace(t, end);
        if (i < t.size() && t[i] == ']')
            return out;
        if (i >= t.size() || t[i] != ',')
            return *error = where(i), std::nullopt;
        i = skipSpace(t, i + 1);
    }
}

std::optional<QList<Member>> objectMembers(QByteArrayView t, QString *error)
{
    QList<Member> out;
    qsizetype i = skipSpace(t, 0);
    if (i >= t.size() || t[i] != '{')
        return *error = where(i), std::nullopt;
    i = skipSpace(t, i + 1);
    if (i < t.size() && t[i] == '}')
        return skipSpace(t, i + 1) == t.size() ? std::optional(out) : (*error = where(i + 1), std::nullopt);
    for (;;) {
        if (i >= t.size() || t[i] != '"')
            return *error = where(i), std::nullopt;
        const qsizetype nameEnd = stringEnd(t, i);
        if (nameEnd < 0)
            return *error = where(i), std::nullopt;
        const QByteArrayView name = t.sliced(i + 1, nameEnd - i - 2);
        i = skipSpace(t, nameEnd);
        if (i >= t.size() || t[i] != ':')
            return *error = where(i), std::nullopt;
        i = skipSpace(t, i + 1);
        const qsizetype end = valueEnd(t, i);
        if (end < 0)
            return *error = where(i), std::nullopt;
        out << Member{name, t.sliced(i, end - i)};
        i = skipSpace(t, end);
        if (i < t.size() && t[i] == '}')
            return skipSpace(t, i + 1) == t.size() ? std::optional(out) : (*error = where(i + 1), std::nullopt);
        if (i >= t.size() || t[i] != ',')
            return *error = where(i), std::nullopt;
        i = skipSpace(t, i + 1);
    }
}

} // namespace teehee::jsonelements
