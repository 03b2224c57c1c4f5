#include "api/router.h"

#include "core/logging.h"
#include "db/sqlquery.h"

namespace teehee {

void Router::add(const QByteArray &method, const QString &pattern, Handler handler)
{
    Route r;
    r.method = method.toUpper();
    r.pattern = pattern;
    r.handler = std::move(handler);
    // "/chats/{chat_id:uuid}/messages" → ["chats", {chat_id, uuid}, "messages"].
    // A trailing slash in the pattern is the same route.
    for (const QString &part : pattern.split(u'/', Qt::SkipEmptyParts)) {
        Segment seg;
        if (part.startsWith(u'{') && part.endsWith(u'}')) {
            const QString inner = part.mid(1, part.size() - 2);
            const qsizetype colon = inner.indexOf(u':');
            seg.param = colon < 0 ? inner : inner.left(colon);
            seg.uuid = colon >= 0 && inner.mid(colon + 1) == u"uuid";
            seg.rest = colon >= 0 && inner.mid(colon + 1) == u"path";
            Q_ASSERT_X(!seg.param.isEmpty() && (colon < 0 || seg.uuid || seg.rest), "Router::add", qPrintable(pattern));
        } else {
            seg.literal = part;
        }
        r.segments.push_back(std::move(seg));
    }
    m_routes.push_back(std::move(r));
}

bool Router::matches(const Route &route, const QList<QStringView> &parts)
{
    const bool takesRest = !route.segments.empty() && route.segments.back().rest;
    if (takesRest ? route.segments.size() > size_t(parts.size()) : route.segments.size() != size_t(parts.size()))
        return false;
    for (qsizetype i = 0; i < qsizetype(route.segments.size()); ++i) {
        const Segment &seg = route.segments[size_t(i)];
        if (seg.param.isEmpty() ? parts[i] != seg.literal : (seg.uuid && !isUuid(parts[i].toString())))
            return false;
    }
    return true;
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    Match result;
    // Segments of the path; one trailing slash is allowed, "//" inside is not.
    QStringView rest(path);
    if (!rest.startsWith(u'/'))
        return result;
    rest = rest.mid(1);
    if (rest.endsWith(u'/'))
        rest.chop(1);
    QList<QStringView> parts;
    if (!rest.isEmpty()) {
        for (QStringView part : rest.split(u'/')) {
            if (part.isEmpty())
                return result;
            parts.append(part);
        }
    }
    for (const Route &r : m_routes) {
        if (!matches(r, parts))
            continue;
        if (r.method != method) {
            if (!result.allowed.contains(r.method))
                result.allowed << r.method;
            continue;
        }
        if (result.handler)
            continue; // first registration wins
        result.handler = &r.handler;
        for (qsizetype i = 0; i < qsizetype(r.segments.size()); ++i) {
            const Segment &seg = r.segments[size_t(i)];
            if (seg.rest) {
                QStringList rest;
                for (qsizetype j = i; j < parts.size(); ++j)
                    rest << parts[j].toString();
                result.params.insert(seg.param, rest.join(u'/'));
            } else if (!seg.param.isEmpty()) {
                result.params.insert(seg.param, seg.uuid ? parts[i].toString().toLower() : parts[i].toString());
            }
        }
    }
    return result;
}

QList<QPair<QByteArray, QString>> Router::routes() const
{
    QList<QPair<QByteArray, QString>> out;
    for (const Route &r : m_routes)
        out.append({r.method, r.pattern});
    return out;
}

} // namespace teehee
