#pragma once

#include <QByteArrayView>

// The character classes of HTTP/1.1 fields (RFC 9110 §5), shared by the
// request parser and what reads its heads.
namespace teehee::httpsyntax {

// One or more token characters (method names, header names).
bool isToken(QByteArrayView s);
// Control characters other than HTAB (NUL, CR, LF, DEL among them).
bool hasControl(QByteArrayView s);
// Without leading and trailing spaces and tabs (optional whitespace).
QByteArrayView trimmedOws(QByteArrayView s);
// One or more ASCII digits and nothing else.
bool isAllDigits(QByteArrayView s);

} // namespace teehee::httpsyntax
