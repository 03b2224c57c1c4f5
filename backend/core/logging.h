#pragma once

#include <QLoggingCategory>
#include <QString>
#include <QStringView>

Q_DECLARE_LOGGING_CATEGORY(lcConfig)
Q_DECLARE_LOGGING_CATEGORY(lcDb)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcProviders)
Q_DECLARE_LOGGING_CATEGORY(lcGeneration)
Q_DECLARE_LOGGING_CATEGORY(lcTools)
Q_DECLARE_LOGGING_CATEGORY(lcEventLoop)

namespace teehee {

// A client-controlled string made fit for one log line: control characters
// (CR, LF, ESC, DEL, C1, Unicode line separators and bidi overrides) and the backslash are
// written as escapes, so a request cannot forge or colour log lines.
QString logSafe(QStringView text);
inline QString logSafe(const QByteArray &utf8) { return logSafe(QString::fromUtf8(utf8)); }

} // namespace teehee
