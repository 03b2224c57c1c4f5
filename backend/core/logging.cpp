#include "core/logging.h"

Q_LOGGING_CATEGORY(lcConfig, "teehee.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDb, "teehee.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "teehee.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "teehee.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "teehee.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProviders, "teehee.providers", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGeneration, "teehee.generation", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTools, "teehee.tools", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEventLoop, "teehee.eventloop", QtInfoMsg)

namespace teehee {

QString logSafe(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\\') {
            out += QLatin1String("\\\\");
        } else if (u == u'\r') {
            out += QLatin1String("\\r");
        } else if (u == u'\n') {
            out += QLatin1String("\\n");
        } else if (u == u'\t') {
            out += QLatin1String("\\t");
        } else if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0)) {
            out += QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
        } else if (u == 0x2028 || u == 0x2029 || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069)) {
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace teehee
