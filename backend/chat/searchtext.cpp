#include "chat/searchtext.h"

#include <QRegularExpression>

namespace teehee::searchtext {

QStringList words(const QString &query)
{
    QStringList out;
    static const QRegularExpression space(QStringLiteral("\\s+"));
    for (const QString &w : query.split(space, Qt::SkipEmptyParts)) {
        if (std::any_of(w.begin(), w.end(), [](QChar c) { return c.isLetterOrNumber(); }))
            out << w;
    }
    return out;
}

QString fold(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        if (c.unicode() < 0x80) {
            c = c.toLower();
            continue;
        }
        // The base letter of a precomposed Latin letter (é → e, Å → a).
        const QString d = c.decomposition();
        if (!d.isEmpty() && c.decompositionTag() == QChar::Canonical && d.at(0).unicode() < 0x80)
            c = d.at(0).toLower();
        else
            c = c.toLower();
    }
    return out;
}

namespace {

QString collapsed(const QString &text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return QString(text).replace(space, QStringLiteral(" ")).trimmed();
}

} // namespace

QString snippet(const QString &text, const QStringList &words, int maxChars)
{
    const QString plain = collapsed(text);
    const QString folded = fold(plain);
    qsizetype first = -1;
    for (const QString &w : words) {
        const qsizetype at = folded.indexOf(fold(w));
        if (at >= 0 && (first < 0 || at < first))
            first = at;
    }
    if (plain.size() <= maxChars)
        return plain;
    const QString ellipsis = QStringLiteral("…");
    // Some context before the match, the rest after it.
    qsizetype start = first <= 0 ? 0 : std::max<qsizetype>(0, first - maxChars / 4);
    if (start > 0) {
        // Begin at the start of a word.
        const qsizetype space = plain.indexOf(QLatin1Char(' '), start);
        if (space >= 0 && space < first)
            start = space + 1;
    }
    qsizetype room = maxChars - (start > 0 ? 1 : 0);
    if (start + room < plain.size())
        room -= 1; // for the closing ellipsis
    qsizetype end = std::min(plain.size(), start + room);
    // Never cut a surrogate pair.
    if (end < plain.size() && end > start && plain.at(end - 1).isHighSurrogate())
        --end;
    if (start > 0 && plain.at(start).isLowSurrogate())
        ++start;
    QString out = plain.mid(start, end - start);
    if (start > 0)
        out.prepend(ellipsis);
    if (end < plain.size())
        out.append(ellipsis);
    return out;
}

} // namespace teehee::searchtext
