#include "api/router.h"

#include "core/logging.h"

namespace teehee {
namespace {
const QString kUuid = QStringLiteral("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
}

void Router::add(const QByteArray &method, const QString &pattern, Handler handler)
{
    Route r;
    r.method = method.toUpper();
    r.pattern = pattern;
    r.handler = std::move(handler);
    QString regex = QStringLiteral("^");
    static const QRegularExpression param(QStringLiteral("\\{([A-Za-z_][A-Za-z0-9_]*)(?::(uuid))?\\}"));
    qsizetype last = 0;
    auto it = param.globalMatch(pattern);
    while (it.hasNext()) {
        const auto m = it.next();
        regex += QRegularExpression::escape(pattern.mid(last, m.capturedStart() - last));
        const bool uuid = m.captured(2) == u"uuid";
        regex += uuid ? QStringLiteral("(%1)").arg(kUuid) : QStringLiteral("([^/]+)");
        r.names << m.captured(1);
        r.isUuid << uuid;
        last = m.capturedEnd();
    }
    QString tail = pattern.mid(last);
    if (tail.endsWith(u'/') && tail.size() > 1)
        tail.chop(1);
    regex += QRegularExpression::escape(tail);
    if (pattern != u"/")
        regex += QStringLiteral("/?");
    regex += QStringLiteral("$");
    r.regex = QRegularExpression(regex);
    Q_ASSERT_X(r.regex.isValid(), "Router::add", qPrintable(pattern));
    m_routes.push_back(std::move(r));
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    Match result;
    for (const Route &r : m_routes) {
        const auto m = r.regex.match(path);
        if (!m.hasMatch())
            continue;
        if (r.method != method) {
            if (!result.allowed.contains(r.method))
                result.allowed << r.method;
            continue;
        }
        if (result.handler)
            continue; // first registration wins
        result.handler = &r.handler;
        for (qsizetype i = 0; i < r.names.size(); ++i) {
            const QString v = m.captured(int(i) + 1);
            result.params.insert(r.names[i], r.isUuid[i] ? v.toLower() : v);
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
