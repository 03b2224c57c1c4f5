#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

// Compact JSON text written straight into a byte array, for the documents that
// are large (a 10,000-message chat) or hot (the chat list): building
// QJsonObjects first costs more than reading the rows from the database.
namespace teehee::jsonwriter {

// A JSON string from UTF-16: quote, backslash and control characters escaped.
void appendString(QByteArray &out, const QString &s);
// "YYYY-MM-DDTHH:MM:SS.mmmZ" (UTC), or "" for an invalid time.
void appendTime(QByteArray &out, const QDateTime &t);
// The id in lower case, or null when empty.
void appendIdOrNull(QByteArray &out, const QString &id);
// The text, or null when empty.
void appendTextOrNull(QByteArray &out, const QString &s);

} // namespace teehee::jsonwriter
