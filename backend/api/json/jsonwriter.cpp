#include "api/json/jsonwriter.h"

#include "core/jsonescape.h"

namespace teehee::jsonwriter {

void appendString(QByteArray &out, const QString &s)
{
    out.append('"');
    appendJsonEscaped(out, s);
    out.append('"');
}

// "YYYY-MM-DDTHH:MM:SS.mmmZ" from the UTC instant, by integer arithmetic:
// QDateTime::toString costs more than the rest of a message together.
// (Days to civil date: H. Hinnant's algorithm.) Same text as time() for years 0..9999.
void appendTime(QByteArray &out, const QDateTime &t)
{
    if (!t.isValid()) {
        out.append("\"\"");
        return;
    }
    const qint64 ms = t.toMSecsSinceEpoch();
    qint64 days = ms / 86400000;
    qint64 rest = ms % 86400000;
    if (rest < 0)
        rest += 86400000, --days;
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const int year = int(yoe + era * 400 + (month <= 2));
    if (year < 0 || year > 9999) {
        out.append('"').append(t.toUTC().toString(Qt::ISODateWithMs).toUtf8()).append('"');
        return;
    }
    const int h = int(rest / 3600000), mi = int(rest / 60000 % 60), sec = int(rest / 1000 % 60), milli = int(rest % 1000);
    char b[26];
    auto two = [](char *p, int v) { p[0] = char('0' + v / 10), p[1] = char('0' + v % 10); };
    b[0] = '"';
    b[1] = char('0' + year / 1000), b[2] = char('0' + year / 100 % 10), b[3] = char('0' + year / 10 % 10), b[4] = char('0' + year % 10);
    b[5] = '-', two(b + 6, month), b[8] = '-', two(b + 9, day), b[11] = 'T';
    two(b + 12, h), b[14] = ':', two(b + 15, mi), b[17] = ':', two(b + 18, sec), b[20] = '.';
    b[21] = char('0' + milli / 100), b[22] = char('0' + milli / 10 % 10), b[23] = char('0' + milli % 10);
    b[24] = 'Z', b[25] = '"';
    out.append(b, 26);
}

void appendIdOrNull(QByteArray &out, const QString &id)
{
    if (id.isEmpty())
        out.append("null");
    else
        appendString(out, id.toLower());
}

void appendTextOrNull(QByteArray &out, const QString &s)
{
    if (s.isEmpty())
        out.append("null");
    else
        appendString(out, s);
}

} // namespace teehee::jsonwriter
