#include "auth/devicename.h"

#include <QRegularExpression>

namespace teehee::devicename {
namespace {

struct Rule {
    const char *marker; // found in the User-Agent (case-sensitive, as browsers write it)
    const char *name;
};

// Order matters: Edge and Opera also say Chrome, Chrome also says Safari,
// iPad and Android also say Linux or Mac OS X.
constexpr Rule kBrowsers[] = {
    {"Edg/", "Edge"}, {"EdgA/", "Edge"}, {"EdgiOS/", "Edge"}, {"OPR/", "Opera"}, {"SamsungBrowser/", "Samsung Internet"},
    {"Firefox/", "Firefox"}, {"FxiOS/", "Firefox"}, {"CriOS/", "Chrome"}, {"Chrome/", "Chrome"},
    {"Chromium/", "Chromium"}, {"Safari/", "Safari"},
};
constexpr Rule kSystems[] = {
    {"iPhone", "iPhone"}, {"iPad", "iPad"}, {"Android", "Android"}, {"CrOS", "ChromeOS"}, {"Windows", "Windows"},
    {"Macintosh", "macOS"}, {"Mac OS X", "macOS"}, {"Linux", "Linux"},
};

const char *firstMatch(const QByteArray &ua, const auto &rules)
{
    for (const Rule &r : rules)
        if (ua.contains(r.marker))
            return r.name;
    return nullptr;
}

} // namespace

QString sanitised(const QString &name)
{
    QString out;
    out.reserve(qMin<qsizetype>(name.size(), kMaxDeviceNameLength * 2));
    bool space = false;
    for (QChar ch : name) {
        const QChar::Category c = ch.category();
        if (ch.isSpace()) {
            space = !out.isEmpty();
            continue;
        }
        if (c == QChar::Other_Control || c == QChar::Other_Format || c == QChar::Other_NotAssigned
            || c == QChar::Other_PrivateUse)
            continue;
        if (space) {
            out += u' ';
            space = false;
        }
        out += ch;
        if (out.size() >= kMaxDeviceNameLength)
            break;
    }
    // Never end on half a surrogate pair.
    if (!out.isEmpty() && out.back().isHighSurrogate())
        out.chop(1);
    return out.left(kMaxDeviceNameLength).trimmed();
}

QString fromUserAgent(const QByteArray &userAgent)
{
    const QByteArray ua = userAgent.left(1024);
    const char *browser = firstMatch(ua, kBrowsers);
    const char *system = firstMatch(ua, kSystems);
    if (browser && system)
        return QStringLiteral("%1 on %2").arg(QLatin1String(browser), QLatin1String(system));
    if (browser)
        return QLatin1String(browser);
    // Anything else: its first product name ("curl/8.5.0" → "curl", "Teehee/1.2 (Linux)" → "Teehee").
    static const QRegularExpression product(QStringLiteral("^\\s*([A-Za-z][A-Za-z0-9._ -]{0,40}?)\\s*(/|\\(|$)"));
    const auto m = product.match(QString::fromLatin1(ua));
    QString name = m.hasMatch() ? sanitised(m.captured(1)) : QString();
    if (name.isEmpty() || name == u"Mozilla")
        return system ? QLatin1String(system) : QString();
    if (system)
        name += QStringLiteral(" on %1").arg(QLatin1String(system));
    return sanitised(name);
}

QString fromClient(const QString &given, const QByteArray &userAgent)
{
    if (QString name = sanitised(given); !name.isEmpty())
        return name;
    if (QString name = fromUserAgent(userAgent); !name.isEmpty())
        return name;
    return QStringLiteral("Unknown device");
}

} // namespace teehee::devicename
