#pragma once

#include <QString>
#include <QStringList>

namespace teehee {

// The text side of search that both databases share: the words of a query,
// and the plain-text snippet shown for a hit.
namespace searchtext {

// Whitespace-separated words that hold at least one letter or digit.
QStringList words(const QString &query);

// Lower case, Latin accents removed ("Café" → "cafe"), one character for one:
// positions in the result are positions in `text`.
QString fold(const QString &text);

// Plain text of at most `maxChars` characters around the first place any of
// `words` occurs (case- and accent-insensitively); whitespace runs become one
// space, and "…" marks text left out. No match: the start of the text.
QString snippet(const QString &text, const QStringList &words, int maxChars = 200);

} // namespace searchtext
} // namespace teehee
